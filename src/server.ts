// Starts one instance: configuration, database, migrations, demo content, listen;
// stops gracefully on SIGTERM/SIGINT (docs/scaling.md). Whatever stops it at
// start-up is told in one line, never a stack trace.
import type { App } from "./app";
import { ConfigError, readConfig, type Config } from "./env";
import { parseDatabaseUrl } from "./db/url";
import { createLogger, oneLine } from "./lib/logger";

/** Orchestrators kill after 10 s; leave room for the closers after the grace period. */
const HARD_EXIT_MS = 9_500;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main() {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message.replaceAll("\n", "; ")}`);
    throw error;
  }
  const logger = createLogger(config);
  // After start-up, a bug that escapes every handler is logged as one JSON line
  // (with its stack, for the developers) instead of raw text on stderr.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, `uncaught exception: ${oneLine(error)}`);
    logger.flush();
    process.exit(1);
  });
  // Loaded after the configuration is known good, so a bad setting is reported at once.
  const [{ probeDatabase }, { migrate }, { createApp }, { seedDemo }, { createPortalServer }, { createScheduler }, { backfillSearchText }] = await Promise.all([
    import("./db/probe"),
    import("./db/client"),
    import("./app"),
    import("./services/seed"),
    import("./http"),
    import("./services/scheduler"),
    import("./services/search/engine"),
  ]);

  /**
   * Several instances may start at once on an empty database: one seeds, the
   * others lose on a unique key (inside the importer's transaction, which writes
   * nothing then) and find the work done on their next look: seeding is idempotent.
   */
  const seedOnce = async (app: App, attempts = 5): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await seedDemo(app);
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  };

  let app: App;
  try {
    await probeDatabase(parseDatabaseUrl(config.DATABASE_URL));
    await migrate(config.DATABASE_URL);
    app = await createApp(config, { logger });
    // Versions stored before the search columns existed get them once (docs/search.md).
    const backfilled = await backfillSearchText(app.db);
    if (backfilled > 0) logger.info({ backfilled }, "search index: folded text written for older article versions");
    await seedOnce(app);
  } catch (error) {
    fail(`The server could not start: ${oneLine(error)}`);
  }

  // Scheduled publishing and end of publication, with no request needed (docs/workflow.md).
  const scheduler = createScheduler({
    db: app.db,
    clock: app.clock,
    events: app.events,
    intervalMs: config.SCHEDULER_INTERVAL_MS,
    onError: (error) => logger.error({ err: error }, `scheduled publishing failed: ${oneLine(error)}`),
    // Readers everywhere see what the pass published or withdrew (docs/performance.md).
    onChange: () => app.cache.changed(),
  });
  scheduler.start();
  app.closers.push(() => scheduler.stop());

  const portal = createPortalServer(app);
  let port: number;
  try {
    port = await portal.listen(config.PORT, config.HOST);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`The server could not start: ${code === "EADDRINUSE" ? `port ${config.PORT} on ${config.HOST} is already in use (set PORT)` : oneLine(error)}`);
  }
  logger.info(
    { port, provider: app.target.provider, redis: Boolean(config.REDIS_URL), metrics: config.METRICS, metricsProtected: Boolean(config.METRICS_TOKEN) },
    `Portal GraphQL API on http://localhost:${port}/graphql`,
  );

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.error("shutdown took too long: exiting");
      logger.flush();
      process.exit(1);
    }, HARD_EXIT_MS).unref();
    portal.stop().then(
      () => {
        logger.info("stopped");
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, `shutdown failed: ${oneLine(error)}`);
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  // `kill -USR2 <pid>`: write the in-memory counter buffer now (npm run admin -- counters:flush
  // cannot reach this process's memory when counters are not shared through Redis).
  process.on("SIGUSR2", () => {
    app.counters.flush().then(
      () => logger.info("counters flushed (SIGUSR2)"),
      (error: unknown) => logger.error({ err: error }, "counter flush failed (SIGUSR2)"),
    );
  });
}

main().catch((error: unknown) => fail(`The server could not start: ${oneLine(error)}`));
