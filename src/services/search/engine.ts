// The full-text index queries (docs/search.md): SQLite FTS5 table
// "ArticleVersionFts" or PostgreSQL tsvector column "searchVector", both over the
// folded columns of ArticleVersion. Prisma cannot model either, so this is the one
// place with raw SQL for search, always as parameterised tagged templates: the
// reader's text only ever reaches SQL as a bound value built by ./query.ts.
import { Prisma, type Db } from "../../db/client";
import type { DatabaseTarget } from "../../db/url";
import { toFts5Match, toPgTsQuery, type SearchQuery } from "./query";
import { searchColumns } from "./text";

export type Provider = DatabaseTarget["provider"];

/** Which versions of an article a search looks at. */
export type SearchVersions =
  /** Anonymous readers: only what is published. */
  | "published"
  /** Signed-in viewers: the latest version (if they may edit) or the published one. */
  | "current-or-published";

export interface SearchMatch {
  articleId: string;
  versionId: string;
  isCurrent: boolean;
  isPublished: boolean;
  /** 0: the whole query matches in the title; 1: in title and summary; 2: the body is needed. */
  tier: number;
}

export interface FindOptions {
  versions: SearchVersions;
  /** Also deleted articles (the administrators' recycle bin). */
  deleted?: boolean;
  /** At most this many matches, best first; null: every match, in no particular order. */
  limit: number | null;
}

/**
 * The join of a matching version to its article: `version` and `article` are the
 * SQL of the version's id and article id (the search key table on SQLite, the
 * version row on PostgreSQL).
 */
function articleJoin(versions: SearchVersions, version: Prisma.Sql, article: Prisma.Sql): Prisma.Sql {
  return versions === "published"
    ? Prisma.sql`a."publishedVersionId" = ${version}`
    : Prisma.sql`a."id" = ${article} AND (a."currentVersionId" = ${version} OR a."publishedVersionId" = ${version})`;
}
const SQLITE_VERSION = Prisma.raw(`k."versionId"`);
const SQLITE_ARTICLE = Prisma.raw(`k."articleId"`);
const PG_VERSION = Prisma.raw(`v."id"`);
const PG_ARTICLE = Prisma.raw(`v."articleId"`);

const TITLE = ["searchTitle"] as const;
const TITLE_SUMMARY = ["searchTitle", "searchSummary"] as const;

/**
 * Versions matching the query, joined to their article. With a limit, ranked:
 * title matches first, then title-or-summary, then body, each newest first.
 * Visibility is NOT decided here (it is a Prisma where, services/access.ts): the
 * caller must still intersect the result with readableArticleWhere.
 */
export async function findMatches(db: Db, provider: Provider, query: SearchQuery, options: FindOptions): Promise<SearchMatch[]> {
  const rows = provider === "postgres" ? await findPostgres(db, query, options) : await findSqlite(db, query, options);
  return rows.map((row) => ({
    articleId: row.articleId,
    versionId: row.versionId,
    isCurrent: Boolean(Number(row.isCurrent)),
    isPublished: Boolean(Number(row.isPublished)),
    tier: Number(row.tier),
  }));
}

interface Row {
  articleId: string;
  versionId: string;
  isCurrent: unknown;
  isPublished: unknown;
  tier: unknown;
}

function findSqlite(db: Db, query: SearchQuery, options: FindOptions): Promise<Row[]> {
  const match = toFts5Match(query);
  const join = articleJoin(options.versions, SQLITE_VERSION, SQLITE_ARTICLE);
  const deleted = options.deleted ? Prisma.sql`a."deletedAt" IS NOT NULL` : Prisma.sql`a."deletedAt" IS NULL`;
  // The FTS5 table is contentless: only its rowid (the version's search key) is read.
  if (options.limit === null) {
    return db.$queryRaw<Row[]>`
      SELECT a."id" AS "articleId", k."versionId" AS "versionId",
             a."currentVersionId" = k."versionId" AS "isCurrent", a."publishedVersionId" = k."versionId" AS "isPublished", 2 AS "tier"
      FROM "ArticleVersionFts" f
      JOIN "ArticleVersionSearchKey" k ON k."key" = f."rowid"
      JOIN "Article" a ON ${join}
      WHERE "ArticleVersionFts" MATCH ${match} AND ${deleted}`;
  }
  // Tiers come from the same query restricted to columns; each IN (...) runs its
  // FTS query once, not per row.
  return db.$queryRaw<Row[]>`
    SELECT a."id" AS "articleId", k."versionId" AS "versionId",
           a."currentVersionId" = k."versionId" AS "isCurrent", a."publishedVersionId" = k."versionId" AS "isPublished",
           CASE
             WHEN f."rowid" IN (SELECT "rowid" FROM "ArticleVersionFts" WHERE "ArticleVersionFts" MATCH ${toFts5Match(query, TITLE)}) THEN 0
             WHEN f."rowid" IN (SELECT "rowid" FROM "ArticleVersionFts" WHERE "ArticleVersionFts" MATCH ${toFts5Match(query, TITLE_SUMMARY)}) THEN 1
             ELSE 2
           END AS "tier"
    FROM "ArticleVersionFts" f
    JOIN "ArticleVersionSearchKey" k ON k."key" = f."rowid"
    JOIN "Article" a ON ${join}
    WHERE "ArticleVersionFts" MATCH ${match} AND ${deleted}
    ORDER BY "tier", a."publishedAt" IS NULL, a."publishedAt" DESC, a."id"
    LIMIT ${options.limit}`;
}

