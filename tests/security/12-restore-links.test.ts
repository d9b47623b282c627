// Restore refuses a crafted backup: symbolic and hard links, absolute paths and
// `..` would let an archive write outside the data folder or make /media serve any
// file of the machine. The whole archive is refused, with a clear error, and
// nothing is extracted. And /media never follows a symbolic link.
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Header } from "tar";
import { unsafeArchiveEntries } from "../../scripts/lib/backup-format";
import { createTestApp } from "../support/app";
import { runScript, tempDataDir } from "../support/processes";

type Entry = { path: string; type: "File" | "Directory" | "SymbolicLink" | "Link" | "CharacterDevice" | "FIFO"; body?: string; linkpath?: string };

/** A tar.gz written header by header, as a hostile tool could write it. */
function tarGz(entries: Entry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = Buffer.from(e.body ?? "");
    const header = Buffer.alloc(512);
    new Header({
      path: e.path,
      type: e.type,
      size: body.length,
      mode: e.type === "Directory" ? 0o755 : 0o644,
      mtime: new Date(0),
      uid: 0,
      gid: 0,
      linkpath: e.linkpath,
    }).encode(header, 0);
    blocks.push(header);
    if (body.length) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

const base: Entry[] = [
  { path: "manifest.json", type: "File", body: JSON.stringify({ format: "portal-backup", formatVersion: 1 }) },
  { path: "portal.db", type: "File", body: "not really a database" },
  { path: "media/", type: "Directory" },
  { path: "media/2026/", type: "Directory" },
  { path: "media/2026/11/", type: "Directory" },
];
const HEX = "0123456789abcdef0123456789abcdef";
const CRAFTED: Array<[string, Entry, RegExp]> = [
  [
    "a symbolic link to a system file",
    { path: `media/2026/11/${HEX}.png`, type: "SymbolicLink", linkpath: "/etc/passwd" },
    /is a symbolic link to "\/etc\/passwd"/,
  ],
  [
    "a relative symbolic link out of the folder",
    { path: `media/2026/11/${HEX}.jpg`, type: "SymbolicLink", linkpath: "../../../../.ssh/id_rsa" },
    /is a symbolic link/,
  ],
  ["a symbolic link to a folder", { path: "media/2027", type: "SymbolicLink", linkpath: "/" }, /is a symbolic link/],
  ["a hard link", { path: `media/2026/11/${HEX}.pdf`, type: "Link", linkpath: "/etc/shadow" }, /is a hard link to "\/etc\/shadow"/],
  ["a hard link inside the archive", { path: `media/2026/11/${HEX}.gif`, type: "Link", linkpath: "portal.db" }, /is a hard link/],
  ["an absolute path", { path: "/tmp/portal-restore-evil.txt", type: "File", body: "x" }, /is an absolute path/],
  ["a path with ..", { path: "../portal-restore-evil.txt", type: "File", body: "x" }, /leads out of the target folder/],
  ["a path with .. inside", { path: "media/../../portal-restore-evil.txt", type: "File", body: "x" }, /leads out of the target folder/],
  ["a device", { path: "media/null", type: "CharacterDevice" }, /is a CharacterDevice entry/],
  ["a pipe", { path: "media/fifo", type: "FIFO" }, /is a FIFO entry/],
];

const work = mkdtempSync(join(tmpdir(), "portal-restore-links-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const archiveOf = (name: string, entries: Entry[]) => {
  const file = join(work, `${name.replace(/\W+/g, "-")}.tar.gz`);
  writeFileSync(file, tarGz(entries));
  return file;
};

describe("checking a backup's entries", () => {
  it("finds nothing wrong with plain files and folders", async () => {
    expect(await unsafeArchiveEntries(archiveOf("plain", [...base, { path: `media/2026/11/${HEX}.png`, type: "File", body: "png" }]))).toEqual([]);
  });

  it.each(CRAFTED)("refuses %s", async (name, entry, reason) => {
    const problems = await unsafeArchiveEntries(archiveOf(name, [...base, entry]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });
});

describe("npm run restore with a crafted archive", () => {
  it.each(CRAFTED.filter(([name]) => ["a symbolic link to a system file", "a hard link", "an absolute path", "a path with .."].includes(name)))(
    "refuses %s, with a clear error, and extracts nothing",
    async (name, entry, reason) => {
      // The data folder alone in a folder of its own, so that what lands beside it is seen (other tests write beside theirs).
      const parent = tempDataDir().dir;
      const dir = join(parent, "data");
      mkdirSync(dir);
      const target = { dir, databaseUrl: `file:${join(dir, "portal.db")}`, dbFile: join(dir, "portal.db") };
      const parentBefore = readdirSync(parent);
      const archive = archiveOf(`cli-${name}`, [...base, entry]);
      const result = await runScript("scripts/restore.ts", [archive], { DATABASE_URL: target.databaseUrl, DATA_DIR: target.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^restore: error: .* is not a safe backup archive, nothing was extracted: /);
      expect(result.stderr).toMatch(reason);
      expect(result.stderr).not.toMatch(/^\s+at\s/m);
      // Nothing written: no database, no media, no staging folder, nothing beside the data folder.
      expect(readdirSync(target.dir)).toEqual([]);
      expect(existsSync(target.dbFile)).toBe(false);
      expect(readdirSync(parent)).toEqual(parentBefore);
      expect(existsSync("/tmp/portal-restore-evil.txt")).toBe(false);
    },
  );
});

describe("/media and symbolic links", () => {
  it("never serves a file through a symbolic link found in the media folder", async () => {
    const t = await createTestApp({ seed: false });
    try {
      const key = `2026/11/${HEX}.png`;
      const folder = join(t.app.dataDir, "media", "2026", "11");
      mkdirSync(folder, { recursive: true });
      const secret = join(t.app.dataDir, "secret.txt");
      writeFileSync(secret, "do not serve me");
      symlinkSync(secret, join(folder, `${HEX}.png`));
      await t.app.db.media.create({ data: { kind: "IMAGE", storageKey: key, fileName: "a.png", contentType: "image/png", size: 15 } });
      const signed = `/media/${key}?${t.app.mediaUrls.sign(key, t.clock.now())}`;
      const response = await t.yoga.fetch(`http://portal.test${signed}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("do not serve me");
    } finally {
      await t.close();
    }
  });
});
