// RSS 2.0 feeds and sitemaps, parsed with an XML parser: the required elements,
// links from the portal's URL template, the same visibility as the API (nothing
// unpublished, scheduled, expired, deleted or hidden), category and topic feeds,
// and conditional GET (ETag / Last-Modified, 304).
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { createTestApp, signIn, type TestApp } from "./support/app";
import { articleRow } from "./support/factories";
import { ok } from "./support/workflow";
import { CreateTopicDocument, HomePageDocument, SetArticleTopicsDocument } from "../clients/generated/graphql";

let t: TestApp;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["item", "url"].includes(name) });
const visible: Record<string, { id: string; slug: string }> = {};
const invisible: string[] = [];

beforeAll(async () => {
  t = await createTestApp({
    seed: true,
    config: { PORTAL_URL: "https://kientuong.longan.gov.vn", ARTICLE_URL_TEMPLATE: "/tin-tuc/{slug}", PUBLIC_URL: "https://api.kientuong.longan.gov.vn" },
  });
  for (const state of ["draft", "deleted", "hidden", "scheduled", "expired"] as const) {
    invisible.push((await articleRow(t, { state, title: `Không được thấy ${state}`, categorySlug: "tin-tuc-su-kien" })).slug);
  }
  const fresh = await articleRow(t, {
    title: "Tin mới trong ngày & <đặc biệt>",
    categorySlug: "tin-tuc-su-kien",
    publishedAt: new Date(t.clock.now().getTime() - 600_000),
  });
  visible.fresh = fresh;
  const editor = await signIn(t, "EDITOR", "Biên tập");
  const topic = (await ok(t, CreateTopicDocument, { input: { name: "Chuyển đổi số" } }, { token: editor.token })).createTopic;
  await ok(t, SetArticleTopicsDocument, { id: Buffer.from(`Article:${fresh.id}`).toString("base64"), topicIds: [topic.id] }, { token: editor.token });
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.yoga.fetch(`http://portal.test${path}`, { headers });

async function xml(path: string) {
  const response = await get(path);
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(XMLValidator.validate(text)).toBe(true);
  return { response, text, doc: parser.parse(text) };
}

describe("RSS 2.0", () => {
  it("lists the site's latest public articles with the required elements and portal links", async () => {
    const { response, doc, text } = await xml("/rss.xml");
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(doc.rss["@version"]).toBe("2.0");
    const channel = doc.rss.channel;
    expect(channel.title).toBe("ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG");
    expect(channel.link).toBe("https://kientuong.longan.gov.vn/");
    expect(channel.description).toBeTruthy();
    expect(channel.language).toBe("vi");
    expect(channel["atom:link"]["@rel"]).toBe("self");
    const items = channel.item as any[];
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^https:\/\/kientuong\.longan\.gov\.vn\/tin-tuc\/[a-z0-9-]+$/);
      expect(item.guid["#text"]).toBe(item.link);
      expect(new Date(item.pubDate).toUTCString()).toBe(item.pubDate);
    }
    // Newest first; special characters escaped and read back intact.
    expect(items[0].title).toBe("Tin mới trong ngày & <đặc biệt>");
    expect(items[0].link).toBe(`https://kientuong.longan.gov.vn/tin-tuc/${visible.fresh!.slug}`);
    expect(items[0].category).toBe("Tin tức sự kiện");
    for (const slug of invisible) expect(text).not.toContain(slug);
    // The API's own list agrees.
    const api = await ok(t, HomePageDocument);
    expect(items.map((i) => i.title)).toEqual(expect.arrayContaining(api.latest.edges.map((e) => e.node.title)));
  });

  it("has a feed per category and per topic, and 404 for anything else", async () => {
    const category = (await xml("/rss/tin-tuc-su-kien.xml")).doc.rss.channel;
    expect(category.title).toContain("Tin tức sự kiện");
    expect(category.link).toBe("https://kientuong.longan.gov.vn/chuyen-muc/tin-tuc-su-kien");
    expect((category.item as any[]).every((i) => i.category === "Tin tức sự kiện")).toBe(true);
    const topic = (await xml("/rss/chuyen-doi-so.xml")).doc.rss.channel;
    expect(topic.link).toBe("https://kientuong.longan.gov.vn/dong-su-kien/chuyen-doi-so");
    expect((topic.item as any[]).map((i) => i.title)).toEqual(["Tin mới trong ngày & <đặc biệt>"]);
    expect((await get("/rss/khong-co.xml")).status).toBe(404);
    expect((await get("/rss/../sitemap.xml")).status).not.toBe(500);
  });

  it("puts a cover image in an enclosure with its length and type", async () => {
    const article = await t.app.db.article.findFirstOrThrow({ where: { slug: visible.fresh!.slug }, select: { publishedVersionId: true } });
    const image = await t.app.db.media.create({
      data: { kind: "IMAGE", storageKey: "2026/11/anh-bia.jpg", fileName: "anh-bia.jpg", contentType: "image/jpeg", size: 34567 },
    });
    await t.app.db.articleVersion.update({ where: { id: article.publishedVersionId! }, data: { coverImageId: image.id } });
    const item = ((await xml("/rss.xml")).doc.rss.channel.item as any[])[0];
    expect(item.enclosure).toEqual({ "@url": "https://api.kientuong.longan.gov.vn/media/2026/11/anh-bia.jpg", "@length": "34567", "@type": "image/jpeg" });
  });
});

