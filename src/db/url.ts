// Which database a DATABASE_URL names. Shared by the server, the Prisma command
// line (prisma.config.ts) and the scripts, so they always agree.
import { isAbsolute, resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

export type DatabaseTarget = { provider: "sqlite"; url: string; file: string } | { provider: "postgres"; url: string };

export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL, cwd = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgres", url };
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/\?.*$/, "");
    if (!path) throw new Error("DATABASE_URL: a SQLite URL needs a file path (file:./data/portal.db)");
    const file = path === ":memory:" || isAbsolute(path) ? path : resolve(cwd, path);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  throw new Error("DATABASE_URL: expected file:<path> (SQLite) or postgresql://... (PostgreSQL)");
}
