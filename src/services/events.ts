// Publish/subscribe for live events (Yoga's PubSub). In one process the event
// target is in memory; with REDIS_URL it is Redis (src/app.ts), so a subscriber
// on any instance gets every event, whichever instance published it.
import { createPubSub, Repeater, type PubSub, type PubSubEventTarget } from "@graphql-yoga/subscription";
import { setMaxListeners } from "node:events";

export interface ArticlePublishedEvent {
  articleId: string;
  categorySlug: string | null;
}

/** An article's view count changed; subscribers read the new count (database and buffer) themselves. */
export interface ArticleViewCountEvent {
  articleId: string;
}

/**
 * The site's visit figures may have changed (a visit or an article view was
 * counted somewhere); subscribers read the site-wide figures themselves.
 */
export type SiteVisitCountsEvent = Record<string, never>;

/** Topic ids: a category slug, or ALL_CATEGORIES. */
export const ALL_CATEGORIES = "*";

export type EventTopics = {
  articlePublished: [string, ArticlePublishedEvent];
  articleViewCount: [string, ArticleViewCountEvent];
  siteVisitCounts: [SiteVisitCountsEvent];
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
    dispatchEvent: (event: { type: string; detail: unknown }) => target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: event.detail }) as never),
  } as PubSubEventTarget<EventTopics>;
}

/** Announce a newly visible article to all subscribers and to those of its category. */
export function publishArticle(events: Events, event: ArticlePublishedEvent): void {
  events.publish("articlePublished", ALL_CATEGORIES, event);
  if (event.categorySlug) events.publish("articlePublished", event.categorySlug, event);
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
