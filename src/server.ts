// Starts the HTTP server: configuration, database, migrations, demo content,
// listen. Whatever stops it at start-up is told in one line, never a stack trace.
import { createServer } from "node:http";
import type { App } from "./app";
import { ConfigError, readConfig, type Config } from "./env";
import { parseDatabaseUrl } from "./database-url";
import { createLogger, oneLine } from "./logger";

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
  const [{ probeDatabase }, { migrate }, { closeApp, createApp }, { seedDemo }, { createPortalYoga }] = await Promise.all([
    import("./database-probe"),
    import("./db"),
    import("./app"),
    import("./seed"),
    import("./yoga"),
  ]);
  const { createScheduler } = await import("./services/scheduler");
  let app: App;
  try {
    await probeDatabase(parseDatabaseUrl(config.DATABASE_URL));
    await migrate(config.DATABASE_URL);
    app = await createApp(config, { logger });
    await seedDemo(app);
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
  });
  scheduler.start();
  app.closers.push(() => scheduler.stop());
  const yoga = createPortalYoga(app);
  const server = createServer((req, res) => yoga.handle(req, res, { clientAddress: req.socket.remoteAddress ?? null }));
  server.once("error", (error: NodeJS.ErrnoException) => {
    const why = error.code === "EADDRINUSE" ? `port ${config.PORT} on ${config.HOST} is already in use (set PORT)` : oneLine(error);
    fail(`The server could not start: ${why}`);
  });
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    logger.info(
      { port, provider: app.target.provider, metrics: config.METRICS, metricsProtected: Boolean(config.METRICS_TOKEN) },
      `Portal GraphQL API on http://localhost:${port}/graphql`,
    );
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close(async () => {
      await closeApp(app);
      logger.info("stopped");
      logger.flush();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  // `kill -USR2 <pid>`: write the in-memory counter buffer now (npm run admin -- counters:flush
  // cannot reach this process's memory when counters are not shared through Redis).
  process.on("SIGUSR2", () => {
    if (!app.counters) return logger.warn("SIGUSR2: counter buffering is not installed; nothing to flush");
    app.counters.flush().then(
      (summary) => logger.info({ summary }, "counters flushed (SIGUSR2)"),
      (error: unknown) => logger.error({ err: error }, "counter flush failed (SIGUSR2)"),
    );
  });
}

main().catch((error: unknown) => fail(`The server could not start: ${oneLine(error)}`));
