// Starts the HTTP server: configuration, migrations, demo content, listen.
import { createServer } from "node:http";
import { closeApp, createApp } from "./app";
import { ConfigError, readConfig } from "./env";
import { migrate } from "./db";
import { seedDemo } from "./seed";
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
  const yoga = createPortalYoga(app);
  const server = createServer((req, res) => yoga.handle(req, res, { clientAddress: req.socket.remoteAddress ?? null }));
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    console.log(`Portal GraphQL API on http://localhost:${port}/graphql`);
  });
  // SIGTERM/SIGINT: stop accepting, let requests in flight finish (a few
  // seconds at most), then close the app, which flushes the visit counters: a
  // graceful stop loses no count (docs/statistics.md).
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error("Shutdown took too long; exiting.");
      process.exit(1);
    }, 30_000).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    server.closeAllConnections();
    try {
      await closeApp(app);
      process.exit(0);
    } catch (error) {
      console.error(`Shutdown failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
});
