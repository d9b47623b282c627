// The response cache of anonymous reads (docs/performance.md).
//
// Exact by construction: every cached answer is keyed by a *generation* of the
// data, and every write that readers could see bumps that generation after it
// commits and before it answers (`app.cache.changed()`, the one call writes
// make). Which entries a write makes stale therefore never depends on what a
// client selected, aliased or left out: after a write, every key changes, so no
// answer computed before it can be served again. An answer computed while a
// write lands is stored under the generation read before the write's bump, which
// nobody asks for any more.
//
// Two generations: `content` (articles, versions, permissions, categories, site,
// media, users, scheduling, article views) is part of every key; `visits` (site
// visits, "online") only of answers that read the site statistics. Answers that
// depend on time with no write (an article whose publish date or end of
// publication comes, "online" falling as visitors leave, "today" at midnight)
// carry the instant they expire.
//
// One instance keeps generations and answers in memory. With REDIS_URL (several
// instances) the generations are Redis counters: a write's INCR lands before its
// response is sent, every read fetches them (one round trip), so once a write has
// answered no instance serves anything older. Answers are shared through Redis
// too, with a local copy per instance (an answer under a generation never changes).
//
// Signed-in requests, mutations, answers with errors and streams are never cached.
import { createHash } from "node:crypto";
import { getNamedType, Kind, parse, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";
import type { Clock } from "../lib/clock";
import type { Config } from "../env";
import type { Db } from "../db/client";
import type { Logger } from "../lib/logger";
import { addDays, dayOf } from "../services/site-time";

/** What a write changed: `content` is everything readers see but the site statistics. */
export type Change = "content" | "visits";

interface Generations {
  content: string;
  visits: string;
}

/** Where the generations live: this process (one instance) or Redis (several). */
interface GenerationStore {
  read(): Promise<Generations>;
  bump(changes: readonly Change[]): Promise<void>;
}

class LocalGenerations implements GenerationStore {
  private content = 0;
  private visits = 0;
  async read(): Promise<Generations> {
    return { content: String(this.content), visits: String(this.visits) };
  }
  async bump(changes: readonly Change[]): Promise<void> {
    if (changes.includes("content")) this.content++;
    if (changes.includes("visits")) this.visits++;
  }
}

class RedisGenerations implements GenerationStore {
  private readonly keys: Record<Change, string>;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = { content: `${prefix}response-cache:generation:content`, visits: `${prefix}response-cache:generation:visits` };
  }
  async read(): Promise<Generations> {
    const [content, visits] = await this.redis.mget(this.keys.content, this.keys.visits);
    return { content: content ?? "0", visits: visits ?? "0" };
  }
  async bump(changes: readonly Change[]): Promise<void> {
    const pipeline = this.redis.multi();
    for (const change of new Set(changes)) pipeline.incr(this.keys[change]);
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error("Redis did not run the generation bump");
  }
}

/** One stored answer. */
interface Entry {
  text: string;
  etag: string;
  /** Clock time (ms) from which the answer may be stale without any write. */
  expiresAt: number;
}

export interface DocumentFacts {
  /** The answer shows the site statistics (their own generation, midnight, "online"). */
  visits: boolean;
}

/** Marks the cache's own statements (tests that count a request's statements leave them out). */
export const BOOKKEEPING = "/* response-cache */";

const MAX_QUERY_LENGTH = 20_000;
const MAX_ANSWER_BYTES = 1_000_000;
const MAX_DOCUMENTS = 500;
/** Answers kept in Redis at most this long (they are also dropped by Redis's own eviction). */
const SHARED_TTL_MS = 24 * 3_600_000;

export interface ResponseCacheStats {
  entries: number;
  hits: number;
  misses: number;
  invalidations: number;
  /** Reads answered without the cache because Redis could not be reached. */
  bypassed: number;
}

export interface ResponseCacheOptions {
  config: Config;
  db: Db;
  clock: Clock;
  provider: "sqlite" | "postgres";
  /** Shared generations and answers (REDIS_URL); null: this process only. */
  redis?: Redis | null;
  /** The instant (ms) after `nowMs` at which the "online" count next falls on its own; null: never. */
  onlineExpiry?: (nowMs: number) => Promise<number | null>;
  logger?: Logger;
}

