// Live events for the mobile app (../shared/contract/mobile.graphql).
import { filter, pipe } from "graphql-yoga";
import { z } from "zod";
import { builder } from "../builder";
import { ArticleRef } from "../articles/types";
import { readableArticleWhere } from "../../services/access";
import { ALL_CATEGORIES, untilAborted, type ArticlePublishedEvent } from "../../services/events";

builder.subscriptionField("articlePublished", (t) =>
  t.prismaField({
    type: ArticleRef,
    description:
      "One event each time an article becomes visible to readers (approved and due, or a scheduled one whose time comes); filtered to one category when given.",
    args: { categorySlug: t.arg.string({ validate: z.string().max(200) }) },
    subscribe: (_root, { categorySlug }, ctx) => {
      const source = untilAborted(
        ctx.app.events.subscribe("articlePublished", categorySlug ?? ALL_CATEGORIES),
        ctx.app.shutdown.signal,
      );
      // Each subscriber sees only what its viewer may read: a non-public article
      // never reaches an anonymous subscriber.
      return pipe(
        source,
        filter(async (event: ArticlePublishedEvent) =>
          Boolean(
            await ctx.db.article.findFirst({
              where: { AND: [{ id: event.articleId }, readableArticleWhere(ctx.viewer, ctx.app.clock.now())] },
              select: { id: true },
            }),
          ),
        ),
      );
    },
    resolve: (query, event, _args, ctx) =>
      ctx.db.article.findUniqueOrThrow({ ...query, where: { id: (event as ArticlePublishedEvent).articleId } }),
  }),
);
