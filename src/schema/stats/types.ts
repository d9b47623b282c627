// Visit statistics (Thống kê truy cập).
import { z } from "zod";
import { badInput } from "../../errors";
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
  fields: (t) => ({
    date: t.expose("date", { type: "Date" }),
    visits: t.exposeInt("visits"),
    uniqueVisitors: t.exposeInt("uniqueVisitors"),
    articleViews: t.exposeInt("articleViews"),
  }),
});

const ArticleViews = builder.objectRef<{ articleId: string; views: number }>("ArticleViews").implement({
  fields: (t) => ({
    article: t.prismaField({
      type: ArticleRef,
      resolve: (query, row, _args, ctx) => ctx.db.article.findUniqueOrThrow({ ...query, where: { id: row.articleId } }),
    }),
    views: t.exposeInt("views"),
  }),
});

const MAX_RANGE_DAYS = 366;

async function visitsBetween(db: import("../../db").Db, from: string, to: string): Promise<number> {
  const sum = await db.siteDailyStat.aggregate({ where: { day: { gte: from, lte: to } }, _sum: { visits: true } });
  return sum._sum.visits ?? 0;
}

builder.objectFields(SiteStatisticsRef, (t) => ({
  totalVisits: t.int({
    description: "Visits since the site began (Số lượt truy cập).",
    resolve: async (_s, _a, ctx) => (await ctx.db.site.findUnique({ where: { id: 1 }, select: { totalVisits: true } }))?.totalVisits ?? 0,
  }),
  online: t.int({
    description: "Distinct visitors in the last 5 minutes.",
    resolve: () => 0,
  }),
  today: t.int({ resolve: (_s, _a, ctx) => { const d = dayOf(ctx.now, ctx.app.config.SITE_TIMEZONE); return visitsBetween(ctx.db, d, d); } }),
  yesterday: t.int({ resolve: (_s, _a, ctx) => { const d = addDays(dayOf(ctx.now, ctx.app.config.SITE_TIMEZONE), -1); return visitsBetween(ctx.db, d, d); } }),
  thisWeek: t.int({ resolve: (_s, _a, ctx) => { const d = dayOf(ctx.now, ctx.app.config.SITE_TIMEZONE); return visitsBetween(ctx.db, weekStart(d), d); } }),
  thisMonth: t.int({ resolve: (_s, _a, ctx) => { const d = dayOf(ctx.now, ctx.app.config.SITE_TIMEZONE); return visitsBetween(ctx.db, monthStart(d), d); } }),
  daily: t.field({
    type: [DailyStatistics],
    description: "One row per day from `from` to `to` (both included, at most a year).",
    args: { from: t.arg({ type: "Date", required: true }), to: t.arg({ type: "Date", required: true }) },
    resolve: async (_s, { from, to }, ctx) => {
      checkRange(from, to);
      const rows = await ctx.db.siteDailyStat.findMany({ where: { day: { gte: from, lte: to } } });
      const byDay = new Map(rows.map((r) => [r.day, r]));
      return daysBetween(from, to).map((date) => {
        const row = byDay.get(date);
        return { date, visits: row?.visits ?? 0, uniqueVisitors: row?.uniqueVisitors ?? 0, articleViews: row?.articleViews ?? 0 };
      });
    },
  }),
  topArticles: t.field({
    type: [ArticleViews],
    description: "Most read articles this viewer may see, over a range of days (all time without one).",
    args: {
      first: t.arg.int({ defaultValue: 10, validate: z.number().int().min(0).max(100) }),
      from: t.arg({ type: "Date" }),
      to: t.arg({ type: "Date" }),
    },
    resolve: async (_s, { first, from, to }, ctx) => {
      const visible = articleVisibility(ctx);
      if (!from && !to) {
        const rows = await ctx.db.article.findMany({
          where: { AND: [visible, { viewCount: { gt: 0 } }] },
          orderBy: [{ viewCount: "desc" }, { id: "asc" }],
          take: first ?? 10,
          select: { id: true, viewCount: true },
        });
        return rows.map((r) => ({ articleId: r.id, views: r.viewCount }));
      }
      const start = from ?? "0000-01-01";
      const end = to ?? "9999-12-31";
      if (start > end) throw badInput("from must not be after to.", ["from", "to"]);
      const rows = await ctx.db.articleDailyStat.groupBy({
        by: ["articleId"],
        where: { day: { gte: start, lte: end }, article: { is: visible } },
        _sum: { views: true },
        orderBy: [{ _sum: { views: "desc" } }, { articleId: "asc" }],
        take: first ?? 10,
      });
      return rows.map((r) => ({ articleId: r.articleId, views: r._sum.views ?? 0 }));
    },
  }),
}));

function checkRange(from: string, to: string) {
  if (from > to) throw badInput("from must not be after to.", ["from", "to"]);
  if (daysBetween(from, addDays(from, MAX_RANGE_DAYS)).at(-1)! < to) {
    throw badInput(`A range may span at most ${MAX_RANGE_DAYS} days.`, ["from", "to"]);
  }
}
