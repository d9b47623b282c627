// The long-lived services of one server process, made once at start-up and
// shared by every request: configuration, database, clock, tokens, events and,
// when REDIS_URL is set, the Redis client shared by all instances.
import { setMaxListeners } from "node:events";
import { join, resolve } from "node:path";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { systemClock, type Clock } from "./lib/clock";
import { createDb, prepareDb, type Db, type DbOptions } from "./db/client";
import type { DatabaseTarget } from "./db/url";
import type { Config } from "./env";
import { createLogger, type Logger } from "./lib/logger";
import { PortalMetrics } from "./plugins/observability/metrics";
import { createEvents, prefixedEventTarget, type Events } from "./services/events";
import { LocalDiskStorage, type MediaStorage } from "./services/media/storage";
import { MediaUrlSigner } from "./services/media/access";
import { ResponseCache } from "./plugins/response-cache";
import { DownloadTokens, resolveJwtSecret, TokenService } from "./services/tokens";
import { Counters } from "./services/counters/service";
import { MemoryBackend } from "./services/counters/memory";
import { RedisBackend } from "./services/counters/redis";
import { resolveStatsSecret, VisitorHasher } from "./services/counters/visitor-hash";

export interface App {
  readonly config: Config;
  readonly db: Db;
  readonly target: DatabaseTarget;
  readonly clock: Clock;
  readonly tokens: TokenService;
  /** Short-lived links to files (royalty exports) a browser can open without the Authorization header. */
  readonly downloads: DownloadTokens;
  readonly events: Events;
  /**
   * The Redis client when REDIS_URL is set (null otherwise): for state shared by
   * all instances (counter buffers, rate limits). Keys go under config.REDIS_PREFIX.
   */
  readonly redis: Redis | null;
  /** Aborted when the process begins to shut down: live subscriptions end cleanly. */
  readonly shutdown: AbortController;
  /** Visit counters: the write-behind buffer and its flusher (src/services/counters). */
  readonly counters: Counters;
  readonly dataDir: string;
  /** Uploaded files (docs/media.md). */
  readonly media: MediaStorage;
  /** Signs the short-lived URLs of files that are not public (src/services/media/access.ts). */
  readonly mediaUrls: MediaUrlSigner;
  readonly logger: Logger;
  /** Prometheus registry and instruments of this app (served at /metrics). */
  readonly metrics: PortalMetrics;
  /** Cached answers to anonymous reads; writes call its invalidation methods (docs/performance.md). */
  readonly cache: ResponseCache;
  /** Everything to close on shutdown, last opened first. */
  readonly closers: Array<() => Promise<void> | void>;
}

