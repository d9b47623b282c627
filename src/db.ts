// The Prisma client for DATABASE_URL: SQLite (embedded default) or PostgreSQL,
// each through its driver adapter and its own generated client (DESIGN.md §1).
// The rest of the code sees one type, `Db`, and never asks which one runs.
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { parseDatabaseUrl, type DatabaseTarget } from "./database-url";
import { retryTransactionsOnBusy } from "./security/faults";

export type Db = SqliteClient<"query">;
export { Prisma } from "./generated/sqlite/client";
export type * from "./generated/sqlite/client";

export interface DbOptions {
  /** Called once per SQL statement (tests count them to catch N+1 queries). */
  onQuery?: (sql: string) => void;
}

export function createDb(databaseUrl: string | undefined, options: DbOptions = {}): { db: Db; target: DatabaseTarget } {
  const target = parseDatabaseUrl(databaseUrl);
  const log = [{ emit: "event", level: "query" }] as const;
  let db: Db;
  if (target.provider === "postgres") {
    // A server that vanished without closing its sockets must not hang requests forever.
    const adapter = new PrismaPg({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 });
    // Same data model, same API: only the embedded query compiler differs.
    db = new PostgresClient({ adapter, log: [...log] }) as unknown as Db;
  } else {
    if (target.file !== ":memory:") mkdirSync(dirname(target.file), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: target.file, timeout: 5000 });
    // Another process on the same file (a second instance, the importer) can make a
    // transaction fail with SQLITE_BUSY: it is run again (src/security/faults.ts).
    db = retryTransactionsOnBusy(new SqliteClient({ adapter, log: [...log] }));
  }
  if (options.onQuery) {
    const onQuery = options.onQuery;
    db.$on("query", (event) => onQuery(event.query));
  }
  return { db, target };
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
export async function migrate(databaseUrl: string | undefined): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  const cli = require.resolve("prisma/build/index.js");
  await promisify(execFile)(process.execPath, [cli, "migrate", "deploy"], {
    cwd: projectRoot(),
    env: { ...process.env, DATABASE_URL: target.url },
  });
}

function projectRoot(): string {
  return dirname(require.resolve("../package.json"));
}
