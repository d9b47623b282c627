// Waiting for something to happen, never for a fixed time. In this process a
// test waits on the change itself (`Changes`, `afterEachCall`, `listening`); what
// happens in another process and announces itself nowhere a test can listen is
// polled, with a deadline (`pollUntil`). The deadlines only bound a failure: a
// test that passes never waits for one.
import type { Events, EventTopics } from "../../src/services/events";

/** A state that changes by known steps: `notify()` after each step, `until(check)` to wait for one. */
export class Changes {
  private readonly waiters = new Set<() => void>();

  /** Call after each change of the watched state. */
  readonly notify = (): void => {
    for (const waiter of [...this.waiters]) waiter();
  };

  /** Resolves once `check()` holds: at once, or at the `notify()` after which it does; fails naming `what` after `ms`. */
  until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => {
        if (!check()) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${what}: not within ${ms} ms`));
      }, ms);
      this.waiters.add(waiter);
    });
  }
}

/** Makes `object[method]` call `after()` once it has run (its result is returned as before). */
export function afterEachCall<T extends object, K extends keyof T>(object: T, method: K, after: () => void): void {
  const original = object[method] as unknown as (...args: unknown[]) => unknown;
  object[method] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    after();
    return result;
  } as T[K];
}

/**
 * Resolves once a subscriber of the app listens to `topic` (and `id`): the next
 * subscription's event stream has been asked for its first event, which is when
 * its listener is added. An event published after that reaches it.
 */
export function listening<K extends keyof EventTopics>(events: Events, topic: K, id?: string): Promise<void> {
  return new Promise((resolve) => {
    const subscribe = events.subscribe;
    events.subscribe = ((...args: Parameters<Events["subscribe"]>) => {
      const stream = subscribe(...args);
      if (args[0] !== topic || (id !== undefined && args[1] !== id)) return stream;
      events.subscribe = subscribe;
      const next = stream.next.bind(stream);
      stream.next = (...nextArgs) => {
        const result = next(...nextArgs);
        resolve();
        return result;
      };
      return stream;
    }) as Events["subscribe"];
  });
}

/**
 * Asks `check` every `everyMs` until it holds, for what happens in another
 * process (a server answering, a client reconnecting); fails naming `what` after `ms`.
 */
export async function pollUntil(check: () => boolean | Promise<boolean>, what: string, options: { ms?: number; everyMs?: number } = {}): Promise<void> {
  const { ms = 30_000, everyMs = 50 } = options;
  const deadline = Date.now() + ms;
  for (;;) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