function findPostgres(db: Db, query: SearchQuery, options: FindOptions): Promise<Row[]> {
  const join = articleJoin(options.versions, PG_VERSION, PG_ARTICLE);
  const deleted = options.deleted ? Prisma.sql`a."deletedAt" IS NOT NULL` : Prisma.sql`a."deletedAt" IS NULL`;
  const tsquery = Prisma.sql`to_tsquery('simple', ${toPgTsQuery(query)})`;
  if (options.limit === null) {
    return db.$queryRaw<Row[]>`
      SELECT a."id" AS "articleId", v."id" AS "versionId",
             a."currentVersionId" IS NOT DISTINCT FROM v."id" AS "isCurrent",
             a."publishedVersionId" IS NOT DISTINCT FROM v."id" AS "isPublished", 2 AS "tier"
      FROM "ArticleVersion" v
      JOIN "Article" a ON ${join}
      WHERE v."searchVector" @@ ${tsquery} AND ${deleted}`;
  }
  // The tier is decided on the rows the GIN index found, from the small title and
  // summary vector kept in the row: reading the body's vector (stored out of line)
  // or parsing the title again for every match costs several times more.
  return db.$queryRaw<Row[]>`
    SELECT a."id" AS "articleId", v."id" AS "versionId",
           a."currentVersionId" IS NOT DISTINCT FROM v."id" AS "isCurrent",
           a."publishedVersionId" IS NOT DISTINCT FROM v."id" AS "isPublished",
           CASE
             WHEN v."searchHeadVector" @@ to_tsquery('simple', ${toPgTsQuery(query, "A")}) THEN 0
             WHEN v."searchHeadVector" @@ ${tsquery} THEN 1
             ELSE 2
           END AS "tier"
    FROM "ArticleVersion" v
    JOIN "Article" a ON ${join}
    WHERE v."searchVector" @@ ${tsquery} AND ${deleted}
    ORDER BY "tier", a."publishedAt" DESC NULLS LAST, a."id"
    LIMIT ${options.limit}`;
}

/**
 * How many articles have a matching version (of the kind `versions` names), not
 * deleted (or, with `deleted`, deleted), optionally only among `articleIds` or
 * leaving out `exceptArticleIds`, or only those meeting `articleWhere` (an SQL
 * condition on the article aliased `a`). Like findMatches, this knows nothing of
 * visibility: the caller makes it exact.
 */
export async function countMatches(
  db: Db,
  provider: Provider,
  query: SearchQuery,
  options: { versions: SearchVersions; deleted?: boolean; articleIds?: string[]; exceptArticleIds?: string[]; articleWhere?: Prisma.Sql },
): Promise<number> {
  const deleted = options.deleted ? Prisma.sql`a."deletedAt" IS NOT NULL` : Prisma.sql`a."deletedAt" IS NULL`;
  // The id list is one bound value (a JSON array / a text[]), whatever its length.
  let among = Prisma.empty;
  if (options.articleIds) {
    among =
      provider === "postgres"
        ? Prisma.sql`AND a."id" = ANY(${options.articleIds}::text[])`
        : Prisma.sql`AND a."id" IN (SELECT "value" FROM json_each(${JSON.stringify(options.articleIds)}))`;
  }
  let except = Prisma.empty;
  if (options.exceptArticleIds?.length) {
    except =
      provider === "postgres"
        ? Prisma.sql`AND NOT (a."id" = ANY(${options.exceptArticleIds}::text[]))`
        : Prisma.sql`AND a."id" NOT IN (SELECT "value" FROM json_each(${JSON.stringify(options.exceptArticleIds)}))`;
  }
  const also = options.articleWhere ? Prisma.sql`AND (${options.articleWhere})` : Prisma.empty;
  const rows =
    provider === "postgres"
      ? await db.$queryRaw<[{ n: unknown }]>`
          SELECT count(DISTINCT a."id") AS n FROM "ArticleVersion" v JOIN "Article" a ON ${articleJoin(options.versions, PG_VERSION, PG_ARTICLE)}
          WHERE v."searchVector" @@ to_tsquery('simple', ${toPgTsQuery(query)}) AND ${deleted} ${among} ${except} ${also}`
      : await db.$queryRaw<[{ n: unknown }]>`
          SELECT count(DISTINCT a."id") AS n FROM "ArticleVersionFts" f
          JOIN "ArticleVersionSearchKey" k ON k."key" = f."rowid"
          JOIN "Article" a ON ${articleJoin(options.versions, SQLITE_VERSION, SQLITE_ARTICLE)}
          WHERE "ArticleVersionFts" MATCH ${toFts5Match(query)} AND ${deleted} ${among} ${except} ${also}`;
  return Number(rows[0].n);
}

/**
 * Fills the folded search columns of versions written before they existed (or
 * all of them, after a change to the folding rules). The index follows: the FTS5
 * update trigger (SQLite) or the generated column (PostgreSQL). Returns the count.
 */
export async function backfillSearchText(db: Db, options: { all?: boolean; batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let done = 0;
  let after = "";
  for (;;) {
    const versions = await db.articleVersion.findMany({
      where: {
        id: { gt: after },
        ...(options.all ? {} : { searchTitle: "", NOT: { title: "" } }),
      },
      select: { id: true, title: true, summary: true, body: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (versions.length === 0) return done;
    await db.$transaction(versions.map((v) => db.articleVersion.update({ where: { id: v.id }, data: searchColumns(v), select: { id: true } })));
    done += versions.length;
    after = versions.at(-1)!.id;
  }
}
