// RSS 2.0 feeds and sitemaps for search engines and feed readers:
//   /rss.xml                  the latest articles of the site
//   /rss/<slug>.xml           the latest articles of a category or a topic (dòng sự kiện)
//   /sitemap.xml              every public page (home, categories, topics, articles); past
//                             SITEMAP_URLS_PER_FILE URLs, an index of /sitemap-<n>.xml files
//   /sitemap-news.xml         Google News sitemap: articles of the last two days
// Built with xmlbuilder2 (escaping, namespaces), with the same visibility as the
// API for an anonymous reader (nothing unpublished, scheduled, expired, deleted or
// hidden), links from the portal's URL templates (PORTAL_URL, *_URL_TEMPLATE), and
// conditional GET: a strong ETag (hash of the body) and Last-Modified, 304 when
// the client's copy is current. A Yoga plugin: it answers through yoga.fetch and
// node:http alike.
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { create } from "xmlbuilder2";
import type { App } from "../app";
import type { Prisma } from "../db/client";
import { mediaUrl } from "../schema/media/types";
import { readableArticleWhere, viewedVersionWhere } from "../services/access";

const RSS_PATH = /^\/rss\/([a-z0-9]+(?:-[a-z0-9]+)*)\.xml$/;
/** /sitemap-1.xml, /sitemap-2.xml ... (no leading zeros: one URL per file). */
const SITEMAP_PAGE_PATH = /^\/sitemap-([1-9][0-9]{0,5})\.xml$/;
const SITEMAP_XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9";
/** Google News: articles of the last two days, at most 1,000. */
const NEWS_WINDOW_MS = 2 * 24 * 3600_000;
const NEWS_MAX_URLS = 1000;

interface Feed {
  body: string;
  lastModified: Date;
  contentType: string;
}

export function feedRoutes(app: App): Plugin {
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      const path = url.pathname;
      const slug = RSS_PATH.exec(path)?.[1];
      const sitemapPage = SITEMAP_PAGE_PATH.exec(path)?.[1];
      const build =
        path === "/rss.xml"
          ? () => rss(app, url, null)
          : slug
            ? () => rss(app, url, slug)
            : path === "/sitemap.xml"
              ? () => sitemap(app, url, null)
              : sitemapPage
                ? () => sitemap(app, url, Number(sitemapPage))
                : path === "/sitemap-news.xml"
                  ? () => newsSitemap(app, url)
                  : null;
      if (!build) return;
      const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
        new fetchAPI.Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });
      if (request.method !== "GET" && request.method !== "HEAD") return endResponse(plain(405, "Method not allowed", { allow: "GET, HEAD" }));
      return build()
        .then((feed) => (feed ? respond(request, feed, fetchAPI.Response) : plain(404, "Not found")))
        .catch((error: unknown) => {
          app.logger.error({ err: error, path }, "feed failed");
          return plain(500, "Internal error");
        })
        .then(endResponse);
    },
  };
}

function respond(request: Request, feed: Feed, Response: typeof globalThis.Response): Response {
  const etag = `"${createHash("sha256").update(feed.body).digest("base64url").slice(0, 32)}"`;
  // HTTP dates have whole seconds.
  const lastModified = new Date(Math.floor(feed.lastModified.getTime() / 1000) * 1000);
  const headers = {
    "content-type": feed.contentType,
    etag,
    "last-modified": lastModified.toUTCString(),
    "cache-control": "public, max-age=300",
    "x-content-type-options": "nosniff",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  // RFC 9110 §13.1.3: If-None-Match wins; If-Modified-Since counts only without it.
  const fresh = ifNoneMatch
    ? ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === etag)
    : ifModifiedSince !== null && !Number.isNaN(Date.parse(ifModifiedSince)) && lastModified.getTime() <= Date.parse(ifModifiedSince);
  if (fresh) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : feed.body, { status: 200, headers });
}

/** Links to the portal's pages. */
function links(app: App, requestUrl: URL) {
  const base = app.config.PORTAL_URL ?? requestUrl.origin;
  const fill = (template: string, values: Record<string, string>) =>
    new URL(
      template.replace(/\{(slug|id)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? "")),
      base,
    ).toString();
  return {
    home: new URL("/", base).toString(),
    article: (a: { slug: string; id: string }) => fill(app.config.ARTICLE_URL_TEMPLATE, a),
    category: (slug: string) => fill(app.config.CATEGORY_URL_TEMPLATE, { slug }),
    topic: (slug: string) => fill(app.config.TOPIC_URL_TEMPLATE, { slug }),
    /** Media are served by this server: PUBLIC_URL, else the address of the request. */
    media: (id: string, storageKey: string | null) => new URL(mediaUrl(app.config.PUBLIC_URL, id, storageKey), requestUrl.origin).toString(),
    self: requestUrl.origin + requestUrl.pathname,
  };
}

