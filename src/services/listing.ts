// Maintained counts of what anonymous readers may list (docs/performance.md):
// the total of `articles`, of a category's list (CategoryPage's totalCount, the
// menu's articleCount) and of the featured list. Counting every visible article on
// each request cost a full pass over them; instead every write that can change
// what an article is counted in calls `syncListing` inside its own transaction,
// and reads take the stored count.
//
// An article is counted ("listed") by its state: not deleted, with a published
// version, and readable by anonymous readers (inheriting the site's permissions,
// or public). Whether it is visible at a given instant also depends on time (its
// publish date has come, its end of publication has not passed): reads subtract
// the few listed articles that are not visible right now (one indexed lookup in
// the same statement), until the scheduler withdraws them.
//
// `npm run admin -- counts:check [--repair]` compares the stored counts with a
// recount and repairs any drift (a write made by hand in the database, say).
import { Prisma, type Db } from "../db/client";

/** A Prisma client or an interactive transaction. */
type Client = Db | Prisma.TransactionClient;

export const ALL = "all";
export const FEATURED = "featured";
export const categoryKey = (categoryId: string) => `category:${categoryId}`;

interface ListingFacts {
  deletedAt: Date | null;
  publishedVersionId: string | null;
  inheritsPermissions: boolean;
  isPublic: boolean;
  publishedVersion: { categoryId: string | null; featured: boolean } | null;
}

/** The counts an article in this state is part of ("all featured category:<id>"), or null. */
export function listedIn(a: ListingFacts): string | null {
  if (a.deletedAt || !a.publishedVersionId || !a.publishedVersion || !(a.inheritsPermissions || a.isPublic)) return null;
  const keys = [ALL];
  if (a.publishedVersion.featured) keys.push(FEATURED);
  if (a.publishedVersion.categoryId) keys.push(categoryKey(a.publishedVersion.categoryId));
  return keys.join(" ");
}

const factsSelect = {
  id: true,
  listedIn: true,
  deletedAt: true,
  publishedVersionId: true,
  inheritsPermissions: true,
  isPublic: true,
  publishedVersion: { select: { categoryId: true, featured: true } },
} as const;

/**
 * Brings the counts up to date with the articles' current state. Call it inside
 * the transaction of every write that may change whether or where an article is
 * listed (publication, unpublication, scheduled publication, expiry, deletion,
 * restore, permissions, a new published version with another category or
 * featured flag); calling it for a write that changed nothing costs one read.
 */
export async function syncListing(tx: Client, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const rows = await tx.article.findMany({ where: { id: { in: [...new Set(articleIds)] } }, select: factsSelect });
  const delta = new Map<string, number>();
  for (const row of rows) {
    const next = listedIn(row);
    if (next === row.listedIn) continue;
    for (const key of row.listedIn?.split(" ") ?? []) delta.set(key, (delta.get(key) ?? 0) - 1);
    for (const key of next?.split(" ") ?? []) delta.set(key, (delta.get(key) ?? 0) + 1);
    // Conditional on what was read: a concurrent writer of the same row makes this
    // transaction fail (and retry or roll back) instead of counting twice.
    const { count } = await tx.article.updateMany({ where: { id: row.id, listedIn: row.listedIn }, data: { listedIn: next } });
    if (count !== 1) throw new Error(`listing counts: article ${row.id} changed during the update; retry the write`);
  }
  for (const [key, n] of [...delta].sort(([a], [b]) => a.localeCompare(b))) {
    if (n === 0) continue;
    await tx.listingCount.upsert({ where: { key }, create: { key, count: n }, update: { count: { increment: n } } });
  }
}

export interface ListingRead {
  provider: "sqlite" | "postgres";
  now: Date;
}

/**
 * The numbers of articles anonymous readers may list right now, by key: the
 * stored counts less the listed articles not visible at `now`. One statement.
 */
