// Writes one batch of buffered counts to the database in one transaction. Every
// write is an increment of what is there, never an absolute value, so batches
// from any number of instances add up.
import { Prisma, type Db } from "../../db/client";
import { sumInto, type Batch } from "./backend";

const DEFAULT_SITE_NAME = "Cổng thông tin điện tử";
/** Rows per multi-row INSERT (three parameters each; far under every driver's limit). */
const CHUNK = 300;

export interface FlushResult {
  /** False when the database already had this batch (a retry after a lost acknowledgement). */
  written: boolean;
  /** Articles whose view count changed. */
  articles: string[];
}

export async function writeBatch(db: Db, batch: Batch, now: Date): Promise<FlushResult> {
  const site = { total: 0 };
  const days = new Map<string, { visits: number; uniqueVisitors: number; articleViews: number }>();
  const dayOf = (day: string) => days.get(day) ?? days.set(day, { visits: 0, uniqueVisitors: 0, articleViews: 0 }).get(day)!;
  const articleViews = new Map<string, number>();
  const articleDays = new Map<string, { views: number; uniqueViewers: number }>();
  const articleDayOf = (key: string) => articleDays.get(key) ?? articleDays.set(key, { views: 0, uniqueViewers: 0 }).get(key)!;

  for (const [name, n] of batch.counts) {
    const [kind, a, b] = name.split("|") as [string, string, string];
    if (kind === "T") site.total += n;
    else if (kind === "sv") dayOf(a).visits += n;
    else if (kind === "sa") dayOf(a).articleViews += n;
    else if (kind === "av") sumInto(articleViews, a, n);
    else if (kind === "ad") articleDayOf(`${b}|${a}`).views += n;
    // "su" and "au" are the buffer's estimate of new visitors; the database
    // decides below which visitors are really new.
  }

  return db.$transaction(
    async (tx) => {
      // Two instances retrying one batch at once: the second insert of the id
      // fails the whole transaction, and its next retry finds the id.
      if (await tx.counterFlush.findUnique({ where: { id: batch.id }, select: { id: true } })) return { written: false, articles: [] };
      await tx.counterFlush.create({ data: { id: batch.id, flushedAt: now }, select: { id: true } });

      for (let i = 0; i < batch.visitors.length; i += CHUNK) {
        const rows = batch.visitors.slice(i, i + CHUNK).map((member) => {
          const [day, scope, hash] = member.split("|") as [string, string, string];
          return Prisma.sql`(${day}, ${scope}, ${hash})`;
        });
        const inserted = await tx.$queryRaw<Array<{ day: string; scope: string }>>`
          INSERT INTO "DailyVisitor" ("day", "scope", "hash") VALUES ${Prisma.join(rows)}
          ON CONFLICT DO NOTHING RETURNING "day", "scope"`;
        for (const { day, scope } of inserted) {
          if (scope === "site") dayOf(day).uniqueVisitors++;
          else articleDayOf(`${scope}|${day}`).uniqueViewers++;
        }
      }

      if (site.total > 0) {
        await tx.site.upsert({
          where: { id: 1 },
          update: { totalVisits: { increment: site.total } },
          create: { id: 1, name: DEFAULT_SITE_NAME, totalVisits: site.total },
        });
      }
      for (const [day, d] of days) {
        await tx.siteDailyStat.upsert({
          where: { day },
          update: { visits: { increment: d.visits }, uniqueVisitors: { increment: d.uniqueVisitors }, articleViews: { increment: d.articleViews } },
          create: { day, ...d },
        });
      }

      // Views of an article deleted since are dropped with it.
      const ids = [...new Set([...articleViews.keys(), ...[...articleDays.keys()].map((k) => k.split("|")[0]!)])];
      const existing = new Set(ids.length ? (await tx.article.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((a) => a.id) : []);
      for (const [id, n] of articleViews) {
        if (existing.has(id)) await tx.article.update({ where: { id }, data: { viewCount: { increment: n } }, select: { id: true } });
      }
      const dayRows = [...articleDays].filter(([key]) => existing.has(key.split("|")[0]!));
      for (let i = 0; i < dayRows.length; i += CHUNK) {
        const values = dayRows.slice(i, i + CHUNK).map(([key, v]) => {
          const [articleId, day] = key.split("|") as [string, string];
          return Prisma.sql`(${articleId}, ${day}, ${v.views}, ${v.uniqueViewers})`;
        });
        await tx.$executeRaw`
          INSERT INTO "ArticleDailyStat" ("articleId", "day", "views", "uniqueViewers") VALUES ${Prisma.join(values)}
          ON CONFLICT ("articleId", "day") DO UPDATE SET
            "views" = "ArticleDailyStat"."views" + excluded."views",
            "uniqueViewers" = "ArticleDailyStat"."uniqueViewers" + excluded."uniqueViewers"`;
      }
      return { written: true, articles: [...articleViews.keys()].filter((id) => existing.has(id)) };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** Forgets what is no longer needed: visitor hashes of days before yesterday, batch ids older than a day. */
export async function pruneCounters(db: Db, yesterday: string, now: Date): Promise<void> {
  await db.dailyVisitor.deleteMany({ where: { day: { lt: yesterday } } });
  await db.counterFlush.deleteMany({ where: { flushedAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
}
