// Visit statistics (Thống kê truy cập): the SiteStatistics block and the top
// articles. Every figure is what the database holds plus what the counter buffer
// has not flushed yet, read so that no flush falls between the two
// (src/services/counters).
import { z } from "zod";
import type { Context } from "../../context";
import { badInput } from "../errors";
import { field } from "../../services/counters/backend";
import { addDays, daysBetween, dayOf, monthStart, weekStart } from "../../services/site-time";
import { builder } from "../builder";
import { ArticleRef, articleVisibility } from "../articles/types";
import { SiteStatisticsRef } from "../site/types";

interface DailyRow {
  date: string;
  visits: number;
  uniqueVisitors: number;
  articleViews: number;
}

const DailyStatistics = builder.objectRef<DailyRow>("DailyStatistics").implement({
  description: "One day of visits in the site's time zone.",
  fields: (t) => ({
    date: t.expose("date", { type: "Date", description: "The day (YYYY-MM-DD)." }),
    visits: t.exposeInt("visits", { description: "Visits counted (repeats within 30 minutes count once)." }),
    uniqueVisitors: t.exposeInt("uniqueVisitors", { description: "Distinct visitors that day." }),
    articleViews: t.exposeInt("articleViews", { description: "Article views counted that day." }),
  }),
});

const ArticleViews = builder.objectRef<{ articleId: string; views: number }>("ArticleViews").implement({
  description: "One line of the most-read list (Tin đọc nhiều): an article and its views over the range asked.",
  fields: (t) => ({
    article: t.prismaField({
      type: ArticleRef,
      description: "The article.",
      // Concurrent findUnique calls with one selection are batched into one query by Prisma.
      resolve: (query, row, _args, ctx) => ctx.db.article.findUniqueOrThrow({ ...query, where: { id: row.articleId } }),
    }),
    views: t.exposeInt("views", { description: "Its page views over the range asked (all time without one)." }),
  }),
});

const MAX_RANGE_DAYS = 366;

interface Summary {
  totalVisits: number;
  today: number;
  yesterday: number;
  thisWeek: number;
  thisMonth: number;
}

// One read per request for the five summary figures, whichever of them are asked.
const summaries = new WeakMap<Context, Promise<Summary>>();

function summary(ctx: Context): Promise<Summary> {
  let pending = summaries.get(ctx);
  if (!pending) {
    pending = loadSummary(ctx);
    summaries.set(ctx, pending);
  }
  return pending;
}

async function loadSummary(ctx: Context): Promise<Summary> {
  const today = dayOf(ctx.now, ctx.app.config.SITE_TIMEZONE);
  const yesterday = addDays(today, -1);
  const week = weekStart(today);
  const month = monthStart(today);
  const from = [yesterday, week, month].sort()[0]!;
  const days = daysBetween(from, today);
  const { value, pending } = await ctx.app.counters.consistent(
    () =>
      Promise.all([
        ctx.db.site.findUnique({ where: { id: 1 }, select: { totalVisits: true } }),
        ctx.db.siteDailyStat.findMany({ where: { day: { gte: from, lte: today } }, select: { day: true, visits: true } }),
      ]),
    [field.totalVisits, ...days.map(field.siteVisits)],
  );
  const [site, rows] = value;
  const visits = new Map(days.map((d) => [d, pending.get(field.siteVisits(d)) ?? 0]));
  for (const row of rows) visits.set(row.day, (visits.get(row.day) ?? 0) + row.visits);
  const sum = (start: string) => days.filter((d) => d >= start).reduce((n, d) => n + visits.get(d)!, 0);
  return {
    totalVisits: (site?.totalVisits ?? 0) + (pending.get(field.totalVisits) ?? 0),
    today: visits.get(today)!,
    yesterday: visits.get(yesterday)!,
    thisWeek: sum(week),
    thisMonth: sum(month),
  };
}

