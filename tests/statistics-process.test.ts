// Visit counts against a real server process: 2,000 concurrent views
// over HTTP, then SIGTERM and a restart: not one count is lost or doubled.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { createDb } from "../src/db/client";
import { ArticlePageDocument, HomePageDocument, RecordArticleViewDocument, RecordSiteVisitDocument } from "../clients/generated/graphql";
import { present } from "./support/app";
import { closeClients, post, startServer, type RunningServer } from "./support/processes";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const ua = { "user-agent": BROWSER };
const dir = mkdtempSync(join(tmpdir(), "portal-stats-"));
const env = {
  DATABASE_URL: `file:${join(dir, "portal.db")}`,
  DATA_DIR: dir,
  SEED_DEMO: "true",
  STATS_FLUSH_INTERVAL_MS: "2000",
  // Every view comes from one loopback address here: the per-address limits would refuse most.
  VISIT_LIMIT_PER_ADDRESS: "0",
  VIEW_LIMIT_PER_ADDRESS_ARTICLE: "0",
  RATE_LIMIT_REQUESTS: "0",
};
let server: RunningServer | null = null;

afterAll(async () => {
  await server?.stop("SIGKILL");
  closeClients();
});

async function fixture(url: string) {
  const home = await post(url, HomePageDocument);
  const card = present(
    home.data?.latest.edges.map((e) => e.node).find((n) => n.byline === "Hoài Phương"),
    "Hoài Phương's article",
  );
  const page = present((await post(url, ArticlePageDocument, { slug: card.slug })).data?.article, "the article");
  return { id: page.id, slug: card.slug, viewCount: page.viewCount, totalVisits: home.data!.site.statistics.totalVisits };
}

describe("a real server process", () => {
  it("counts 2,000 concurrent views exactly and keeps every count across a SIGTERM restart", async () => {
    server = await startServer(env, { inheritEnv: true });
    const before = await fixture(server.graphql);
    const url = server.graphql;
    const views = await Promise.all(
      Array.from({ length: 2000 }, (_, i) => post(url, RecordArticleViewDocument, { articleId: before.id, visitorId: `reader-${i}` }, ua)),
    );
    expect(views.filter((r) => r.errors)).toEqual([]);
    expect(Math.max(...views.map((r) => r.data!.recordArticleView.viewCount))).toBe(before.viewCount + 2000);
    // Repeats within 30 minutes, and a crawler: not one more.
    await Promise.all(Array.from({ length: 200 }, (_, i) => post(url, RecordArticleViewDocument, { articleId: before.id, visitorId: `reader-${i}` }, ua)));
    await post(url, RecordArticleViewDocument, { articleId: before.id }, { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" });
    const visits = await Promise.all(Array.from({ length: 300 }, (_, i) => post(url, RecordSiteVisitDocument, { visitorId: `visitor-${i}` }, ua)));
    expect(visits.filter((r) => r.errors)).toEqual([]);
    expect((await fixture(url)).viewCount).toBe(before.viewCount + 2000);

    // Stop at once, long before the next 2-second flush could have run on its own.
    expect(await server.stop("SIGTERM")).toBe(0);
    server = null;
    const { db } = createDb(env.DATABASE_URL);
    try {
      const site = await db.site.findUniqueOrThrow({ where: { id: 1 } });
      expect(site.totalVisits).toBe(before.totalVisits + 300);
      const daily = await db.siteDailyStat.findMany();
      expect(daily.reduce((n, d) => n + d.articleViews, 0)).toBe(2000);
      expect(daily.reduce((n, d) => n + d.uniqueVisitors, 0)).toBe(300);
    } finally {
      await db.$disconnect();
    }

    server = await startServer(env, { inheritEnv: true });
    const after = await fixture(server.graphql);
    expect(after.viewCount).toBe(before.viewCount + 2000);
    expect(after.totalVisits).toBe(before.totalVisits + 300);
    // The 30-minute windows survive the restart too.
    const repeat = await post(server.graphql, RecordArticleViewDocument, { articleId: before.id, visitorId: "reader-7" }, ua);
    expect(repeat.data!.recordArticleView.viewCount).toBe(before.viewCount + 2000);
    const fresh = await post(server.graphql, RecordArticleViewDocument, { articleId: before.id, visitorId: "after-restart" }, ua);
    expect(fresh.data!.recordArticleView.viewCount).toBe(before.viewCount + 2001);
    expect(await server.stop("SIGTERM")).toBe(0);
    server = null;
  }, 240_000);
});
