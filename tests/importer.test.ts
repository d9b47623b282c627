// The importer's write path: the real fixture page and variants of it
// made here, into fresh databases, read back through the contract's ArticlePage;
// and the real command line, `scripts/import.ts`, on a folder.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createTestApp, type TestApp, execute, present } from "./support/app";
import { importPageText, type ImportOutcome } from "../src/services/importer/import-page";
import { collectPageFiles, formatOutcome, formatSummary, importPaths } from "../src/services/importer/import-files";
import { FIXTURE_PAGE } from "../src/services/seed";
import { readFileSync } from "node:fs";
import { ArticlePageDocument } from "../clients/generated/graphql";

const FIXTURE = readFileSync(FIXTURE_PAGE, "utf8");

// Folders of page files written by the tests, removed at the end.
const tempDirs: string[] = [];
// The import command runs in its own process, whose commits the server's response
// cache detects (docs/performance.md); here it shares the server's connection, so
// these apps read without the cache.
const IMPORTER_APP = { RESPONSE_CACHE: false } as const;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
const SOURCE = "000_6aa2adaba41c4592.txt";
const TITLE = "Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu Nghị quyết Thị ủy năm 2019";
const SLUG = "kien-tuong-thuc-hien-dat-va-vuot-22-24-chi-tieu-nghi-quyet-thi-uy-nam-2019";
const NOW = new Date("2026-11-29T03:00:00.000Z");

/** The fixture with one exact line replaced (or removed with null). */
function replaceLine(text: string, line: string, replacement: string | null): string {
  const lines = text.split("\n");
  const i = lines.indexOf(line);
  if (i < 0) throw new Error(`fixture has no line '${line}'`);
  if (replacement === null) lines.splice(i, 1);
  else lines[i] = replacement;
  return lines.join("\n");
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  if (!(typeof from === "string" ? text.includes(from) : from.test(text))) throw new Error(`fixture has no '${from}'`);
  return text.replace(from, to);
}

// The fixture's view counter has a non-breaking space among its spaces.
const VIEWS_LINE = /Lượt người xem:\s*157/u;

const EDITED = replaceOnce(FIXTURE, "Ngày 12/12/2019, Ban thường vụ Thị ủy Kiến Tường tổ chức", "Ngày 12/12/2019, Ban Thường vụ Thị ủy Kiến Tường đã tổ chức");

/** Another article page of the same site: other section, title, day and counters. */
function secondPage(): string {
  let text = FIXTURE.split("\n")
    .map((l) => (l === "Tin tức sự kiện" ? "Kinh tế" : l))
    .join("\n");
  text = replaceLine(text, TITLE, "Kiến Tường: Thu ngân sách năm 2019 đạt 148% dự toán");
  text = replaceLine(text, "Chủ Nhật, Ngày 15/12/2019, 14:00", "Thứ Hai, Ngày 16/12/2019, 08:30");
  text = replaceOnce(text, "Số lượt truy cập: 258179", "Số lượt truy cập: 258300");
  return replaceOnce(text, VIEWS_LINE, "Lượt người xem: 12");
}

async function counts(t: TestApp) {
  const db = t.app.db;
  return {
    sites: await db.site.count(),
    categories: await db.category.count(),
    articles: await db.article.count(),
    versions: await db.articleVersion.count(),
    approvals: await db.approval.count(),
  };
}

const EMPTY = { sites: 0, categories: 0, articles: 0, versions: 0, approvals: 0 };

async function articlePage(t: TestApp, slug: string) {
  const r = await execute(t, ArticlePageDocument, { slug });
  expect(r.errors).toBeUndefined();
  return present(r.data!.article, `the article ${slug}`);
}

