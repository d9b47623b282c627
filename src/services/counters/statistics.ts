// Visit statistics as readers see them: what the database holds plus what the
// counter buffer has not flushed yet, read so that no flush falls between the
// two. GraphQL lives in src/schema/stats.
import type { Db, Prisma } from "../../db/client";
import { badInput } from "../errors";
import { addDays, daysBetween, dayOf, monthStart, weekStart } from "../site-time";
import { field } from "./backend";
import type { Counters } from "./service";

/** What a statistics read needs: the data, the buffer, the site's days, and which articles the viewer may see. */
export interface StatisticsScope {
  db: Db;
  counters: Counters;
  timeZone: string;
  now: Date;
  /** The viewer's readable articles (services/access.ts). */
  visible: Prisma.ArticleWhereInput;
}

export interface DailyRow {
  date: string;
  visits: number;
  uniqueVisitors: number;
  articleViews: number;
}

const MAX_RANGE_DAYS = 366;

export interface Summary {
  totalVisits: number;
  today: number;
  yesterday: number;
  thisWeek: number;
  thisMonth: number;
}

/** The five summary figures of the site, in one read. */
export async function loadSummary(ctx: StatisticsScope): Promise<Summary> {
  const today = dayOf(ctx.now, ctx.timeZone);
  const yesterday = addDays(today, -1);
  const week = weekStart(today);
  const month = monthStart(today);
  const from = [yesterday, week, month].sort()[0]!;
  const days = daysBetween(from, today);
  const { value: rows, pending } = await ctx.counters.consistent(
    // The running total and the days' figures in one statement: the total is the row without a day.
    () => ctx.db.$queryRaw<Array<{ day: string | null; visits: number | bigint }>>`
      SELECT NULL AS "day", "totalVisits" AS "visits" FROM "Site" WHERE "id" = 1
      UNION ALL
      SELECT "day", "visits" FROM "SiteDailyStat" WHERE "day" >= ${from} AND "day" <= ${today}`,
    [field.totalVisits, ...days.map(field.siteVisits)],
  );
  const visits = new Map(days.map((d) => [d, pending.get(field.siteVisits(d)) ?? 0]));
  let flushedTotal = 0;
  for (const row of rows) {
    if (row.day === null) flushedTotal = Number(row.visits);
    else visits.set(row.day, (visits.get(row.day) ?? 0) + Number(row.visits));
  }
  const sum = (start: string) => days.filter((d) => d >= start).reduce((n, d) => n + visits.get(d)!, 0);
  return {
    totalVisits: flushedTotal + (pending.get(field.totalVisits) ?? 0),
    today: visits.get(today)!,
    yesterday: visits.get(yesterday)!,
    thisWeek: sum(week),
    thisMonth: sum(month),
  };
}

