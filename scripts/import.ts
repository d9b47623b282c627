// Imports article pages of the old SharePoint portal saved as text (docs/importer.md).
//   npm run import -- [--dry-run] <files or folders>
// Prints one line per file and a summary; exits 1 when any file failed, 2 on bad usage.
import { ConfigError, readConfig } from "../src/env";

const USAGE = "usage: npm run import -- [--dry-run] <files or folders>";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const dryRun = args.includes("--dry-run") || args.includes("-n");
  const unknown = args.filter((a) => a.startsWith("-") && !["--dry-run", "-n", "--"].includes(a));
  const paths = args.filter((a) => !a.startsWith("-"));
  if (unknown.length > 0 || paths.length === 0) {
    console.error(unknown.length > 0 ? `unknown option ${unknown.join(", ")}\n${USAGE}` : USAGE);
    return 2;
  }

  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message.replaceAll("\n", "; ")}`);
      return 2;
    }
    throw error;
  }
  // Loaded after the arguments are checked: the database client takes a while to load.
  const { createDb, migrate, prepareDb } = await import("../src/db/client");
  const { formatOutcome, formatSummary, importPaths } = await import("../src/services/importer/import-files");
  // The schema must be current before anything is read (a dry run writes no content);
  // migrate() does nothing when no migration is pending, so an import can run beside a live server.
  await migrate(config.DATABASE_URL);
  const { db, target } = createDb(config.DATABASE_URL);
  await prepareDb(db, target);
  try {
    const summary = await importPaths(db, paths, {
      dryRun,
      onOutcome: (outcome) => console.log(formatOutcome(outcome, dryRun)),
    });
    console.log(formatSummary(summary, dryRun));
    if (!dryRun && config.REDIS_URL) {
      // Servers sharing this Redis stop answering from their caches what was there before.
      const { bumpSharedGenerations } = await import("../src/plugins/response-cache");
      await bumpSharedGenerations(config.REDIS_URL, config.REDIS_PREFIX);
    }
    return summary.counts.failed > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The import could not run: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exit(1);
  },
);
