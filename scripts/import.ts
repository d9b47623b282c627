// Imports article pages of the old SharePoint portal saved as text (docs/importer.md).
//   npm run import -- [--dry-run] <files or folders>
// Prints one line per file and a summary; exits 1 when any file failed, 2 on bad usage.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../src/db";
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
  const { createDb, migrate, prepareDb } = await import("../src/db");
  const { formatOutcome, formatSummary, importPaths } = await import("../src/services/importer/import-files");
  // The schema must be current before anything is read (a dry run writes no content).
  // `prisma migrate deploy` is only run when needed, with no connection of ours open:
  // it cannot take a SQLite file another connection holds (a running server's, say),
  // and an import of a few pages usually runs beside a live server.
  const probe = createDb(config.DATABASE_URL);
  const pending = await migrationsPending(probe.db, probe.target.provider).finally(() => probe.db.$disconnect());
  if (pending) await migrate(config.DATABASE_URL);
  const { db, target } = createDb(config.DATABASE_URL);
  await prepareDb(db, target);
  try {
    const summary = await importPaths(db, paths, {
      dryRun,
      onOutcome: (outcome) => console.log(formatOutcome(outcome, dryRun)),
    });
    console.log(formatSummary(summary, dryRun));
    return summary.counts.failed > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

/** Is any committed migration of this provider not yet applied to the database? */
async function migrationsPending(db: Db, provider: "sqlite" | "postgres"): Promise<boolean> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "prisma", provider, "migrations");
  const committed = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  let applied: Array<{ migration_name: string }>;
  try {
    applied = await db.$queryRawUnsafe(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
  } catch {
    return true; // a new database: no migration table yet
  }
  const done = new Set(applied.map((m) => m.migration_name));
  return committed.some((name) => !done.has(name));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The import could not run: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exit(1);
  },
);