builder.objectFields(SiteStatisticsRef, (t) => ({
  totalVisits: t.int({
    description: "Visits since the site began (Số lượt truy cập).",
    resolve: async (_s, _a, ctx) => (await summary(ctx)).totalVisits,
  }),
  online: t.int({
    description: "Distinct visitors in the last 5 minutes.",
    resolve: (_s, _a, ctx) => ctx.app.counters.online(ctx.now),
  }),
  today: t.int({ description: "Visits today, in the site's time zone.", resolve: async (_s, _a, ctx) => (await summary(ctx)).today }),
  yesterday: t.int({ description: "Visits yesterday, in the site's time zone.", resolve: async (_s, _a, ctx) => (await summary(ctx)).yesterday }),
  thisWeek: t.int({ description: "Visits since Monday.", resolve: async (_s, _a, ctx) => (await summary(ctx)).thisWeek }),
  thisMonth: t.int({ description: "Visits since the first of the month.", resolve: async (_s, _a, ctx) => (await summary(ctx)).thisMonth }),
  daily: t.field({
    type: [DailyStatistics],
    description: "One row per day from `from` to `to` (both included, at most a year).",
    args: {
      from: t.arg({ type: "Date", required: true, description: "The first day (YYYY-MM-DD), included." }),
      to: t.arg({ type: "Date", required: true, description: "The last day, included; BAD_USER_INPUT if before `from` or more than a year later." }),
    },
    resolve: async (_s, { from, to }, ctx) => {
      checkRange(from, to);
      const days = daysBetween(from, to);
      const { value: rows, pending } = await ctx.app.counters.consistent(
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
    },
  }),
  topArticles: t.field({
    type: [ArticleViews],
    description: "Most read articles this viewer may see, over a range of days (all time without one).",
    args: {
      first: t.arg.int({ defaultValue: 10, validate: z.number().int().min(0).max(100), description: "How many articles, 0 to 100." }),
      from: t.arg({ type: "Date", description: "The first day counted (YYYY-MM-DD), included." }),
      to: t.arg({ type: "Date", description: "The last day counted, included." }),
    },
    resolve: async (_s, { first, from, to }, ctx) => {
      const take = first ?? 10;
      if (take === 0) return [];
      if (!from && !to) return topAllTime(ctx, take);
      const start = from ?? "0000-01-01";
      const end = to ?? dayOf(ctx.now, ctx.app.config.SITE_TIMEZONE);
      if (start > end) throw badInput("from must not be after to.", ["from", "to"]);
      return topBetween(ctx, take, start, end);
    },
  }),
}));

/** Ids of articles with buffered views (on a day within [from, to] when given): the only ones the database order may miss. */
async function bufferedArticles(ctx: Context, range?: { from: string; to: string }): Promise<string[]> {
  const { pending } = await ctx.app.counters.consistent(async () => null, "all");
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

async function topAllTime(ctx: Context, take: number) {
  const visible = articleVisibility(ctx);
  const buffered = await bufferedArticles(ctx);
  const { value, pending } = await ctx.app.counters.consistent(
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
  return rank([...totals].map(([articleId, views]) => ({ articleId, views })), take);
}

async function topBetween(ctx: Context, take: number, from: string, to: string) {
  const visible = articleVisibility(ctx);
  const buffered = await bufferedArticles(ctx, { from, to });
  const where = { day: { gte: from, lte: to }, article: { is: visible } };
  const { value, pending } = await ctx.app.counters.consistent(
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
  return rank([...totals].map(([articleId, views]) => ({ articleId, views })), take);
}

function checkRange(from: string, to: string) {
  if (from > to) throw badInput("from must not be after to.", ["from", "to"]);
  if (daysBetween(from, addDays(from, MAX_RANGE_DAYS)).at(-1)! < to) {
    throw badInput(`A range may span at most ${MAX_RANGE_DAYS} days.`, ["from", "to"]);
  }
}