async function siteOf(app: App) {
  return (
    (await app.db.site.findUnique({ where: { id: 1 }, select: { name: true, updatedAt: true } })) ?? { name: "Cổng thông tin điện tử", updatedAt: new Date(0) }
  );
}

/** What every anonymous reader may see now (the API's own rule). */
const publicArticles = (app: App): Prisma.ArticleWhereInput => readableArticleWhere(null, app.clock.now());

const latest = (dates: Array<Date | null | undefined>, fallback: Date) =>
  new Date(Math.max(fallback.getTime(), ...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));

async function rss(app: App, requestUrl: URL, slug: string | null): Promise<Feed | null> {
  const link = links(app, requestUrl);
  const site = await siteOf(app);
  let scope: Prisma.ArticleWhereInput = {};
  let title = site.name;
  let description = `Tin mới nhất của ${site.name}`;
  let channelLink = link.home;
  let changed = site.updatedAt;
  if (slug) {
    const category = await app.db.category.findUnique({ where: { slug }, select: { id: true, name: true, description: true, createdAt: true } });
    const topic = category ? null : await app.db.topic.findUnique({ where: { slug }, select: { id: true, name: true, description: true, updatedAt: true } });
    if (!category && !topic) return null;
    if (category) {
      scope = viewedVersionWhere(null, { categoryId: category.id });
      title = `${category.name} - ${site.name}`;
      description = category.description ?? `Tin mới nhất của chuyên mục ${category.name}`;
      channelLink = link.category(slug);
      changed = latest([category.createdAt], changed);
    } else {
      scope = { topics: { some: { topicId: topic!.id } } };
      title = `${topic!.name} - ${site.name}`;
      description = topic!.description ?? `Dòng sự kiện ${topic!.name}`;
      channelLink = link.topic(slug);
      changed = latest([topic!.updatedAt], changed);
    }
  }
  const articles = await app.db.article.findMany({
    where: { AND: [publicArticles(app), scope] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: app.config.FEED_SIZE,
    select: {
      id: true,
      slug: true,
      publishedAt: true,
      publishedVersion: {
        select: {
          title: true,
          summary: true,
          byline: true,
          createdAt: true,
          category: { select: { name: true } },
          coverImage: { select: { id: true, storageKey: true, contentType: true, size: true, deletedAt: true } },
        },
      },
    },
  });
  const lastModified = latest(
    articles.flatMap((a) => [a.publishedAt, a.publishedVersion?.createdAt]),
    changed,
  );
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const channel = doc
    .ele("rss", { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom", "xmlns:dc": "http://purl.org/dc/elements/1.1/" })
    .ele("channel");
  channel.ele("title").txt(title);
  channel.ele("link").txt(channelLink);
  channel.ele("description").txt(description);
  channel.ele("language").txt("vi");
  channel.ele("lastBuildDate").txt(lastModified.toUTCString());
  channel.ele("atom:link", { href: link.self, rel: "self", type: "application/rss+xml" });
  channel.ele("ttl").txt("5");
  for (const article of articles) {
    const version = article.publishedVersion;
    if (!version || !article.publishedAt) continue;
    const item = channel.ele("item");
    const url = link.article(article);
    item.ele("title").txt(version.title);
    item.ele("link").txt(url);
    item.ele("guid", { isPermaLink: "true" }).txt(url);
    if (version.summary) item.ele("description").txt(version.summary);
    item.ele("pubDate").txt(article.publishedAt.toUTCString());
    if (version.byline) item.ele("dc:creator").txt(version.byline);
    if (version.category) item.ele("category").txt(version.category.name);
    const cover = version.coverImage;
    if (cover && !cover.deletedAt) {
      item.ele("enclosure", { url: link.media(cover.id, cover.storageKey), length: String(cover.size), type: cover.contentType });
    }
  }
  return { body: doc.end({ prettyPrint: true }), lastModified, contentType: "application/rss+xml; charset=utf-8" };
}

const isoDay = (d: Date) => d.toISOString();

/**
 * Every public page. The URLs are numbered in a stable order (home, categories,
 * topics, then articles from the first published): while they fit in one file,
 * /sitemap.xml lists them all; past SITEMAP_URLS_PER_FILE, /sitemap.xml is a
 * sitemap index and /sitemap-<n>.xml holds the n-th slice, so that older files
 * stay the same as articles are added and a crawler refetches only the last.
 * `page` null: /sitemap.xml; a number: /sitemap-<page>.xml (404 past the last).
 */
async function sitemap(app: App, requestUrl: URL, page: number | null): Promise<Feed | null> {
  const link = links(app, requestUrl);
  const perFile = app.config.SITEMAP_URLS_PER_FILE;
  const site = await siteOf(app);
  const [categories, topics, articleCount] = await Promise.all([
    app.db.category.findMany({ select: { slug: true, createdAt: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] }),
    app.db.topic.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    app.db.article.count({ where: publicArticles(app) }),
  ]);
  const fixed = 1 + categories.length + topics.length;
  const files = Math.max(1, Math.ceil((fixed + articleCount) / perFile));
  if (page !== null && (files === 1 || page > files)) return null;
  const slice = page ?? 1;
  const first = (slice - 1) * perFile;
  const articles = await app.db.article.findMany({
    where: publicArticles(app),
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    skip: Math.max(0, first - fixed),
    take: Math.max(0, Math.min(perFile, first + perFile - fixed)),
    select: { id: true, slug: true, publishedAt: true, publishedVersion: { select: { createdAt: true } } },
  });
  const modified = (a: (typeof articles)[number]) => latest([a.publishedAt, a.publishedVersion?.createdAt], new Date(0));
  const inFile = first < fixed;
  const lastModified = latest(
    [...articles.map(modified), ...(inFile ? [...categories.map((c) => c.createdAt), ...topics.map((t) => t.updatedAt)] : [])],
    site.updatedAt,
  );
  if (page === null && files > 1) {
    // The index: one entry per file; the last file changes as articles are published.
    const index = create({ version: "1.0", encoding: "UTF-8" }).ele("sitemapindex", { xmlns: SITEMAP_XMLNS });
    // The files are this server's, like media: PUBLIC_URL, else the address of the request.
    const base = (app.config.PUBLIC_URL ?? requestUrl.origin).replace(/\/+$/, "");
    for (let n = 1; n <= files; n++) index.ele("sitemap").ele("loc").txt(`${base}/sitemap-${n}.xml`);
    const newest = await app.db.article.findFirst({
      where: publicArticles(app),
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { publishedAt: true, publishedVersion: { select: { createdAt: true } } },
    });
    return {
      body: index.end({ prettyPrint: true }),
      lastModified: latest([newest?.publishedAt, newest?.publishedVersion?.createdAt], site.updatedAt),
      contentType: "application/xml; charset=utf-8",
    };
  }
  const urlset = create({ version: "1.0", encoding: "UTF-8" }).ele("urlset", { xmlns: SITEMAP_XMLNS });
  const add = (loc: string, lastmod: Date | null, changefreq: string) => {
    const url = urlset.ele("url");
    url.ele("loc").txt(loc);
    if (lastmod) url.ele("lastmod").txt(isoDay(lastmod));
    url.ele("changefreq").txt(changefreq);
  };
  if (inFile) {
    const fixedUrls: Array<[string, Date | null, string]> = [
      [link.home, lastModified, "hourly"],
      ...categories.map((c): [string, Date | null, string] => [link.category(c.slug), null, "daily"]),
      ...topics.map((t): [string, Date | null, string] => [link.topic(t.slug), t.updatedAt, "daily"]),
    ];
    for (const [loc, lastmod, changefreq] of fixedUrls.slice(first, first + perFile)) add(loc, lastmod, changefreq);
  }
  for (const a of articles) add(link.article(a), modified(a), "monthly");
  return { body: urlset.end({ prettyPrint: true }), lastModified, contentType: "application/xml; charset=utf-8" };
}

async function newsSitemap(app: App, requestUrl: URL): Promise<Feed> {
  const link = links(app, requestUrl);
  const site = await siteOf(app);
  const now = app.clock.now();
  const articles = await app.db.article.findMany({
    where: { AND: [publicArticles(app), { publishedAt: { gte: new Date(now.getTime() - NEWS_WINDOW_MS) } }] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_MAX_URLS,
    select: { id: true, slug: true, publishedAt: true, publishedVersion: { select: { title: true, createdAt: true } } },
  });
  const lastModified = latest(
    articles.flatMap((a) => [a.publishedAt, a.publishedVersion?.createdAt]),
    site.updatedAt,
  );
  const urlset = create({ version: "1.0", encoding: "UTF-8" }).ele("urlset", {
    xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9",
  });
  for (const a of articles) {
    if (!a.publishedVersion || !a.publishedAt) continue;
    const url = urlset.ele("url");
    url.ele("loc").txt(link.article(a));
    const news = url.ele("news:news");
    const publication = news.ele("news:publication");
    publication.ele("news:name").txt(site.name);
    publication.ele("news:language").txt("vi");
    news.ele("news:publication_date").txt(a.publishedAt.toISOString());
    news.ele("news:title").txt(a.publishedVersion.title);
  }
  return { body: urlset.end({ prettyPrint: true }), lastModified, contentType: "application/xml; charset=utf-8" };
}
