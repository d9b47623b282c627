// The site's live visit figures (the siteVisitCounts subscription): online now,
// today's visits and all visits, read site-wide (the counter buffer, in Redis
// when there are several instances, plus the database) each time they may have
// changed. A burst of visits becomes at most one read a second (the same
// throttle as the articleViewCount subscription); a figure that did not change
// is not sent again.
import { Repeater } from "@graphql-yoga/subscription";
import { throttleLatest } from "../throttle-latest";
import type { Counters } from "./service";
import { VIEW_EVENT_INTERVAL_MS } from "./service";

export interface SiteVisitCounts {
  online: number;
  today: number;
  totalVisits: number;
}

export interface LiveVisitCountsOptions {
  /** Announcements that a figure may have changed (siteVisitCounts events, from any instance). */
  changes: AsyncIterable<unknown>;
  /** Reads the current figures. */
  read: () => Promise<SiteVisitCounts>;
  counters: Pick<Counters, "onlineChange">;
  /** The clock's time now (ms). */
  now: () => number;
  intervalMs?: number;
}

/**
 * The current figures at once, then the new ones after each change: a visit
 * anywhere, or a visitor leaving the online window with no visit at all (a
 * timer set for the moment the online count next falls).
 */
export function liveVisitCounts(o: LiveVisitCountsOptions): AsyncIterable<SiteVisitCounts> {
  let wakeAt: ((ms: number | null) => void) | null = null;
  const ticks = new Repeater<true>(async (push, stop) => {
    let timer: NodeJS.Timeout | null = null;
    wakeAt = (ms) => {
      if (timer) clearTimeout(timer);
      timer = ms === null ? null : setTimeout(() => void push(true), Math.max(0, ms)).unref();
    };
    void push(true);
    const iterator = o.changes[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), stopped]);
        if (next.done) break;
        void push(true);
      }
    } finally {
      if (timer) clearTimeout(timer);
      wakeAt = null;
      await iterator.return?.();
      stop();
    }
  });
  const throttled = throttleLatest(ticks, o.intervalMs ?? VIEW_EVENT_INTERVAL_MS);
  return new Repeater<SiteVisitCounts>(async (push, stop) => {
    const iterator = throttled[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    let last: string | null = null;
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), stopped]);
        if (next.done) break;
        const figures = await o.read();
        const nowMs = o.now();
        const change = await o.counters.onlineChange(nowMs);
        wakeAt?.(change === null ? null : change - nowMs);
        const key = `${figures.online}/${figures.today}/${figures.totalVisits}`;
        if (key === last) continue;
        last = key;
        await push(figures);
      }
    } finally {
      await iterator.return?.();
      stop();
    }
  });
}
