// Live events for the mobile app (schema/operations/mobile.graphql).
import { filter, pipe } from "graphql-yoga";
import { z } from "zod";
import { beginEvent, type Context } from "../../context";
import { builder } from "../builder";
import { ArticleRef } from "../articles/types";
import { readableArticleWhere } from "../../services/access";
import { ALL_CATEGORIES, untilAborted, type ArticlePublishedEvent } from "../../services/events";

/**
 * Work shared by every subscriber of one event on this instance: the event
 * object is delivered to all of them, so a visibility check or a row load for
 * the same kind of viewer and the same selection runs once per event, not once
 * per subscriber (1,000 anonymous subscribers: one check, one load).
 */
const perEvent = new WeakMap<object, Map<string, Promise<unknown>>>();
function sharedByEvent<T>(event: object, key: string, load: () => Promise<T>): Promise<T> {
  let shared = perEvent.get(event);
  if (!shared) perEvent.set(event, (shared = new Map()));
  let result = shared.get(key);
  if (!result) shared.set(key, (result = load()));
  return result as Promise<T>;
}

/** Subscribers who see exactly the same: all anonymous readers share one key. */
const viewerKey = (ctx: Context) => (ctx.viewer ? `user:${ctx.viewer.id}` : "anonymous");

builder.subscriptionField("articlePublished", (t) =>
  t.prismaField({
    type: ArticleRef,
    description:
      "One event each time an article becomes visible to readers (approved and due, or a scheduled one whose time comes); filtered to one category when given.",
    args: {
      categorySlug: t.arg.string({ validate: z.string().max(200), description: "Only articles filed in this category (by slug); all without it." }),
    },
    subscribe: (_root, { categorySlug }, ctx) => {
      const source = untilAborted(ctx.app.events.subscribe("articlePublished", categorySlug ?? ALL_CATEGORIES), ctx.app.shutdown.signal);
      // Each subscriber sees only what its viewer may read: a non-public article
      // never reaches an anonymous subscriber.
      return pipe(
        source,
        filter((event: ArticlePublishedEvent) =>
          sharedByEvent(event, `visible:${viewerKey(ctx)}`, async () =>
            Boolean(
              await ctx.db.article.findFirst({
                where: { AND: [{ id: event.articleId }, readableArticleWhere(ctx.viewer, ctx.app.clock.now())] },
                select: { id: true },
              }),
            ),
          ),
        ),
      );
    },
    resolve: (query, event, _args, ctx) => {
      beginEvent(ctx);
      return sharedByEvent(event as ArticlePublishedEvent, `row:${viewerKey(ctx)}:${JSON.stringify(query)}`, () =>
        ctx.db.article.findUniqueOrThrow({ ...query, where: { id: (event as ArticlePublishedEvent).articleId } }),
      );
    },
  }),
);