describe("importing the fixture into a fresh database", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ seed: false, config: IMPORTER_APP });
  });
  afterEach(() => t.close());

  it("writes the site, its counter, the category and the article as approved 1.0", async () => {
    expect(await counts(t)).toEqual(EMPTY);
    const outcome = await importPageText(t.app.db, FIXTURE, SOURCE, { now: NOW });
    expect(outcome).toMatchObject({ status: "imported", slug: SLUG, version: "1.0", errors: [] });
    expect(outcome.changes).toEqual(
      expect.arrayContaining(['new site "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG"', "site counter 0 → 258179", 'new category "Tin tức sự kiện"', "157 views"]),
    );

    const site = await t.app.db.site.findUniqueOrThrow({ where: { id: 1 } });
    expect(site).toMatchObject({
      name: "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG",
      responsiblePerson: "Ông Lê Quang Tửu - Chánh Văn phòng HĐND và UBND thị xã",
      address: "Số 12, đường 30/4, Phường 1, thị xã Kiến Tường, tỉnh Long An",
      phone: "(0272) 3841981 - (0272) 3840958",
      fax: "(072) 3841936",
      email: "ubndtxkientuong@longan.gov.vn",
      totalVisits: 258179,
    });
    const article = await t.app.db.article.findUniqueOrThrow({
      where: { slug: SLUG },
      include: { currentVersion: { include: { category: true } }, approvals: true },
    });
    expect(article).toMatchObject({
      status: "APPROVED",
      viewCount: 157,
      publishedAt: new Date("2019-12-15T07:00:00.000Z"),
      firstPublishedAt: new Date("2019-12-15T07:00:00.000Z"),
      sourceKey: expect.stringContaining("2019-12-15"),
      sourceHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(article.publishedVersionId).toBe(article.currentVersionId);
    expect(article.currentVersion).toMatchObject({
      label: "1.0",
      status: "APPROVED",
      comment: `Imported from ${SOURCE}`,
      byline: "Hoài Phương",
      createdById: null,
      category: { slug: "tin-tuc-su-kien", name: "Tin tức sự kiện" },
    });
    expect(article.approvals).toEqual([
      expect.objectContaining({ versionLabel: "1.0", decision: "APPROVED", decidedById: null, comment: `Imported from ${SOURCE}` }),
    ]);

    const page = await articlePage(t, SLUG);
    expect(page).toMatchObject({
      title: TITLE,
      byline: "Hoài Phương",
      publishedAt: "2019-12-15T07:00:00.000Z",
      viewCount: 157,
      version: "1.0",
      category: { slug: "tin-tuc-su-kien" },
    });
    expect(page.summary).toMatch(/^Cơ cấu kinh tế dịch chuyển đúng hướng/);
    expect(page.body).toContain("<p>Ngày 12/12/2019, Ban thường vụ Thị ủy Kiến Tường");
    // The image line is a figure: its file name as src (no file to upload), its caption.
    expect(page.body).toContain(
      '<figure><img src="3hôi nghị 24 cia thi tuy.jpg" alt="Quang cảnh hội nghị" /><figcaption>Quang cảnh hội nghị</figcaption></figure>',
    );
    expect(page.body).not.toContain("Hoài Phương");
    expect(page.body).not.toContain("Lượt người xem");
  });

  it("writes nothing in a dry run, and says what it would write", async () => {
    const outcome = await importPageText(t.app.db, FIXTURE, SOURCE, { now: NOW, dryRun: true });
    expect(outcome).toMatchObject({ status: "imported", slug: SLUG, version: "1.0" });
    expect(outcome.changes.join("; ")).toContain(`new article "${TITLE}" as 1.0`);
    expect(await counts(t)).toEqual(EMPTY);
  });

  it.each([
    ["not a page at all", "Danh sách mua sắm\nGạo 10kg\nNước mắm 2 chai\n", /not a saved page/],
    ["a truncated page", FIXTURE.slice(0, FIXTURE.indexOf("Lượt người xem")), /truncated/],
    ["a page without its title", replaceLine(FIXTURE, TITLE, null), /no title/],
    ["a page without its date line", replaceLine(FIXTURE, "Chủ Nhật, Ngày 15/12/2019, 14:00", null), /no date line/],
    ["a page with an impossible date", replaceLine(FIXTURE, "Chủ Nhật, Ngày 15/12/2019, 14:00", "Chủ Nhật, Ngày 31/02/2019, 14:00"), /date/i],
  ])("rejects %s with a reason and writes nothing", async (_name, text, reason) => {
    const outcome = await importPageText(t.app.db, text, "trang-hong.txt", { now: NOW });
    expect(outcome.status).toBe("failed");
    expect(outcome.source).toBe("trang-hong.txt");
    expect(outcome.errors.join(" ")).toMatch(reason);
    expect(formatOutcome(outcome)).toMatch(/^failed {4}trang-hong\.txt: /);
    expect(await counts(t)).toEqual(EMPTY);
  });

  it("rolls back everything of a page when a write fails half-way", async () => {
    // A real database refusal in the middle of the transaction (after site,
    // category and article rows were written): none of them may remain.
    if (t.app.target.provider === "sqlite") {
      await t.app.db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_versions BEFORE INSERT ON "ArticleVersion" BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END`,
      );
    } else {
      await t.app.db.$executeRawUnsafe(
        `CREATE OR REPLACE FUNCTION refuse_versions() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk quota exceeded'; END $$ LANGUAGE plpgsql`,
      );
      await t.app.db.$executeRawUnsafe(`CREATE TRIGGER refuse_versions BEFORE INSERT ON "ArticleVersion" FOR EACH ROW EXECUTE FUNCTION refuse_versions()`);
    }
    const outcome = await importPageText(t.app.db, FIXTURE, SOURCE, { now: NOW });
    expect(outcome.status).toBe("failed");
    // (The SQLite adapter reports a trigger's abort as a constraint violation.)
    expect(outcome.errors.join(" ")).toMatch(/^could not be written: ./);
    expect(await counts(t)).toEqual(EMPTY);
  });

  it("gives the same article for CRLF, NFD, extra blank lines and non-breaking spaces", async () => {
    const first = await importPageText(t.app.db, FIXTURE, SOURCE, { now: NOW });
    expect(first.status).toBe("imported");
    const before = await counts(t);
    const variants = {
      crlf: FIXTURE.replace(/\n/g, "\r\n"),
      nfd: FIXTURE.normalize("NFD"),
      blank: FIXTURE.replace(/\n/g, "\n\n\n"),
      nbsp: FIXTURE.replace(/ (Thị ủy|Kiến Tường|Hoài)/g, "\u00A0$1"),
      all: FIXTURE.normalize("NFD").replace(/\n/g, "\r\n\r\n"),
    };
    for (const [name, text] of Object.entries(variants)) {
      const outcome = await importPageText(t.app.db, text, `${name}.txt`, { now: NOW });
      expect({ name, status: outcome.status, slug: outcome.slug, changes: outcome.changes }).toEqual({
        name,
        status: "unchanged",
        slug: SLUG,
        changes: [],
      });
    }
    expect(await counts(t)).toEqual(before);
    expect(before).toEqual({ sites: 1, categories: 1, articles: 1, versions: 1, approvals: 1 });
  });
});

