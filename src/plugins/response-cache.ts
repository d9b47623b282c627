// The response cache of anonymous reads (docs/performance.md). Anonymous
// answers are the same for every reader, so the serialized answer of a query is
// kept and served again until something it shows changes. Exactness first: every
// write that can change a public answer calls one of the invalidation methods
// below before it returns, so the very next request sees the change; entries that
// depend on time (scheduled publication, expiry, "today" in the statistics) expire
// at the next instant their answer could change. Signed-in requests, mutations,
// answers with errors and streams are never cached.
//
// One process keeps its own cache: with REDIS_URL set (several instances) it is
// off, because a write on one instance could not reach the others before their
// next request.
import {
  getNamedType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Clock } from "../lib/clock";
import type { Config } from "../env";
import type { Db } from "../db/client";
import { addDays, dayOf } from "../services/site-time";

/** What one cached answer shows, for deciding which writes make it stale. */
interface Entry {
  text: string;
  /** Named types of every field the query selects ("Article", "Media", ...). */
  types: ReadonlySet<string>;
  /** "Article:<id>" etc.: the objects whose global IDs appear in the answer. */
  refs: ReadonlySet<string>;
  /** A lookup of single articles that found them: only those articles' changes matter. */
  singleArticles: boolean;
  /** Ordered by view count, or shows view statistics: a new view may reorder it. */
  viewSensitive: boolean;
  /** Clock time (ms) from which the answer may be stale without any write. */
  expiresAt: number;
}

interface DocumentFacts {
  cacheable: boolean;
  types: ReadonlySet<string>;
  rootFields: string[];
  viewSensitive: boolean;
}

/** Marks the cache's own statements (tests that count a request's statements leave them out). */
export const BOOKKEEPING = "/* response-cache */";

const MAX_QUERY_LENGTH = 20_000;
const MAX_ANSWER_BYTES = 1_000_000;
const MAX_DOCUMENTS = 500;

export interface ResponseCacheStats {
  entries: number;
  hits: number;
  misses: number;
  invalidations: number;
}

export class ResponseCache {
  readonly enabled: boolean;
  private readonly entries = new Map<string, Entry>();
  private readonly documents = new Map<string, DocumentFacts>();
  /** Bumped by every invalidation: an answer computed across one is not stored. */
  private epoch = 0;
  /** The next instant an article appears or disappears on its own (cached; null = unknown). */
  private transition: { at: number; computedAt: number } | null = null;
  readonly stats: ResponseCacheStats = { entries: 0, hits: 0, misses: 0, invalidations: 0 };

  /** SQLite's count of commits by other connections (another process: the import command). */
  private dataVersion: number | null = null;
  private nextForeignCheck = 0;
  /** Characters held by the stored answers. */
  private bytes = 0;

  constructor(
    private readonly options: { config: Config; db: Db; clock: Clock; provider: "sqlite" | "postgres" },
  ) {
    this.enabled = options.config.RESPONSE_CACHE && !options.config.REDIS_URL;
  }

  /**
   * Writes made by another process (`npm run import` beside the server) do not go
   * through the calls below. On SQLite, `PRAGMA data_version` on the server's own
   * connection changes exactly when another connection has committed: then
   * everything is dropped, within RESPONSE_CACHE_EXTERNAL_CHECK_MS (0: on every
   * request). PostgreSQL has no such counter: docs/performance.md.
   */
  async checkForeignWrites(): Promise<void> {
    if (this.options.provider !== "sqlite") return;
    // The check is a statement of its own (a third of a cached answer's cost):
    // at most one per RESPONSE_CACHE_EXTERNAL_CHECK_MS.
    const now = this.options.clock.now().getTime();
    if (now < this.nextForeignCheck) return;
    this.nextForeignCheck = now + this.options.config.RESPONSE_CACHE_EXTERNAL_CHECK_MS;
    const rows = await this.options.db.$queryRawUnsafe<Array<{ data_version: number | bigint }>>(`${BOOKKEEPING} PRAGMA data_version`);
    const version = Number(rows[0]?.data_version ?? 0);
    if (this.dataVersion !== null && version !== this.dataVersion) this.invalidateAll();
    this.dataVersion = version;
  }

