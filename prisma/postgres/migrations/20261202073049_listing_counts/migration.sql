-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "listedIn" TEXT;

-- CreateTable
CREATE TABLE "ListingCount" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ListingCount_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Article_expireAt_idx" ON "Article"("expireAt");


-- Backfill (hand-written): what every existing article is counted in, and the counts.
UPDATE "Article" SET "listedIn" = (
  SELECT 'all' || CASE WHEN v."featured" THEN ' featured' ELSE '' END || CASE WHEN v."categoryId" IS NOT NULL THEN ' category:' || v."categoryId" ELSE '' END
  FROM "ArticleVersion" v WHERE v."id" = "Article"."publishedVersionId"
) WHERE "deletedAt" IS NULL AND "publishedVersionId" IS NOT NULL AND ("inheritsPermissions" OR "isPublic");
INSERT INTO "ListingCount" ("key", "count") SELECT 'all', COUNT(*) FROM "Article" WHERE "listedIn" IS NOT NULL;
INSERT INTO "ListingCount" ("key", "count") SELECT 'featured', COUNT(*) FROM "Article" WHERE "listedIn" LIKE 'all featured%';
INSERT INTO "ListingCount" ("key", "count")
  SELECT 'category:' || v."categoryId", COUNT(*) FROM "Article" a JOIN "ArticleVersion" v ON v."id" = a."publishedVersionId"
  WHERE a."listedIn" IS NOT NULL AND v."categoryId" IS NOT NULL GROUP BY v."categoryId";
