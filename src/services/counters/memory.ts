// The in-process counter buffer: the embedded default (one instance, no Redis).
// Time comes from the app's clock, so tests move the 30-minute window by hand.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { sumInto, type Batch, type CounterBackend, type VisitOp } from "./backend";

interface SavedState {
  dedupe: Array<[string, number]>;
  seenAt: Array<[string, number]>;
  /** Counts the last flush before a stop could not write (the database was away). */
  pending?: Array<[string, number]>;
  pendingVisitors?: string[];
  inflight?: { id: string; counts: Array<[string, number]>; visitors: string[] } | null;
}

export class MemoryBackend implements CounterBackend {
  readonly kind = "memory" as const;
  private pending = new Map<string, number>();
  private pendingVisitors: string[] = [];
  private inflight: Batch | null = null;
  private flushing = false;
  private flushEnded: Promise<void> = Promise.resolve();
  private endFlush: () => void = () => {};
  private generation = 0;
  /** Dedupe key → expiry (ms). */
  private readonly dedupe = new Map<string, number>();
  /** Visitor hash → last seen (ms). */
  private readonly seenAt = new Map<string, number>();
  /** Day → `scope|hash` members seen that day (today and yesterday only). */
  private readonly seen = new Map<string, Set<string>>();

  async record(op: VisitOp): Promise<boolean> {
    this.seenAt.set(op.onlineMember, op.nowMs);
    if (op.dedupe) {
      const live = (key: string) => (this.dedupe.get(key) ?? 0) > op.nowMs;
      if (live(op.dedupe.current) || live(op.dedupe.previous)) return false;
      this.dedupe.set(op.dedupe.current, op.nowMs + op.dedupeTtlMs);
    }
    for (const [name, n] of op.increments) sumInto(this.pending, name, n);
    const seen = this.seenOn(op.day);
    if (!seen.has(op.seenMember)) {
      seen.add(op.seenMember);
      this.pendingVisitors.push(`${op.day}|${op.seenMember}`);
      sumInto(this.pending, op.uniqueField, 1);
    }
    return true;
  }

  private seenOn(day: string): Set<string> {
    let set = this.seen.get(day);
    if (!set) {
      set = new Set();
      this.seen.set(day, set);
      // Keep the two newest days: a flush may still be writing yesterday's.
      for (const old of [...this.seen.keys()].sort().slice(0, -2)) this.seen.delete(old);
    }
    return set;
  }

  preloadSeen(day: string, members: string[]): void {
    const set = this.seenOn(day);
    for (const m of members) set.add(m);
  }

  async online(nowMs: number, sinceMs: number): Promise<number> {
    let count = 0;
    for (const [member, at] of this.seenAt) {
      if (at >= sinceMs && at <= nowMs) count++;
      else if (at < sinceMs) this.seenAt.delete(member);
    }
    return count;
  }

  async onlineChange(nowMs: number, windowMs: number): Promise<number | null> {
    let next: number | null = null;
    for (const at of this.seenAt.values()) {
      const change = at > nowMs ? at : at >= nowMs - windowMs ? at + windowMs + 1 : null;
      if (change !== null && (next === null || change < next)) next = change;
    }
    return next;
  }

  async consistent<T>(read: () => Promise<T>, fields: string[] | "all") {
    for (;;) {
      while (this.flushing) await this.flushEnded;
      const generation = this.generation;
      const value = await read();
      if (!this.flushing && this.generation === generation) return { value, pending: this.snapshot(fields) };
    }
  }

  private snapshot(fields: string[] | "all"): Map<string, number> {
    const out = new Map<string, number>();
    const names = fields === "all" ? new Set([...this.pending.keys(), ...(this.inflight?.counts.keys() ?? [])]) : fields;
    for (const name of names) out.set(name, this.pendingNow(name));
    return out;
  }

  epoch(): number | null {
    return this.flushing ? -1 : this.generation;
  }

  pendingNow(name: string): number {
    return (this.pending.get(name) ?? 0) + (this.inflight?.counts.get(name) ?? 0);
  }

  async take(newId: string, nowMs: number): Promise<Batch | null> {
    if (this.flushing) return null;
    if (!this.inflight) {
      if (this.pending.size === 0 && this.pendingVisitors.length === 0) return null;
      this.inflight = { id: newId, counts: this.pending, visitors: this.pendingVisitors };
      this.pending = new Map();
      this.pendingVisitors = [];
    }
    this.flushing = true;
    this.flushEnded = new Promise((resolve) => (this.endFlush = resolve));
    this.sweep(nowMs);
    return this.inflight;
  }

  async done(batch: Batch): Promise<void> {
    if (this.inflight === batch) this.inflight = null;
    this.finish();
  }

  async failed(): Promise<void> {
    this.finish();
  }

  private finish() {
    this.generation++;
    this.flushing = false;
    this.endFlush();
  }

  /** Forgets expired windows and long-gone visitors (at most every flush interval). */
  private sweep(now: number) {
    for (const [key, expiry] of this.dedupe) if (expiry <= now) this.dedupe.delete(key);
    // Well past any "online" window: bounded memory even when nobody asks who is online.
    for (const [member, at] of this.seenAt) if (at < now - 3_600_000) this.seenAt.delete(member);
  }

  /**
   * Keeps the buffer across a graceful restart: the open 30-minute windows and the
   * online set (keyed hashes that expire within 30 minutes), and any counts the
   * last flush could not write. A batch keeps its id, so writing it again after
   * the restart cannot count it twice.
   */
  saveState(file: string, nowMs: number): void {
    const saved: SavedState = {
      dedupe: [...this.dedupe].filter(([, expiry]) => expiry > nowMs),
      seenAt: [...this.seenAt],
      pending: [...this.pending],
      pendingVisitors: this.pendingVisitors,
      inflight: this.inflight && { id: this.inflight.id, counts: [...this.inflight.counts], visitors: this.inflight.visitors },
    };
    // The data folder may have been moved or emptied since start-up: the counts still need a home.
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(saved), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  loadState(file: string, nowMs: number): void {
    if (!existsSync(file)) return;
    let saved: SavedState;
    try {
      saved = JSON.parse(readFileSync(file, "utf8")) as SavedState;
    } catch {
      // Written atomically, so never half a file; anything else is kept aside for an operator.
      renameSync(file, `${file}.unreadable-${nowMs}`);
      return;
    }
    for (const [key, expiry] of saved.dedupe) if (expiry > nowMs) this.dedupe.set(key, expiry);
    for (const [member, at] of saved.seenAt) this.seenAt.set(member, at);
    for (const [name, n] of saved.pending ?? []) sumInto(this.pending, name, n);
    if (saved.inflight) this.inflight = { id: saved.inflight.id, counts: new Map(saved.inflight.counts), visitors: saved.inflight.visitors };
    for (const member of [...(saved.pendingVisitors ?? []), ...(saved.inflight?.visitors ?? [])]) {
      const [day, scope, hash] = member.split("|") as [string, string, string];
      this.seenOn(day).add(`${scope}|${hash}`);
    }
    this.pendingVisitors.push(...(saved.pendingVisitors ?? []));
    rmSync(file, { force: true });
  }

  async close(): Promise<void> {}
}