describe("importing again", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ seed: false, config: IMPORTER_APP });
    expect((await importPageText(t.app.db, FIXTURE, SOURCE, { now: NOW })).status).toBe("imported");
  });
  afterEach(() => t.close());

  it("changes nothing for the same page", async () => {
    const before = await counts(t);
    const site = await t.app.db.site.findUniqueOrThrow({ where: { id: 1 } });
    const article = await t.app.db.article.findUniqueOrThrow({ where: { slug: SLUG } });
    const outcome = await importPageText(t.app.db, FIXTURE, SOURCE, { now: new Date("2026-12-01T00:00:00Z") });
    expect(outcome).toMatchObject({ status: "unchanged", slug: SLUG, changes: [], version: null });
    expect(await counts(t)).toEqual(before);
    expect(await t.app.db.site.findUniqueOrThrow({ where: { id: 1 } })).toEqual(site);
    expect(await t.app.db.article.findUniqueOrThrow({ where: { slug: SLUG } })).toEqual(article);
  });

  it("makes a changed page the next approved major version, recording the changed fields", async () => {
    const later = new Date("2026-12-01T02:00:00.000Z");
    const dry = await importPageText(t.app.db, EDITED, "sua-noi-dung.txt", { now: later, dryRun: true });
    expect(dry).toMatchObject({ status: "updated", version: "2.0", changes: ["new version 2.0 changing body"] });
    expect((await articlePage(t, SLUG)).version).toBe("1.0");

    const outcome = await importPageText(t.app.db, EDITED, "sua-noi-dung.txt", { now: later });
    expect(outcome).toMatchObject({ status: "updated", slug: SLUG, version: "2.0", changes: ["new version 2.0 changing body"] });

    const article = await t.app.db.article.findUniqueOrThrow({
      where: { slug: SLUG },
      include: { versions: { orderBy: { major: "asc" } }, approvals: { orderBy: { decidedAt: "asc" } } },
    });
    expect(article.versions.map((v) => [v.label, v.status, v.comment])).toEqual([
      ["1.0", "APPROVED", `Imported from ${SOURCE}`],
      ["2.0", "APPROVED", "Imported from sua-noi-dung.txt"],
    ]);
    const v2 = article.versions[1]!;
    expect(JSON.parse(v2.changedFields)).toEqual(["body"]);
    expect(v2.createdAt).toEqual(later);
    expect(article.currentVersionId).toBe(v2.id);
    expect(article.publishedVersionId).toBe(v2.id);
    expect(article.publishedAt).toEqual(new Date("2019-12-15T07:00:00.000Z"));
    expect(article.viewCount).toBe(157);
    expect(article.approvals.map((a) => [a.versionLabel, a.decision, a.decidedById, a.comment])).toEqual([
      ["1.0", "APPROVED", null, `Imported from ${SOURCE}`],
      ["2.0", "APPROVED", null, "Imported from sua-noi-dung.txt"],
    ]);

    const page = await articlePage(t, SLUG);
    expect(page.version).toBe("2.0");
    expect(page.body).toContain("Ban Thường vụ Thị ủy Kiến Tường đã tổ chức");

    // The edited page again: unchanged. The original again: a change back, 3.0.
    expect((await importPageText(t.app.db, EDITED, "sua-noi-dung.txt", { now: later })).status).toBe("unchanged");
    const back = await importPageText(t.app.db, FIXTURE, SOURCE, { now: later });
    expect(back).toMatchObject({ status: "updated", version: "3.0", changes: ["new version 3.0 changing body"] });
  });

  it("keeps what editors set that a page cannot express", async () => {
    const article = await t.app.db.article.findUniqueOrThrow({ where: { slug: SLUG } });
    await t.app.db.articleVersion.update({ where: { id: article.currentVersionId! }, data: { featured: true } });
    const outcome = await importPageText(t.app.db, EDITED, "sua.txt", { now: NOW });
    expect(outcome.status).toBe("updated");
    expect((await articlePage(t, SLUG)).featured).toBe(true);
  });

  it("never lowers a counter, and raises both without a new version", async () => {
    const lower = replaceOnce(replaceOnce(FIXTURE, VIEWS_LINE, "Lượt người xem: 100"), "Số lượt truy cập: 258179", "Số lượt truy cập: 1000");
    expect(await importPageText(t.app.db, lower, "cu.txt", { now: NOW })).toMatchObject({ status: "unchanged", changes: [] });
    expect((await t.app.db.site.findUniqueOrThrow({ where: { id: 1 } })).totalVisits).toBe(258179);
    expect((await articlePage(t, SLUG)).viewCount).toBe(157);

    const higher = replaceOnce(replaceOnce(FIXTURE, VIEWS_LINE, "Lượt người xem: 1.204"), "Số lượt truy cập: 258179", "Số lượt truy cập: 300000");
    const outcome = await importPageText(t.app.db, higher, "moi.txt", { now: NOW });
    expect(outcome).toMatchObject({ status: "updated", version: null });
    expect(outcome.changes).toEqual(["site counter 258179 → 300000", "views 157 → 1204"]);
    expect((await t.app.db.site.findUniqueOrThrow({ where: { id: 1 } })).totalVisits).toBe(300000);
    expect(await t.app.db.articleVersion.count()).toBe(1);
    expect((await articlePage(t, SLUG)).viewCount).toBe(1204);
  });

  it("adds a second page of the same site as its own article in its own category", async () => {
    const outcome = await importPageText(t.app.db, secondPage(), "001_kinh_te.txt", { now: NOW });
    expect(outcome).toMatchObject({ status: "imported", slug: "kien-tuong-thu-ngan-sach-nam-2019-dat-148-du-toan" });
    expect(outcome.changes).toEqual(expect.arrayContaining(['new category "Kinh tế"', "site counter 258179 → 258300", "12 views"]));
    expect(await counts(t)).toEqual({ sites: 1, categories: 2, articles: 2, versions: 2, approvals: 2 });
    expect((await t.app.db.site.findUniqueOrThrow({ where: { id: 1 } })).totalVisits).toBe(258300);
    const page = await articlePage(t, outcome.slug!);
    expect(page).toMatchObject({ category: { slug: "kinh-te", name: "Kinh tế" }, publishedAt: "2019-12-16T01:30:00.000Z", viewCount: 12 });
    // The older page again changes nothing, not even the site counter.
    expect((await importPageText(t.app.db, FIXTURE, SOURCE, { now: NOW })).status).toBe("unchanged");
    expect((await t.app.db.site.findUniqueOrThrow({ where: { id: 1 } })).totalVisits).toBe(258300);
  });

  it("gives a page with the title of another article a slug of its own", async () => {
    const sameTitle = replaceLine(FIXTURE, "Chủ Nhật, Ngày 15/12/2019, 14:00", "Thứ Hai, Ngày 15/12/2020, 14:00");
    const outcome = await importPageText(t.app.db, sameTitle, "nam-sau.txt", { now: NOW });
    expect(outcome).toMatchObject({ status: "imported", slug: `${SLUG}-2` });
    expect((await articlePage(t, `${SLUG}-2`)).publishedAt).toBe("2020-12-15T07:00:00.000Z");
  });
});

