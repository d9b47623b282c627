// Visit counting: what counts, the buffer, the flusher, and the reads
// that add what is not flushed yet. GraphQL lives in src/schema/stats.
import { randomUUID } from "node:crypto";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Clock } from "../../lib/clock";
import type { Db } from "../../db/client";
import type { Events } from "../events";
import { addDays, dayOf } from "../site-time";
import { field, type CounterBackend, type VisitOp } from "./backend";
import { isCrawler } from "./crawlers";
import { pruneCounters, writeBatch } from "./flush";
import type { VisitorHasher, VisitorIdentity } from "./visitor-hash";

/** Repeated visits by one visitor within this window count once. */
export const DEDUPE_WINDOW_MS = 30 * 60_000;
/** "Online": distinct visitors seen within this window. */
export const ONLINE_WINDOW_MS = 5 * 60_000;
/** Live view counts: at most one event a second per article; live site figures: at most one a second. */
export const VIEW_EVENT_INTERVAL_MS = 1000;
/** One flush, whoever started it (timer, shutdown, operator). */
export interface CounterFlushReport {
  durationMs: number;
  ok: boolean;
}

/** What /metrics reads of the counter buffer. */
export interface CounterBuffer {
  /** How many counts wait in the buffer (shown as portal_counter_buffer_size). */
  pendingSize(): number;
  /** Tells the listener about every flush (feeds portal_counter_flush_duration_seconds). */
  onFlush(listener: (report: CounterFlushReport) => void): void;
}

/** Batches taken per flush at most (a retried one, then the fresh counts). */
const MAX_BATCHES_PER_FLUSH = 4;

export interface CountersOptions {
  db: Db;
  backend: CounterBackend;
  hasher: VisitorHasher;
  clock: Clock;
  timeZone: string;
  events: Events;
  /** How often buffered counts are written; null: only when flush() is called (and on close). */
  flushIntervalMs: number | null;
  /** Where the memory buffer is kept across a graceful restart. */
  stateFile?: string;
  /** False: visits are answered but not counted (VISIT_COUNTING=false). */
  enabled: boolean;
  /**
   * Bounds the counted views one client address adds to one article per window
   * (VIEW_LIMIT_PER_ADDRESS_ARTICLE): in Redis when the buffer is, so every
   * instance shares it. The visitor id is the client's own, so without this one
   * address could count a view per made-up visitor.
   */
  viewBound?: RateLimiterAbstract | null;
  onError?: (error: unknown) => void;
}

