// Starts the HTTP server: configuration, migrations, demo content, listen.
import { createServer } from "node:http";
import { closeApp, createApp } from "./app";
import { ConfigError, readConfig } from "./env";
import { migrate } from "./db";
import { seedDemo } from "./seed";
import { createScheduler } from "./services/scheduler";
import { createPortalYoga } from "./yoga";

async function main() {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message.replaceAll("\n", "; ")}`);
      process.exit(1);
    }
    throw error;
  }
  await migrate(config.DATABASE_URL);
  const app = await createApp(config);
  await seedDemo(app);
  const scheduler = createScheduler({
    db: app.db,
    clock: app.clock,
    events: app.events,
    intervalMs: config.SCHEDULER_INTERVAL_MS,
    onError: (error) => console.error(`Scheduled publishing failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`),
  });
  scheduler.start();
  app.closers.push(() => scheduler.stop());
  const yoga = createPortalYoga(app);
  const server = createServer((req, res) => yoga.handle(req, res, { clientAddress: req.socket.remoteAddress ?? null }));
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    console.log(`Portal GraphQL API on http://localhost:${port}/graphql`);
  });
  const shutdown = () => {
    server.close(async () => {
      await closeApp(app);
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
});
