// Full-text search through the contract's SearchArticles and EditorArticles
// (docs/search.md), on a Vietnamese corpus written here next to the demo
// seed (the fixture article "Kiến Tường: ..." and "Đà Nẵng và Kiến Tường ...").
// Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL: assertions look at the
// articles this file wrote (by slug) or at words only this run uses, so other data
// in a shared database cannot change the outcome.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { codes, createTestApp, gql, signIn, type TestApp, execute } from "./support/app";
import { backfillSearchText } from "../src/services/search/engine";
import { emptyContent, writeVersion, type ArticleContent } from "../src/services/versioning";
import { syncListing } from "../src/services/listing";
import { EditorArticlesDocument, FilteredArticlesDocument, SearchArticlesDocument } from "../clients/generated/graphql";

let t: TestApp;
// A word no other article anywhere contains: counts over it are exact.
const RUN = `m${randomBytes(5).toString("hex")}`;
const FIXTURE_TITLE = "Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu Nghị quyết Thị ủy năm 2019";
const DA_NANG_TITLE = "Đà Nẵng và Kiến Tường trao đổi kinh nghiệm phát triển du lịch sinh thái";
const NOW = "2026-11-29T03:00:00.000Z";

const content = (c: Partial<ArticleContent> & { title: string }): ArticleContent => ({ ...emptyContent(), ...c });

interface NewArticle {
  key: string;
  title: string;
  summary?: string;
  body?: string;
  /** When it was published; null: never (a draft only). */
  publishedAt?: string | null;
  /** A newer version on top of the published one, not approved yet. */
  draft?: { title: string; summary?: string; body?: string };
  expireAt?: string;
  deleted?: boolean;
  /** Stops inheriting and hides it from anonymous readers. */
  private?: boolean;
}

/** Writes an article the way the workflow does: versions through writeVersion, in one transaction. */
async function addArticle(a: NewArticle): Promise<string> {
  const slug = `${a.key}-${RUN}`;
  const publishedAt = a.publishedAt === undefined ? "2014-01-01T00:00:00.000Z" : a.publishedAt;
  await t.app.db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        slug,
        status: a.draft || publishedAt === null ? "DRAFT" : "APPROVED",
        publishedAt: publishedAt && new Date(publishedAt),
        firstPublishedAt: publishedAt && new Date(publishedAt),
        expireAt: a.expireAt ? new Date(a.expireAt) : null,
        deletedAt: a.deleted ? new Date(NOW) : null,
        inheritsPermissions: !a.private,
        isPublic: !a.private,
      },
    });
    const first = content({ title: a.title, summary: a.summary ?? null, body: a.body ?? "" });
    const v1 = await writeVersion(tx, {
      articleId: article.id,
      major: publishedAt ? 1 : 0,
      minor: publishedAt ? 0 : 1,
      status: publishedAt ? "APPROVED" : "DRAFT",
      content: first,
      previous: null,
      comment: null,
      userId: null,
      at: new Date(publishedAt ?? NOW),
    });
    let current = v1.id;
    if (a.draft) {
      const v2 = await writeVersion(tx, {
        articleId: article.id,
        major: 1,
        minor: 1,
        status: "DRAFT",
        content: content({ title: a.draft.title, summary: a.draft.summary ?? null, body: a.draft.body ?? "" }),
        previous: first,
        comment: null,
        userId: null,
        at: new Date(NOW),
      });
      current = v2.id;
    }
    await tx.article.update({
      where: { id: article.id },
      data: { currentVersionId: current, publishedVersionId: publishedAt ? v1.id : null },
    });
    // Like every writer: the maintained list counts in the same transaction...
    await syncListing(tx, [article.id]);
  });
  // ...and the response cache told once the write is committed.
  await t.app.cache.changed();
  return slug;
}