describe("files and folders", () => {
  let t: TestApp;
  let dir: string;
  beforeEach(async () => {
    t = await createTestApp({ seed: false, config: IMPORTER_APP });
    dir = tempDir("portal-import-");
  });
  afterEach(() => t.close());

  it("walks folders for .txt files in order and goes on after a bad file", async () => {
    mkdirSync(join(dir, "2019", "12"), { recursive: true });
    writeFileSync(join(dir, "2019", "12", "b-kinh-te.txt"), secondPage());
    writeFileSync(join(dir, "2019", "a-tin-tuc.txt"), FIXTURE);
    writeFileSync(join(dir, "2019", "anh.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    writeFileSync(join(dir, "hong.txt"), FIXTURE.slice(0, 2000));
    writeFileSync(join(dir, "latin1.txt"), Buffer.from("Ti\xeau \xf0\xe8", "latin1"));
    // Sorted by path: "2019/12/..." before "2019/a...".
    expect(collectPageFiles([dir]).files.map((f) => f.name)).toEqual(["b-kinh-te.txt", "a-tin-tuc.txt", "hong.txt", "latin1.txt"]);

    const heard: ImportOutcome[] = [];
    const summary = await importPaths(t.app.db, [dir, join(dir, "khong-co")], { now: NOW, onOutcome: (o) => heard.push(o) });
    expect(heard).toEqual(summary.outcomes);
    expect(summary.outcomes.map((o) => [o.source, o.status])).toEqual([
      [join(dir, "khong-co"), "failed"],
      ["b-kinh-te.txt", "imported"],
      ["a-tin-tuc.txt", "imported"],
      ["hong.txt", "failed"],
      ["latin1.txt", "failed"],
    ]);
    expect(summary.counts).toEqual({ imported: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(summary.outcomes[4]!.errors).toEqual(["the file is not UTF-8 text"]);
    const text = formatSummary(summary);
    expect(text).toMatch(/^Summary: 2 imported, 0 updated, 0 unchanged, 3 failed/);
    expect(text).toContain("failed hong.txt: ");
    expect(text).toContain(`failed ${join(dir, "khong-co")}: no such file or folder`);
    expect(await counts(t)).toEqual({ sites: 1, categories: 2, articles: 2, versions: 2, approvals: 2 });
  });
});

describe("two saves of one article in one run", () => {
  it("imports both in order and points out the second", async () => {
    const t = await createTestApp({ seed: false, config: IMPORTER_APP });
    try {
      const dir = tempDir("portal-import-twice-");
      writeFileSync(join(dir, "a.txt"), FIXTURE);
      writeFileSync(join(dir, "b.txt"), EDITED);
      const summary = await importPaths(t.app.db, [dir], { now: NOW });
      expect(summary.outcomes.map((o) => [o.source, o.status, o.version])).toEqual([
        ["a.txt", "imported", "1.0"],
        ["b.txt", "updated", "2.0"],
      ]);
      expect(formatOutcome(summary.outcomes[1]!)).toBe(
        "updated   b.txt: new version 2.0 changing body\n  warning: the same article as a.txt, imported earlier in this run",
      );
    } finally {
      await t.close();
    }
  });
});

describe("npm run import (scripts/import.ts)", () => {
  const run = promisify(execFile);
  const work = tempDir("portal-import-cli-");
  const databaseUrl = `file:${join(work, "portal.db")}`;
  copyFileSync(process.env.TEST_TEMPLATE_DB ?? join(process.cwd(), "data", "test", "template.db"), join(work, "portal.db"));
  const pages = join(work, "pages");
  mkdirSync(pages);
  writeFileSync(join(pages, SOURCE), FIXTURE);
  writeFileSync(join(pages, "001_kinh_te.txt"), secondPage().replace(/\n/g, "\r\n"));
  writeFileSync(join(pages, "002_hong.txt"), replaceLine(FIXTURE, TITLE, null));

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      // What `npm run import -- ...` runs, without npm's and npx's start-up time.
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  let t: TestApp | null = null;
  afterAll(async () => {
    await t?.close();
  });

  it("imports a folder, reports each file and fails on the bad one; the article reads back; a second run is unchanged", async () => {
    const dry = await cli("--dry-run", pages);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(`would import ${SOURCE}: new site`);
    expect(dry.stdout).toMatch(/Dry run, nothing written\. Would be: 2 imported, 0 updated, 0 unchanged, 1 failed/);

    const first = await cli(pages);
    expect(first.code).toBe(1);
    const lines = first.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^imported {2}000_6aa2adaba41c4592\.txt: new site "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG"; site counter 0 → 258179/);
    expect(first.stdout).toMatch(/^imported {2}001_kinh_te\.txt: .*new category "Kinh tế"/m);
    expect(first.stdout).toMatch(/^failed {4}002_hong\.txt: no title found above the date line$/m);
    expect(first.stdout).toMatch(/^Summary: 2 imported, 0 updated, 0 unchanged, 1 failed$/m);
    expect(first.stdout).toMatch(/^ {2}failed 002_hong\.txt: no title found/m);

    t = await createTestApp({ seed: false, config: { ...IMPORTER_APP, DATABASE_URL: databaseUrl } });
    const page = await articlePage(t, SLUG);
    expect(page).toMatchObject({ title: TITLE, byline: "Hoài Phương", publishedAt: "2019-12-15T07:00:00.000Z", viewCount: 157, version: "1.0" });
    expect(page.summary).toMatch(/^Cơ cấu kinh tế dịch chuyển đúng hướng/);
    expect(page.body).toContain("<figcaption>Quang cảnh hội nghị</figcaption>");
    await t.close();
    t = null;

    const second = await cli(join(pages, SOURCE), join(pages, "001_kinh_te.txt"));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^unchanged 000_6aa2adaba41c4592\.txt \(\/kien-tuong-thuc-hien/m);
    expect(second.stdout).toMatch(/^Summary: 0 imported, 0 updated, 2 unchanged, 0 failed$/m);

    const usage = await cli();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: npm run import -- [--dry-run] <files or folders>");
  }, 240_000);
});
