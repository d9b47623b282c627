// `npm run restore -- <file.tar.gz>`: puts a backup made by `npm run backup` into
// an EMPTY data folder (DATABASE_URL's file, the media folder). It never
// overwrites: restoring over live data is a decision for a person, not a flag.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { extract as extractTar } from "tar";
import { parseDatabaseUrl } from "../src/db/url";
import { Failure, loadConfig, run, UsageError } from "./lib/cli";
import {
  DB_ENTRY,
  FORMAT,
  FORMAT_VERSION,
  inspectDatabase,
  knownMigrations,
  MANIFEST_ENTRY,
  mediaDirOf,
  MEDIA_ENTRY,
  sha256File,
  unsafeArchiveEntries,
  type Manifest,
} from "./lib/backup-format";

const USAGE = "Usage: npm run restore -- <file.tar.gz>   (into an empty data folder: DATABASE_URL, DATA_DIR)";

const isEmptyOrMissing = (dir: string) => !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0);

/** Moves a file or folder, copying when it crosses file systems. */
function move(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
  }
}

run("restore", USAGE, async () => {
  const { positionals, values } = (() => {
    try {
      return parseArgs({ args: process.argv.slice(2), options: { help: { type: "boolean", short: "h" } }, allowPositionals: true });
    } catch (error) {
      throw new UsageError((error as Error).message.split("\n")[0]!);
    }
  })();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give exactly one archive file to restore");
  const archive = resolve(positionals[0]!);
  if (!existsSync(archive)) throw new Failure(`${archive} does not exist`);
  const config = loadConfig();
  const target = parseDatabaseUrl(config.DATABASE_URL);
  if (target.provider === "postgres") {
    throw new Failure("DATABASE_URL is PostgreSQL: restore a pg_dump archive with pg_restore (see docs/operations.md); this command restores SQLite backups");
  }
  const dataDir = resolve(config.DATA_DIR);
  const mediaDir = mediaDirOf(config);
  if (!isEmptyOrMissing(dataDir)) throw new Failure(`the data folder ${dataDir} (DATA_DIR) is not empty: restore into an empty one`);
  for (const file of [target.file, `${target.file}-wal`]) {
    if (existsSync(file)) throw new Failure(`${file} (DATABASE_URL) exists: restore into an empty data folder`);
  }
  if (!isEmptyOrMissing(mediaDir)) throw new Failure(`the media folder ${mediaDir} is not empty: restore into an empty one`);

  // Every entry is checked before anything is written: a crafted archive is refused whole.
  let unsafe: string[];
  try {
    unsafe = await unsafeArchiveEntries(archive);
  } catch (error) {
    throw new Failure(`${archive} is not a readable backup archive: ${(error as Error).message.split("\n")[0]}`);
  }
  if (unsafe.length > 0) {
    const more = unsafe.length > 5 ? ` (and ${unsafe.length - 5} more)` : "";
    throw new Failure(
      `${archive} is not a safe backup archive, nothing was extracted: ${unsafe.slice(0, 5).join("; ")}${more}. ` +
        "A backup holds only plain files and folders under relative paths.",
    );
  }

  const stagingParent = dirname(target.file);
  mkdirSync(stagingParent, { recursive: true });
  const staging = mkdtempSync(join(stagingParent, ".restore-"));
  try {
    try {
      // Checked above; node-tar also refuses absolute paths and `..`, and the filter
      // keeps anything but plain files and folders out, should the archive change meanwhile.
      await extractTar({
        file: archive,
        cwd: staging,
        strict: true,
        filter: (_path, entry) => "type" in entry && (entry.type === "File" || entry.type === "OldFile" || entry.type === "Directory"),
      });
    } catch (error) {
      throw new Failure(`${archive} is not a readable backup archive: ${(error as Error).message.split("\n")[0]}`);
    }
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(join(staging, MANIFEST_ENTRY), "utf8")) as Manifest;
    } catch {
      throw new Failure(`${archive} has no readable ${MANIFEST_ENTRY}: not a backup made by npm run backup`);
    }
    if (manifest.format !== FORMAT) throw new Failure(`${archive} is not a portal backup`);
    if (manifest.formatVersion !== FORMAT_VERSION)
      throw new Failure(`backup format ${manifest.formatVersion} is not supported by this version (expects ${FORMAT_VERSION})`);
    const dbFile = join(staging, DB_ENTRY);
    if (!existsSync(dbFile)) throw new Failure(`${archive} has no ${DB_ENTRY}`);
    if ((await sha256File(dbFile)) !== manifest.database.sha256)
      throw new Failure("the database in the archive does not match its checksum: the archive is damaged");
    const inspected = inspectDatabase(dbFile);
    if (inspected.integrity !== "ok") throw new Failure(`the database in the archive failed its integrity check: ${inspected.integrity}`);
    for (const [table, count] of Object.entries(manifest.tables)) {
      if (inspected.tables[table] !== count)
        throw new Failure(`table ${table} has ${inspected.tables[table]} rows, the manifest says ${count}: the archive is damaged`);
    }
    const known = new Set(knownMigrations());
    const unknown = manifest.migrations.filter((m) => !known.has(m));
    if (unknown.length > 0) {
      throw new Failure(`the backup was made by a newer version (migrations unknown here: ${unknown.join(", ")}): restore it with that version or newer`);
    }

    move(dbFile, target.file);
    const mediaSource = join(staging, MEDIA_ENTRY);
    if (existsSync(mediaSource) && readdirSync(mediaSource).length > 0) {
      if (existsSync(mediaDir)) rmSync(mediaDir, { recursive: true }); // empty, checked above
      move(mediaSource, mediaDir);
    }
    const rows = (name: string) => manifest.tables[name] ?? 0;
    const pending = [...known].filter((m) => !manifest.migrations.includes(m)).length;
    process.stdout.write(
      `Restored the backup of ${manifest.createdAt} into ${target.file}: ${rows("Article")} articles, ` +
        `${rows("ArticleVersion")} versions, ${rows("User")} users, ${manifest.media.files} media files.` +
        (pending > 0 ? ` ${pending} newer migration(s) will be applied when the server starts.` : "") +
        `\nTokens issued before are not valid unless JWT_SECRET is the same as before: users sign in again.\n`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
});