export interface AppOptions extends DbOptions {
  clock?: Clock;
  /** A logger to use instead of one made from the configuration (tests read its lines). */
  logger?: Logger;
  /**
   * False: buffered visit counts are written only when `counters.flush()` is
   * called (and on close), never by a timer, so that a test's statement counts
   * and figures depend on what it does, not on when the timer fires.
   */
  flushCountersOnTimer?: boolean;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const { db, target, pool } = createDb(config.DATABASE_URL, options);
  await prepareDb(db, target);
  const dataDir = resolve(config.DATA_DIR);
  const logger = options.logger ?? createLogger(config);
  const closers: App["closers"] = [() => db.$disconnect()];
  let redis: Redis | null = null;
  let events: Events;
  if (config.REDIS_URL) {
    redis = await connectRedis(config.REDIS_URL);
    // A connection in subscriber mode can do nothing else: events get their own.
    const subscriber = await connectRedis(config.REDIS_URL);
    const publisher = redis;
    // The event target does not wait for PUBLISH: while Redis is unreachable an
    // event is lost (and reported), never an unhandled rejection that stops the process.
    const publishClient = {
      publish: (channel: string, message: string) =>
        publisher.publish(channel, message).catch((error: Error) => {
          logger.error({ err: error, channel }, "Redis: could not publish an event");
          return 0;
        }),
    } as unknown as Redis;
    const target = createRedisEventTarget({ publishClient, subscribeClient: subscriber });
    events = createEvents({ eventTarget: prefixedEventTarget(target, config.REDIS_PREFIX) });
    closers.push(
      () => quit(redis!),
      () => quit(subscriber),
    );
  } else {
    events = createEvents();
  }
  const shutdown = new AbortController();
  // Every live subscription listens for the shutdown.
  setMaxListeners(0, shutdown.signal);
  const clock = options.clock ?? systemClock;
  const counters = new Counters({
    db,
    backend: redis ? new RedisBackend(redis, config.REDIS_PREFIX) : new MemoryBackend(),
    hasher: new VisitorHasher(resolveStatsSecret(config.STATS_SECRET, dataDir)),
    clock,
    timeZone: config.SITE_TIMEZONE,
    events,
    flushIntervalMs: options.flushCountersOnTimer === false ? null : config.STATS_FLUSH_INTERVAL_MS,
    enabled: config.VISIT_COUNTING,
    viewBound: viewBoundLimiter(config, redis),
    stateFile: resolve(dataDir, "visit-buffer.json"),
    onError: (error) => logger.error({ err: error }, "visit counters could not be flushed (kept for the next try)"),
  });
  await counters.start();
  // Closed before Redis and the database: the last buffered counts are written while both are open.
  closers.push(() => counters.close());
  const app: App = {
    config,
    db,
    target,
    clock,
    tokens: new TokenService(resolveJwtSecret(config.JWT_SECRET, dataDir), config.JWT_TTL_SECONDS),
    downloads: new DownloadTokens(resolveJwtSecret(config.JWT_SECRET, dataDir)),
    events,
    redis,
    shutdown,
    dataDir,
    mediaUrls: new MediaUrlSigner(resolveJwtSecret(config.JWT_SECRET, dataDir)),
    media: new LocalDiskStorage(config.MEDIA_DIR ? resolve(config.MEDIA_DIR) : join(dataDir, "media")),
    logger,
    metrics: undefined as unknown as PortalMetrics,
    counters,
    cache: new ResponseCache({
      config,
      db,
      clock,
      provider: target.provider,
      redis,
      logger,
      onlineExpiry: (nowMs) => app.counters.onlineChange(nowMs),
    }),
    closers,
  };
  const metrics = new PortalMetrics({ provider: target.provider, pool, counters: () => app.counters });
  (app as { metrics: PortalMetrics }).metrics = metrics;
  metrics.watchCounterFlushes(counters);
  db.$on("query", (event) => metrics.dbQueries.observe(event.duration / 1000));
  return app;
}

/** A connected client; fails at start-up (not at the first request) when Redis is unreachable. */
async function connectRedis(url: string): Promise<Redis> {
  // A command fails after one reconnection attempt instead of waiting for Redis
  // forever: requests get a clean error and /ready reports it.
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  // Connection losses are retried by ioredis and reported by /ready; the event
  // must have a listener or Node treats it as an uncaught error.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`Redis at ${new URL(url).host} is unreachable (${(error as Error).message})`);
  }
  return client;
}

async function quit(client: Redis): Promise<void> {
  await client.quit().catch(() => client.disconnect());
}

const closing = new WeakMap<App, Promise<void>>();

/**
 * Closes everything the app opened, once (later calls wait for the first). A
 * closer that fails (the last counter flush while the database is away) does not
 * keep the others from running: every connection is closed, then the first
 * failure is thrown.
 */
export function closeApp(app: App): Promise<void> {
  let done = closing.get(app);
  if (!done) {
    app.shutdown.abort();
    done = (async () => {
      const failures: unknown[] = [];
      for (const close of [...app.closers].reverse()) {
        try {
          await close();
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) throw failures[0];
    })();
    closing.set(app, done);
  }
  return done;
}

/** The per-address, per-article bound of counted views (see CountersOptions.viewBound). */
function viewBoundLimiter(config: Config, redis: Redis | null): RateLimiterAbstract | null {
  const points = config.VIEW_LIMIT_PER_ADDRESS_ARTICLE;
  if (points <= 0) return null;
  const duration = config.VIEW_LIMIT_WINDOW_SECONDS;
  const memory = new RateLimiterMemory({ keyPrefix: "views", points, duration });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${config.REDIS_PREFIX}views-per-address`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}
