// Starts one instance: configuration, migrations, demo content, listen; stops
// gracefully on SIGTERM/SIGINT (docs/scaling.md).
import { createApp, type App } from "./app";
import { Prisma } from "./db";
import { ConfigError, readConfig } from "./env";
import { migrate } from "./db";
import { createPortalServer } from "./http";
import { seedDemo } from "./seed";

/** Orchestrators kill after 10 s; leave room for the closers after the grace period. */
const HARD_EXIT_MS = 9_500;

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
  await seedOnce(app);
  const portal = createPortalServer(app);
  const port = await portal.listen(config.PORT, config.HOST);
  console.log(`Portal GraphQL API on http://localhost:${port}/graphql`);

  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    setTimeout(() => {
      console.error("Shutdown took too long: exiting");
      process.exit(1);
    }, HARD_EXIT_MS).unref();
    portal.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

/**
 * Several instances may start at once on an empty database: one seeds, the
 * others lose on a unique key and find the work done on their next look.
 */
async function seedOnce(app: App, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await seedDemo(app);
    } catch (error) {
      const lostRace = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!lostRace || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
});
