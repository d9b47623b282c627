// Visit counters on Redis (REDIS_URL): the shared buffer of several instances.
// Two real server processes share one Redis and one database and count together
// exactly. Run with `npm run test:redis`; REDIS_URL or TEST_REDIS_URL
// names the server (default redis://127.0.0.1:6379).
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import pg from "pg";
import { createDb } from "../src/db/client";
import { createTestApp, execute, present, type TestApp } from "./support/app";
import { closeClients, post, startServer, type RunningServer } from "./support/processes";
import { deleteKeysWithPrefix } from "./support/redis";
import { ArticlePageDocument, HomePageDocument, RecordArticleViewDocument, RecordSiteVisitDocument } from "../clients/generated/graphql";

const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `test-${randomUUID()}:`;
const BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";
const ua = { "user-agent": BROWSER };
let redis: Redis;

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});

afterAll(async () => {
  // Leave nothing of this run in the shared Redis.
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
  closeClients();
});

describe("the Redis buffer in one app", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { REDIS_URL, REDIS_PREFIX: `${PREFIX}app:` } });
  });
  afterAll(() => t.close());

  it("answers with the view included, counts a visitor once in the window, and flushes exactly", async () => {
    expect(t.app.counters.backendKind).toBe("redis");
    const row = await t.app.db.article.findFirstOrThrow({ where: { sourceKey: { not: null } } });
    const id = Buffer.from(`Article:${row.id}`).toString("base64");
    const view = async (visitorId?: string, headers = ua) =>
      (await execute(t, RecordArticleViewDocument, { articleId: id, visitorId }, { headers })).data!.recordArticleView.viewCount;
    expect(await view("r1")).toBe(row.viewCount + 1);
    expect(await view("r1")).toBe(row.viewCount + 1);
    expect(await view("r2")).toBe(row.viewCount + 2);
    expect(await view(undefined, { "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0)" })).toBe(row.viewCount + 2);
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => view(`c${i}`)));
    expect(Math.max(...answers)).toBe(row.viewCount + 502);
    await t.app.counters.flush();
    expect((await t.app.db.article.findUniqueOrThrow({ where: { id: row.id } })).viewCount).toBe(row.viewCount + 502);
    expect(await view("r1")).toBe(row.viewCount + 502);
    const visit = await execute(t, RecordSiteVisitDocument, { visitorId: "r1" }, { headers: ua });
    expect(visit.data!.recordSiteVisit).toMatchObject({ totalVisits: 258180, today: 1 });
    expect(visit.data!.recordSiteVisit.online).toBeGreaterThanOrEqual(1);
    expect(await redis.exists(`${PREFIX}app:counters:pending`)).toBe(1);
    await t.app.counters.flush();
    expect(await redis.exists(`${PREFIX}app:counters:pending`, `${PREFIX}app:counters:inflight`)).toBe(0);
    // No raw visitor id anywhere in Redis: keys and members hold keyed hashes only.
    const ids = new Set(["r1", "r2", ...Array.from({ length: 500 }, (_, i) => `c${i}`)]);
    const keys = await redis.keys(`${PREFIX}app:*`);
    const members = await redis.zrange(`${PREFIX}app:counters:online`, 0, -1);
    const parts = [...keys.flatMap((k) => k.split(":")), ...members];
    expect(parts.filter((p) => ids.has(p))).toEqual([]);
  });
});

