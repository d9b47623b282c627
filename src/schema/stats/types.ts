// Visit statistics (Thống kê truy cập): the SiteStatistics block and the top
// articles. Every figure is what the database holds plus what the counter buffer
// has not flushed yet, read so that no flush falls between the two
// (src/services/counters/statistics.ts).
import { z } from "zod";
import type { Context } from "../../context";
import { dailyStatistics, loadSummary, topArticles, type DailyRow, type StatisticsScope, type Summary } from "../../services/counters/statistics";
import { builder } from "../builder";
import { ArticleRef, articleVisibility } from "../articles/types";
import { SiteStatisticsRef } from "../site/types";

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

// One read per request for the five summary figures, whichever of them are asked.
const summaries = new WeakMap<Context, Promise<Summary>>();

function summary(ctx: Context): Promise<Summary> {
  let pending = summaries.get(ctx);
  if (!pending) {
    pending = loadSummary(statisticsScope(ctx));
    summaries.set(ctx, pending);
  }
  return pending;
}

const statisticsScope = (ctx: Context): StatisticsScope => ({
  db: ctx.db,
  counters: ctx.app.counters,
  timeZone: ctx.app.config.SITE_TIMEZONE,
  now: ctx.now,
  visible: articleVisibility(ctx),
});

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
    resolve: (_s, { from, to }, ctx) => dailyStatistics(statisticsScope(ctx), from, to),
  }),
  topArticles: t.field({
    type: [ArticleViews],
    description: "Most read articles this viewer may see, over a range of days (all time without one).",
    args: {
      first: t.arg.int({ defaultValue: 10, validate: z.number().int().min(0).max(100), description: "How many articles, 0 to 100." }),
      from: t.arg({ type: "Date", description: "The first day counted (YYYY-MM-DD), included." }),
      to: t.arg({ type: "Date", description: "The last day counted, included." }),
    },
    resolve: (_s, { first, from, to }, ctx) => topArticles(statisticsScope(ctx), first ?? 10, from, to),
  }),
}));
