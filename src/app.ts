// The long-lived services of one server process, made once at start-up and
// shared by every request: configuration, database, clock, tokens.
import { join, resolve } from "node:path";
import { systemClock, type Clock } from "./clock";
import { createDb, prepareDb, type Db, type DbOptions } from "./db";
import type { DatabaseTarget } from "./database-url";
import type { Config } from "./env";
import { createEvents, type Events } from "./services/events";
import { LocalDiskStorage, type MediaStorage } from "./services/media/storage";
import { ResponseCache } from "./services/response-cache";
import { resolveJwtSecret, TokenService } from "./services/tokens";

export interface App {
  readonly config: Config;
  readonly db: Db;
  readonly target: DatabaseTarget;
  readonly clock: Clock;
  readonly tokens: TokenService;
  readonly events: Events;
  readonly dataDir: string;
  /** Uploaded files (docs/media.md). */
  readonly media: MediaStorage;
  /** Cached answers to anonymous reads; writes call its invalidation methods (docs/performance.md). */
  readonly cache: ResponseCache;
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
  const app: App = {
    config,
    db,
    target,
    clock,
    tokens: new TokenService(resolveJwtSecret(config.JWT_SECRET, dataDir), config.JWT_TTL_SECONDS),
    events: createEvents(),
    dataDir,
    media: new LocalDiskStorage(config.MEDIA_DIR ? resolve(config.MEDIA_DIR) : join(dataDir, "media")),
    cache: new ResponseCache({ config, db, clock, provider: target.provider }),
    closers: [() => db.$disconnect()],
  };
  return app;
}

export async function closeApp(app: App): Promise<void> {
  for (const close of [...app.closers].reverse()) await close();
}
