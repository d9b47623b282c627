// At most one item per interval from an async stream, always ending on the
// latest one: a burst of events becomes the first at once, then the newest once
// a second ("articleViewCount: at most one event a second").
import { Repeater } from "@graphql-yoga/subscription";

export function throttleLatest<T>(source: AsyncIterable<T>, intervalMs: number): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    let lastAt = -Infinity;
    let latest: { value: T } | null = null;
    let timer: NodeJS.Timeout | null = null;
    const emit = () => {
      timer = null;
      if (!latest) return;
      const { value } = latest;
      latest = null;
      lastAt = Date.now();
      void push(value);
    };
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), stopped]);
        if (next.done) break;
        latest = { value: next.value };
        if (timer) continue;
        const wait = lastAt + intervalMs - Date.now();
        if (wait <= 0) emit();
        else timer = setTimeout(emit, wait);
      }
    } finally {
      if (timer) clearTimeout(timer);
      await iterator.return?.();
      stop();
    }
  });
}
