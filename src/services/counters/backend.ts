// The counter buffer's one interface ("Write-behind"). A visit touches
// only the buffer — process memory, or Redis when REDIS_URL is set — and the
// flusher moves the buffered counts to the database in batches.
//
// Buffered counts are named fields (see `field`), each an increment still to be
// added to one database counter. Visitors first seen on a day are buffered as
// `day|scope|hash` members; the flush inserts them into DailyVisitor and adds the
// number actually inserted to the unique counts, so those stay exact across
// restarts and instances.

/** One visit to record, already hashed (no raw visitor id or address reaches a backend). */
export interface VisitOp {
  /** The dedupe keys of today and yesterday, when the client sent a visitorId. */
  dedupe: { current: string; previous: string } | null;
  dedupeTtlMs: number;
  /** The visitor's hash in the online set. */
  onlineMember: string;
  nowMs: number;
  day: string;
  /** `${scope}|${hash}`: the visitor's member in the day's seen set. */
  seenMember: string;
  /** Increments, when the visit counts. */
  increments: Array<[string, number]>;
  /** The pending unique count raised when the visitor is new on this day. */
  uniqueField: string;
}

/** Counts taken from the buffer to be written to the database in one transaction. */
export interface Batch {
  /** Unique per batch: the database remembers it, so a batch is never written twice. */
  id: string;
  counts: Map<string, number>;
  /** `day|scope|hash` of visitors first seen on their day. */
  visitors: string[];
}

export interface CounterBackend {
  readonly kind: "memory" | "redis";
  /** Records a visit atomically; true when it counted (not a repeat within the window). */
  record(op: VisitOp): Promise<boolean>;
  /** Distinct visitors seen since `sinceMs`. */
  online(nowMs: number, sinceMs: number): Promise<number>;
  /**
   * The first instant after `nowMs` at which `online(t, t - windowMs)` differs
   * from its value at `nowMs` with no new visit (a visitor leaves the window);
   * null when nobody is in it. Cached answers that show "online" expire then.
   */
  onlineChange(nowMs: number, windowMs: number): Promise<number | null>;
  /**
   * Runs a database read and reads the buffered values of `fields` (or every
   * field, with "all") so that the two agree: no flush commits between them,
   * hence no count is missed or counted twice.
   */
  consistent<T>(read: () => Promise<T>, fields: string[] | "all"): Promise<{ value: T; pending: Map<string, number> }>;
  /** The buffered counts for a flush, or null when there are none or another flush holds them. */
  take(newId: string, nowMs: number): Promise<Batch | null>;
  /** The batch is in the database: forget it. */
  done(batch: Batch): Promise<void>;
  /** Writing the batch failed: keep it for the next flush (which retries it first). */
  failed(batch: Batch): Promise<void>;
  /** Marks visitors already in the database for a day (memory backend after a restart). */
  preloadSeen?(day: string, members: string[]): void;
  /** Keeps the buffer across a graceful restart (memory backend; Redis keeps it by itself). */
  saveState?(file: string, nowMs: number): void;
  loadState?(file: string, nowMs: number): void;
  /** For the memory backend, a synchronous read: epoch() then pendingNow(). */
  epoch(): number | null;
  pendingNow(field: string): number;
  close(): Promise<void>;
}

/** Buffered field names. Days are YYYY-MM-DD; article ids never hold "|". */
export const field = {
  totalVisits: "T",
  siteVisits: (day: string) => `sv|${day}`,
  siteUniques: (day: string) => `su|${day}`,
  siteArticleViews: (day: string) => `sa|${day}`,
  articleViews: (id: string) => `av|${id}`,
  articleDayViews: (day: string, id: string) => `ad|${day}|${id}`,
  articleDayUniques: (day: string, id: string) => `au|${day}|${id}`,
};

export const sumInto = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
