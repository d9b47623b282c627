// The counter buffer in Redis (REDIS_URL): shared by every instance, so any
// number of them count together exactly. Each step that reads and changes the
// buffer is one Lua script, hence atomic: two instances never take the same
// increment, and none is lost between them.
import type { Redis } from "ioredis";
import type { Batch, CounterBackend, VisitOp } from "./backend";

const RECORD = `
-- KEYS: dedupe current, dedupe previous, online, seen(day), pending, pending visitors
-- ARGV: dedupeTtlMs, nowMs, onlineMember, seenMember, visitorMember, uniqueField, seenTtlS, field1, n1, ...
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
if KEYS[1] ~= KEYS[3] then
  if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
  if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
end
for i = 8, #ARGV, 2 do redis.call('HINCRBY', KEYS[5], ARGV[i], ARGV[i + 1]) end
if redis.call('SADD', KEYS[4], ARGV[4]) == 1 then
  redis.call('EXPIRE', KEYS[4], ARGV[7])
  redis.call('SADD', KEYS[6], ARGV[5])
  redis.call('HINCRBY', KEYS[5], ARGV[6], 1)
end
return 1
`;

// A batch left behind by a flush that failed or crashed is taken again first,
// with its own id: the database remembers the ids it has written (CounterFlush),
// so the retry writes it once whichever way the first attempt ended.
const TAKE = `
-- KEYS: lock, pending, pending visitors, inflight, inflight visitors, inflight id
-- ARGV: token, lockTtlMs, newId
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0} end
local id = redis.call('GET', KEYS[6])
if not id then
  if redis.call('EXISTS', KEYS[2]) == 0 and redis.call('EXISTS', KEYS[3]) == 0 then
    redis.call('DEL', KEYS[1])
    return {0}
  end
  if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('RENAME', KEYS[2], KEYS[4]) end
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('RENAME', KEYS[3], KEYS[5]) end
  redis.call('SET', KEYS[6], ARGV[3])
  id = ARGV[3]
end
return {1, id, redis.call('HGETALL', KEYS[4]), redis.call('SMEMBERS', KEYS[5])}
`;

const DONE = `
-- KEYS: lock, inflight, inflight visitors, inflight id, generation ; ARGV: token, batch id
if redis.call('GET', KEYS[4]) == ARGV[2] then redis.call('DEL', KEYS[2], KEYS[3], KEYS[4]) end
redis.call('INCR', KEYS[5])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

const RELEASE = `
-- KEYS: lock, generation ; ARGV: token
redis.call('INCR', KEYS[2])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

const SNAPSHOT = `
-- KEYS: generation, lock, pending, inflight ; ARGV: fields (none: all)
local gen = redis.call('GET', KEYS[1]) or '0'
local locked = redis.call('EXISTS', KEYS[2])
if #ARGV == 0 then
  return {gen, locked, redis.call('HGETALL', KEYS[3]), redis.call('HGETALL', KEYS[4])}
end
return {gen, locked, redis.call('HMGET', KEYS[3], unpack(ARGV)), redis.call('HMGET', KEYS[4], unpack(ARGV))}
`;

type Scripted = Redis & {
  counterRecord(...args: (string | number)[]): Promise<number>;
  counterTake(...args: (string | number)[]): Promise<[0] | [1, string, string[], string[]]>;
  counterDone(...args: (string | number)[]): Promise<number>;
  counterRelease(...args: (string | number)[]): Promise<number>;
  counterSnapshot(...args: (string | number)[]): Promise<[string, number, (string | null)[], (string | null)[]]>;
};

