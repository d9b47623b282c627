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

export interface App {
  readonly config: Config;
  readonly db: Db;
  readonly target: DatabaseTarget;
  readonly clock: Clock;
  readonly tokens: TokenService;
  readonly events: Events;
  readonly dataDir: string;
  /** Shared state across instances (rate limits, counters), when REDIS_URL is set. */
  readonly redis?: Redis;
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
  const app: App = {
    config,
    db,
    target,
    clock: options.clock ?? systemClock,
    tokens: new TokenService(resolveJwtSecret(config.JWT_SECRET, dataDir), config.JWT_TTL_SECONDS),
    events: createEvents(),
    dataDir,
    closers: [() => db.$disconnect()],
  };
  if (config.REDIS_URL) {
    // A command fails after one reconnection attempt instead of waiting for Redis
    // forever: requests get a clean error and /ready reports it.
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
    redis.on("error", () => undefined); // reconnects by itself; /ready tells operators
    Object.assign(app, { redis });
    app.closers.push(async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  return app;
}

export async function closeApp(app: App): Promise<void> {
  for (const close of [...app.closers].reverse()) await close();
}
