// Royalties (nhuận bút): the scale (bảng hệ số nhuận bút) kept by ADMIN, the
// monthly report for APPROVER and ADMIN, and links to the same report as CSV and
// .xlsx (src/plugins/exports.ts). The rules are in services/royalties.ts.
import { z } from "zod";
import { actorOf, type Context } from "../../context";
import { exportPath } from "../../services/royalty-export";
import { dayOf } from "../../services/site-time";
import {
  checkMonth,
  deleteRoyaltyScale,
  royaltyReport,
  setRoyaltyScale,
  type BylineTotal,
  type RoyaltyDeps,
  type RoyaltyReport,
  type RoyaltyRow,
} from "../../services/royalties";
import { builder, idOf } from "../builder";
import { CategoryRef } from "../categories/types";

const royaltyDeps = (ctx: Context): RoyaltyDeps => ({
  db: ctx.db,
  provider: ctx.app.target.provider,
  actor: actorOf(ctx),
  now: ctx.now,
  timeZone: ctx.app.config.SITE_TIMEZONE,
});

const GenrePoints = builder.objectRef<{ genre: string; points: number }>("RoyaltyGenrePoints").implement({
  description: "The points of one genre (loại bài viết) in a scale.",
  fields: (t) => ({
    genre: t.exposeString("genre", { description: 'The genre as written on articles ("Tin", "Phóng sự"); matched ignoring case and accents.' }),
    points: t.float({ description: "Points (điểm) for an article of this genre.", resolve: (g) => g.points / 100 }),
  }),
});

export const RoyaltyScaleRef = builder.prismaNode("RoyaltyScale", {
  id: { field: "id" },
  authScopes: { role: "APPROVER" },
  description: "A royalty scale (bảng hệ số nhuận bút), valid from a day until the next scale starts.",
  fields: (t) => ({
    validFrom: t.field({ type: "Date", description: "The first day (site time zone) of articles it prices.", resolve: (s) => s.validFrom }),
    inForce: t.boolean({
      description: "Whether its day has come: from then on it never changes.",
      resolve: (s, _args, ctx) => s.validFrom <= dayOf(ctx.now, ctx.app.config.SITE_TIMEZONE),
    }),
    pointValue: t.exposeInt("pointValue", { description: "The value of one point, in đồng (giá trị một điểm)." }),
    photoPoints: t.float({ description: "Points per photo (Số Ảnh).", resolve: (s) => s.photoPoints / 100 }),
    extraPagePoints: t.float({ description: "Points per page beyond the first (Số Trang).", resolve: (s) => s.extraPagePoints / 100 }),
    genres: t.field({
      type: [GenrePoints],
      description: "Points per genre (loại bài viết), in the order given.",
      select: { genres: { orderBy: { position: "asc" } } },
      resolve: (s) => s.genres,
    }),
    note: t.exposeString("note", { nullable: true, description: "A note (e.g. the decision that set it)." }),
  }),
});

builder.queryField("royaltyScales", (t) =>
  t.prismaField({
    type: [RoyaltyScaleRef],
    description: "APPROVER and ADMIN: every royalty scale, the latest first.",
    authScopes: { role: "APPROVER" },
    resolve: (query, _root, _args, ctx) => ctx.db.royaltyScale.findMany({ ...query, orderBy: { validFrom: "desc" } }),
  }),
);

const GenrePointsInput = builder.inputType("RoyaltyGenrePointsInput", {
  description: "The points of one genre.",
  fields: (t) => ({
    genre: t.string({ required: true, description: 'The genre as written on articles ("Tin", "Phóng sự").', validate: z.string().trim().min(1).max(200) }),
    points: t.float({ required: true, description: "Points, 0 to 100000, at most two decimals." }),
  }),
});