export async function listingCounts(db: Db, keys: readonly string[], at: ListingRead): Promise<Map<string, number>> {
  const unique = [...new Set(keys)];
  const result = new Map<string, number>(unique.map((k) => [k, 0]));
  if (unique.length === 0) return result;
  const sqlite = at.provider === "sqlite";
  // SQLite keeps Prisma's DateTime as ISO text with an offset; PostgreSQL takes a timestamp.
  const now = sqlite ? at.now.toISOString().replace("Z", "+00:00") : at.now;
  const p = (n: number) => (sqlite ? "?" : `$${n}`);
  const ts = (n: number) => (sqlite ? "?" : `$${n}::timestamp`);
  const keyParams = unique.map((_, i) => p(i + 3)).join(", ");
  const rows = await db.$queryRawUnsafe<Array<{ key: string; n: number | bigint }>>(
    `SELECT c."key" AS "key", c."count" - (
       SELECT COUNT(*) FROM "Article" a
       WHERE a."listedIn" IS NOT NULL
         AND (a."publishedAt" IS NULL OR a."publishedAt" > ${ts(1)} OR a."expireAt" <= ${ts(2)})
         AND (' ' || a."listedIn" || ' ') LIKE ('% ' || c."key" || ' %')
     ) AS "n"
     FROM "ListingCount" c WHERE c."key" IN (${keyParams})`,
    now,
    now,
    ...unique,
  );
  for (const row of rows) result.set(row.key, Number(row.n));
  return result;
}

/**
 * An SQL condition on the article aliased `a`: listed in `key` and visible to
 * anonymous readers at `at.now`, so exactly the articles of that list's
 * maintained count. For statements that count within a list (search matches).
 */
export function listedNowSql(key: string, at: ListingRead): Prisma.Sql {
  const now = at.provider === "sqlite" ? Prisma.sql`${at.now.toISOString().replace("Z", "+00:00")}` : Prisma.sql`${at.now}::timestamp`;
  return Prisma.sql`a."listedIn" IS NOT NULL AND (' ' || a."listedIn" || ' ') LIKE ${`% ${key} %`}
    AND a."publishedAt" <= ${now} AND (a."expireAt" IS NULL OR a."expireAt" > ${now})`;
}

export interface ListingDrift {
  key: string;
  stored: number;
  actual: number;
}

/**
 * Recounts every list from the articles' state and compares with the stored
 * counts (and each article's `listedIn`). With `repair`, writes the recount.
 */
export async function checkListing(db: Db, options: { repair?: boolean } = {}): Promise<{ drift: ListingDrift[]; articles: number }> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.article.findMany({ select: factsSelect });
      const actual = new Map<string, number>([
        [ALL, 0],
        [FEATURED, 0],
      ]);
      const wrongRows: Array<{ id: string; listedIn: string | null }> = [];
      for (const row of rows) {
        const keys = listedIn(row);
        if (keys !== row.listedIn) wrongRows.push({ id: row.id, listedIn: keys });
        for (const key of keys?.split(" ") ?? []) actual.set(key, (actual.get(key) ?? 0) + 1);
      }
      const stored = new Map((await tx.listingCount.findMany()).map((c) => [c.key, c.count]));
      const drift: ListingDrift[] = [];
      for (const key of new Set([...actual.keys(), ...stored.keys()])) {
        const a = actual.get(key) ?? 0;
        const s = stored.get(key) ?? 0;
        if (a !== s) drift.push({ key, stored: s, actual: a });
      }
      if (options.repair) {
        for (const row of wrongRows) await tx.article.update({ where: { id: row.id }, data: { listedIn: row.listedIn } });
        for (const d of drift) await tx.listingCount.upsert({ where: { key: d.key }, create: { key: d.key, count: d.actual }, update: { count: d.actual } });
      }
      return { drift: drift.sort((x, y) => x.key.localeCompare(y.key)), articles: wrongRows.length };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}
