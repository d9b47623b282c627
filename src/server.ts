// Starts the HTTP server: configuration, migrations, demo content, listen.
import { createServer } from "node:http";
import { closeApp, createApp } from "./app";
import { ConfigError, readConfig } from "./env";
import { migrate } from "./db";
import { seedDemo } from "./seed";
import { backfillSearchText } from "./services/search/engine";
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
  // Versions stored before the search columns existed get them once (docs/search.md).
  const backfilled = await backfillSearchText(app.db);
  if (backfilled > 0) console.log(`Search index: folded text written for ${backfilled} article versions`);
  await seedDemo(app);
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
