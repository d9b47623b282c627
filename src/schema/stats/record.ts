// Recording visits, and the live view counter (contract:
// RecordArticleView, RecordSiteVisit in portal.graphql, ArticleViewCount in
// mobile.graphql). Nothing here can set a counter: a call adds at most one.
import { filter, pipe } from "graphql-yoga";
import { z } from "zod";
import { beginEvent, type Context } from "../../context";
import { notFound } from "../errors";
import { readableArticleWhere } from "../../services/access";
import { VIEW_EVENT_INTERVAL_MS } from "../../services/counters/service";
import type { VisitorIdentity } from "../../services/counters/visitor-hash";
import { throttleLatest } from "../../services/throttle-latest";
import { builder, idOf } from "../builder";
import { ArticleRef, articleVisibility } from "../articles/types";
import { SiteStatisticsRef } from "../site/types";

const visitorIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces (an opaque id the client keeps)")
  .nullish();

const visitorOf = (ctx: Context, visitorId: string | null | undefined): VisitorIdentity => ({
  visitorId: visitorId ?? null,
  address: ctx.clientAddress,
  userAgent: ctx.userAgent,
});

builder.mutationField("recordArticleView", (t) =>
  t.prismaField({
    type: ArticleRef,
    description:
      "Counts one view of an article this viewer may read and returns it; its viewCount already includes this view. Repeats by the same visitorId within 30 minutes, and known crawlers, are not counted.",
    args: {
      articleId: t.arg.globalID({ required: true, description: "The article's global ID." }),
      visitorId: t.arg.string({ description: "An opaque id the client keeps, for unique counting.", validate: visitorIdSchema }),
    },
    resolve: async (query, _root, { articleId, visitorId }, ctx) => {
      const id = idOf(articleId, "Article", "articleId");
      // Read first, count second: viewCount resolves after the count, from this
      // row plus the buffer (no database write on this path).
      const article = await ctx.db.article.findFirst({ ...query, where: { AND: [{ id }, articleVisibility(ctx)] } });
      if (!article) throw notFound("The article");
      await ctx.app.counters.recordArticleView(id, visitorOf(ctx, visitorId), ctx.now);
      return article;
    },
  }),
);

builder.mutationField("recordSiteVisit", (t) =>
  t.field({
    type: SiteStatisticsRef,
    description:
      "Counts one visit to the site (Số lượt truy cập) and returns the statistics, this visit included. Repeats by the same visitorId within 30 minutes, and known crawlers, are not counted.",
    args: {
      visitorId: t.arg.string({ description: "An opaque id the client keeps, for unique counting.", validate: visitorIdSchema }),
    },
    resolve: async (_root, { visitorId }, ctx) => {
      await ctx.app.counters.recordSiteVisit(visitorOf(ctx, visitorId), ctx.now);
      return { site: true as const };
    },
  }),
);

builder.subscriptionField("articleViewCount", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "The article's view count each time it changes, at most one event a second; only for an article this viewer may read.",
    args: { articleId: t.arg.globalID({ required: true, description: "The article's global ID; NOT_FOUND if this viewer may not read it." }) },
    subscribe: async (_root, { articleId }, ctx) => {
      const id = idOf(articleId, "Article", "articleId");
      const readable = async () =>
        Boolean(await ctx.db.article.findFirst({ where: { AND: [{ id }, readableArticleWhere(ctx.viewer, ctx.app.clock.now())] }, select: { id: true } }));
      if (!(await readable())) throw notFound("The article");
      // Each instance already publishes at most once a second per article; the
      // subscriber's own throttle keeps the promise with several instances.
      return throttleLatest(pipe(ctx.app.events.subscribe("articleViewCount", id), filter(readable)), VIEW_EVENT_INTERVAL_MS);
    },
    resolve: (query, _event, { articleId }, ctx) => {
      const id = idOf(articleId, "Article", "articleId");
      beginEvent(ctx);
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