  // ---- invalidation: the calls writes make -------------------------------------------

  /**
   * An article changed in a way readers may see: approved, updated while published,
   * unpublished, deleted, restored, permissions changed, scheduled version promoted.
   * Drops every list, count and search (the article may enter, leave or move in
   * them) and every page that shows it; other articles' own pages stay.
   */
  invalidateArticle(articleId: string): void {
    this.transition = null;
    this.drop((e) => e.refs.has(`Article:${articleId}`) || (e.types.has("Article") && !e.singleArticles));
  }

  /** A recorded view of an article: its count shows on its page and cards, and may reorder lists by views. */
  invalidateArticleViews(articleId: string): void {
    this.drop((e) => e.refs.has(`Article:${articleId}`) || e.viewSensitive);
  }

  /** A recorded site visit (or anything else in the statistics block). */
  invalidateStatistics(): void {
    this.drop((e) => e.types.has("SiteStatistics"));
  }

  /** The site's details (updateSite). */
  invalidateSite(): void {
    this.drop((e) => e.types.has("Site"));
  }

  /** A category was created, renamed or moved. */
  invalidateCategories(): void {
    this.drop((e) => e.types.has("Category"));
  }

  /** A media item's record changed (description, deletion). */
  invalidateMedia(): void {
    this.drop((e) => e.types.has("Media"));
  }

  /** A user's public name changed (authors). */
  invalidateUsers(): void {
    this.drop((e) => e.types.has("User"));
  }

  /** Anything else, or when unsure. */
  invalidateAll(): void {
    this.transition = null;
    this.drop(() => true);
  }

  snapshot(): ResponseCacheStats & { chars: number } {
    return { ...this.stats, entries: this.entries.size, chars: this.bytes };
  }

  private drop(stale: (entry: Entry) => boolean): void {
    this.epoch++;
    this.stats.invalidations++;
    for (const [key, entry] of this.entries) if (stale(entry)) this.remove(key);
  }

  // ---- lookups -------------------------------------------------------------------------

  /** The cached answer for a key, if still valid. */
  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.options.clock.now().getTime() >= entry.expiresAt) {
      this.remove(key);
      return null;
    }
    // Most recently used last (the Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.text;
  }

  /** The facts of a query document, or null when its answers must not be cached. */
  facts(schema: GraphQLSchema, query: string, operationName: string | null | undefined): DocumentFacts | null {
    const cacheKey = `${operationName ?? ""}\n${query}`;
    let facts = this.documents.get(cacheKey);
    if (!facts) {
      facts = describeDocument(schema, query, operationName);
      if (this.documents.size >= MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(cacheKey, facts);
    }
    return facts.cacheable ? facts : null;
  }

  currentEpoch(): number {
    return this.epoch;
  }

  /** Stores an answer computed from a request that started at `startedAt`, unless a write came in between. */
  async store(
    key: string,
    text: string,
    data: unknown,
    facts: DocumentFacts,
    epoch: number,
    startedAt: Date,
  ): Promise<void> {
    if (text.length > MAX_ANSWER_BYTES) return;
    const refs = new Set<string>();
    collectRefs(data, refs);
    const singleArticles =
      facts.rootFields.every((f) => f === "article" || f === "node") &&
      facts.rootFields.every((f) => (data as Record<string, unknown> | null)?.[f] != null);
    let expiresAt = Number.POSITIVE_INFINITY;
    if (facts.types.has("Article")) expiresAt = Math.min(expiresAt, await this.nextTransition(startedAt));
    // "today", "yesterday", "this week" and "this month" move at the site's midnight.
    if (facts.types.has("SiteStatistics")) expiresAt = Math.min(expiresAt, nextMidnight(startedAt, this.options.config.SITE_TIMEZONE));
    if (epoch !== this.epoch) return;
    this.remove(key);
    this.entries.set(key, { text, types: facts.types, refs, singleArticles, viewSensitive: facts.viewSensitive, expiresAt });
    this.bytes += text.length;
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

  /**
   * The next instant after `now` at which an article becomes visible (its publish
   * date comes, or a scheduled version is due) or stops being visible (expiry).
   */
  private async nextTransition(now: Date): Promise<number> {
    const t = now.getTime();
    if (this.transition && this.transition.computedAt <= t && t < this.transition.at) return this.transition.at;
    const epoch = this.epoch;
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
    if (epoch === this.epoch) this.transition = { at, computedAt: t };
    return at;
  }
}

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

/** Global IDs found in an answer ("Article:<id>"): every `id` of the contract is one. */
function collectRefs(value: unknown, refs: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, refs);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "id" && typeof item === "string") {
        const decoded = Buffer.from(item, "base64").toString("utf8");
        if (/^[A-Za-z]+:./.test(decoded)) refs.add(decoded);
      } else if (item && typeof item === "object") {
        collectRefs(item, refs);
      }
    }
  }
}