export class Counters implements CounterBuffer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Visits this instance counted since its last flush (for /metrics; see pendingSize). */
  private recordedSinceFlush = 0;
  private readonly flushListeners: Array<(report: CounterFlushReport) => void> = [];
  private closed = false;
  private prunedOn = "";
  private readonly lastEvent = new Map<string, number>();
  private readonly scheduledEvents = new Map<string, NodeJS.Timeout>();

  constructor(private readonly o: CountersOptions) {}

  get backendKind() {
    return this.o.backend.kind;
  }

  /** Loads what the buffer must know after a restart, then flushes every interval. */
  async start(): Promise<void> {
    const backend = this.o.backend;
    if (backend.loadState && this.o.stateFile) backend.loadState(this.o.stateFile, this.o.clock.now().getTime());
    if (backend.preloadSeen) {
      const today = this.day(this.o.clock.now());
      // Visitors already counted today stay counted once after a restart.
      for (const day of [addDays(today, -1), today]) {
        const rows = await this.o.db.dailyVisitor.findMany({ where: { day }, select: { scope: true, hash: true } });
        backend.preloadSeen(
          day,
          rows.map((r) => `${r.scope}|${r.hash}`),
        );
      }
    }
    if (this.o.flushIntervalMs === null) return;
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => this.o.onError?.(error));
    }, this.o.flushIntervalMs);
    this.timer.unref();
  }

  private day(now: Date): string {
    return dayOf(now, this.o.timeZone);
  }

  /** Known crawlers (isbot's maintained list, less HTTP client libraries: ./crawlers.ts) are never counted. */
  isCrawler(userAgent: string | null): boolean {
    return isCrawler(userAgent);
  }

  /** One visit to the site; true when it counted. */
  async recordSiteVisit(visitor: VisitorIdentity, now: Date): Promise<boolean> {
    if (!this.o.enabled || this.isCrawler(visitor.userAgent)) return false;
    const day = this.day(now);
    const counted = await this.o.backend.record(
      this.op(
        "site",
        visitor,
        now,
        day,
        [
          [field.totalVisits, 1],
          [field.siteVisits(day), 1],
        ],
        field.siteUniques(day),
      ),
    );
    if (counted) this.recordedSinceFlush++;
    // A repeat counts nothing but may bring its visitor back among those online.
    this.announceSite();
    return counted;
  }

  /** One view of an article the viewer may read; true when it counted. */
  async recordArticleView(articleId: string, visitor: VisitorIdentity, now: Date): Promise<boolean> {
    if (!this.o.enabled || this.isCrawler(visitor.userAgent)) return false;
    const day = this.day(now);
    const increments: Array<[string, number]> = [
      [field.articleViews(articleId), 1],
      [field.articleDayViews(day, articleId), 1],
      [field.siteArticleViews(day), 1],
    ];
    const bound = this.o.viewBound && visitor.address ? `${articleId}:${this.o.hasher.addressKey(visitor.address)}` : null;
    if (bound && !(await this.takeView(bound))) return false;
    const counted = await this.o.backend.record(this.op(articleId, visitor, now, day, increments, field.articleDayUniques(day, articleId)));
    // A repeat within the visitor's window uses up nothing of the address's bound.
    if (!counted && bound) await this.o.viewBound!.reward(bound, 1).catch(() => undefined);
    if (counted) {
      this.recordedSinceFlush++;
      this.announce(articleId);
    }
    // Counted or not, the reader is now among those online.
    this.announceSite();
    return counted;
  }

  /** Takes one view of the address's bound for the article; false when it is used up. */
  private async takeView(key: string): Promise<boolean> {
    try {
      await this.o.viewBound!.consume(key, 1);
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      // The store failed and no insurance answered: count rather than lose real readers.
      return true;
    }
  }

  private op(scope: string, visitor: VisitorIdentity, now: Date, day: string, increments: Array<[string, number]>, uniqueField: string): VisitOp {
    const hash = this.o.hasher.hash(day, visitor);
    // The hash rotates at midnight: a visit at 23:50 still covers 00:10 through yesterday's key.
    const dedupe = visitor.visitorId !== null ? { current: `${scope}:${hash}`, previous: `${scope}:${this.o.hasher.hash(addDays(day, -1), visitor)}` } : null;
    return { dedupe, dedupeTtlMs: DEDUPE_WINDOW_MS, onlineMember: hash, nowMs: now.getTime(), day, seenMember: `${scope}|${hash}`, increments, uniqueField };
  }

  /** Publishes an articleViewCount event, at most one a second per article (the last view is never left out). */
  private announce(articleId: string): void {
    this.throttled(`article:${articleId}`, () => this.o.events.publish("articleViewCount", articleId, { articleId }));
  }

  /** Publishes a siteVisitCounts event, at most one a second (the last visit is never left out). */
  private announceSite(): void {
    this.throttled("site", () => this.o.events.publish("siteVisitCounts", {}));
  }

  /** Runs `publish` at once, or once the interval since its key's last run has passed; calls meanwhile coalesce into that one. */
  private throttled(key: string, publish: () => void): void {
    if (this.closed || this.scheduledEvents.has(key)) return;
    const run = () => {
      this.scheduledEvents.delete(key);
      this.lastEvent.set(key, Date.now());
      publish();
    };
    const wait = (this.lastEvent.get(key) ?? -Infinity) + VIEW_EVENT_INTERVAL_MS - Date.now();
    if (wait <= 0) run();
    else this.scheduledEvents.set(key, setTimeout(run, wait).unref());
  }

  async online(now: Date): Promise<number> {
    return this.o.backend.online(now.getTime(), now.getTime() - ONLINE_WINDOW_MS);
  }

  /** When the "online" count next changes with no new visit (ms), or null (see CounterBackend.onlineChange). */
  onlineChange(nowMs: number): Promise<number | null> {
    return this.o.backend.onlineChange(nowMs, ONLINE_WINDOW_MS);
  }

  /** A value for the synchronous read path (memory buffer): see viewCountNow. */
  epoch(): number | null {
    return this.o.backend.epoch();
  }

  /**
   * An article's view count from the database value a request read plus the
   * buffer, when no flush has committed since the request began (`epoch` was
   * taken before its database read); null when the caller must read again
   * through `consistent` (a flush overlapped, or the buffer is in Redis).
   */
  viewCountNow(articleId: string, dbValue: number, epoch: number | null): number | null {
    if (epoch === null || epoch < 0 || this.o.backend.epoch() !== epoch) return null;
    return dbValue + this.o.backend.pendingNow(field.articleViews(articleId));
  }

  /** A database read and the buffered values of `fields` that agree (see CounterBackend.consistent). */
  consistent<T>(read: () => Promise<T>, fields: string[] | "all") {
    return this.o.backend.consistent(read, fields);
  }

  /**
   * Visits counted by this instance and not yet flushed by it (exact for the
   * in-memory buffer; with Redis, other instances' visits are theirs to report).
   */
  pendingSize(): number {
    return this.recordedSinceFlush;
  }

  /** Tells the listener about every flush, whoever started it (timer, shutdown, operator). */
  onFlush(listener: (report: CounterFlushReport) => void): void {
    this.flushListeners.push(listener);
  }

  /** Moves buffered counts to the database; concurrent calls share one run. */
  flush(): Promise<void> {
    this.running ??= (async () => {
      const started = performance.now();
      const recorded = this.recordedSinceFlush;
      let ok = false;
      let batches = 0;
      try {
        batches = await this.flushBatches();
        this.recordedSinceFlush = Math.max(0, this.recordedSinceFlush - recorded);
        ok = true;
      } finally {
        // Reported when something was written or went wrong, not for every idle tick.
        if (batches > 0 || !ok) for (const listener of this.flushListeners) listener({ durationMs: performance.now() - started, ok });
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Writes the buffered batches; resolves with how many there were. */
  private async flushBatches(): Promise<number> {
    let written = 0;
    for (let i = 0; i < MAX_BATCHES_PER_FLUSH; i++) {
      const now = this.o.clock.now();
      const batch = await this.o.backend.take(randomUUID(), now.getTime());
      if (!batch) break;
      try {
        await writeBatch(this.o.db, batch, now);
      } catch (error) {
        await this.o.backend.failed(batch);
        throw error;
      }
      await this.o.backend.done(batch);
      written++;
    }
    const now = this.o.clock.now();
    const today = this.day(now);
    if (this.prunedOn !== today) {
      await pruneCounters(this.o.db, addDays(today, -1), now);
      this.prunedOn = today;
    }
    const stale = Date.now() - VIEW_EVENT_INTERVAL_MS;
    for (const [id, at] of this.lastEvent) if (at < stale) this.lastEvent.delete(id);
    return written;
  }

  /** Stops the timer and flushes everything buffered (shutdown: SIGTERM loses nothing). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const t of this.scheduledEvents.values()) clearTimeout(t);
    this.scheduledEvents.clear();
    // One run may be under way; the next takes what came in meanwhile.
    await this.flush().catch(() => undefined);
    let failure: unknown = null;
    await this.flush().catch((error: unknown) => (failure = error));
    const { backend, stateFile } = this.o;
    if (backend.saveState && stateFile) {
      // Whatever the database did not take waits in the data folder for the next start.
      backend.saveState(stateFile, this.o.clock.now().getTime());
      if (failure) this.o.onError?.(failure);
    } else if (failure) {
      throw failure;
    }
    await backend.close();
  }
}