/** One row per day from `from` to `to`, both included (at most a year). */
export async function dailyStatistics(ctx: StatisticsScope, from: string, to: string): Promise<DailyRow[]> {
  checkRange(from, to);
  const days = daysBetween(from, to);
  const { value: rows, pending } = await ctx.counters.consistent(
    () => ctx.db.siteDailyStat.findMany({ where: { day: { gte: from, lte: to } } }),
    days.flatMap((d) => [field.siteVisits(d), field.siteUniques(d), field.siteArticleViews(d)]),
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return days.map((date) => {
    const row = byDay.get(date);
    return {
      date,
      visits: (row?.visits ?? 0) + (pending.get(field.siteVisits(date)) ?? 0),
      uniqueVisitors: (row?.uniqueVisitors ?? 0) + (pending.get(field.siteUniques(date)) ?? 0),
      articleViews: (row?.articleViews ?? 0) + (pending.get(field.siteArticleViews(date)) ?? 0),
    };
  });
}

/** The most read articles the viewer may see, over [from, to] (all time without either). */
export async function topArticles(ctx: StatisticsScope, take: number, from?: string | null, to?: string | null) {
  if (take === 0) return [];
  if (!from && !to) return topAllTime(ctx, take);
  const start = from ?? "0000-01-01";
  const end = to ?? dayOf(ctx.now, ctx.timeZone);
  if (start > end) throw badInput("from must not be after to.", ["from", "to"]);
  return topBetween(ctx, take, start, end);
}

/** Ids of articles with buffered views (on a day within [from, to] when given): the only ones the database order may miss. */
async function bufferedArticles(ctx: StatisticsScope, range?: { from: string; to: string }): Promise<string[]> {
  const { pending } = await ctx.counters.consistent(async () => null, "all");
  const ids = new Set<string>();
  for (const [name, n] of pending) {
    if (n <= 0) continue;
    const [kind, a, b] = name.split("|") as [string, string, string];
    if (!range && kind === "av") ids.add(a);
    if (range && kind === "ad" && a >= range.from && a <= range.to) ids.add(b);
  }
  return [...ids].slice(0, 10_000);
}

const rank = (rows: Array<{ articleId: string; views: number }>, take: number) =>
  rows
    .filter((r) => r.views > 0)
    .sort((x, y) => y.views - x.views || (x.articleId < y.articleId ? -1 : 1))
    .slice(0, take);

async function topAllTime(ctx: StatisticsScope, take: number) {
  const visible = ctx.visible;
  const buffered = await bufferedArticles(ctx);
  const { value, pending } = await ctx.counters.consistent(
    () =>
      Promise.all([
        ctx.db.article.findMany({
          where: { AND: [visible, { viewCount: { gt: 0 } }] },
          orderBy: [{ viewCount: "desc" }, { id: "asc" }],
          take,
          select: { id: true, viewCount: true },
        }),
        buffered.length
          ? ctx.db.article.findMany({ where: { AND: [visible, { id: { in: buffered } }] }, select: { id: true, viewCount: true } })
          : Promise.resolve([]),
      ]),
    "all",
  );
  const totals = new Map<string, number>();
  for (const a of value.flat()) totals.set(a.id, a.viewCount + (pending.get(field.articleViews(a.id)) ?? 0));
  return rank(
    [...totals].map(([articleId, views]) => ({ articleId, views })),
    take,
  );
}

async function topBetween(ctx: StatisticsScope, take: number, from: string, to: string) {
  const visible = ctx.visible;
  const buffered = await bufferedArticles(ctx, { from, to });
  const where = { day: { gte: from, lte: to }, article: { is: visible } };
  const { value, pending } = await ctx.counters.consistent(
    () =>
      Promise.all([
        ctx.db.articleDailyStat.groupBy({
          by: ["articleId"],
          where,
          _sum: { views: true },
          orderBy: [{ _sum: { views: "desc" } }, { articleId: "asc" }],
          take,
        }),
        ctx.db.articleDailyStat.groupBy({ by: ["articleId"], where: { ...where, articleId: { in: buffered } }, _sum: { views: true } }),
        // Articles read only since the last flush have no daily row yet.
        buffered.length ? ctx.db.article.findMany({ where: { AND: [visible, { id: { in: buffered } }] }, select: { id: true } }) : Promise.resolve([]),
      ]),
    "all",
  );
  const [top, ofBuffered, visibleBuffered] = value;
  const totals = new Map<string, number>();
  for (const r of [...top, ...ofBuffered]) totals.set(r.articleId, r._sum.views ?? 0);
  for (const { id } of visibleBuffered) if (!totals.has(id)) totals.set(id, 0);
  for (const [name, n] of pending) {
    const [kind, day, id] = name.split("|") as [string, string, string];
    if (kind === "ad" && day >= from && day <= to && totals.has(id)) totals.set(id, totals.get(id)! + n);
  }
  return rank(
    [...totals].map(([articleId, views]) => ({ articleId, views })),
    take,
  );
}

function checkRange(from: string, to: string) {
  if (from > to) throw badInput("from must not be after to.", ["from", "to"]);
  if (daysBetween(from, addDays(from, MAX_RANGE_DAYS)).at(-1)! < to) {
    throw badInput(`A range may span at most ${MAX_RANGE_DAYS} days.`, ["from", "to"]);
  }
}