const NOT_CACHEABLE: DocumentFacts = { cacheable: false, types: new Set(), rootFields: [], viewSensitive: false };

/** Which types a query reads, whether it is a query at all, and whether views can reorder it. */
function describeDocument(schema: GraphQLSchema, query: string, operationName: string | null | undefined): DocumentFacts {
  if (query.length > MAX_QUERY_LENGTH) return NOT_CACHEABLE;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return NOT_CACHEABLE;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== "query") return NOT_CACHEABLE;
  const types = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        if (type) types.add(getNamedType(type).name);
        const parent = typeInfo.getParentType()?.name;
        if (parent) types.add(parent);
        // Counts of articles are numbers, but they change with the articles.
        if (node.name.value === "articleCount" || node.name.value === "totalCount") types.add("Article");
        // The public galleries list media of visible articles: they change with the articles.
        if (node.name.value === "galleryPhotos" || node.name.value === "galleryVideos") types.add("Article");
      },
    }),
  );
  const rootFields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : ["*"]));
  const viewSensitive = query.includes("VIEW_COUNT") || types.has("ArticleViews") || types.has("DailyStatistics") || query.includes("orderBy");
  return { cacheable: true, types, rootFields, viewSensitive };
}

/**
 * The Yoga plugin: serves cached answers to anonymous queries and stores new ones.
 * The variables are part of the key; so are the query text and operation name.
 */
export function responseCachePlugin(cache: ResponseCache, clock: Clock): Plugin {
  const pending = new WeakMap<Request, { key: string; facts: DocumentFacts; epoch: number; startedAt: Date }>();
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
      await cache.checkForeignWrites();
      let key: string;
      try {
        key = `${params.operationName ?? ""}\n${params.query}\n${JSON.stringify(params.variables ?? {})}`;
      } catch {
        return; // variables too deep to serialise: not worth caching, and validation will refuse them
      }
      const text = cache.get(key);
      if (text !== null) {
        cache.stats.hits++;
        // Yoga serializes a result with its own `stringify`: the stored text, as is.
        setResult({ stringify: () => text } as never);
        return;
      }
      cache.stats.misses++;
      pending.set(request, { key, facts, epoch: cache.currentEpoch(), startedAt: clock.now() });
    },
    async onExecutionResult({ result, request, setResult }) {
      const miss = pending.get(request);
      if (!miss) return;
      pending.delete(request);
      if (!result || Array.isArray(result) || Symbol.asyncIterator in (result as object)) return;
      const single = result as { data?: unknown; errors?: unknown[]; extensions?: unknown };
      if (single.errors?.length || single.extensions !== undefined || !single.data) return;
      const text = JSON.stringify(single);
      setResult({ ...single, stringify: () => text } as never);
      await cache.store(miss.key, text, single.data, miss.facts, miss.epoch, miss.startedAt);
    },
  };
}
