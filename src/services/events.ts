// In-process publish/subscribe for live events (Yoga's PubSub). With REDIS_URL
// the event target is Redis, so a subscriber on any instance gets every event.
import { createPubSub, type PubSub } from "graphql-yoga";

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
  return createPubSub<EventTopics>(options);
}

/** Announce a newly visible article to all subscribers and to those of its category. */
export function publishArticle(events: Events, event: ArticlePublishedEvent): void {
  events.publish("articlePublished", ALL_CATEGORIES, event);
  if (event.categorySlug) events.publish("articlePublished", event.categorySlug, event);
}