/** A looked-up key: the answer if there is one, and what storing a new one needs. */
export interface Lookup {
  key: string;
  entry: Entry | null;
  facts: DocumentFacts;
  startedAt: Date;
}

export class ResponseCache {
  readonly enabled: boolean;
  readonly shared: boolean;
  private readonly generations: GenerationStore;
  /** Local answers, least recently used first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Entry>();
  private readonly documents = new Map<string, DocumentFacts | null>();
  /** The next instant an article appears or disappears on its own, per content generation. */
  private transition: { generation: string; computedAt: number; at: number } | null = null;
  readonly stats: ResponseCacheStats = { entries: 0, hits: 0, misses: 0, invalidations: 0, bypassed: 0 };
  /** SQLite's count of commits by other connections (another process: the import command). */
  private dataVersion: number | null = null;
  private nextForeignCheck = 0;
  /** Characters held by the local answers. */
  private bytes = 0;
  /** A bump that could not reach Redis: the shared cache is not used until one succeeds. */
  private unsettled: Promise<void> | null = null;
  private readonly prefix: string;

  constructor(private readonly options: ResponseCacheOptions) {
    this.enabled = options.config.RESPONSE_CACHE;
    this.shared = Boolean(options.redis);
    this.prefix = `${options.config.REDIS_PREFIX}response-cache:answer:`;
    this.generations = options.redis ? new RedisGenerations(options.redis, options.config.REDIS_PREFIX) : new LocalGenerations();
  }

  // ---- the call every write makes --------------------------------------------------------

  /**
   * A write that readers may see has committed: call this before answering it
   * (then the very next read, on any instance, sees the write). `content` for
   * everything but the site statistics; a site visit is `visits`; an article view
   * is both. When in doubt, call it: a needless bump only costs a few misses.
   */
  async changed(...changes: Change[]): Promise<void> {
    const what: Change[] = changes.length ? changes : ["content"];
    this.stats.invalidations++;
    if (what.includes("content")) this.transition = null;
    if (!this.enabled) return;
    try {
      await this.generations.bump(what);
    } catch (error) {
      // The write has committed; readers must not see an answer from before it.
      // This instance stops using the shared cache until a bump succeeds, and says so.
      this.options.logger?.error({ err: error }, "response cache: the generation could not be bumped in Redis; shared answers are bypassed until it can");
      this.unsettled ??= this.retryBump(what);
    }
  }

