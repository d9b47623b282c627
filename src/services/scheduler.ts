// Scheduled publishing and end of publication: a periodic job that
// promotes approved versions whose publish date has come and unpublishes
// articles whose end of publication has passed. Its state is the database, so
// it survives restarts (the first tick runs at start-up) and any number of
// instances may run it: every promotion is a conditional update that exactly
// one instance wins, and only the winner announces the article.
import type { Clock } from "../lib/clock";
import type { Db } from "../db/client";
import type { Events } from "./events";
import { expireDue, promoteDue } from "./workflow";

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  events: Events;
  /** Milliseconds between ticks; 0 disables the timer (tests call tick()). */
  intervalMs: number;
  onError?: (error: unknown) => void;
  /**
   * Articles this pass published or withdrew; awaited before the pass ends (the
   * server bumps the response cache's generation here: docs/performance.md).
   */
  onChange?: (articleIds: string[]) => void | Promise<void>;
}

export interface TickResult {
  promoted: string[];
  expired: string[];
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickResult> | null = null;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  /** One pass over what is due at the clock's now. Overlapping calls share the pass in flight. */
  tick(): Promise<TickResult> {
    if (this.running) return this.running;
    const now = this.deps.clock.now();
    this.running = (async () => {
      try {
        // Both jobs run even when one fails; the failure is reported after.
        const [promoted, expired] = await Promise.allSettled([promoteDue(this.deps.db, this.deps.events, now), expireDue(this.deps.db, now)]);
        const changed = [promoted, expired].flatMap((r) => (r.status === "fulfilled" ? r.value : []));
        if (changed.length > 0) await this.deps.onChange?.(changed);
        if (promoted.status === "rejected") throw promoted.reason;
        if (expired.status === "rejected") throw expired.reason;
        return { promoted: promoted.value, expired: expired.value };
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Runs a tick now and then every intervalMs, until stop(). */
  start(): void {
    if (this.timer || this.deps.intervalMs <= 0 || this.stopped) return;
    const run = () => {
      this.tick().catch((error: unknown) => this.deps.onError?.(error));
    };
    run();
    this.timer = setInterval(run, this.deps.intervalMs);
    // The scheduler alone never keeps the process alive.
    this.timer.unref();
  }

  /** Stops the timer and waits for a tick in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  return new Scheduler(deps);
}
