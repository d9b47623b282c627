// Publish/subscribe for live events (Yoga's PubSub). In one process the event
// target is in memory; with REDIS_URL it is Redis (src/app.ts), so a subscriber
// on any instance gets every event, whichever instance published it.
import { createPubSub, Repeater, type PubSub, type PubSubEventTarget } from "graphql-yoga";
import { setMaxListeners } from "node:events";
import type { Db } from "../db/client";

export interface ArticlePublishedEvent {
  articleId: string;
  categorySlug: string | null;
}

/** An article's view count changed; subscribers read the new count (database and buffer) themselves. */
export interface ArticleViewCountEvent {
  articleId: string;
}

/** Topic ids: a category slug, or ALL_CATEGORIES. */
export const ALL_CATEGORIES = "*";

export type EventTopics = {
  articlePublished: [string, ArticlePublishedEvent];
  articleViewCount: [string, ArticleViewCountEvent];
};

export type Events = PubSub<EventTopics>;

export function createEvents(options?: Parameters<typeof createPubSub<EventTopics>>[0]): Events {
  // Thousands of subscribers listen to one topic: that is the design, not a leak.
  const eventTarget = options?.eventTarget ?? (new EventTarget() as PubSubEventTarget<EventTopics>);
  if (eventTarget instanceof EventTarget) setMaxListeners(0, eventTarget);
  return createPubSub<EventTopics>({ ...options, eventTarget });
}

/**
 * Puts every topic of an event target under a prefix, so several deployments
 * (or test runs) can share one Redis without hearing each other's events.
 */
export function prefixedEventTarget(target: PubSubEventTarget<EventTopics>, prefix: string): PubSubEventTarget<EventTopics> {
  return {
    addEventListener: (type: string, listener: unknown, options?: AddEventListenerOptions | boolean) =>
      target.addEventListener((prefix + type) as never, listener as never, options),
    removeEventListener: (type: string, listener: unknown, options?: EventListenerOptions | boolean) =>
      target.removeEventListener((prefix + type) as never, listener as never, options),
    dispatchEvent: (event: { type: string; detail: unknown }) =>
      target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: event.detail }) as never),
  } as PubSubEventTarget<EventTopics>;
}

/** Announce a newly visible article to all subscribers and to those of its category. */
export function publishArticle(events: Events, event: ArticlePublishedEvent): void {
  events.publish("articlePublished", ALL_CATEGORIES, event);
  if (event.categorySlug) events.publish("articlePublished", event.categorySlug, event);
}

/**
 * Marks an article as first published at `at`, only if nobody did before: one
 * conditional UPDATE, so among any number of callers on any number of instances
 * (schedulers racing on a due article, an approval and a scheduler) exactly one
 * gets true. Only that caller may announce the article.
 */
export async function claimFirstPublication(db: Pick<Db, "article">, articleId: string, at: Date): Promise<boolean> {
  const claimed = await db.article.updateMany({
    where: {
      id: articleId,
      firstPublishedAt: null,
      deletedAt: null,
      publishedVersionId: { not: null },
      publishedAt: { lte: at },
    },
    data: { firstPublishedAt: at },
  });
  return claimed.count === 1;
}

/**
 * Fire-once announcement of an article that has just become visible to readers
 * (its published version set and its publish time come): claims the first
 * publication and, if this caller won, publishes `articlePublished` with the
 * category of the published version. Returns whether this call announced it.
 * A new approved version of an already announced article announces nothing.
 */
export async function announceFirstPublication(
  app: { db: Db; events: Events },
  articleId: string,
  at: Date,
): Promise<boolean> {
  if (!(await claimFirstPublication(app.db, articleId, at))) return false;
  const article = await app.db.article.findUnique({
    where: { id: articleId },
    select: { publishedVersion: { select: { category: { select: { slug: true } } } } },
  });
  publishArticle(app.events, { articleId, categorySlug: article?.publishedVersion?.category?.slug ?? null });
  return true;
}

/**
 * Ends a live event stream when `signal` aborts (graceful shutdown): the
 * transport then closes the subscription properly (SSE `complete`, graphql-ws
 * Complete) instead of the connection being cut. The abort listener goes away
 * with the subscription, so ended subscriptions leave nothing behind.
 */
export function untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    if (signal.aborted) return stop();
    const onAbort = () => stop();
    signal.addEventListener("abort", onAbort, { once: true });
    const iterator = source[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    void stopped.then(() => {
      signal.removeEventListener("abort", onAbort);
      void iterator.return?.();
    });
    for (;;) {
      const result = await Promise.race([iterator.next(), stopped]);
      if (result.done) break;
      await push(result.value);
    }
    stop();
  });
}
