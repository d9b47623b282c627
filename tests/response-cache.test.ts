// The response cache of anonymous reads (docs/performance.md): a change must be
// visible on the very next request. Each test reads (filling the cache), changes
// the data through the API's mutations (or, for what only the scheduler or an
// import writes, the row change followed by `app.cache.changed()`, as those
// writers do), and reads again. The random walks of response-cache-model.test.ts
// check the same exactness for every write and read at once.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createTestApp, gql, signIn, type TestApp, execute, present } from "./support/app";
import { contractOperation, operationName } from "./support/contract";
import { articleRow } from "./support/factories";
import { approved, ok } from "./support/workflow";
import { dayOf } from "../src/services/site-time";
import { syncListing } from "../src/services/listing";
import {
  ArticlePageDocument,
  CategoryPageDocument,
  CreateCategoryDocument,
  DeleteArticleDocument,
  HomePageDocument,
  RecordArticleViewDocument,
  RecordSiteVisitDocument,
  FilteredArticlesDocument,
  UnpublishArticleDocument,
  UpdateSiteDocument,
  type FilteredArticlesQueryVariables,
} from "../clients/generated/graphql";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const home = () => execute(t, HomePageDocument);
const category = (slug = "tin-tuc-su-kien", first = 20) => execute(t, CategoryPageDocument, { slug, first });
const page = (slug: string) => execute(t, ArticlePageDocument, { slug });
const latestTitles = (r: Awaited<ReturnType<typeof home>>) => r.data!.latest.edges.map((e) => e.node.title);

/** A read answered from the cache: counted as a hit, and no SQL (but the cache's own check for other processes' commits). */
async function cachedRead<T>(read: () => Promise<T>): Promise<T> {
  const hits = t.app.cache.stats.hits;
  t.statements.length = 0;
  const result = await read();
  expect(t.app.cache.stats.hits).toBe(hits + 1);
  expect(t.statements).toEqual([]);
  return result;
}

