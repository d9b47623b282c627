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
-- ArticleVersion has a text primary key, so its rowid is implicit, and VACUUM or a
-- table rebuild (how Prisma migrates SQLite) may renumber it: an index keyed by it
-- would silently point at the wrong rows. So each version gets its own integer key
-- here, and the index is a contentless FTS5 table keyed by that integer: it holds no
-- second copy of the text, and a match yields the version and article ids through
-- one primary-key lookup, without reading any text. The text is folded ASCII (foldVietnamese), so
-- the tokenizer keeps it as it is; prefix indexes of 1, 2 and 3 characters make
-- search-as-you-type cheap. Columns: title, summary, body.
CREATE TABLE "ArticleVersionSearchKey" (
    "key" INTEGER NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ArticleVersionSearchKey_versionId_key" ON "ArticleVersionSearchKey"("versionId");

CREATE VIRTUAL TABLE "ArticleVersionFts" USING fts5(
    "searchTitle",
    "searchSummary",
    "searchBody",
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);

-- Kept in sync by triggers, in the transaction of the statement that changes the
-- version. A later migration that rebuilds "ArticleVersion" drops these triggers
-- with the old table and must create them again (tests/search.test.ts checks).
CREATE TRIGGER "ArticleVersion_search_ai" AFTER INSERT ON "ArticleVersion" BEGIN
    INSERT INTO "ArticleVersionSearchKey" ("versionId", "articleId") VALUES (new."id", new."articleId");
    INSERT INTO "ArticleVersionFts" ("rowid", "searchTitle", "searchSummary", "searchBody")
    VALUES ((SELECT "key" FROM "ArticleVersionSearchKey" WHERE "versionId" = new."id"), new."searchTitle", new."searchSummary", new."searchBody");
END;
CREATE TRIGGER "ArticleVersion_search_ad" AFTER DELETE ON "ArticleVersion" BEGIN
    DELETE FROM "ArticleVersionFts" WHERE "rowid" = (SELECT "key" FROM "ArticleVersionSearchKey" WHERE "versionId" = old."id");
    DELETE FROM "ArticleVersionSearchKey" WHERE "versionId" = old."id";
END;
CREATE TRIGGER "ArticleVersion_search_au" AFTER UPDATE OF "id", "articleId", "searchTitle", "searchSummary", "searchBody" ON "ArticleVersion" BEGIN
    DELETE FROM "ArticleVersionFts" WHERE "rowid" = (SELECT "key" FROM "ArticleVersionSearchKey" WHERE "versionId" = old."id");
    UPDATE "ArticleVersionSearchKey" SET "versionId" = new."id", "articleId" = new."articleId" WHERE "versionId" = old."id";
    INSERT INTO "ArticleVersionFts" ("rowid", "searchTitle", "searchSummary", "searchBody")
    VALUES ((SELECT "key" FROM "ArticleVersionSearchKey" WHERE "versionId" = new."id"), new."searchTitle", new."searchSummary", new."searchBody");
END;

-- Existing versions enter the index with their (still empty) folded columns; the
-- server fills those columns at start-up (backfillSearchText), and the update
-- trigger above re-indexes each row as it is filled.
INSERT INTO "ArticleVersionSearchKey" ("versionId", "articleId") SELECT "id", "articleId" FROM "ArticleVersion";
INSERT INTO "ArticleVersionFts" ("rowid", "searchTitle", "searchSummary", "searchBody")
SELECT k."key", v."searchTitle", v."searchSummary", v."searchBody"
FROM "ArticleVersion" v JOIN "ArticleVersionSearchKey" k ON k."versionId" = v."id";
