// The long-lived services of one server process, made once at start-up and
// shared by every request: configuration, database, clock, tokens.
import { join, resolve } from "node:path";
import { systemClock, type Clock } from "./clock";
import { createDb, prepareDb, type Db, type DbOptions } from "./db";
import type { DatabaseTarget } from "./database-url";
import type { Config } from "./env";
import { createLogger, type Logger } from "./logger";
import { PortalMetrics } from "./observability/metrics";
import type { CounterBuffer } from "./services/maintenance";
import { createEvents, type Events } from "./services/events";
import { LocalDiskStorage, type MediaStorage } from "./services/media/storage";
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
  readonly logger: Logger;
  /** Prometheus registry and instruments of this app (served at /metrics). */
  readonly metrics: PortalMetrics;
  /**
   * The buffer of view and visit counts, when the statistics service is installed
   * (it sets this in createApp and calls `metrics.watchCounterFlushes`).
   */
  counters?: CounterBuffer;
  /** Everything to close on shutdown, last opened first. */
  readonly closers: Array<() => Promise<void> | void>;
}

export interface AppOptions extends DbOptions {
  clock?: Clock;
  /** A logger to use instead of one made from the configuration (tests read its lines). */
  logger?: Logger;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const { db, target, pool } = createDb(config.DATABASE_URL, options);
  await prepareDb(db, target);
  const dataDir = resolve(config.DATA_DIR);
  const logger = options.logger ?? createLogger(config);
  const app: App = {
    config,
    db,
    target,
    clock: options.clock ?? systemClock,
    tokens: new TokenService(resolveJwtSecret(config.JWT_SECRET, dataDir), config.JWT_TTL_SECONDS),
    events: createEvents(),
    dataDir,
    media: new LocalDiskStorage(config.MEDIA_DIR ? resolve(config.MEDIA_DIR) : join(dataDir, "media")),
    logger,
    metrics: undefined as unknown as PortalMetrics,
    closers: [() => db.$disconnect()],
  };
  const metrics = new PortalMetrics({ provider: target.provider, pool, counters: () => app.counters });
  (app as { metrics: PortalMetrics }).metrics = metrics;
  db.$on("query", (event) => metrics.dbQueries.observe(event.duration / 1000));
  return app;
}

export async function closeApp(app: App): Promise<void> {
  for (const close of [...app.closers].reverse()) await close();
}
