// The "at most one event a second" rule of articleViewCount and siteVisitCounts
// (src/services/throttle-latest.ts), on a manual clock: no real waiting.
import { describe, expect, it } from "@jest/globals";
import { Repeater } from "@graphql-yoga/subscription";
import { throttleLatest, type Timers } from "../src/services/throttle-latest";

/** A clock and timers that move only when the test says so. */
class ManualTimers implements Timers {
  private time = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; run: () => void }>();
  now() {
    return this.time;
  }
  setTimeout(run: () => void, ms: number) {
    const id = this.nextId++;
    this.pending.set(id, { at: this.time + ms, run });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.pending.delete(handle as number);
  }
  get waiting() {
    return this.pending.size;
  }
  /** Moves the clock on, running the timers that fall due on the way, in order. */
  async advance(ms: number) {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.pending].filter(([, t]) => t.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
      await settle();
    }
    this.time = until;
    await settle();
  }
}

/** Lets the stream's promise jobs run (one turn of the event loop, not a wait for time to pass). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function harness() {
  const timers = new ManualTimers();
  let push!: (n: number) => Promise<unknown>;
  let end!: () => void;
  const source = new Repeater<number>((p, stop) => {
    push = p;
    end = () => stop();
    return stop;
  });
  const seen: Array<{ value: number; at: number }> = [];
  const throttled = throttleLatest(source, 1000, timers)[Symbol.asyncIterator]();
  const reading = (async () => {
    for (let next = await throttled.next(); !next.done; next = await throttled.next()) seen.push({ value: next.value, at: timers.now() });
  })();
  const send = async (value: number) => {
    void push(value);
    await settle();
  };
  return {
    timers,
    seen,
    send,
    /** The source ends. */
    stop: async () => (end(), await reading),
    /** The subscriber goes away (the stream is returned), the source still open. */
    leave: async () => (await throttled.return?.(), await reading),
  };
}

describe("throttleLatest", () => {
  it("passes the first item at once and then at most one a second, always ending on the newest", async () => {
    const { timers, seen, send, stop } = harness();
    await settle();
    await send(1);
    expect(seen).toEqual([{ value: 1, at: 0 }]);
    // A burst inside the second: none goes through until the second is over, then only the newest.
    for (const [value, step] of [
      [2, 100],
      [3, 200],
      [4, 300],
    ] as const) {
      await timers.advance(step);
      await send(value);
    }
    expect(seen).toHaveLength(1);
    await timers.advance(399);
    expect(seen).toHaveLength(1);
    await timers.advance(1);
    expect(seen).toEqual([
      { value: 1, at: 0 },
      { value: 4, at: 1000 },
    ]);
    // Nothing new: nothing sent, and no timer left waiting.
    await timers.advance(5000);
    expect(seen).toHaveLength(2);
    expect(timers.waiting).toBe(0);
    // Quiet for more than a second: the next one goes through at once.
    await send(5);
    expect(seen.at(-1)).toEqual({ value: 5, at: 6000 });
    await stop();
  });

  it("leaves no timer behind when the subscriber goes away in the middle of a second", async () => {
    const { timers, seen, send, leave } = harness();
    await settle();
    await send(1);
    await timers.advance(10);
    await send(2);
    expect(timers.waiting).toBe(1);
    await leave();
    await settle();
    expect(timers.waiting).toBe(0);
    expect(seen.map((s) => s.value)).toEqual([1]);
  });
});
