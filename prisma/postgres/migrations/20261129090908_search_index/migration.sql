-- AlterTable
ALTER TABLE "ArticleVersion" ADD COLUMN     "searchBody" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchSummary" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchTitle" TEXT NOT NULL DEFAULT '';


-- Full-text search, see docs/search.md. Hand-written: Prisma does not model tsvector
-- columns. The folded columns hold plain ASCII words, so the simple configuration
-- with no stemming and no stop words indexes exactly those words. Weights rank a
-- match in the title A before the summary B before the body C. A generated column
-- is computed by PostgreSQL in the statement that writes the row: it cannot drift.
ALTER TABLE "ArticleVersion" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', "searchTitle"), 'A') ||
    setweight(to_tsvector('simple', "searchSummary"), 'B') ||
    setweight(to_tsvector('simple', "searchBody"), 'C')
) STORED;

CREATE INDEX "ArticleVersion_searchVector_idx" ON "ArticleVersion" USING GIN ("searchVector");

-- The rank tier of a match: is the whole query in the title (A), or within title and
-- summary? Asked of every row the GIN index found, so from this small vector, kept
-- in the row, rather than from the body vector above, which is stored out of line.
ALTER TABLE "ArticleVersion" ADD COLUMN "searchHeadVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', "searchTitle"), 'A') ||
    setweight(to_tsvector('simple', "searchSummary"), 'B')
) STORED;