describe("response cache", () => {
  it("answers a repeated anonymous read from the cache, byte for byte", async () => {
    const first = await home();
    const second = await cachedRead(home);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("never caches signed-in reads, mutations or errors", async () => {
    const { token } = await signIn(t, "EDITOR");
    const before = t.app.cache.snapshot();
    await execute(t, HomePageDocument, {}, { token });
    await execute(t, HomePageDocument, {}, { token });
    // A read that answers an error (both id and slug), which no contract operation sends.
    await gql(t, `query { article(slug: "x", id: "y") { id } }`);
    await gql(t, `query { article(slug: "x", id: "y") { id } }`);
    const after = t.app.cache.snapshot();
    expect(after.hits).toBe(before.hits);
    expect(after.entries).toBe(before.entries);
  });

  it("shows a newly approved article on the next request (lists, counts, totals)", async () => {
    const before = await category();
    const beforeHome = await home();
    await cachedRead(category);
    await articleRow(t, { categorySlug: "tin-tuc-su-kien", title: "Bài mới được duyệt" });
    await t.app.cache.changed();
    const after = await category();
    expect(present(after.data!.category, "the category").articles.totalCount).toBe(present(before.data!.category, "the category").articles.totalCount + 1);
    expect(present(after.data!.category, "the category").articles.edges[0]!.node.title).toBe("Bài mới được duyệt");
    const afterHome = await home();
    expect(latestTitles(afterHome)[0]).toBe("Bài mới được duyệt");
    const count = (r: Awaited<ReturnType<typeof home>>) =>
      present(
        r.data!.categories.find((c) => c.slug === "tin-tuc-su-kien"),
        "the category in the menu",
      ).articleCount;
    expect(count(afterHome)).toBe(count(beforeHome) + 1);
  });

  it("shows an update of a published article on its page and in lists", async () => {
    const article = await articleRow(t, { title: "Tiêu đề cũ" });
    await t.app.cache.changed();
    expect(present((await page(article.slug)).data!.article, "the article").title).toBe("Tiêu đề cũ");
    await cachedRead(() => page(article.slug));
    await t.app.db.articleVersion.update({ where: { id: article.publishedVersionId! }, data: { title: "Tiêu đề mới" } });
    await t.app.cache.changed();
    expect(present((await page(article.slug)).data!.article, "the article").title).toBe("Tiêu đề mới");
    expect(latestTitles(await home())).toContain("Tiêu đề mới");
  });

  it("keeps answers that do not show the statistics when only a site visit is recorded", async () => {
    const a = await articleRow(t);
    await page(a.slug);
    await cachedRead(() => page(a.slug));
    await execute(t, RecordSiteVisitDocument, { visitorId: "khach-1" });
    await cachedRead(() => page(a.slug));
  });

  it("hides an unpublished or deleted article from every query shape, with or without ids (real mutations)", async () => {
    const { token: editor } = await signIn(t, "EDITOR");
    const { token: approver } = await signIn(t, "APPROVER");
    const { token: admin } = await signIn(t, "ADMIN");
    // Shapes the contract does not have: no id, aliases, a fragment.
    const shapes = [
      `query ($s: String!) { article(slug: $s) { title } }`,
      `query ($s: String!) { a: article(slug: $s) { ident: id t: title } }`,
      `query ($s: String!) { article(slug: $s) { ...F } } fragment F on Article { summary body }`,
    ];
    const withdrawals: Array<[TypedDocumentNode<unknown, { id: string }>, string]> = [
      [UnpublishArticleDocument, approver],
      [DeleteArticleDocument, admin],
    ];
    for (const [withdraw, token] of withdrawals) {
      const article = await approved(t, editor, approver, { title: `Sắp rút: ${operationName(withdraw)}` });
      for (const shape of shapes) {
        expect((await gql(t, shape, { s: article.slug })).data).not.toEqual({ article: null });
        await cachedRead(() => gql(t, shape, { s: article.slug }));
      }
      await ok(t, withdraw, { id: article.id }, { token });
      for (const shape of shapes) {
        const after = await gql(t, shape, { s: article.slug });
        expect(Object.values(after.data!)).toEqual([null]);
      }
    }
  });

  it("shows an approval through the API on the next request (lists and counts)", async () => {
    const { token: editor } = await signIn(t, "EDITOR");
    const { token: approver } = await signIn(t, "APPROVER");
    const before = await category();
    await cachedRead(category);
    const categoryId = present(before.data!.category, "the category").id;
    await approved(t, editor, approver, { title: "Duyệt qua API", categoryId });
    const after = await category();
    expect(present(after.data!.category, "the category").articles.totalCount).toBe(present(before.data!.category, "the category").articles.totalCount + 1);
    expect(present(after.data!.category, "the category").articles.edges[0]!.node.title).toBe("Duyệt qua API");
  });

  it("counts a recorded view on the next read of the page and of lists by views", async () => {
    const article = await articleRow(t, { viewCount: 5 });
    await t.app.cache.changed();
    expect(present((await page(article.slug)).data!.article, "the article").viewCount).toBe(5);
    await cachedRead(() => page(article.slug));
    await execute(t, RecordArticleViewDocument, { articleId: Buffer.from(`Article:${article.id}`).toString("base64"), visitorId: "doc-gia-1" });
    expect(present((await page(article.slug)).data!.article, "the article").viewCount).toBe(6);
  });

  it("lets the online count fall when a visitor leaves its window, with no write", async () => {
    const online = async () => (await home()).data!.site.statistics.online;
    const before = await online();
    await execute(t, RecordSiteVisitDocument, { visitorId: "khach-truc-tuyen" });
    expect(await online()).toBe(before + 1);
    await cachedRead(home);
    t.clock.advance(5 * 60_000 + 1);
    expect(await online()).toBe(0);
  });

  it("hides an unpublished article at once", async () => {
    const article = await articleRow(t, { title: "Sẽ bị gỡ" });
    await t.app.cache.changed();
    expect((await page(article.slug)).data!.article).not.toBeNull();
    expect(latestTitles(await home())).toContain("Sẽ bị gỡ");
    await t.app.db.article.update({ where: { id: article.id }, data: { publishedVersionId: null, publishedAt: null, status: "DRAFT" } });
    await syncListing(t.app.db, [article.id]);
    await t.app.cache.changed();
    expect((await page(article.slug)).data!.article).toBeNull();
    expect(latestTitles(await home())).not.toContain("Sẽ bị gỡ");
  });

  it("shows an article whose page was cached as missing once it becomes visible", async () => {
    const article = await articleRow(t, { state: "draft", title: "Chưa duyệt" });
    expect((await page(article.slug)).data!.article).toBeNull();
    await cachedRead(() => page(article.slug));
    await t.app.db.article.update({
      where: { id: article.id },
      data: { publishedVersionId: article.currentVersionId, publishedAt: new Date(t.clock.now().getTime() - 1000), status: "APPROVED" },
    });
    await syncListing(t.app.db, [article.id]);
    await t.app.cache.changed();
    expect(present((await page(article.slug)).data!.article, "the article").title).toBe("Chưa duyệt");
  });

  it("applies a permission change on the next request", async () => {
    const article = await articleRow(t, { title: "Sắp bị ẩn" });
    await t.app.cache.changed();
    expect((await page(article.slug)).data!.article).not.toBeNull();
    await t.app.db.article.update({ where: { id: article.id }, data: { inheritsPermissions: false, isPublic: false } });
    await syncListing(t.app.db, [article.id]);
    await t.app.cache.changed();
    expect((await page(article.slug)).data!.article).toBeNull();
    expect(latestTitles(await home())).not.toContain("Sắp bị ẩn");
  });

  it("shows a new view count on the article's page and on cards that show it", async () => {
    const article = await articleRow(t, { viewCount: 10 });
    await t.app.cache.changed();
    expect(present((await page(article.slug)).data!.article, "the article").viewCount).toBe(10);
    const card = (r: Awaited<ReturnType<typeof home>>) => r.data!.latest.edges.find((e) => e.node.slug === article.slug)?.node.viewCount;
    expect(card(await home())).toBe(10);
    await t.app.db.article.update({ where: { id: article.id }, data: { viewCount: { increment: 1 } } });
    await t.app.cache.changed();
    expect(present((await page(article.slug)).data!.article, "the article").viewCount).toBe(11);
    expect(card(await home())).toBe(11);
  });

  it("reorders a list by views after a new view, even when the article was not on it", async () => {
    const vars: FilteredArticlesQueryVariables = { first: 1, orderBy: { field: "VIEW_COUNT", direction: "DESC" } };
    const top = await execute(t, FilteredArticlesDocument, vars);
    const topViews = top.data!.articles.edges[0]!.node.viewCount;
    const article = await articleRow(t, { viewCount: 0 });
    await t.app.cache.changed();
    await execute(t, FilteredArticlesDocument, vars);
    await cachedRead(() => execute(t, FilteredArticlesDocument, vars));
    await t.app.db.article.update({ where: { id: article.id }, data: { viewCount: topViews + 1000 } });
    await t.app.cache.changed();
    expect((await execute(t, FilteredArticlesDocument, vars)).data!.articles.edges[0]!.node.slug).toBe(article.slug);
  });

  it("shows a new site visit in the counter box", async () => {
    const before = (await home()).data!.site.statistics.totalVisits;
    await t.app.db.site.update({ where: { id: 1 }, data: { totalVisits: { increment: 1 } } });
    await t.app.cache.changed("visits");
    expect((await home()).data!.site.statistics.totalVisits).toBe(before + 1);
  });

  it("shows the site's new details after updateSite", async () => {
    await home();
    const { token } = await signIn(t, "ADMIN");
    const r = await execute(t, UpdateSiteDocument, { input: { phone: "0272 999 999" } }, { token });
    expect(r.errors).toBeUndefined();
    expect((await home()).data!.site.phone).toBe("0272 999 999");
  });

  it("shows a new category in the menu after createCategory", async () => {
    await home();
    const { token } = await signIn(t, "EDITOR");
    const r = await execute(t, CreateCategoryDocument, { input: { name: "Chuyên mục mới" } }, { token });
    expect(r.errors).toBeUndefined();
    expect((await home()).data!.categories.map((c) => c.slug)).toContain("chuyen-muc-moi");
  });

  it("shows a new caption after updateMedia", async () => {
    const { user, token } = await signIn(t, "EDITOR");
    const media = await t.app.db.media.create({
      data: {
        kind: "IMAGE",
        storageKey: "2026/11/anh-bia.jpg",
        fileName: "anh-bia.jpg",
        contentType: "image/jpeg",
        size: 10,
        width: 10,
        height: 10,
        description: "Chú thích cũ",
        createdById: user.id,
      },
    });
    const article = await articleRow(t);
    await t.app.db.articleVersion.update({ where: { id: article.publishedVersionId! }, data: { coverImageId: media.id } });
    await t.app.cache.changed();
    expect(present((await page(article.slug)).data!.article, "the article").coverImage?.description).toBe("Chú thích cũ");
    const id = Buffer.from(`Media:${media.id}`).toString("base64");
    // The contract has no updateMedia: the schema's mutation.
    const r = await gql(t, `mutation($id: ID!) { updateMedia(id: $id, description: "Chú thích mới") { id } }`, { id }, { token });
    expect(r.errors).toBeUndefined();
    expect(present((await page(article.slug)).data!.article, "the article").coverImage?.description).toBe("Chú thích mới");
  });

  it("shows a scheduled article at its time, with no write in between", async () => {
    const at = new Date(t.clock.now().getTime() + 3600_000);
    const article = await articleRow(t, { title: "Hẹn giờ đăng", publishedAt: at });
    await t.app.cache.changed();
    expect(latestTitles(await home())).not.toContain("Hẹn giờ đăng");
    expect((await page(article.slug)).data!.article).toBeNull();
    await cachedRead(home);
    t.clock.set(new Date(at.getTime() - 1));
    await cachedRead(home);
    t.clock.set(at);
    expect(latestTitles(await home())).toContain("Hẹn giờ đăng");
    expect(present((await page(article.slug)).data!.article, "the article").title).toBe("Hẹn giờ đăng");
  });

  it("hides an expiring article at its expiry time", async () => {
    const article = await articleRow(t, { title: "Hết hạn sau một giờ" });
    const expireAt = new Date(t.clock.now().getTime() + 3600_000);
    await t.app.db.article.update({ where: { id: article.id }, data: { expireAt } });
    await t.app.cache.changed();
    expect(latestTitles(await home())).toContain("Hết hạn sau một giờ");
    await cachedRead(home);
    t.clock.set(expireAt);
    expect(latestTitles(await home())).not.toContain("Hết hạn sau một giờ");
    expect((await page(article.slug)).data!.article).toBeNull();
  });

  it("moves the day counters at the site's midnight", async () => {
    const tz = t.app.config.SITE_TIMEZONE;
    const today = dayOf(t.clock.now(), tz);
    // Visits recorded by the tests before are written first, so that today's figure is exactly the one set here.
    await t.app.counters.flush();
    await t.app.db.siteDailyStat.upsert({ where: { day: today }, update: { visits: 7 }, create: { day: today, visits: 7 } });
    await t.app.cache.changed("visits");
    expect((await home()).data!.site.statistics.today).toBe(7);
    await cachedRead(home);
    // Walk the clock to the next calendar day in the site's time zone.
    let next = t.clock.now().getTime();
    while (dayOf(new Date(next), tz) === today) next += 60_000;
    t.clock.set(new Date(next));
    const stats = (await home()).data!.site.statistics;
    expect(stats.today).toBe(0);
    expect(stats.yesterday).toBe(7);
  });
});

describe("HTTP caching of anonymous GET reads", () => {
  const get = (headers: Record<string, string> = {}, documentId = "CategoryPage", variables: Record<string, unknown> = { slug: "tin-tuc-su-kien", first: 3 }) =>
    t.yoga.fetch(`http://portal.test/graphql?documentId=${documentId}&variables=${encodeURIComponent(JSON.stringify(variables))}`, {
      headers: { accept: "application/graphql-response+json", ...headers },
    });

  it("answers with an ETag, and 304 with no body when the client has that answer", async () => {
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("vary")).toMatch(/authorization/i);
    const body = await first.text();
    const again = await get({ "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    // Another tag, or none: the whole answer, the same bytes.
    const other = await get({ "if-none-match": '"autre"' });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(body);
  });

  it("sends the answer again once it changed", async () => {
    const first = await get();
    const etag = first.headers.get("etag")!;
    await first.text();
    const { token: editor } = await signIn(t, "EDITOR");
    const { token: approver } = await signIn(t, "APPROVER");
    const categoryId = present((await category()).data!.category, "the category").id;
    await approved(t, editor, approver, { title: "Tin mới cho ứng dụng", categoryId });
    const after = await get({ "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(await after.text()).toContain("Tin mới cho ứng dụng");
  });

  it("gives no ETag to signed-in reads, POST requests or errors", async () => {
    const { token } = await signIn(t, "READER");
    const signedIn = await get({ authorization: `Bearer ${token}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("etag")).toBeNull();
    const post = await t.yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: contractOperation("HomePage") }),
    });
    expect(post.headers.get("etag")).toBeNull();
    const bad = await get({}, "CategoryPage", { first: 3 });
    expect(bad.headers.get("etag")).toBeNull();
  });

  it("uses RESPONSE_CACHE_CONTROL for shared caches when configured", async () => {
    const shared = await createTestApp({ config: { RESPONSE_CACHE_CONTROL: "public, max-age=0, s-maxage=5" } });
    try {
      const response = await shared.yoga.fetch(`http://portal.test/graphql?documentId=HomePage`, { headers: { accept: "application/graphql-response+json" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=5");
    } finally {
      await shared.close();
    }
  });
});

describe("response cache bounds", () => {
  it("keeps at most RESPONSE_CACHE_MAX_ENTRIES answers, dropping the least recently used", async () => {
    const small = await createTestApp({ config: { RESPONSE_CACHE_MAX_ENTRIES: 2 } });
    try {
      const read = (slug: string) => execute(small, CategoryPageDocument, { slug, first: 1 });
      await read("a");
      await read("b");
      await read("a");
      await read("c");
      expect(small.app.cache.snapshot().entries).toBe(2);
      const hits = small.app.cache.stats.hits;
      await read("a");
      expect(small.app.cache.stats.hits).toBe(hits + 1);
      await read("b");
      expect(small.app.cache.stats.hits).toBe(hits + 1);
    } finally {
      await small.close();
    }
  });
});
