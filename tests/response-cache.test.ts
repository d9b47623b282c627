// The response cache of anonymous reads (docs/performance.md): a change must be
// visible on the very next request. Each test reads (filling the cache), changes
// the data the way the write path does (the row change plus its invalidation
// call, or a mutation that exists on this branch), and reads again.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTestApp, gql, signIn, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { articleRow } from "./support/factories";
import { dayOf } from "../src/services/site-time";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const home = () => gql(t, contractOperation("HomePage"));
const category = (slug = "tin-tuc-su-kien", first = 20) => gql(t, contractOperation("CategoryPage"), { slug, first });
const page = (slug: string) => gql(t, contractOperation("ArticlePage"), { slug });
const latestTitles = (r: Awaited<ReturnType<typeof home>>) => r.data!.latest.edges.map((e: any) => e.node.title as string);

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
    await gql(t, contractOperation("HomePage"), {}, { token });
    await gql(t, contractOperation("HomePage"), {}, { token });
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
    const created = await articleRow(t, { categorySlug: "tin-tuc-su-kien", title: "Bài mới được duyệt" });
    t.app.cache.invalidateArticle(created.id);
    const after = await category();
    expect(after.data!.category.articles.totalCount).toBe(before.data!.category.articles.totalCount + 1);
    expect(after.data!.category.articles.edges[0].node.title).toBe("Bài mới được duyệt");
    const afterHome = await home();
    expect(latestTitles(afterHome)[0]).toBe("Bài mới được duyệt");
    const count = (r: any) => r.data.categories.find((c: any) => c.slug === "tin-tuc-su-kien").articleCount;
    expect(count(afterHome)).toBe(count(beforeHome) + 1);
  });

  it("shows an update of a published article on its page and in lists", async () => {
    const article = await articleRow(t, { title: "Tiêu đề cũ" });
    t.app.cache.invalidateArticle(article.id);
    expect((await page(article.slug)).data!.article.title).toBe("Tiêu đề cũ");
    await cachedRead(() => page(article.slug));
    await t.app.db.articleVersion.update({ where: { id: article.publishedVersionId! }, data: { title: "Tiêu đề mới" } });
    t.app.cache.invalidateArticle(article.id);
    expect((await page(article.slug)).data!.article.title).toBe("Tiêu đề mới");
    expect(latestTitles(await home())).toContain("Tiêu đề mới");
  });

  it("keeps other articles' pages when one article changes, and drops them when theirs does", async () => {
    const a = await articleRow(t);
    const b = await articleRow(t);
    t.app.cache.invalidateArticle(b.id);
    await page(a.slug);
    await cachedRead(() => page(a.slug));
    t.app.cache.invalidateArticle(b.id);
    await cachedRead(() => page(a.slug));
  });

  it("hides an unpublished article at once", async () => {
    const article = await articleRow(t, { title: "Sẽ bị gỡ" });
    t.app.cache.invalidateArticle(article.id);
    expect((await page(article.slug)).data!.article).not.toBeNull();
    expect(latestTitles(await home())).toContain("Sẽ bị gỡ");
    await t.app.db.article.update({ where: { id: article.id }, data: { publishedVersionId: null, publishedAt: null, status: "DRAFT" } });
    t.app.cache.invalidateArticle(article.id);
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
    t.app.cache.invalidateArticle(article.id);
    expect((await page(article.slug)).data!.article.title).toBe("Chưa duyệt");
  });

  it("applies a permission change on the next request", async () => {
    const article = await articleRow(t, { title: "Sắp bị ẩn" });
    t.app.cache.invalidateArticle(article.id);
    expect((await page(article.slug)).data!.article).not.toBeNull();
    await t.app.db.article.update({ where: { id: article.id }, data: { inheritsPermissions: false, isPublic: false } });
    t.app.cache.invalidateArticle(article.id);
    expect((await page(article.slug)).data!.article).toBeNull();
    expect(latestTitles(await home())).not.toContain("Sắp bị ẩn");
  });

  it("shows a new view count on the article's page and on cards that show it", async () => {
    const article = await articleRow(t, { viewCount: 10 });
    t.app.cache.invalidateArticle(article.id);
    expect((await page(article.slug)).data!.article.viewCount).toBe(10);
    const card = (r: any) => r.data.latest.edges.find((e: any) => e.node.slug === article.slug)?.node.viewCount;
    expect(card(await home())).toBe(10);
    await t.app.db.article.update({ where: { id: article.id }, data: { viewCount: { increment: 1 } } });
    t.app.cache.invalidateArticleViews(article.id);
    expect((await page(article.slug)).data!.article.viewCount).toBe(11);
    expect(card(await home())).toBe(11);
  });

  it("reorders a list by views after a new view, even when the article was not on it", async () => {
    const query = contractOperation("FilteredArticles");
    const vars = { first: 1, orderBy: { field: "VIEW_COUNT", direction: "DESC" } };
    const top = await gql(t, query, vars);
    const topViews = top.data!.articles.edges[0].node.viewCount as number;
    const article = await articleRow(t, { viewCount: 0 });
    t.app.cache.invalidateArticle(article.id);
    await gql(t, query, vars);
    await cachedRead(() => gql(t, query, vars));
    await t.app.db.article.update({ where: { id: article.id }, data: { viewCount: topViews + 1000 } });
    t.app.cache.invalidateArticleViews(article.id);
    expect((await gql(t, query, vars)).data!.articles.edges[0].node.slug).toBe(article.slug);
  });

  it("shows a new site visit in the counter box", async () => {
    const before = (await home()).data!.site.statistics.totalVisits as number;
    await t.app.db.site.update({ where: { id: 1 }, data: { totalVisits: { increment: 1 } } });
    t.app.cache.invalidateStatistics();
    expect((await home()).data!.site.statistics.totalVisits).toBe(before + 1);
  });

  it("shows the site's new details after updateSite", async () => {
    await home();
    const { token } = await signIn(t, "ADMIN");
    const r = await gql(t, `mutation { updateSite(input: { phone: "0272 999 999" }) { phone } }`, {}, { token });
    expect(r.errors).toBeUndefined();
    expect((await home()).data!.site.phone).toBe("0272 999 999");
  });

  it("shows a new category in the menu after createCategory", async () => {
    await home();
    const { token } = await signIn(t, "EDITOR");
    const r = await gql(t, `mutation { createCategory(input: { name: "Chuyên mục mới" }) { slug } }`, {}, { token });
    expect(r.errors).toBeUndefined();
    expect((await home()).data!.categories.map((c: any) => c.slug)).toContain("chuyen-muc-moi");
  });

  it("shows a new caption after updateMedia", async () => {
    const { user, token } = await signIn(t, "EDITOR");
    const media = await t.app.db.media.create({
      data: { kind: "IMAGE", storageKey: "2026/11/anh-bia.jpg", fileName: "anh-bia.jpg", contentType: "image/jpeg", size: 10, width: 10, height: 10, description: "Chú thích cũ", createdById: user.id },
    });
    const article = await articleRow(t);
    await t.app.db.articleVersion.update({ where: { id: article.publishedVersionId! }, data: { coverImageId: media.id } });
    t.app.cache.invalidateArticle(article.id);
    expect((await page(article.slug)).data!.article.coverImage.description).toBe("Chú thích cũ");
    const id = Buffer.from(`Media:${media.id}`).toString("base64");
    const r = await gql(t, `mutation($id: ID!) { updateMedia(id: $id, description: "Chú thích mới") { id } }`, { id }, { token });
    expect(r.errors).toBeUndefined();
    expect((await page(article.slug)).data!.article.coverImage.description).toBe("Chú thích mới");
  });

  it("shows a scheduled article at its time, with no write in between", async () => {
    const at = new Date(t.clock.now().getTime() + 3600_000);
    const article = await articleRow(t, { title: "Hẹn giờ đăng", publishedAt: at });
    t.app.cache.invalidateArticle(article.id);
    expect(latestTitles(await home())).not.toContain("Hẹn giờ đăng");
    expect((await page(article.slug)).data!.article).toBeNull();
    await cachedRead(home);
    t.clock.set(new Date(at.getTime() - 1));
    await cachedRead(home);
    t.clock.set(at);
    expect(latestTitles(await home())).toContain("Hẹn giờ đăng");
    expect((await page(article.slug)).data!.article.title).toBe("Hẹn giờ đăng");
  });

  it("hides an expiring article at its expiry time", async () => {
    const article = await articleRow(t, { title: "Hết hạn sau một giờ" });
    const expireAt = new Date(t.clock.now().getTime() + 3600_000);
    await t.app.db.article.update({ where: { id: article.id }, data: { expireAt } });
    t.app.cache.invalidateArticle(article.id);
    expect(latestTitles(await home())).toContain("Hết hạn sau một giờ");
    await cachedRead(home);
    t.clock.set(expireAt);
    expect(latestTitles(await home())).not.toContain("Hết hạn sau một giờ");
    expect((await page(article.slug)).data!.article).toBeNull();
  });

  it("moves the day counters at the site's midnight", async () => {
    const tz = t.app.config.SITE_TIMEZONE;
    const today = dayOf(t.clock.now(), tz);
    await t.app.db.siteDailyStat.upsert({ where: { day: today }, update: { visits: 7 }, create: { day: today, visits: 7 } });
    t.app.cache.invalidateStatistics();
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


describe("response cache bounds", () => {
  it("keeps at most RESPONSE_CACHE_MAX_ENTRIES answers, dropping the least recently used", async () => {
    const small = await createTestApp({ config: { RESPONSE_CACHE_MAX_ENTRIES: 2 } });
    try {
      const read = (slug: string) => gql(small, contractOperation("CategoryPage"), { slug, first: 1 });
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