const SetRoyaltyScaleInput = builder.inputType("SetRoyaltyScaleInput", {
  description: "A royalty scale valid from a day.",
  fields: (t) => ({
    validFrom: t.field({
      type: "Date",
      required: true,
      description: "Today or a later day (site time zone); a scale not yet in force with the same day is replaced.",
    }),
    pointValue: t.int({ required: true, description: "The value of one point, in đồng.", validate: z.number().int().min(0).max(1_000_000_000) }),
    photoPoints: t.float({ required: true, description: "Points per photo." }),
    extraPagePoints: t.float({ required: true, description: "Points per page beyond the first." }),
    genres: t.field({
      type: [GenrePointsInput],
      required: true,
      description: "Points per genre; at least one.",
      validate: z.array(z.unknown()).min(1).max(200),
    }),
    note: t.string({ description: "A note (e.g. the decision that set it).", validate: z.string().max(2000).nullish() }),
  }),
});

builder.mutationField("setRoyaltyScale", (t) =>
  t.prismaField({
    type: RoyaltyScaleRef,
    description: "ADMIN: sets the royalty scale valid from a day (today or later). Past months never change.",
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: SetRoyaltyScaleInput, required: true, description: "The scale." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await setRoyaltyScale(royaltyDeps(ctx), input);
      return ctx.db.royaltyScale.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("deleteRoyaltyScale", (t) =>
  t.field({
    type: "ID",
    description: "ADMIN: deletes a scale that is not yet in force (CONFLICT for one in force). Returns its ID.",
    authScopes: { role: "ADMIN" },
    args: { id: t.arg.globalID({ required: true, for: RoyaltyScaleRef, description: "The scale." }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteRoyaltyScale(royaltyDeps(ctx), id.id);
      return Buffer.from(`RoyaltyScale:${id.id}`).toString("base64");
    },
  }),
);

const UnpricedReasonEnum = builder.enumType("RoyaltyUnpricedReason", {
  description: "Why an article could not be priced: it is listed apart, so nobody is silently unpaid.",
  values: {
    NO_SCALE: { description: "No scale was valid on its day of first publication." },
    NO_GENRE: { description: "The article has no genre (loại bài viết)." },
    GENRE_NOT_IN_SCALE: { description: "Its genre is not in the scale." },
  },
});

const RoyaltyRowRef = builder.objectRef<RoyaltyRow>("RoyaltyRow").implement({
  description: "One article of a royalty report.",
  fields: (t) => ({
    articleId: t.id({ description: "The article's global ID.", resolve: (r) => Buffer.from(`Article:${r.articleId}`).toString("base64") }),
    slug: t.exposeString("slug", { description: "The article's slug." }),
    title: t.exposeString("title", { description: "Its title (Tiêu đề)." }),
    firstPublishedAt: t.expose("firstPublishedAt", { type: "DateTime", description: "When it was first published (what puts it in the month)." }),
    byline: t.exposeString("byline", { nullable: true, description: "The byline (Tác giả)." }),
    genre: t.exposeString("genre", { nullable: true, description: "The genre (Loại bài viết)." }),
    pages: t.exposeInt("pages", { nullable: true, description: "Length in pages (Số Trang)." }),
    photos: t.exposeInt("photos", { description: "Photos (Số Ảnh)." }),
    categoryName: t.exposeString("categoryName", { nullable: true, description: "Its category's name (Chuyên mục)." }),
    scaleValidFrom: t.field({ type: "Date", nullable: true, description: "The day the scale used is valid from.", resolve: (r) => r.scaleValidFrom }),
    genrePoints: t.float({ nullable: true, description: "Points for its genre.", resolve: (r) => (r.genrePoints === null ? null : r.genrePoints / 100) }),
    photoPoints: t.float({ nullable: true, description: "Points for its photos.", resolve: (r) => (r.photoPoints === null ? null : r.photoPoints / 100) }),
    pagePoints: t.float({
      nullable: true,
      description: "Points for its pages beyond the first.",
      resolve: (r) => (r.pagePoints === null ? null : r.pagePoints / 100),
    }),
    points: t.float({
      nullable: true,
      description: "Total points (tổng điểm); null when not priced.",
      resolve: (r) => (r.points === null ? null : r.points / 100),
    }),
    amount: t.float({ nullable: true, description: "The royalty in whole đồng (thành tiền); null when not priced.", resolve: (r) => r.amount }),
    unpricedReason: t.field({
      type: UnpricedReasonEnum,
      nullable: true,
      description: "Why it is not priced; null when it is.",
      resolve: (r) => r.unpricedReason,
    }),
  }),
});

const BylineTotalRef = builder.objectRef<BylineTotal>("RoyaltyBylineTotal").implement({
  description: "The royalties of one byline in a month.",
  fields: (t) => ({
    byline: t.exposeString("byline", { nullable: true, description: "The byline (Tác giả); null for articles without one." }),
    articleCount: t.exposeInt("articleCount", { description: "Priced articles." }),
    unpricedCount: t.exposeInt("unpricedCount", { description: "Articles that could not be priced." }),
    points: t.float({ description: "Total points.", resolve: (b) => b.points / 100 }),
    amount: t.float({ description: "Total in whole đồng.", resolve: (b) => b.amount }),
  }),
});

type ReportShape = RoyaltyReport & { filter: { month: string; byline: string | null; categoryId: string | null } };

const RoyaltyReportRef = builder.objectRef<ReportShape>("RoyaltyReport").implement({
  description: "The royalty report (bảng kê nhuận bút) of a month: articles first published in it, site time zone.",
  fields: (t) => ({
    month: t.exposeString("month", { description: "The month, YYYY-MM." }),
    from: t.expose("from", { type: "DateTime", description: "The first instant of the month in the site's time zone." }),
    to: t.expose("to", { type: "DateTime", description: "The first instant of the next month." }),
    rows: t.field({ type: [RoyaltyRowRef], description: "Priced articles, by first publication.", resolve: (r) => r.rows }),
    unpriced: t.field({
      type: [RoyaltyRowRef],
      description: "Articles that could not be priced (no genre, a genre missing from the scale, no scale), listed apart.",
      resolve: (r) => r.unpriced,
    }),
    bylines: t.field({ type: [BylineTotalRef], description: "Totals per byline.", resolve: (r) => r.bylines }),
    articleCount: t.exposeInt("articleCount", { description: "Priced articles." }),
    unpricedCount: t.exposeInt("unpricedCount", { description: "Articles that could not be priced." }),
    points: t.float({ description: "Total points of the priced articles.", resolve: (r) => r.points / 100 }),
    amount: t.float({ description: "Grand total, whole đồng (tổng cộng).", resolve: (r) => r.amount }),
    csvUrl: t.string({
      description: "A link to this report as CSV (UTF-8 with BOM, opens in Excel), valid for 5 minutes, for the signed-in user.",
      resolve: (r, _args, ctx) => downloadUrl(ctx, "csv", r.filter),
    }),
    xlsxUrl: t.string({
      description: "A link to this report as an .xlsx workbook, valid for 5 minutes, for the signed-in user.",
      resolve: (r, _args, ctx) => downloadUrl(ctx, "xlsx", r.filter),
    }),
  }),
});

async function downloadUrl(ctx: Context, format: "csv" | "xlsx", filter: ReportShape["filter"]): Promise<string> {
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.viewer!.id }, select: { tokenVersion: true } });
  const resource = exportPath(format, filter);
  const { token } = await ctx.app.downloads.issue({ userId: ctx.viewer!.id, tokenVersion: user.tokenVersion, resource }, ctx.now);
  const url = `${resource}&token=${encodeURIComponent(token)}`;
  return ctx.app.config.PUBLIC_URL ? new URL(url, ctx.app.config.PUBLIC_URL).toString() : url;
}

builder.queryField("royaltyReport", (t) =>
  t.field({
    type: RoyaltyReportRef,
    description: "APPROVER and ADMIN: the royalty report of a month, optionally for one byline or one category.",
    authScopes: { role: "APPROVER" },
    args: {
      month: t.arg.string({ required: true, description: "The month, YYYY-MM (site time zone).", validate: z.string().max(7) }),
      byline: t.arg.string({ description: "Only this byline (ignoring case and accents).", validate: z.string().max(300).nullish() }),
      categoryId: t.arg.globalID({ for: CategoryRef, description: "Only articles of this category." }),
    },
    resolve: async (_root, { month, byline, categoryId }, ctx) => {
      checkMonth(month);
      const filter = { month, byline: byline?.trim() || null, categoryId: categoryId ? idOf(categoryId, "Category", "categoryId") : null };
      const report = await royaltyReport(ctx.db, ctx.app.config.SITE_TIMEZONE, filter);
      return { ...report, filter };
    },
  }),
);
