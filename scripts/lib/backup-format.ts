// The backup archive (tar.gz): manifest.json, portal.db (a SQLite online-backup
// snapshot) and media/ (the uploaded files). Shared by backup.ts and restore.ts.
import { createHash } from "node:crypto";
import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { list as listTar } from "tar";
import Database from "better-sqlite3";
import type { Config } from "../../src/env";
import { projectRoot } from "./cli";

export const FORMAT = "portal-backup";
export const FORMAT_VERSION = 1;
export const DB_ENTRY = "portal.db";
export const MEDIA_ENTRY = "media";
export const MANIFEST_ENTRY = "manifest.json";

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  provider: "sqlite";
  /** Applied migrations in the snapshot, oldest first. */
  migrations: string[];
  /** Rows per table in the snapshot: restore checks them again. */
  tables: Record<string, number>;
  database: { sha256: string; bytes: number };
  media: { files: number; bytes: number };
}

/** The media folder: MEDIA_DIR when the media service defines it, else <DATA_DIR>/media. */
export function mediaDirOf(config: Config): string {
  const configured = (config as Config & { MEDIA_DIR?: string }).MEDIA_DIR;
  return resolve(configured ?? join(config.DATA_DIR, "media"));
}

export function sha256File(file: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", fail)
      .on("end", () => done(hash.digest("hex")));
  });
}

/** Integrity, row counts and applied migrations of a database file (opened read-only). */
export function inspectDatabase(file: string): { integrity: string; tables: Record<string, number>; migrations: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma("integrity_check", { simple: true }));
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const tables: Record<string, number> = {};
    for (const name of names) {
      // Virtual-table shadow tables are counted through their table; skip what cannot be read alone.
      try {
        tables[name] = Number(
          db
            .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
            .pluck()
            .get(),
        );
      } catch {
        /* a virtual table whose module is not loaded here */
      }
    }
    const migrations = names.includes("_prisma_migrations")
      ? (db
          .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name")
          .pluck()
          .all() as string[])
      : [];
    return { integrity, tables, migrations };
  } finally {
    db.close();
  }
}

/** The migrations this version of the code knows (prisma/sqlite/migrations). */
export function knownMigrations(): string[] {
  return readdirSync(join(projectRoot, "prisma", "sqlite", "migrations"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Why an archive must not be extracted, one line per offending entry; empty when
 * every entry is a plain file or folder under a relative path that stays inside
 * the target folder. A backup made by `npm run backup` holds nothing else; a
 * symbolic or hard link could make `/media` serve any file of the machine, and
 * an absolute path or `..` would write outside the data folder.
 */
export async function unsafeArchiveEntries(file: string): Promise<string[]> {
  const problems: string[] = [];
  await listTar({
    file,
    strict: true,
    onReadEntry: (entry) => {
      const path = entry.path;
      const shown = JSON.stringify(path.slice(0, 200));
      if (entry.type !== "File" && entry.type !== "OldFile" && entry.type !== "Directory") {
        const kind = entry.type === "SymbolicLink" ? "a symbolic link" : entry.type === "Link" ? "a hard link" : `a ${entry.type} entry`;
        problems.push(`${shown} is ${kind}${entry.linkpath ? ` to ${JSON.stringify(entry.linkpath.slice(0, 200))}` : ""}`);
      } else if (isAbsolute(path) || /^[a-zA-Z]:/.test(path) || path.startsWith("\\") || path.startsWith("/")) {
        problems.push(`${shown} is an absolute path`);
      } else if (path.split(/[\\/]+/).includes("..")) {
        problems.push(`${shown} leads out of the target folder`);
      } else if (/[\0-\x1f]/.test(path)) {
        problems.push(`${shown} has control characters in its name`);
      }
      entry.resume();
    },
  });
  return problems;
}