/** How long a flush may hold the buffer before another instance may take it over. */
const LOCK_TTL_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RedisBackend implements CounterBackend {
  readonly kind = "redis" as const;
  private readonly redis: Scripted;
  private readonly k: Record<"lock" | "pending" | "pendingV" | "inflight" | "inflightV" | "inflightId" | "gen" | "online", string>;
  private readonly token = `${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    const r = redis as Scripted;
    if (!("counterRecord" in redis)) {
      redis.defineCommand("counterRecord", { numberOfKeys: 6, lua: RECORD });
      redis.defineCommand("counterTake", { numberOfKeys: 6, lua: TAKE });
      redis.defineCommand("counterDone", { numberOfKeys: 5, lua: DONE });
      redis.defineCommand("counterRelease", { numberOfKeys: 2, lua: RELEASE });
      redis.defineCommand("counterSnapshot", { numberOfKeys: 4, lua: SNAPSHOT });
    }
    this.redis = r;
    const c = `${prefix}counters:`;
    this.k = {
      lock: `${c}lock`,
      pending: `${c}pending`,
      pendingV: `${c}pending-visitors`,
      inflight: `${c}inflight`,
      inflightV: `${c}inflight-visitors`,
      inflightId: `${c}inflight-id`,
      gen: `${c}generation`,
      online: `${c}online`,
    };
  }

  async record(op: VisitOp): Promise<boolean> {
    const c = `${this.prefix}counters:`;
    // Without a visitorId there is no dedupe: both dedupe keys are the online key, which the script reads as "none".
    const dedupe = op.dedupe ? [`${c}dedupe:${op.dedupe.current}`, `${c}dedupe:${op.dedupe.previous}`] : [this.k.online, this.k.online];
    const [scope, hash] = op.seenMember.split("|") as [string, string];
    const counted = await this.redis.counterRecord(
      ...dedupe,
      this.k.online,
      `${c}seen:${op.day}`,
      this.k.pending,
      this.k.pendingV,
      op.dedupeTtlMs,
      op.nowMs,
      op.onlineMember,
      `${scope}|${hash}`,
      `${op.day}|${scope}|${hash}`,
      op.uniqueField,
      3 * 24 * 3600,
      ...op.increments.flat(),
    );
    return counted === 1;
  }

  async online(nowMs: number, sinceMs: number): Promise<number> {
    const [, count] = (await this.redis.multi().zremrangebyscore(this.k.online, "-inf", `(${sinceMs}`).zcount(this.k.online, sinceMs, nowMs).exec())!;
    return Number(count![1]);
  }

  async onlineChange(nowMs: number, windowMs: number): Promise<number | null> {
    // The earliest visitor still in the window leaves first (one seen "later" than
    // now, with a clock behind another instance's, enters at its time).
    const [first] = await this.redis.zrangebyscore(this.k.online, nowMs - windowMs, "+inf", "WITHSCORES", "LIMIT", 0, 1).then((r) => [r[1]]);
    if (first === undefined) return null;
    const at = Number(first);
    if (at > nowMs) return at;
    const [later] = await this.redis.zrangebyscore(this.k.online, `(${nowMs}`, "+inf", "WITHSCORES", "LIMIT", 0, 1).then((r) => [r[1]]);
    return Math.min(at + windowMs + 1, later === undefined ? Number.POSITIVE_INFINITY : Number(later));
  }

  async consistent<T>(read: () => Promise<T>, fields: string[] | "all") {
    const names = fields === "all" ? [] : fields;
    const keys = [this.k.gen, this.k.lock, this.k.pending, this.k.inflight];
    let last: { value: T; pending: Map<string, number> } | null = null;
    // A flush takes milliseconds; after ~2 s of flushes (or a crashed flusher's
    // lock) answer with the best reading rather than not at all.
    for (let attempt = 0; attempt < 100; attempt++) {
      const [gen0, locked0] = await this.redis.counterSnapshot(...keys, "__none__");
      if (locked0) {
        await sleep(20);
        continue;
      }
      const value = await read();
      const [gen1, locked1, pending, inflight] = await this.redis.counterSnapshot(...keys, ...names);
      const sums = new Map<string, number>();
      if (fields === "all") {
        for (const list of [pending, inflight]) for (let i = 0; i < list.length; i += 2) sums.set(list[i]!, (sums.get(list[i]!) ?? 0) + Number(list[i + 1]));
      } else {
        names.forEach((name, i) => sums.set(name, Number(pending[i] ?? 0) + Number(inflight[i] ?? 0)));
      }
      last = { value, pending: sums };
      if (!locked1 && gen1 === gen0) return last;
    }
    return last ?? { value: await read(), pending: new Map() };
  }

  async take(newId: string): Promise<Batch | null> {
    const k = this.k;
    const result = await this.redis.counterTake(k.lock, k.pending, k.pendingV, k.inflight, k.inflightV, k.inflightId, this.token, LOCK_TTL_MS, newId);
    if (result[0] === 0) return null;
    const [, id, flat, visitors] = result;
    const counts = new Map<string, number>();
    for (let i = 0; i < flat.length; i += 2) counts.set(flat[i]!, Number(flat[i + 1]));
    return { id, counts, visitors };
  }

  async done(batch: Batch): Promise<void> {
    const k = this.k;
    await this.redis.counterDone(k.lock, k.inflight, k.inflightV, k.inflightId, k.gen, this.token, batch.id);
  }

  async failed(): Promise<void> {
    await this.redis.counterRelease(this.k.lock, this.k.gen, this.token);
  }

  epoch(): number | null {
    return null;
  }

  pendingNow(): number {
    return 0;
  }

  async close(): Promise<void> {}
}
