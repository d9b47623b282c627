// Backup of a running server under write load, restore into an empty folder, and
// a second server on the restored data that finds everything acknowledged before
// the backup began. Everything through the real commands.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it, jest } from "@jest/globals";
import Database from "better-sqlite3";
import { httpGql, runScript, startServer, tempDataDir, type RunningServer } from "./support/processes";
import { Changes } from "./support/wait";

jest.setTimeout(240_000);

const ADMIN = { ADMIN_EMAIL: "quantri@example.vn", ADMIN_PASSWORD: "mật khẩu quản trị" };
const JWT_SECRET = "backup-test-secret-backup-test-secret-0123";
const running: RunningServer[] = [];
afterAll(async () => {
  for (const server of running) await server.stop();
});

const LOGIN = "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";
const CREATE_CATEGORY = "mutation NewCategory($input: CreateCategoryInput!) { createCategory(input: $input) { slug } }";
const CREATE_USER = "mutation NewUser($input: CreateUserInput!) { createUser(input: $input) { email } }";
const ARTICLES = "query AllArticles { articles(first: 100) { totalCount edges { node { id slug title version viewCount publishedAt } } } }";
const CATEGORIES = "query Sections { categories { slug name } }";
const UPDATE_SITE = "mutation SitePhone($input: UpdateSiteInput!) { updateSite(input: $input) { phone } }";
const SITE = "query Footer { site { name address phone statistics { totalVisits } } }";

async function signInAdmin(server: RunningServer): Promise<string> {
  const { body } = await httpGql(server.url, LOGIN, { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD });
  expect(body.errors).toBeUndefined();
  return body.data.login.token as string;
}

const dbRows = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().all() as string[];
  } finally {
    db.close();
  }
};