  private async retryBump(changes: Change[]): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 500).unref());
      // The app has closed its Redis client (shutdown): nothing is left to settle.
      if (this.options.redis?.status === "end") return;
      try {
        await this.generations.bump(["content", "visits", ...changes]);
        this.unsettled = null;
        return;
      } catch {
        // Redis still away: try again.
      }
    }
  }

  /**
   * Writes made by another process (`npm run import` beside the server) do not
   * call `changed`. On SQLite, `PRAGMA data_version` on the server's own
   * connection changes exactly when another connection has committed: then the
   * generation moves, within RESPONSE_CACHE_EXTERNAL_CHECK_MS (0: on every
   * request). The import command bumps the shared generations itself when
   * REDIS_URL is set (docs/performance.md).
   */
  async checkForeignWrites(): Promise<void> {
    if (this.options.provider !== "sqlite") return;
    const now = this.options.clock.now().getTime();
    if (now < this.nextForeignCheck) return;
    this.nextForeignCheck = now + this.options.config.RESPONSE_CACHE_EXTERNAL_CHECK_MS;
    const rows = await this.options.db.$queryRawUnsafe<Array<{ data_version: number | bigint }>>(`${BOOKKEEPING} PRAGMA data_version`);
    const version = Number(rows[0]?.data_version ?? 0);
    if (this.dataVersion !== null && version !== this.dataVersion) await this.changed("content", "visits");
    this.dataVersion = version;
  }

  snapshot(): ResponseCacheStats & { chars: number } {
    return { ...this.stats, entries: this.entries.size, chars: this.bytes };
  }

  // ---- lookups ---------------------------------------------------------------------------

  /** The facts of a query document, or null when its answers must not be cached. */
  facts(schema: GraphQLSchema, query: string, operationName: string | null | undefined): DocumentFacts | null {
    const cacheKey = `${operationName ?? ""}\n${query}`;
    let facts = this.documents.get(cacheKey);
    if (facts === undefined) {
      facts = describeDocument(schema, query, operationName);
      if (this.documents.size >= MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(cacheKey, facts);
    }
    return facts;
  }

  /**
   * The answer stored for a request (operation, text, variables) under the current
   * generations; null when the cache cannot be used right now (Redis away).
   */
  async lookup(request: string, facts: DocumentFacts): Promise<Lookup | null> {
    if (this.unsettled) {
      this.stats.bypassed++;
      return null;
    }
    const startedAt = this.options.clock.now();
    let generations: Generations;
    try {
      await this.checkForeignWrites();
      generations = await this.generations.read();
    } catch (error) {
      this.stats.bypassed++;
      this.options.logger?.warn({ err: error }, "response cache: generations unavailable, answering without the cache");
      return null;
    }
    const key = `${generations.content}/${facts.visits ? generations.visits : "-"}\n${request}`;
    let entry = this.localGet(key, startedAt.getTime());
    if (!entry && this.options.redis) {
      try {
        const stored = await this.options.redis.get(this.sharedKey(key));
        if (stored) {
          const parsed = JSON.parse(stored) as Entry;
          if (startedAt.getTime() < parsed.expiresAt) {
            entry = parsed;
            this.localSet(key, parsed);
          }
        }
      } catch (error) {
        this.options.logger?.warn({ err: error }, "response cache: a shared answer could not be read");
      }
    }
    return { key, entry, facts, startedAt };
  }

  /** Stores the answer computed for a lookup that missed. */
  async store(lookup: Lookup, text: string): Promise<Entry | null> {
    if (text.length > MAX_ANSWER_BYTES) return null;
    const expiresAt = await this.expiry(lookup);
    const entry: Entry = { text, etag: etagOf(text), expiresAt };
    this.localSet(lookup.key, entry);
    if (this.options.redis && !this.unsettled) {
      const ttl = Math.max(1, Math.min(SHARED_TTL_MS, expiresAt - this.options.clock.now().getTime()));
      if (Number.isFinite(ttl)) {
        await this.options.redis.set(this.sharedKey(lookup.key), JSON.stringify(entry), "PX", Math.ceil(ttl)).catch((error: Error) => {
          this.options.logger?.warn({ err: error }, "response cache: an answer could not be shared");
        });
      }
    }
    return entry;
  }

  private sharedKey(key: string): string {
    return this.prefix + createHash("sha256").update(key).digest("base64url");
  }

  private localGet(key: string, now: number): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (now >= entry.expiresAt) {
      this.remove(key);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private localSet(key: string, entry: Entry): void {
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.text.length;
    // Bounded in entries and in characters kept: distinct variables from a hostile client only evict.
    const maxChars = this.options.config.RESPONSE_CACHE_MAX_MB * 1024 * 1024;
    while (this.entries.size > this.options.config.RESPONSE_CACHE_MAX_ENTRIES || this.bytes > maxChars) {
      this.remove(this.entries.keys().next().value!);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.text.length;
    this.entries.delete(key);
  }

  /** When an answer computed at `startedAt` may change with no write. */
  private async expiry(lookup: Lookup): Promise<number> {
    const t = lookup.startedAt;
    let at = await this.nextTransition(t, lookup.key.slice(0, lookup.key.indexOf("/")));
    if (lookup.facts.visits) {
      // "today", "yesterday", "this week" and "this month" move at the site's midnight;
      // "online" falls when the earliest visitor in its window leaves it.
      at = Math.min(at, nextMidnight(t, this.options.config.SITE_TIMEZONE));
      const online = this.options.onlineExpiry ? await this.options.onlineExpiry(t.getTime()) : null;
      if (online !== null) at = Math.min(at, online);
    }
    return at;
  }

  /**
   * The next instant after `now` at which an article becomes visible (its publish
   * date comes, or a scheduled version is due) or stops being visible (expiry).
   * One statement per content generation and instance.
   */
  private async nextTransition(now: Date, generation: string): Promise<number> {
    const t = now.getTime();
    const known = this.transition;
    if (known && known.generation === generation && known.computedAt <= t && t < known.at) return known.at;
    const sqlite = this.options.provider === "sqlite";
    // SQLite keeps Prisma's DateTime as ISO text with an offset; PostgreSQL takes a timestamp.
    const param = sqlite ? now.toISOString().replace("Z", "+00:00") : now;
    const p = sqlite ? "?" : "$1::timestamp";
    const rows = await this.options.db.$queryRawUnsafe<Array<{ at: string | Date | null }>>(
      `${BOOKKEEPING} SELECT MIN("t") AS "at" FROM (
        SELECT MIN("publishedAt") AS "t" FROM "Article" WHERE "deletedAt" IS NULL AND "publishedAt" > ${p}
        UNION ALL SELECT MIN("expireAt") FROM "Article" WHERE "deletedAt" IS NULL AND "expireAt" > ${p}
        UNION ALL SELECT MIN(v."publishAt") FROM "ArticleVersion" v JOIN "Article" a ON a."scheduledVersionId" = v."id"
          WHERE a."deletedAt" IS NULL AND v."publishAt" > ${p}
      ) AS "x"`,
      ...(sqlite ? [param, param, param] : [param]),
    );
    const value = rows[0]?.at ?? null;
    const at = value === null ? Number.POSITIVE_INFINITY : new Date(value).getTime();
    this.transition = { generation, computedAt: t, at };
    return at;
  }
}

const etagOf = (text: string) => `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;

function nextMidnight(now: Date, timeZone: string): number {
  const tomorrow = addDays(dayOf(now, timeZone), 1);
  // The first millisecond of the next day in the site's calendar, by bisection
  // (time-zone offsets change over the years; the formatter knows them).
  let low = now.getTime();
  let high = low + 2 * 86_400_000;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (dayOf(new Date(mid), timeZone) >= tomorrow) high = mid;
    else low = mid;
  }
  return high;
}

/** Types whose fields show the site statistics (their values move with visits and time). */
const STATISTICS_TYPES = new Set(["SiteStatistics", "DailyStatistics", "ArticleViews"]);

/** Whether a document is a cacheable query, and whether it reads the site statistics. */
function describeDocument(schema: GraphQLSchema, query: string, operationName: string | null | undefined): DocumentFacts | null {
  if (query.length > MAX_QUERY_LENGTH) return null;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== "query") return null;
  let visits = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        const parent = typeInfo.getParentType()?.name;
        // A field of a statistics type, or one that returns one, or a field the
        // schema does not know (validation will refuse it; nothing is stored then).
        if (!type || (type && STATISTICS_TYPES.has(getNamedType(type).name)) || (parent && STATISTICS_TYPES.has(parent))) visits = true;
      },
    }),
  );
  return { visits };
}

const sameTag = (header: string | null, etag: string) =>
  header !== null &&
  header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });

/** What the response of a cacheable request carries (set by the plugin, read when the response is made). */
interface Pending {
  lookup: Lookup;
  /** GET by an anonymous client: the answer gets an ETag, and 304 when the client has it. */
  conditional: boolean;
  etag: string | null;
  notModified: boolean;
}

/**
 * The Yoga plugin: serves cached answers to anonymous queries before they are
 * parsed, validated or executed (after every plugin before it has seen the
 * request: logs, metrics, rate limits), and stores new ones. The variables are
 * part of the key; so are the query text and operation name. Anonymous GET
 * requests get an ETag and `304 Not Modified` on a matching `If-None-Match`.
 */
export function responseCachePlugin(cache: ResponseCache, config: Pick<Config, "RESPONSE_CACHE_CONTROL">): Plugin {
  const pending = new WeakMap<Request, Pending>();
  let schema: GraphQLSchema | null = null;
  return {
    onSchemaChange({ schema: next }) {
      schema = next;
    },
    async onParams({ params, request, setResult }) {
      if (!cache.enabled || !schema || request.headers.has("authorization")) return;
      if (typeof params.query !== "string" || (params.extensions && Object.keys(params.extensions).length)) return;
      const facts = cache.facts(schema, params.query, params.operationName);
      if (!facts) return;
      let requestKey: string;
      try {
        requestKey = `${params.operationName ?? ""}\n${params.query}\n${JSON.stringify(params.variables ?? {})}`;
      } catch {
        return; // variables too deep to serialise: not worth caching, and validation will refuse them
      }
      const lookup = await cache.lookup(requestKey, facts);
      if (!lookup) return;
      const conditional = request.method === "GET";
      const entry = lookup.entry;
      if (entry) {
        cache.stats.hits++;
        const notModified = conditional && sameTag(request.headers.get("if-none-match"), entry.etag);
        pending.set(request, { lookup, conditional, etag: entry.etag, notModified });
        // Yoga serializes a result with its own `stringify`: the stored text, as is.
        const text = entry.text;
        setResult({ stringify: () => text } as never);
        return;
      }
      cache.stats.misses++;
      pending.set(request, { lookup, conditional, etag: null, notModified: false });
    },
    async onExecutionResult({ result, request, setResult }) {
      const miss = pending.get(request);
      if (!miss || miss.lookup.entry) return;
      if (!result || Array.isArray(result) || Symbol.asyncIterator in (result as object)) return pending.delete(request) as never;
      const single = result as { data?: unknown; errors?: unknown[]; extensions?: unknown };
      if (single.errors?.length || single.extensions !== undefined || !single.data) {
        pending.delete(request);
        return;
      }
      const text = JSON.stringify(single);
      setResult({ ...single, stringify: () => text } as never);
      const entry = await cache.store(miss.lookup, text);
      miss.etag = entry?.etag ?? null;
      miss.notModified = miss.conditional && miss.etag !== null && sameTag(request.headers.get("if-none-match"), miss.etag);
    },
    onResultProcess({ request, setResultProcessor }) {
      const state = pending.get(request);
      if (!state?.notModified) return;
      setResultProcessor((_result, fetchAPI) => new fetchAPI.Response(null, { status: 304 }), "application/json");
    },
    onResponse({ request, response }) {
      const state = pending.get(request);
      if (!state || !state.conditional || !state.etag) return;
      if (response.status !== 200 && response.status !== 304) return;
      response.headers.set("etag", state.etag);
      response.headers.set("cache-control", config.RESPONSE_CACHE_CONTROL);
      const vary = response.headers.get("vary");
      if (!vary?.toLowerCase().includes("authorization")) response.headers.set("vary", vary ? `${vary}, Authorization` : "Authorization");
    },
  };
}

/** Mutations that change nothing any reader is shown. */
const SILENT_MUTATIONS = new Set(["login", "signOutEverywhere", "revokeUserTokens", "__typename"]);
/** Mutations that change only the site statistics. */
const VISIT_MUTATIONS = new Set(["recordSiteVisit"]);

/**
 * Bumps the cache's generations after every mutation, over HTTP or WebSocket,
 * whatever it selected and whether or not it succeeded (a failed step may follow
 * a committed one in the same operation), before its answer is sent. This is what
 * makes the cache exact by construction for every write made through the API;
 * writes made elsewhere (the scheduler, the import command) call `changed` themselves.
 * Installed on every server, with or without the response cache plugin.
 */
export function writeGenerationsPlugin(cache: ResponseCache): Plugin {
  return {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (args.operationName ? d.name?.value === args.operationName : true),
      );
      if (operation?.operation !== "mutation") return;
      const fields: string[] = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : "*"));
      if (fields.every((f) => SILENT_MUTATIONS.has(f))) return;
      const changes: Change[] = fields.every((f) => VISIT_MUTATIONS.has(f) || SILENT_MUTATIONS.has(f)) ? ["visits"] : ["content", "visits"];
      return {
        async onExecuteDone() {
          await cache.changed(...changes);
        },
      };
    },
  };
}

/**
 * For a process that writes content without serving (the import command): moves
 * the shared generations in Redis, so every instance's cache stops answering
 * from before its writes. On SQLite without Redis the server notices by itself
 * (PRAGMA data_version); on PostgreSQL without Redis there is one instance, to restart.
 */
export async function bumpSharedGenerations(redisUrl: string, prefix: string): Promise<void> {
  const { Redis: Client } = await import("ioredis");
  const client = new Client(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await new RedisGenerations(client, prefix).bump(["content", "visits"]);
  } finally {
    client.disconnect();
  }
}
