// The Prisma client for DATABASE_URL: SQLite (embedded default) or PostgreSQL,
// each through its driver adapter and its own generated client (a Prisma schema
// fixes its provider: scripts/prisma-variants.ts).
// The rest of the code sees one type, `Db`, and never asks which one runs.
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { parseDatabaseUrl, type DatabaseTarget } from "./url";
import { retryTransactionsOnBusy } from "./faults";

export type Db = SqliteClient<"query">;
export { Prisma } from "../generated/sqlite/client";
export type * from "../generated/sqlite/client";

export interface DbOptions {
  /** Called once per SQL statement (tests count them to catch N+1 queries). */
  onQuery?: (sql: string) => void;
}

export function createDb(databaseUrl: string | undefined, options: DbOptions = {}): { db: Db; target: DatabaseTarget; pool?: pg.Pool } {
  const target = parseDatabaseUrl(databaseUrl);
  const log = [{ emit: "event", level: "query" }] as const;
  let db: Db;
  let pool: pg.Pool | undefined;
  if (target.provider === "postgres") {
    // Our own pool, handed to the adapter, so /metrics can report its use; the
    // adapter closes it on $disconnect. A server that vanished without closing its
    // sockets must not hang requests forever: connecting gives up after 10 s.
    // Waiting for a free connection counts against the same timeout, so it leaves
    // room for bursts (thousands of concurrent page views) on a busy machine.
    pool = new pg.Pool({ connectionString: target.url, max: 20, connectionTimeoutMillis: 10_000 });
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    // Same data model, same API: only the embedded query compiler differs.
    db = new PostgresClient({ adapter, log: [...log] }) as unknown as Db;
  } else {
    if (target.file !== ":memory:") mkdirSync(dirname(target.file), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: target.file, timeout: 5000 });
    // Another process on the same file (a second instance, the importer) can make a
    // transaction fail with SQLITE_BUSY: it is run again (src/db/faults.ts).
    db = retryTransactionsOnBusy(new SqliteClient({ adapter, log: [...log] }));
  }
  if (options.onQuery) {
    const onQuery = options.onQuery;
    db.$on("query", (event) => onQuery(event.query));
  }
  return { db, target, pool };
}

/** Connection settings that belong to the database file, not to a query. */
export async function prepareDb(db: Db, target: DatabaseTarget): Promise<void> {
  await db.$connect();
  if (target.provider === "sqlite") {
    // WAL lets readers run while a writer commits; NORMAL is durable in WAL mode
    // except for the last transactions on power loss.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
}

const require = createRequire(import.meta.url);

/** Applies the committed migrations of the provider (prisma migrate deploy, WebAssembly engine). */
/**
 * Is any committed migration of the provider not yet applied? Asked with a
 * short-lived connection of our own, so `migrate` only runs Prisma's engine when
 * there is work: `prisma migrate deploy` cannot take a SQLite file that another
 * connection holds (a running server's, say).
 */
export async function migrationsPending(databaseUrl: string | undefined): Promise<boolean> {
  const { db, target } = createDb(databaseUrl);
  const dir = join(projectRoot(), "prisma", target.provider, "migrations");
  const committed = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  try {
    const applied: Array<{ migration_name: string }> = await db.$queryRawUnsafe(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(applied.map((m) => m.migration_name));
    return committed.some((name) => !done.has(name));
  } catch {
    return true; // a new database: no migration table yet
  } finally {
    await db.$disconnect();
  }
}

export async function migrate(databaseUrl: string | undefined): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  if (!(await migrationsPending(databaseUrl))) return;
  const cli = require.resolve("prisma/build/index.js");
  for (let attempt = 1; ; attempt++) {
    try {
      await promisify(execFile)(process.execPath, [cli, "migrate", "deploy"], {
        cwd: projectRoot(),
        env: { ...process.env, DATABASE_URL: target.url },
      });
      return;
    } catch (error) {
      // Instances starting together on PostgreSQL: one migrates under Prisma's
      // advisory lock, the others time out waiting (10 s) and then find nothing to do.
      const output = `${(error as { stdout?: string }).stdout ?? ""}${(error as { stderr?: string }).stderr ?? ""}`;
      if (!/advisory lock/i.test(output) || attempt >= 6) {
        throw new Error(`database migration failed: ${prismaErrorLine(error)}`);
      }
    }
  }
}

/** The line of the Prisma command line's output that says what went wrong. */
function prismaErrorLine(error: unknown): string {
  const { stderr = "", stdout = "" } = error as { stderr?: string; stdout?: string };
  const lines = `${stderr}\n${stdout}`
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const coded = lines.find((l) => /\bP\d{4}\b/.test(l) || /^Error:/.test(l));
  const index = coded ? lines.indexOf(coded) : -1;
  // "Error: P3009" is followed by the sentence that explains it.
  const line = coded && /^Error:\s*P?\d*\s*$/.test(coded) && lines[index + 1] ? `${coded} ${lines[index + 1]}` : coded;
  return line ?? lines.at(-1) ?? (error instanceof Error ? error.message.split("\n")[0]! : String(error));
}

function projectRoot(): string {
  return dirname(require.resolve("../../package.json"));
}
