-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ArticleVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "major" INTEGER NOT NULL,
    "minor" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "comment" TEXT,
    "changedFields" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "body" TEXT NOT NULL,
    "alternateUrl" TEXT,
    "publishAt" DATETIME,
    "expireAt" DATETIME,
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "byline" TEXT,
    "articleType" TEXT,
    "pageCount" INTEGER,
    "photoCount" INTEGER NOT NULL DEFAULT 0,
    "categoryId" TEXT,
    "coverImageId" TEXT,
    "searchTitle" TEXT NOT NULL DEFAULT '',
    "searchSummary" TEXT NOT NULL DEFAULT '',
    "searchBody" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ArticleVersion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ArticleVersion_coverImageId_fkey" FOREIGN KEY ("coverImageId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ArticleVersion" ("alternateUrl", "articleId", "articleType", "body", "byline", "categoryId", "changedFields", "comment", "coverImageId", "createdAt", "createdById", "expireAt", "featured", "id", "label", "major", "minor", "pageCount", "photoCount", "publishAt", "status", "summary", "title") SELECT "alternateUrl", "articleId", "articleType", "body", "byline", "categoryId", "changedFields", "comment", "coverImageId", "createdAt", "createdById", "expireAt", "featured", "id", "label", "major", "minor", "pageCount", "photoCount", "publishAt", "status", "summary", "title" FROM "ArticleVersion";
DROP TABLE "ArticleVersion";
ALTER TABLE "new_ArticleVersion" RENAME TO "ArticleVersion";
CREATE INDEX "ArticleVersion_categoryId_idx" ON "ArticleVersion"("categoryId");
CREATE INDEX "ArticleVersion_featured_idx" ON "ArticleVersion"("featured");
CREATE UNIQUE INDEX "ArticleVersion_articleId_major_minor_key" ON "ArticleVersion"("articleId", "major", "minor");
CREATE UNIQUE INDEX "ArticleVersion_articleId_label_key" ON "ArticleVersion"("articleId", "label");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Full-text search (docs/search.md), hand-written: Prisma cannot model FTS5 tables.
-- The index holds its own copy of the folded columns, keyed by the version id, and
-- does not lean on ArticleVersion's implicit rowid: table rebuilds (how Prisma
-- migrates SQLite) and VACUUM may renumber implicit rowids, which would silently
-- detach an external-content index from its rows. The text is folded ASCII
-- (foldVietnamese), so the tokenizer keeps it as it is; prefix indexes of 2 and 3
-- characters make search-as-you-type cheap. Columns in bm25 order: title, summary, body.
CREATE VIRTUAL TABLE "ArticleVersionFts" USING fts5(
    "versionId" UNINDEXED,
    "searchTitle",
    "searchSummary",
    "searchBody",
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);

-- Kept in sync by triggers, in the transaction of the statement that changes the
-- version. A later migration that rebuilds "ArticleVersion" drops these triggers
-- with the old table and must create them again (tests/search.test.ts checks).
CREATE TRIGGER "ArticleVersion_search_ai" AFTER INSERT ON "ArticleVersion" BEGIN
    INSERT INTO "ArticleVersionFts" ("versionId", "searchTitle", "searchSummary", "searchBody")
    VALUES (new."id", new."searchTitle", new."searchSummary", new."searchBody");
END;
CREATE TRIGGER "ArticleVersion_search_ad" AFTER DELETE ON "ArticleVersion" BEGIN
    DELETE FROM "ArticleVersionFts" WHERE "versionId" = old."id";
END;
CREATE TRIGGER "ArticleVersion_search_au" AFTER UPDATE OF "id", "searchTitle", "searchSummary", "searchBody" ON "ArticleVersion" BEGIN
    DELETE FROM "ArticleVersionFts" WHERE "versionId" = old."id";
    INSERT INTO "ArticleVersionFts" ("versionId", "searchTitle", "searchSummary", "searchBody")
    VALUES (new."id", new."searchTitle", new."searchSummary", new."searchBody");
END;

-- Existing versions enter the index with their (still empty) folded columns; the
-- server fills those columns at start-up (backfillSearchText), and the update
-- trigger above re-indexes each row as it is filled.
INSERT INTO "ArticleVersionFts" ("versionId", "searchTitle", "searchSummary", "searchBody")
SELECT "id", "searchTitle", "searchSummary", "searchBody" FROM "ArticleVersion";
