// What the operator's commands (admin, backup, restore) share: one-line errors,
// exit codes (0 done, 1 failed, 2 wrong usage) and opening the configured app.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { App } from "../../src/app";
import { parseDatabaseUrl } from "../../src/db/url";
import { probeDatabase } from "../../src/db/probe";
import { ConfigError, readConfig, type Config } from "../../src/env";
import { createLogger, oneLine } from "../../src/lib/logger";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Wrong arguments: the command says what is wrong, where to read its usage, and exits 2. */
export class UsageError extends Error {}
/** An expected failure (unknown user, refused restore...): one line, exit 1. */
export class Failure extends Error {}

export function loadConfig(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new Failure(`configuration error: ${error.message.replaceAll("\n", "; ")}`);
    throw error;
  }
}

/** The app on the configured database, for one command; quiet unless something goes wrong. */
export async function openApp(config: Config): Promise<App> {
  await probeDatabase(parseDatabaseUrl(config.DATABASE_URL));
  // Loaded here, not at the top: wrong arguments are answered without loading the database client.
  const { createApp } = await import("../../src/app");
  return createApp(config, { logger: createLogger({ LOG_LEVEL: "warn", LOG_FORMAT: config.LOG_FORMAT }) });
}

/**
 * Runs a command and exits with its code. Expected failures print one line;
 * only a bug (an error we did not foresee) prints its stack, to be reported.
 */
export function run(name: string, usage: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${name}: ${error.message}\n${usage}\n`);
        process.exit(2);
      }
      const known = error instanceof Failure || isKnownDatabaseError(error);
      process.stderr.write(`${name}: error: ${known ? explain(error) : oneLine(error)}\n`);
      if (!known && process.env.DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
      process.exit(1);
    },
  );
}

function isKnownDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code);
}

function explain(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  // The database exists but was never migrated.
  if (code === "P2021") return "the database has no tables yet: start the server once, or run `npm run admin -- migrate:deploy`";
  return oneLine(error);
}