it("backs up a running server under writes, restores, and the restored server has the same data", async () => {
  const source = tempDataDir();
  const server = await startServer({ DATABASE_URL: source.databaseUrl, DATA_DIR: source.dir, JWT_SECRET, ...ADMIN });
  running.push(server);
  const token = await signInAdmin(server);
  const mediaFile = join(source.dir, "media", "2026", "11", "anh-bia.jpg");
  mkdirSync(join(source.dir, "media", "2026", "11"), { recursive: true });
  writeFileSync(mediaFile, randomBytes(64 * 1024));
  const articlesBefore = (await httpGql(server.url, ARTICLES, {}, token)).body.data.articles;
  const siteBefore = (await httpGql(server.url, SITE)).body.data.site;
  expect(articlesBefore.totalCount).toBeGreaterThan(0);
  const versionsBefore = dbRows(source.dbFile, 'SELECT id FROM "ArticleVersion" ORDER BY id');

  // Write load: three writers creating categories and users as fast as the server answers.
  const acknowledged: string[] = [];
  const phonesAcknowledged: number[] = [];
  const sentAfterBackup: string[] = [];
  let backupDone = false;
  let stop = false;
  let failures = 0;
  let n = 0;
  // Told of each write sent or acknowledged.
  const writes = new Changes();
  const writer = async (w: number) => {
    while (!stop) {
      const i = n++;
      const slug = `muc-${w}-${i}`;
      if (backupDone) sentAfterBackup.push(slug);
      if (w === 0 && i % 5 === 2) {
        // Site phone numbers rise with i, written by one writer in order: the restored
        // value tells which writes the snapshot saw.
        if (backupDone) sentAfterBackup.push(`phone-${i}`);
        writes.notify();
        const { body } = await httpGql(server.url, UPDATE_SITE, { input: { phone: String(100000 + i) } }, token);
        if (body.errors) failures++;
        else phonesAcknowledged.push(100000 + i);
        continue;
      }
      writes.notify();
      const { body } =
        i % 5 === 4
          ? await httpGql(
              server.url,
              CREATE_USER,
              { input: { name: `Người ${i}`, email: `${slug}@example.vn`, password: "mật khẩu 12345", role: "READER" } },
              token,
            )
          : await httpGql(server.url, CREATE_CATEGORY, { input: { name: `Mục ${w} ${i}`, slug } }, token);
      if (body.errors) failures++;
      else acknowledged.push(slug);
      writes.notify();
    }
  };
  const writers = [0, 1, 2].map(writer);
  await writes.until(() => acknowledged.length >= 30, "30 writes acknowledged");

  const archive = join(source.dir, "..", `backup-${randomBytes(4).toString("hex")}.tar.gz`);
  const acknowledgedBeforeBackup = [...acknowledged];
  const lastPhoneBeforeBackup = phonesAcknowledged.at(-1) ?? 0;
  const backup = await runScript("scripts/backup.ts", [archive], { DATABASE_URL: source.databaseUrl, DATA_DIR: source.dir });
  backupDone = true;
  await writes.until(() => sentAfterBackup.length >= 10, "10 writes sent after the backup");
  stop = true;
  await Promise.all(writers);
  expect(backup.stderr).toBe("");
  expect(backup.code).toBe(0);
  expect(backup.stdout).toMatch(/^Backup written to .* \d+ articles, \d+ versions, \d+ users, 1 media files\.\n$/);
  expect(failures).toBe(0);
  const writtenDuringBackup = acknowledged.length - acknowledgedBeforeBackup.length;

  // The operator's view of the same minutes: a log line per request, counted at /metrics.
  const writeLines = () => server.logs.filter((l) => l.component === "http" && ["NewCategory", "NewUser"].includes(l.operation));
  await server.logged(() => writeLines().length >= acknowledged.length, "a log line for each acknowledged write");
  const lines = writeLines();
  expect(lines).toHaveLength(acknowledged.length);
  expect(lines[0]).toMatchObject({
    level: 30,
    status: 200,
    operationType: "mutation",
    outcome: "ok",
    reqId: expect.any(String),
    durationMs: expect.any(Number),
  });
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const counted = (op: string) =>
    Number(new RegExp(`^portal_graphql_operations_total\\{operation="${op}",type="mutation",outcome="ok"\\} (\\d+)$`, "m").exec(metrics)?.[1]);
  expect(counted("NewCategory") + counted("NewUser")).toBe(acknowledged.length);
  expect(counted("SitePhone")).toBe(phonesAcknowledged.length);

  // Restore into an empty folder, start a second server there.
  const target = tempDataDir();
  const restored = await runScript("scripts/restore.ts", [archive], { DATABASE_URL: target.databaseUrl, DATA_DIR: target.dir });
  expect(restored.stderr).toBe("");
  expect(restored.code).toBe(0);
  expect(readFileSync(join(target.dir, "media", "2026", "11", "anh-bia.jpg"))).toEqual(readFileSync(mediaFile));
  const second = await startServer({ DATABASE_URL: target.databaseUrl, DATA_DIR: target.dir, JWT_SECRET, ...ADMIN });
  running.push(second);
  const token2 = await signInAdmin(second);

  expect((await httpGql(second.url, ARTICLES, {}, token2)).body.data.articles).toEqual(articlesBefore);
  expect(dbRows(target.dbFile, 'SELECT id FROM "ArticleVersion" ORDER BY id')).toEqual(versionsBefore);
  const restoredSlugs = new Set([
    ...((await httpGql(second.url, CATEGORIES, {}, token2)).body.data.categories as Array<{ slug: string }>).map((c) => c.slug),
    ...dbRows(target.dbFile, 'SELECT email FROM "User"').map((e) => e.replace(/@example\.vn$/, "")),
  ]);
  const siteRestored = (await httpGql(second.url, SITE)).body.data.site;
  expect({ ...siteRestored, phone: null }).toEqual({ ...siteBefore, phone: null });
  expect(Number(siteRestored.phone)).toBeGreaterThanOrEqual(lastPhoneBeforeBackup);
  expect(sentAfterBackup).not.toContain(`phone-${Number(siteRestored.phone) - 100000}`);
  // Everything acknowledged before the backup began is there; nothing sent after it ended.
  expect(acknowledgedBeforeBackup.filter((s) => !restoredSlugs.has(s))).toEqual([]);
  expect(sentAfterBackup.filter((s) => restoredSlugs.has(s))).toEqual([]);
  console.log(
    `backup under load: ${acknowledgedBeforeBackup.length} writes acknowledged before, ${writtenDuringBackup} during/after the backup; ` +
      `restored ${restoredSlugs.size} categories+users, ${articlesBefore.totalCount} articles, ${versionsBefore.length} versions`,
  );

  // A restore never overwrites.
  const again = await runScript("scripts/restore.ts", [archive], { DATABASE_URL: target.databaseUrl, DATA_DIR: target.dir });
  expect(again).toMatchObject({ code: 1, stderr: `restore: error: the data folder ${target.dir} (DATA_DIR) is not empty: restore into an empty one\n` });
});

it("refuses a damaged archive and an existing output file, in one line", async () => {
  const { dir, databaseUrl } = tempDataDir({ migrated: true });
  const archive = join(dir, "..", `b-${randomBytes(4).toString("hex")}.tar.gz`);
  expect((await runScript("scripts/backup.ts", [archive], { DATABASE_URL: databaseUrl, DATA_DIR: dir })).code).toBe(0);
  const exists = await runScript("scripts/backup.ts", [archive], { DATABASE_URL: databaseUrl, DATA_DIR: dir });
  expect(exists).toMatchObject({ code: 1, stderr: `backup: error: ${archive} exists: choose another name, or add --force to replace it\n` });
  const bytes = readFileSync(archive);
  const damaged = `${archive}.damaged.tar.gz`;
  writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const target = tempDataDir();
  const result = await runScript("scripts/restore.ts", [damaged], { DATABASE_URL: target.databaseUrl, DATA_DIR: target.dir });
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(/^restore: error: /);
  expect(existsSync(target.dbFile)).toBe(false);
  const usage = await runScript("scripts/backup.ts", [], { DATABASE_URL: databaseUrl, DATA_DIR: dir });
  expect(usage.code).toBe(2);
  const pg = await runScript("scripts/backup.ts", [archive + ".pg"], { DATABASE_URL: "postgresql://root@127.0.0.1:5432/portal" });
  expect(pg).toMatchObject({ code: 1, stderr: expect.stringMatching(/^backup: error: DATABASE_URL is PostgreSQL: back it up with pg_dump/) });
});