// Instances that share a database share a PostgreSQL one (an SQLite file belongs
// to one process); a fresh database per run, dropped at the end.
const PG_ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const PG_DB = `stats_${randomUUID().replaceAll("-", "").slice(0, 16)}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("two server processes sharing Redis and the database", () => {
  const dir = mkdtempSync(join(tmpdir(), "portal-stats-redis-"));
  const databaseUrl = new URL(PG_ADMIN_URL);
  databaseUrl.pathname = `/${PG_DB}`;
  beforeAll(() => admin(`CREATE DATABASE ${PG_DB}`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`));
  const env = {
    DATABASE_URL: databaseUrl.toString(),
    SEED_DEMO: "true",
    REDIS_URL,
    REDIS_PREFIX: `${PREFIX}pair:`,
    STATS_SECRET: "a shared secret of the two instances, 32+ chars",
    // Frequent flushes, so both instances flush while the views come in.
    STATS_FLUSH_INTERVAL_MS: "100",
    // Every view here comes from one loopback address: the per-address limits would refuse most.
    RATE_LIMIT_REQUESTS: "0",
    VISIT_LIMIT_PER_ADDRESS: "0",
    VIEW_LIMIT_PER_ADDRESS_ARTICLE: "0",
  };
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop("SIGKILL");
  });

  it("count together exactly, repeats across instances included, and lose nothing on SIGTERM", async () => {
    // One after the other, as a rolling deploy starts them: the second finds the schema migrated and the demo seeded.
    servers.push(await startServer({ ...env, DATA_DIR: join(dir, "a") }, { inheritEnv: true }));
    servers.push(await startServer({ ...env, DATA_DIR: join(dir, "b") }, { inheritEnv: true }));
    const [a, b] = servers as [RunningServer, RunningServer];
    const home = await post(a.graphql, HomePageDocument);
    const card = present(
      home.data?.latest.edges.map((e) => e.node).find((n) => n.byline === "Hoài Phương"),
      "Hoài Phương's article",
    );
    const articleId = card.id;
    const before = card.viewCount;
    const totalBefore = home.data!.site.statistics.totalVisits;

    const record = (url: string, visitorId: string) => post(url, RecordArticleViewDocument, { articleId, visitorId }, ua);
    const results = await Promise.all([
      ...Array.from({ length: 1000 }, (_, i) => record(a.graphql, `a-${i}`)),
      ...Array.from({ length: 1000 }, (_, i) => record(b.graphql, `b-${i}`)),
      // The same visitors on the other instance, within the window: not counted again.
      ...Array.from({ length: 300 }, (_, i) => record(b.graphql, `a-${i}`)),
      ...Array.from({ length: 300 }, (_, i) => record(a.graphql, `b-${i}`)),
      ...Array.from({ length: 200 }, (_, i) => post(i % 2 ? a.graphql : b.graphql, RecordSiteVisitDocument, { visitorId: `v-${i}` }, ua)),
      ...Array.from({ length: 100 }, (_, i) => post(i % 2 ? b.graphql : a.graphql, RecordSiteVisitDocument, { visitorId: `v-${i}` }, ua)),
    ]);
    expect(results.filter((r) => r.errors)).toEqual([]);

    const countOn = async (url: string) => present((await post(url, ArticlePageDocument, { slug: card.slug })).data?.article, "the article").viewCount;
    expect(await countOn(a.graphql)).toBe(before + 2000);
    expect(await countOn(b.graphql)).toBe(before + 2000);
    const stats = async (url: string) => (await post(url, HomePageDocument)).data!.site.statistics;
    expect((await stats(a.graphql)).totalVisits).toBe(totalBefore + 200);
    expect((await stats(b.graphql)).totalVisits).toBe(totalBefore + 200);

    expect(await a.stop("SIGTERM")).toBe(0);
    expect(await countOn(b.graphql)).toBe(before + 2000);
    expect(await b.stop("SIGTERM")).toBe(0);
    servers.length = 0;

    const { db } = createDb(env.DATABASE_URL);
    try {
      const article = await db.article.findUniqueOrThrow({ where: { slug: card.slug } });
      expect(article.viewCount).toBe(before + 2000);
      const days = await db.articleDailyStat.findMany({ where: { articleId: article.id } });
      expect(days.reduce((n, d) => n + d.views, 0)).toBe(2000);
      expect(days.reduce((n, d) => n + d.uniqueViewers, 0)).toBe(2000);
      expect((await db.site.findUniqueOrThrow({ where: { id: 1 } })).totalVisits).toBe(totalBefore + 200);
      const daily = await db.siteDailyStat.findMany();
      expect(daily.reduce((n, d) => n + d.uniqueVisitors, 0)).toBe(200);
    } finally {
      await db.$disconnect();
    }
    expect(await redis.exists(`${PREFIX}pair:counters:pending`, `${PREFIX}pair:counters:inflight`)).toBe(0);
  }, 300_000);
});