describe("sitemaps", () => {
  it("lists home, categories, topics and every public article", async () => {
    const { doc, text, response } = await xml("/sitemap.xml");
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(doc.urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = (doc.urlset.url as any[]).map((u) => u.loc);
    expect(locs[0]).toBe("https://kientuong.longan.gov.vn/");
    expect(locs).toContain("https://kientuong.longan.gov.vn/chuyen-muc/tin-tuc-su-kien");
    expect(locs).toContain("https://kientuong.longan.gov.vn/dong-su-kien/chuyen-doi-so");
    expect(locs).toContain(`https://kientuong.longan.gov.vn/tin-tuc/${visible.fresh!.slug}`);
    for (const url of doc.urlset.url as any[]) if (url.lastmod) expect(Number.isNaN(Date.parse(url.lastmod))).toBe(false);
    for (const slug of invisible) expect(text).not.toContain(slug);
    const published = await t.app.db.article.count({
      where: {
        deletedAt: null,
        publishedVersionId: { not: null },
        inheritsPermissions: true,
        publishedAt: { lte: t.clock.now() },
        OR: [{ expireAt: null }, { expireAt: { gt: t.clock.now() } }],
      },
    });
    expect(locs.filter((l: string) => l.includes("/tin-tuc/"))).toHaveLength(published);
  });

  it("becomes an index of files of SITEMAP_URLS_PER_FILE URLs past that many, each URL in exactly one file", async () => {
    const { doc: single } = await xml("/sitemap.xml");
    const all = (single.urlset.url as any[]).map((u) => u.loc as string);
    const perFile = 7;
    const small = await createTestApp({
      seed: true,
      config: { PORTAL_URL: "https://kientuong.longan.gov.vn", PUBLIC_URL: "https://api.kientuong.longan.gov.vn", SITEMAP_URLS_PER_FILE: perFile },
    });
    try {
      // The same public pages as above: the demo content plus this file's articles.
      for (const state of ["draft", "hidden"] as const) await articleRow(small, { state, title: `Không được thấy ${state}`, categorySlug: "tin-tuc-su-kien" });
      const fetchXml = async (path: string) => {
        const response = await small.yoga.fetch(`http://portal.test${path}`);
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(XMLValidator.validate(text)).toBe(true);
        return parser.parse(text);
      };
      const index = await fetchXml("/sitemap.xml");
      expect(index.urlset).toBeUndefined();
      expect(index.sitemapindex["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
      const files = ([] as Array<{ loc: string }>).concat(index.sitemapindex.sitemap).map((f) => f.loc);
      const total = 1 + (await small.app.db.category.count()) + (await small.app.db.topic.count()) + (all.filter((l) => l.includes("/tin-tuc/")).length - 1);
      expect(files).toEqual(Array.from({ length: Math.ceil(total / perFile) }, (_, i) => `https://api.kientuong.longan.gov.vn/sitemap-${i + 1}.xml`));
      const seen: string[] = [];
      for (const [i, file] of files.entries()) {
        const doc = await fetchXml(new URL(file).pathname);
        const locs = (doc.urlset.url as any[]).map((u) => u.loc as string);
        expect(locs.length).toBe(i < files.length - 1 ? perFile : total - perFile * (files.length - 1));
        seen.push(...locs);
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(total);
      expect(seen[0]).toBe("https://kientuong.longan.gov.vn/");
      for (const loc of seen) expect(loc).not.toMatch(/khong-duoc-thay/);
      // Past the last file, and numbers that are not files, are not found.
      expect((await small.yoga.fetch(`http://portal.test/sitemap-${files.length + 1}.xml`)).status).toBe(404);
      expect((await small.yoga.fetch("http://portal.test/sitemap-0.xml")).status).toBe(404);
      expect((await small.yoga.fetch("http://portal.test/sitemap-01.xml")).status).toBe(404);
    } finally {
      await small.close();
    }
  });

  it("has no numbered files while one file holds every URL", async () => {
    expect((await get("/sitemap-1.xml")).status).toBe(404);
  });

  it("has a news sitemap of the last two days with publication, date and title", async () => {
    const { doc, text } = await xml("/sitemap-news.xml");
    expect(doc.urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const urls = doc.urlset.url as any[];
    expect(urls.map((u) => u.loc)).toContain(`https://kientuong.longan.gov.vn/tin-tuc/${visible.fresh!.slug}`);
    const fresh = urls.find((u) => u.loc.endsWith(visible.fresh!.slug));
    expect(fresh["news:news"]["news:publication"]).toEqual({ "news:name": "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG", "news:language": "vi" });
    expect(fresh["news:news"]["news:title"]).toBe("Tin mới trong ngày & <đặc biệt>");
    expect(new Date(fresh["news:news"]["news:publication_date"]).getTime()).toBeGreaterThan(t.clock.now().getTime() - 2 * 86400_000);
    // The demo content of 2019 is older than two days.
    expect(text).not.toContain("kien-tuong-thuc-hien-dat-va-vuot");
    for (const slug of invisible) expect(text).not.toContain(slug);
  });
});

describe("conditional GET", () => {
  it("answers 304 to a matching ETag or a recent If-Modified-Since, and 200 once something changed", async () => {
    const first = await get("/rss.xml");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await get("/rss.xml", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get("/rss.xml", { "if-modified-since": lastModified })).status).toBe(304);
    expect((await get("/rss.xml", { "if-modified-since": "Mon, 01 Jan 2018 00:00:00 GMT" })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await get("/rss.xml", { "if-none-match": '"other"', "if-modified-since": lastModified })).status).toBe(200);

    // A new article: new body, new ETag, newer Last-Modified.
    // (The site row's own updatedAt is wall-clock time: the test clock moves past it.)
    t.clock.set(new Date(Math.max(Date.now(), t.clock.now().getTime()) + 120_000));
    await articleRow(t, { title: "Một tin nữa", publishedAt: new Date(t.clock.now().getTime() - 1000) });
    const changed = await get("/rss.xml", { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(Date.parse(changed.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(lastModified));
    for (const path of ["/sitemap.xml", "/sitemap-news.xml", "/rss/tin-tuc-su-kien.xml"]) {
      const response = await get(path);
      expect((await get(path, { "if-none-match": response.headers.get("etag")! })).status).toBe(304);
    }
  });

  it("makes a scheduled article appear when its time comes", async () => {
    const scheduled = invisible[3]!;
    expect(await (await get("/rss.xml")).text()).not.toContain(scheduled);
    // Readers' rule: only once the scheduler promoted it does the API (and the feed) show it.
    t.clock.advance(2 * 86400_000);
    const { promoteDue } = await import("../src/services/workflow");
    await promoteDue(t.app.db, t.app.events, t.clock.now());
    expect(await (await get("/rss.xml")).text()).toContain(scheduled);
  });
});