type Result = { totalCount: number; slugs: string[]; titles: string[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

async function search(query: string, options: { token?: string; first?: number; after?: string } = {}): Promise<Result> {
  const r = await execute(t, SearchArticlesDocument, { query, first: options.first ?? 100, after: options.after }, { token: options.token });
  expect(r.errors).toBeUndefined();
  const c = r.data!.articles;
  return {
    totalCount: c.totalCount,
    slugs: c.edges.map((e) => e.node.slug),
    titles: c.edges.map((e) => e.node.title),
    pageInfo: c.pageInfo,
  };
}

async function editorSearch(query: string, token: string): Promise<Result> {
  const r = await execute(t, EditorArticlesDocument, { filter: { search: query }, first: 100 }, { token });
  expect(r.errors).toBeUndefined();
  const c = r.data!.articles;
  return { totalCount: c.totalCount, slugs: c.edges.map((e) => e.node.slug), titles: c.edges.map((e) => e.node.title), pageInfo: c.pageInfo };
}

const mine = (slugs: string[]) => slugs.filter((s) => s.endsWith(RUN));

const s: Record<string, string> = {};
let editor: string;
let contributor: string;

beforeAll(async () => {
  // These tests change rows underneath the API: answers must not come from the response cache.
  t = await createTestApp({ now: NOW, config: { RESPONSE_CACHE: false } });
  editor = (await signIn(t, "EDITOR")).token;
  contributor = (await signIn(t, "CONTRIBUTOR")).token;
  const add = async (a: NewArticle) => {
    s[a.key] = await addArticle(a);
  };
  // Similar words that must not match "kien tuong", "da nang" or "hoa binh": each
  // shares some words, or folds close, but never has all of them.
  await add({ key: "tuong-rao", title: "Sửa tường rào trường học", body: "<p>Kiểm tra tường rào, củng cố ban quản lý.</p>" });
  await add({ key: "kiem-tra", title: "Kiểm tra an toàn thực phẩm dịp Tết", body: "<p>Đoàn kiểm tra liên ngành làm việc tại chợ.</p>" });
  await add({ key: "dan-nang", title: "Dân nâng cao ý thức bảo vệ môi trường", body: "<p>Đan lát truyền thống, dạy nghề.</p>" });
  await add({ key: "hoa-binh-xa", title: "Hòa Bình: khỏe mạnh mỗi ngày".normalize("NFD"), body: "<p>Phong trào thể thao ở Hoà Bình.</p>" });
  await add({ key: "hoa-van", title: "Hoa văn trên trống đồng", body: "<p>Trống đồng Đông Sơn.</p>" });
  // Ranking: the same words in the title, the summary or only the body, dated so
  // that "newest first" alone would give the opposite order.
  await add({ key: "rank-title-old", title: "Khoai lang Tân Hưng được mùa", publishedAt: "2011-01-01T00:00:00.000Z" });
  await add({ key: "rank-title-new", title: "Giá khoai lang Tân Hưng tăng", publishedAt: "2011-06-01T00:00:00.000Z" });
  await add({ key: "rank-summary", title: "Nông sản vụ đông", summary: "Khoai lang Tân Hưng xuất khẩu.", publishedAt: "2012-01-01T00:00:00.000Z" });
  await add({
    key: "rank-body",
    title: "Tin nông nghiệp tuần qua",
    summary: "Tổng hợp tin tức.",
    body: "<p>Khoai lang Tân Hưng, khoai lang Tân Hưng và khoai lang Tân Hưng.</p>",
    publishedAt: "2013-01-01T00:00:00.000Z",
  });
  // Visibility: a draft, a published article with a newer draft, and articles
  // readers may not see for other reasons.
  await add({ key: "draft", title: "Dự thảo kế hoạch bánh tráng phơi sương", publishedAt: null });
  await add({ key: "redraft", title: "Khánh thành cầu Mỹ Thuận", draft: { title: "Khánh thành cầu Rạch Miễu" } });
  await add({ key: "expired", title: `Thông báo hết hạn ${RUN} chim yến`, expireAt: "2025-01-01T00:00:00.000Z" });
  await add({ key: "scheduled", title: `Lịch hẹn giờ ${RUN} chim yến`, publishedAt: "2027-01-01T00:00:00.000Z" });
  await add({ key: "deleted", title: `Bài đã xóa ${RUN} chim yến`, deleted: true });
  await add({ key: "private", title: `Bài nội bộ ${RUN} chim yến`, private: true });
  await add({ key: "public", title: `Bài công khai ${RUN} chim yến` });
  // Entities and markup in the body are text, not words.
  await add({
    key: "entities",
    title: "Kinh tế và xã hội",
    body: `<p>Kinh t&#7871; &amp; x&atilde; h&#x1ed9;i <a href="https://x.vn/${RUN}">liên kết</a></p>`,
  });
  // Many matches for paging.
  for (let i = 1; i <= 7; i++) {
    await add({ key: `page-${i}`, title: `Bản tin ${RUN} số ${i}`, publishedAt: `2010-0${i}-01T00:00:00.000Z` });
  }
});
afterAll(async () => {
  // A shared database (TEST_DATABASE_URL) is left as this file found it.
  await t.app.db.article.deleteMany({ where: { slug: { endsWith: RUN } } });
  await t.close();
});

describe("the index", () => {
  it("is kept by the database itself, in the transaction of the version", async () => {
    const db = t.app.db;
    if (t.app.target.provider === "sqlite") {
      const triggers = await db.$queryRaw<
        { name: string }[]
      >`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ArticleVersion' ORDER BY name`;
      expect(triggers.map((r) => r.name)).toEqual(["ArticleVersion_search_ad", "ArticleVersion_search_ai", "ArticleVersion_search_au"]);
      // Every version has its search key, and every key its version.
      const [{ missing }] = await db.$queryRaw<[{ missing: number }]>`
        SELECT (SELECT count(*) FROM "ArticleVersion" v WHERE NOT EXISTS (SELECT 1 FROM "ArticleVersionSearchKey" k WHERE k."versionId" = v."id"))
             + (SELECT count(*) FROM "ArticleVersionSearchKey" k WHERE NOT EXISTS (SELECT 1 FROM "ArticleVersion" v WHERE v."id" = k."versionId" AND v."articleId" = k."articleId")) AS missing`;
      expect(Number(missing)).toBe(0);
    } else {
      const [{ n }] = await db.$queryRaw<[{ n: number }]>`
        SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'ArticleVersion_searchVector_idx'`;
      expect(n).toBe(1);
    }
    // A version written in a transaction that fails is not found.
    await expect(
      db.$transaction(async (tx) => {
        const a = await tx.article.create({ data: { slug: `rolled-back-${RUN}`, status: "APPROVED", publishedAt: new Date("2024-01-01") } });
        const v = await writeVersion(tx, {
          articleId: a.id,
          major: 1,
          minor: 0,
          status: "APPROVED",
          content: content({ title: `Bài hủy ${RUN} rùa vàng` }),
          previous: null,
          comment: null,
          userId: null,
          at: new Date("2024-01-01"),
        });
        await tx.article.update({ where: { id: a.id }, data: { currentVersionId: v.id, publishedVersionId: v.id } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await search(`rua vang ${RUN}`)).totalCount).toBe(0);
    if (t.app.target.provider === "sqlite") {
      const [{ n }] = await db.$queryRaw<[{ n: number }]>`SELECT count(*) AS n FROM "ArticleVersionFts" WHERE "ArticleVersionFts" MATCH ${"rua vang"}`;
      expect(Number(n)).toBe(0);
    }
  });
});

describe("the index follows changes", () => {
  it("re-indexes versions whose folded text is filled later (backfill), and forgets deleted ones", async () => {
    const slug = await addArticle({ key: "backfill", title: `Cá linh mùa nước nổi ${RUN}` });
    const version = { articleId: (await t.app.db.article.findUniqueOrThrow({ where: { slug } })).id };
    expect((await search(`ca linh ${RUN}`)).slugs).toEqual([slug]);
    // As a version stored before the search columns existed.
    await t.app.db.articleVersion.updateMany({ where: version, data: { searchTitle: "", searchSummary: "", searchBody: "" } });
    expect((await search(`ca linh ${RUN}`)).slugs).toEqual([]);
    expect(await backfillSearchText(t.app.db)).toBeGreaterThanOrEqual(1);
    expect((await search(`ca linh ${RUN}`)).slugs).toEqual([slug]);
    // Purged for good (the versions go with the article), out of the maintained counts first.
    await t.app.db.$transaction(async (tx) => {
      const { id } = await tx.article.update({ where: { slug }, data: { deletedAt: new Date(NOW) } });
      await syncListing(tx, [id]);
      await tx.article.delete({ where: { id } });
    });
    await t.app.cache.changed();
    expect((await search(`ca linh ${RUN}`)).totalCount).toBe(0);
    if (t.app.target.provider === "sqlite") {
      const [{ n }] = await t.app.db.$queryRaw<
        [{ n: number }]
      >`SELECT count(*) AS n FROM "ArticleVersionFts" WHERE "ArticleVersionFts" MATCH ${`ca linh ${RUN}`}`;
      expect(Number(n)).toBe(0);
    }
  });
});

describe("accent-insensitive Vietnamese", () => {
  it("finds the fixture article for every spelling of Kiến Tường, NFC or NFD", async () => {
    const spellings = ["kien tuong", "KIẾN TƯỜNG", "Kiến Tường", "Kiến Tường".normalize("NFD"), "KiẾn TƯờng", "kiến tuong"];
    const results = await Promise.all(spellings.map((q) => search(q)));
    for (const r of results) {
      expect(r.titles).toContain(FIXTURE_TITLE);
      expect(r.titles).toContain(DA_NANG_TITLE);
      expect(r.slugs).toEqual(results[0]!.slugs);
      expect(r.totalCount).toBe(results[0]!.totalCount);
      // "tường rào", "trường", "kiểm tra" are not "kiến tường".
      expect(mine(r.slugs)).toEqual([]);
    }
  });

  it('finds "Đà Nẵng" from "da nang", not "Dân nâng cao" nor "Đan lát"', async () => {
    for (const q of ["da nang", "Đà Nẵng", "DA NANG", "đà nẵng".normalize("NFD")]) {
      const r = await search(q);
      expect(r.titles).toContain(DA_NANG_TITLE);
      expect(mine(r.slugs)).toEqual([]);
    }
  });

  it('treats old and new tone placement alike ("hoà" and "hòa")', async () => {
    for (const q of ["hoà bình", "hòa bình", "hoa binh", "Hoà Bình".normalize("NFD")]) {
      expect(mine((await search(q)).slugs)).toEqual([s["hoa-binh-xa"]]);
    }
  });

  it("indexes the text of the HTML, not its entities or attributes", async () => {
    expect(mine((await search("kinh te xa hoi")).slugs)).toEqual([s.entities]);
    expect((await search(`amp ${RUN}`)).totalCount).toBe(0);
    expect((await search(`x vn ${RUN}`)).totalCount).toBe(0);
    expect((await search("atilde")).totalCount).toBe(0);
  });
});

describe("words, prefixes and phrases", () => {
  it("needs every word, in any order", async () => {
    expect(mine((await search("tân hưng khoai")).slugs).sort()).toEqual([s["rank-title-old"], s["rank-title-new"], s["rank-summary"], s["rank-body"]].sort());
    expect(mine((await search("khoai lang Mỹ Thuận")).slugs)).toEqual([]);
  });

  it("matches the last word as a prefix while typing, and only the last", async () => {
    expect((await search("Kiến Tườ")).titles).toContain(FIXTURE_TITLE);
    expect((await search("kien t")).titles).toContain(FIXTURE_TITLE);
    expect((await search("khoai la")).slugs).toEqual(expect.arrayContaining([s["rank-title-old"]]));
    expect((await search("kie tuong")).titles).not.toContain(FIXTURE_TITLE);
    // A finished word (followed by a space) is a whole word.
    expect(mine((await search("khoai la ")).slugs)).toEqual([]);
  });

  it("matches quoted phrases as phrases", async () => {
    expect((await search('"kien tuong"')).titles).toContain(FIXTURE_TITLE);
    expect((await search('"tuong kien"')).titles).not.toContain(FIXTURE_TITLE);
    expect((await search('"22/24 chỉ tiêu"')).titles).toContain(FIXTURE_TITLE);
    expect((await search('"lang khoai"')).slugs.filter((x) => x.startsWith("rank-"))).toEqual([]);
  });
});

describe("ranking", () => {
  it("puts title matches before summary before body, then newest", async () => {
    const r = await search("khoai lang tân hưng");
    expect(mine(r.slugs)).toEqual([s["rank-title-new"], s["rank-title-old"], s["rank-summary"], s["rank-body"]]);
  });

  it("pages through ranked results by cursor with an exact total", async () => {
    const all = await search(`ban tin ${RUN}`);
    expect(all.totalCount).toBe(7);
    // all in the title: newest first
    expect(all.slugs).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => s[`page-${i}`]));
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search(`ban tin ${RUN}`, { first: 3, after });
      expect(page.totalCount).toBe(7);
      seen.push(...page.slugs);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(all.slugs);
    // A better match published between two pages does not shift the next page.
    const first = await search(`ban tin ${RUN}`, { first: 3 });
    s["page-8"] = await addArticle({ key: "page-8", title: `Bản tin ${RUN} số 8`, publishedAt: "2010-08-01T00:00:00.000Z" });
    const next = await search(`ban tin ${RUN}`, { first: 3, after: first.pageInfo.endCursor! });
    expect(next.slugs).toEqual(all.slugs.slice(3, 6));
    expect(next.totalCount).toBe(8);
  });

  it("rejects a cursor from another list as bad input", async () => {
    const list = await execute(t, FilteredArticlesDocument, { first: 1 });
    // FilteredArticles asks for no pageInfo: the same list's cursor, from the schema.
    const cursor = (await gql(t, "{ articles(first: 1) { pageInfo { endCursor } } }")).data!.articles.pageInfo.endCursor;
    expect(list.errors).toBeUndefined();
    const r = await execute(t, SearchArticlesDocument, { query: "kien tuong", after: cursor });
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("visibility", () => {
  it("shows readers only what they may read, counted exactly", async () => {
    const r = await search(`chim yen ${RUN}`);
    expect(r.slugs).toEqual([s.public]);
    expect(r.totalCount).toBe(1);
    expect(mine((await search("banh trang phoi suong")).slugs)).toEqual([]);
  });

  it("searches the published version for readers and the latest for editors", async () => {
    expect(mine((await search("my thuan")).slugs)).toEqual([s.redraft]);
    expect(mine((await search("rach mieu")).slugs)).toEqual([]);
    expect(mine((await editorSearch("rach mieu", editor)).slugs)).toEqual([s.redraft]);
    expect(mine((await editorSearch("my thuan", editor)).slugs)).toEqual([]);
  });

  it("finds drafts for the editors who may see them, not for others", async () => {
    const r = await editorSearch("bánh tráng phơi sương", editor);
    expect(mine(r.slugs)).toEqual([s.draft]);
    expect(r.titles).toContain("Dự thảo kế hoạch bánh tráng phơi sương");
    // A contributor sees only their own drafts.
    expect(mine((await editorSearch("banh trang phoi suong", contributor)).slugs)).toEqual([]);
    // Editors see the scheduled and expired articles they work on, never the deleted one.
    const birds = await editorSearch(`chim yen ${RUN}`, editor);
    expect(birds.slugs.sort()).toEqual([s.expired, s.scheduled, s.public].sort());
    expect(birds.totalCount).toBe(3);
  });
});

describe("the recycle bin", () => {
  it("lets administrators search deleted articles, and only those, with filter.deleted", async () => {
    const admin = (await signIn(t, "ADMIN")).token;
    const r = await execute(t, EditorArticlesDocument, { filter: { search: `chim yen ${RUN}`, deleted: true } }, { token: admin });
    expect(r.errors).toBeUndefined();
    expect(r.data!.articles.edges.map((e) => e.node.slug)).toEqual([s.deleted]);
    expect(r.data!.articles.totalCount).toBe(1);
    const live = await editorSearch(`chim yen ${RUN}`, admin);
    expect(live.slugs.sort()).toEqual([s.expired, s.scheduled, s.private, s.public].sort());
    const notAdmin = await execute(t, EditorArticlesDocument, { filter: { search: "chim yen", deleted: true } }, { token: editor });
    expect(codes(notAdmin)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("hostile and odd queries", () => {
  const hostile = [
    '"',
    '""',
    '"kien',
    "*",
    "kien*",
    "-",
    "-kien",
    "kien -tuong",
    "OR",
    "kien OR tuong",
    "AND",
    "NOT",
    "NEAR(",
    "NEAR(kien tuong, 2)",
    "(",
    ")",
    "(kien",
    "kien) OR (tuong",
    "{searchTitle}: kien",
    "searchBody:kien",
    '\'; DROP TABLE "Article"; --',
    "' OR 1=1 --",
    "kien & tuong | !x",
    "kien:*",
    "a <-> b",
    "\\",
    "%",
    "_",
    "%kien%",
    "𝓀𝒾ℯ𝓃",
    "漢字",
    "🙂",
    "ki\u0301ến",
  ];

  it("treats operators and SQL as text and never fails", async () => {
    for (const q of hostile) {
      const r = await execute(t, SearchArticlesDocument, { query: q });
      expect({ q, errors: r.errors }).toEqual({ q, errors: undefined });
      expect(typeof r.data!.articles.totalCount).toBe("number");
    }
    // Operators are words: "OR" is required like any other, brackets and stars vanish.
    expect((await search("kien) OR (tuong")).titles).not.toContain(FIXTURE_TITLE);
    expect((await search("(kien) -tuong*")).titles).toContain(FIXTURE_TITLE);
    expect(await t.app.db.article.count()).toBeGreaterThan(0);
  });

  it("refuses the NUL character as bad input, as every text argument does on both databases", async () => {
    const r = await execute(t, SearchArticlesDocument, { query: "kien\u0000tuong" });
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers an empty or blank search with the whole list, and a 10,000-character one quickly", async () => {
    const everything = await execute(t, FilteredArticlesDocument, { first: 1 });
    for (const q of ["", "   ", "\n\t"]) {
      const r = await search(q, { first: 1 });
      expect(r.totalCount).toBe(everything.data!.articles.totalCount);
    }
    const long = await search("kiến tường ".repeat(1000).slice(0, 10000));
    expect(long.titles).toContain(FIXTURE_TITLE);
    expect((await search("x".repeat(10000))).totalCount).toBe(0);
    const tooLong = await execute(t, SearchArticlesDocument, { query: "a".repeat(10001) });
    expect(codes(tooLong)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("more matches than SEARCH_MAX_RESULTS", () => {
  it("stays within the database's bound parameters at the largest cap, for readers and editors", async () => {
    const big = await createTestApp({ now: NOW, config: { SEARCH_MAX_RESULTS: 400 } });
    const main = t;
    try {
      t = big;
      const token = (await signIn(t, "EDITOR")).token;
      const word = `b${randomBytes(5).toString("hex")}`;
      await t.app.db.$transaction(
        async (tx) => {
          for (let i = 0; i < 600; i++) {
            const a = await tx.article.create({
              data: { slug: `big-${i}-${word}-${RUN}`, status: "APPROVED", publishedAt: new Date(Date.UTC(2010, 0, 1, 0, i)) },
            });
            const v = await writeVersion(tx, {
              articleId: a.id,
              major: 1,
              minor: 0,
              status: "APPROVED",
              content: content({ title: `Tin ${word} ${i}` }),
              previous: null,
              comment: null,
              userId: null,
              at: new Date(Date.UTC(2010, 0, 1, 0, i)),
            });
            await tx.article.update({ where: { id: a.id }, data: { currentVersionId: v.id, publishedVersionId: v.id } });
            // As every publication does: the maintained list counts follow (src/services/listing.ts).
            await syncListing(tx, [a.id]);
          }
        },
        { timeout: 60_000 },
      );
      for (const viewer of [undefined, token]) {
        const r = await search(word, { token: viewer, first: 100 });
        expect(r.totalCount).toBe(600);
        expect(r.slugs[0]).toBe(`big-599-${word}-${RUN}`);
        expect(r.slugs).toHaveLength(100);
      }
    } finally {
      t = main;
      await big.close();
    }
  });

  it("pages through the best ones and still counts every match", async () => {
    const small = await createTestApp({ now: NOW, config: { SEARCH_MAX_RESULTS: 10 } });
    const main = t;
    try {
      t = small;
      const word = `n${randomBytes(5).toString("hex")}`;
      for (let i = 0; i < 14; i++)
        await addArticle({ key: `cap-${i}-${word}`, title: `Tin ${word} ${i}`, publishedAt: `2011-01-${String(i + 1).padStart(2, "0")}T00:00:00.000Z` });
      await addArticle({ key: `cap-hidden-${word}`, title: `Tin ${word} ẩn`, publishedAt: null });
      // Published, but not for anonymous readers: never counted for them.
      await addArticle({
        key: `cap-expired-${word}`,
        title: `Tin ${word} hết hạn`,
        publishedAt: "2009-01-01T00:00:00.000Z",
        expireAt: "2025-01-01T00:00:00.000Z",
      });
      await addArticle({ key: `cap-private-${word}`, title: `Tin ${word} nội bộ`, publishedAt: "2009-01-01T00:00:00.000Z", private: true });
      await addArticle({ key: `cap-later-${word}`, title: `Tin ${word} hẹn giờ`, publishedAt: "2027-01-01T00:00:00.000Z" });
      const r = await search(word);
      expect(r.totalCount).toBe(14);
      // Other filters narrow the count too (these articles have no category).
      const inCategory = await execute(t, FilteredArticlesDocument, { filter: { search: word, categorySlug: "tin-tuc-su-kien" } });
      expect(inCategory.errors).toBeUndefined();
      expect(inCategory.data!.articles.totalCount).toBe(0);
      const editor = (await signIn(t, "EDITOR")).token;
      // Editors see the draft, the expired and scheduled ones too; not the private
      // one (it stopped inheriting and grants them nothing).
      expect((await search(word, { token: editor })).totalCount).toBe(17);
      // The cap is on matches before visibility: the scheduled one (newest) takes a
      // place among the best 10, and readers get the 9 others.
      expect(r.slugs).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5].map((i) => `cap-${i}-${word}-${RUN}`));
    } finally {
      t = main;
      await small.close();
    }
  });
});
