// The long-lived services of one server process, made once at start-up and
// shared by every request: configuration, database, clock, tokens.
import { resolve } from "node:path";
import { Redis } from "ioredis";
import { systemClock, type Clock } from "./clock";
import { createDb, prepareDb, type Db, type DbOptions } from "./db";
import type { DatabaseTarget } from "./database-url";
import type { Config } from "./env";
import { createEvents, type Events } from "./services/events";
import { resolveJwtSecret, TokenService } from "./services/tokens";
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
  readonly events: Events;
  /** The shared Redis connection when REDIS_URL is set (counters, rate limits); keys start with config.REDIS_PREFIX. */
  readonly redis?: Redis;
  /** Visit counters: the write-behind buffer and its flusher (src/services/counters). */
  readonly counters: Counters;
  readonly dataDir: string;
  /** Everything to close on shutdown, last opened first. */
  readonly closers: Array<() => Promise<void> | void>;
}

export interface AppOptions extends DbOptions {
  clock?: Clock;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const { db, target } = createDb(config.DATABASE_URL, options);
  await prepareDb(db, target);
  const dataDir = resolve(config.DATA_DIR);
  const clock = options.clock ?? systemClock;
  const closers: App["closers"] = [() => db.$disconnect()];
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 }) : undefined;
  if (redis) closers.push(async () => void (await redis.quit()));
  const events = createEvents();
  const counters = new Counters({
    db,
    backend: redis ? new RedisBackend(redis, config.REDIS_PREFIX) : new MemoryBackend(),
    hasher: new VisitorHasher(resolveStatsSecret(config.STATS_SECRET, dataDir)),
    clock,
    timeZone: config.SITE_TIMEZONE,
    events,
    flushIntervalMs: config.STATS_FLUSH_INTERVAL_MS,
    enabled: config.VISIT_COUNTING,
    stateFile: resolve(dataDir, "visit-buffer.json"),
    onError: (error) => console.error(`Visit counters could not be flushed (kept for the next try): ${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}`),
  });
  await counters.start();
  // Closed first: the last buffered counts are written while the database is still open.
  closers.push(() => counters.close());
  const app: App = {
    config,
    db,
    target,
    clock,
    tokens: new TokenService(resolveJwtSecret(config.JWT_SECRET, dataDir), config.JWT_TTL_SECONDS),
    events,
    redis,
    counters,
    dataDir,
    closers,
  };
  return app;
}

export async function closeApp(app: App): Promise<void> {
  for (const close of [...app.closers].reverse()) await close();
}
