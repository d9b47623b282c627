// `npm run backup -- <file.tar.gz>`: a consistent copy of the SQLite database and
// the media folder, taken while the server runs. The database is copied with
// SQLite's online backup API in one step, i.e. one read transaction: a snapshot
// of one instant that does not block the server's writers (WAL mode). Media
// files are copied after the snapshot, so every file the snapshot names is there.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { create as createTar } from "tar";
import { parseDatabaseUrl } from "../src/db/url";
import { Failure, loadConfig, run, UsageError } from "./lib/cli";
import {
  appVersion,
  DB_ENTRY,
  FORMAT,
  FORMAT_VERSION,
  inspectDatabase,
  MANIFEST_ENTRY,
  mediaDirOf,
  MEDIA_ENTRY,
  sha256File,
  type Manifest,
} from "./lib/backup-format";

const USAGE = "Usage: npm run backup -- <file.tar.gz> [--force]   (--force replaces an existing file)";

/** Hard-links (or copies, across file systems) a folder tree; returns the number of files and bytes. */
function linkTree(from: string, to: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      const sub = linkTree(source, target);
      files += sub.files;
      bytes += sub.bytes;
    } else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
      files += 1;
      bytes += statSync(target).size;
    }
    // Anything else (symbolic links, sockets) is not media the server wrote: left out.
  }
  return { files, bytes };
}

run("backup", USAGE, async () => {
  const { values, positionals } = (() => {
    try {
      return parseArgs({ args: process.argv.slice(2), options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
    } catch (error) {
      throw new UsageError((error as Error).message.split("\n")[0]!);
    }
  })();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give exactly one archive file to write");
  const output = resolve(positionals[0]!);
  const config = loadConfig();
  const target = parseDatabaseUrl(config.DATABASE_URL);
  if (target.provider === "postgres") {
    throw new Failure(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump (pg_dump --format=custom --file=portal.dump "$DATABASE_URL") and the media folder with tar; see docs/operations.md',
    );
  }
  if (!existsSync(target.file)) throw new Failure(`no database at ${target.file} (DATABASE_URL): nothing to back up`);
  if (existsSync(output) && !values.force) throw new Failure(`${output} exists: choose another name, or add --force to replace it`);
  if (!existsSync(dirname(output))) throw new Failure(`the folder ${dirname(output)} does not exist`);

  // Staging next to the archive: hard links work on the same file system, and the
  // archive appears under its name only when complete.
  const staging = mkdtempSync(join(dirname(output), `.${basename(output)}.`));
  try {
    const started = Date.now();
    const source = new Database(target.file, { fileMustExist: true, timeout: 10_000 });
    try {
      // The first step only starts the backup; returning the page limit makes the
      // next step copy every page in one go, inside one read transaction.
      await source.backup(join(staging, DB_ENTRY), { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const snapshotMs = Date.now() - started;
    const inspected = inspectDatabase(join(staging, DB_ENTRY));
    if (inspected.integrity !== "ok") throw new Failure(`the copied database failed its integrity check: ${inspected.integrity}`);

    const mediaDir = mediaDirOf(config);
    const media = existsSync(mediaDir) && lstatSync(mediaDir).isDirectory() ? linkTree(mediaDir, join(staging, MEDIA_ENTRY)) : { files: 0, bytes: 0 };
    if (media.files === 0) mkdirSync(join(staging, MEDIA_ENTRY), { recursive: true });

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: new Date().toISOString(),
      provider: "sqlite",
      migrations: inspected.migrations,
      tables: inspected.tables,
      database: { sha256: await sha256File(join(staging, DB_ENTRY)), bytes: statSync(join(staging, DB_ENTRY)).size },
      media,
    };
    writeFileSync(join(staging, MANIFEST_ENTRY), JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });

    const partial = join(staging, "archive.tar.gz");
    await createTar({ gzip: true, file: partial, cwd: staging, portable: true }, [MANIFEST_ENTRY, DB_ENTRY, MEDIA_ENTRY]);
    // It holds password hashes: readable by its owner only.
    chmodSync(partial, 0o600);
    renameSync(partial, output);
    const rows = (name: string) => manifest.tables[name] ?? 0;
    process.stdout.write(
      `Backup written to ${output} (${(statSync(output).size / 1024).toFixed(0)} KiB) in ${Date.now() - started} ms ` +
        `(database snapshot ${snapshotMs} ms): ${rows("Article")} articles, ${rows("ArticleVersion")} versions, ` +
        `${rows("User")} users, ${media.files} media files.\n`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
});
