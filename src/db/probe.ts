// Opens the configured database once before anything else, so a DATABASE_URL
// that parses but cannot be used stops the server (or a script) with one line
// saying why, instead of a migration tool's stack of messages.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "./url";
import { redactUrlPassword } from "../env";

export class DatabaseUnavailable extends Error {}

const reasons: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOTDIR: "a part of the path is not a folder",
  ECONNREFUSED: "connection refused (is PostgreSQL running on that host and port?)",
  ENOTFOUND: "unknown host",
  EAI_AGAIN: "the host name could not be resolved",
  ETIMEDOUT: "timed out",
  EHOSTUNREACH: "host unreachable",
};

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { code?: string };
  if (e?.code && reasons[e.code]) return reasons[e.code]!;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.trim() || "unknown error";
}

/** Throws DatabaseUnavailable (a one-line message) when the database cannot be opened. */
export async function probeDatabase(target: DatabaseTarget, { timeoutMs = 5000 } = {}): Promise<void> {
  if (target.provider === "sqlite") {
    if (target.file === ":memory:") return;
    try {
      mkdirSync(dirname(target.file), { recursive: true });
    } catch (error) {
      throw new DatabaseUnavailable(`DATABASE_URL: cannot create the folder ${dirname(target.file)}: ${reason(error)}`);
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(target.file, { timeout: timeoutMs });
      // Reads the file header: fails on a file that is not a SQLite database.
      db.pragma("schema_version");
    } catch (error) {
      const why =
        (error as { code?: string }).code === "SQLITE_CANTOPEN"
          ? "cannot open or create the file (check that the path is a file in a writable folder)"
          : reason(error);
      throw new DatabaseUnavailable(`DATABASE_URL: SQLite database ${target.file}: ${why}`);
    } finally {
      db?.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: timeoutMs });
  // A socket error after connect would otherwise be an unhandled 'error' event.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new DatabaseUnavailable(`DATABASE_URL: cannot open PostgreSQL database ${redactUrlPassword(target.url)}: ${reason(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}
