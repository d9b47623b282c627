// At most one item per interval from an async stream, always ending on the
// latest one: a burst of events becomes the first at once, then the newest once
// a second ("articleViewCount: at most one event a second").
import { Repeater } from "@graphql-yoga/subscription";

/** The time source and timer the throttle waits with: the real ones unless a test gives its own. */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function throttleLatest<T>(source: AsyncIterable<T>, intervalMs: number, timers: Timers = realTimers): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    let lastAt = -Infinity;
    let latest: { value: T } | null = null;
    let timer: unknown = null;
    const emit = () => {
      timer = null;
      if (!latest) return;
      const { value } = latest;
      latest = null;
      lastAt = timers.now();
      void push(value);
    };
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), stopped]);
        if (next.done) break;
        latest = { value: next.value };
        if (timer !== null) continue;
        const wait = lastAt + intervalMs - timers.now();
        if (wait <= 0) emit();
        else timer = timers.setTimeout(emit, wait);
      }
    } finally {
      if (timer !== null) timers.clearTimeout(timer);
      await iterator.return?.();
      stop();
    }
  });
}
