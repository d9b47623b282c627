-- DropIndex
DROP INDEX "ArticleVersion_categoryId_idx";

-- CreateIndex
CREATE INDEX "ArticleVersion_categoryId_id_idx" ON "ArticleVersion"("categoryId", "id");

-- CreateIndex
CREATE INDEX "ArticleVersion_id_categoryId_featured_idx" ON "ArticleVersion"("id", "categoryId", "featured");

