// Visit statistics through the real pipeline (yoga.fetch), with the
// contract's own operations and a ManualClock for every time window.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, gql, signIn, type TestApp, execute, present } from "./support/app";
import { contractOperation } from "./support/contract";
import { Changes, listening } from "./support/wait";
import {
  ArticlePageDocument,
  ArticleViewCountDocument,
  HomePageDocument,
  RecordArticleViewDocument,
  RecordSiteVisitDocument,
  SiteStatisticsDocument,
} from "../clients/generated/graphql";

const BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const MINUTE = 60_000;

const asBrowser = { headers: { "user-agent": BROWSER } };

async function fixtureArticle(t: TestApp) {
  const row = await t.app.db.article.findFirstOrThrow({ where: { sourceKey: { not: null } }, select: { id: true, slug: true } });
  const page = await execute(t, ArticlePageDocument, { slug: row.slug });
  const article = present(page.data!.article, "the fixture article");
  return { dbId: row.id, id: article.id, slug: row.slug, viewCount: article.viewCount };
}

async function view(t: TestApp, articleId: string, visitorId?: string, headers: Record<string, string> = { "user-agent": BROWSER }) {
  const r = await execute(t, RecordArticleViewDocument, { articleId, visitorId }, { headers });
  expect(r.errors).toBeUndefined();
  return r.data!.recordArticleView.viewCount;
}

describe("recordArticleView", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers with the count that includes this view, and counts a visitor once per 30 minutes", async () => {
    const a = await fixtureArticle(t);
    expect(a.viewCount).toBe(157);
    expect(await view(t, a.id, "visitor-1")).toBe(158);
    expect(await view(t, a.id, "visitor-1")).toBe(158);
    t.clock.advance(29 * MINUTE);
    expect(await view(t, a.id, "visitor-1")).toBe(158);
    expect(await view(t, a.id, "visitor-2")).toBe(159);
    t.clock.advance(MINUTE);
    // 30 minutes after the counted view: a new visit.
    expect(await view(t, a.id, "visitor-1")).toBe(160);
    // Every read shows it, flushed or not.
    expect(present((await execute(t, ArticlePageDocument, { slug: a.slug })).data!.article, "the article").viewCount).toBe(160);
    await t.app.counters.flush();
    expect((await t.app.db.article.findUniqueOrThrow({ where: { id: a.dbId } })).viewCount).toBe(160);
    expect(present((await execute(t, ArticlePageDocument, { slug: a.slug })).data!.article, "the article").viewCount).toBe(160);
  });

  it("counts every view without a visitorId, and none from a known crawler", async () => {
    const a = await fixtureArticle(t);
    expect(await view(t, a.id)).toBe(a.viewCount + 1);
    expect(await view(t, a.id)).toBe(a.viewCount + 2);
    expect(await view(t, a.id, undefined, { "user-agent": GOOGLEBOT })).toBe(a.viewCount + 2);
    expect(await view(t, a.id, "bot-with-id", { "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" })).toBe(
      a.viewCount + 2,
    );
  });

  it("raises the count by exactly 2,000 for 2,000 concurrent views with distinct visitors, across flushes", async () => {
    await t.app.counters.flush();
    const a = await fixtureArticle(t);
    const statsBefore = await t.app.db.articleDailyStat.findMany({ where: { articleId: a.dbId } });
    const answers: number[] = [];
    const answered = new Changes();
    const views = Array.from({ length: 2000 }, (_, i) =>
      view(t, a.id, `concurrent-${i}`).then((n) => {
        answers.push(n);
        answered.notify();
      }),
    );
    // Flushes run while the views come in: one at once, one when half have been answered.
    const flushes = [t.app.counters.flush(), answered.until(() => answers.length >= 1000, "1,000 views answered", 120_000).then(() => t.app.counters.flush())];
    await Promise.all([...views, ...flushes]);
    // Each answer includes its own view (at least one more), none counts past the total.
    expect(answers).toHaveLength(2000);
    expect(Math.max(...answers)).toBe(a.viewCount + 2000);
    expect(Math.min(...answers)).toBeGreaterThan(a.viewCount);
    expect(present((await execute(t, ArticlePageDocument, { slug: a.slug })).data!.article, "the article").viewCount).toBe(a.viewCount + 2000);
    // The same 2,000 again within the window: not one more.
    await Promise.all(Array.from({ length: 2000 }, (_, i) => view(t, a.id, `concurrent-${i}`)));
    await t.app.counters.flush();
    expect((await t.app.db.article.findUniqueOrThrow({ where: { id: a.dbId } })).viewCount).toBe(a.viewCount + 2000);
    const statsAfter = await t.app.db.articleDailyStat.findMany({ where: { articleId: a.dbId } });
    const sum = (rows: typeof statsAfter, k: "views" | "uniqueViewers") => rows.reduce((n, r) => n + r[k], 0);
    expect(sum(statsAfter, "views") - sum(statsBefore, "views")).toBe(2000);
    expect(sum(statsAfter, "uniqueViewers") - sum(statsBefore, "uniqueViewers")).toBe(2000);
  }, 180_000);

  it("refuses what the viewer may not read, and bad input, without counting", async () => {
    const draft = await t.app.db.article.create({ data: { slug: "ban-nhap-thong-ke" } });
    const draftId = Buffer.from(`Article:${draft.id}`).toString("base64");
    const r = await execute(t, RecordArticleViewDocument, { articleId: draftId }, asBrowser);
    expect(codes(r)).toEqual(["NOT_FOUND"]);
    const a = await fixtureArticle(t);
    expect(codes(await execute(t, RecordArticleViewDocument, { articleId: a.id, visitorId: "" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await execute(t, RecordArticleViewDocument, { articleId: a.id, visitorId: "x".repeat(201) }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await execute(t, RecordArticleViewDocument, { articleId: a.id, visitorId: "có dấu cách" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await execute(t, RecordArticleViewDocument, { articleId: Buffer.from("User:1").toString("base64") }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await execute(t, RecordArticleViewDocument, { articleId: "%%%" }))).toEqual(["BAD_USER_INPUT"]);
    await t.app.counters.flush();
    expect((await t.app.db.article.findUniqueOrThrow({ where: { id: draft.id } })).viewCount).toBe(0);
    expect((await fixtureArticle(t)).viewCount).toBe(a.viewCount);
  });

  it("offers no way to set a counter", async () => {
    // The schema itself, by introspection.
    const r = await gql(t, `{ __schema { mutationType { fields { name args { name } } } types { name inputFields { name } } } }`);
    const mutations = r.data!.__schema.mutationType.fields as Array<{ name: string; args: Array<{ name: string }> }>;
    const inputs = (r.data!.__schema.types as Array<{ name: string; inputFields: Array<{ name: string }> | null }>).flatMap((t) => t.inputFields ?? []);
    const counterish = /viewCount|totalVisits|visits|views|uniqueVisitors|online/i;
    expect(mutations.flatMap((m) => m.args).filter((a) => counterish.test(a.name))).toEqual([]);
    expect(inputs.filter((f) => counterish.test(f.name))).toEqual([]);
  });
});

describe("recordSiteVisit and the statistics block", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: "2026-11-29T03:00:00.000Z" });
  });
  afterAll(() => t.close());

  it("counts visits once per visitor per 30 minutes, shows them everywhere at once, and counts who is online", async () => {
    const visit = (visitorId?: string, ua = BROWSER) => execute(t, RecordSiteVisitDocument, { visitorId }, { headers: { "user-agent": ua } });
    const first = await visit("reader-a");
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordSiteVisit).toEqual({ totalVisits: 258180, online: 1, today: 1 });
    expect((await visit("reader-a")).data!.recordSiteVisit).toEqual({ totalVisits: 258180, online: 1, today: 1 });
    expect((await visit("reader-b")).data!.recordSiteVisit).toEqual({ totalVisits: 258181, online: 2, today: 2 });
    expect((await visit(undefined, GOOGLEBOT)).data!.recordSiteVisit).toEqual({ totalVisits: 258181, online: 2, today: 2 });
    const home = await execute(t, HomePageDocument);
    expect(home.data!.site.statistics).toEqual({ totalVisits: 258181, online: 2, today: 2, yesterday: 0, thisWeek: 2, thisMonth: 2 });
    // Online means the last 5 minutes.
    t.clock.advance(4 * MINUTE);
    await visit("reader-c");
    t.clock.advance(2 * MINUTE);
    expect((await execute(t, HomePageDocument)).data!.site.statistics.online).toBe(1);
    await t.app.counters.flush();
    expect((await execute(t, HomePageDocument)).data!.site.statistics).toMatchObject({ totalVisits: 258182, today: 3, online: 1 });
    expect((await t.app.db.site.findUniqueOrThrow({ where: { id: 1 } })).totalVisits).toBe(258182);
  });

  it("counts unique visitors once a day, flushed or not", async () => {
    const editor = await signIn(t, "EDITOR");
    const visit = (visitorId: string) => execute(t, RecordSiteVisitDocument, { visitorId }, asBrowser);
    t.clock.advance(31 * MINUTE);
    await visit("reader-a"); // a second visit today, same visitor
    const stats = await execute(t, SiteStatisticsDocument, { from: "2026-11-29", to: "2026-11-29" }, { token: editor.token });
    expect(stats.errors).toBeUndefined();
    expect(stats.data!.site.statistics.daily).toEqual([{ date: "2026-11-29", visits: 4, uniqueVisitors: 3, articleViews: 0 }]);
    await t.app.counters.flush();
    const after = await execute(t, SiteStatisticsDocument, { from: "2026-11-29", to: "2026-11-29" }, { token: editor.token });
    expect(after.data!.site.statistics.daily).toEqual(stats.data!.site.statistics.daily);
  });
});

describe("day boundaries in the site's time zone (+07:00)", () => {
  let t: TestApp;
  beforeAll(async () => {
    // Sunday 29 November 2026, 23:59:59.999 in Hà Nội.
    t = await createTestApp({ now: "2026-11-29T16:59:59.999Z" });
  });
  afterAll(() => t.close());

  const stats = async () => (await execute(t, HomePageDocument)).data!.site.statistics;
  const visit = (visitorId: string) => execute(t, RecordSiteVisitDocument, { visitorId }, asBrowser);

  it("starts a new day, week and month at local midnight", async () => {
    await visit("night-owl");
    expect(await stats()).toMatchObject({ today: 1, yesterday: 0, thisWeek: 1, thisMonth: 1 });

    t.clock.set("2026-11-29T17:00:00.000Z"); // Monday 30 November, 00:00 local: a new day and week
    expect(await stats()).toMatchObject({ today: 0, yesterday: 1, thisWeek: 0, thisMonth: 1 });
    // The same visitor a second later is still within its 30 minutes, across midnight.
    await visit("night-owl");
    await visit("early-bird");
    expect(await stats()).toMatchObject({ today: 1, yesterday: 1, thisWeek: 1, thisMonth: 2 });
    await t.app.counters.flush();

    t.clock.set("2026-11-30T16:59:59.999Z"); // Monday, 23:59:59.999 local
    await visit("late");
    t.clock.set("2026-11-30T17:00:00.000Z"); // Tuesday 1 December, 00:00 local: a new month
    await visit("first-of-december");
    expect(await stats()).toMatchObject({ today: 1, yesterday: 2, thisWeek: 3, thisMonth: 1 });

    const admin = await signIn(t, "ADMIN");
    const r = await execute(t, SiteStatisticsDocument, { from: "2026-11-29", to: "2026-12-01" }, { token: admin.token });
    expect(r.data!.site.statistics.daily).toEqual([
      { date: "2026-11-29", visits: 1, uniqueVisitors: 1, articleViews: 0 },
      { date: "2026-11-30", visits: 2, uniqueVisitors: 2, articleViews: 0 },
      { date: "2026-12-01", visits: 1, uniqueVisitors: 1, articleViews: 0 },
    ]);
    await t.app.counters.flush();
    const rows = await t.app.db.siteDailyStat.findMany({ orderBy: { day: "asc" } });
    expect(rows.map((r) => [r.day, r.visits])).toEqual([
      ["2026-11-29", 1],
      ["2026-11-30", 2],
      ["2026-12-01", 1],
    ]);
  });

  it("rejects a reversed or too long range", async () => {
    const admin = await signIn(t, "ADMIN");
    expect(codes(await execute(t, SiteStatisticsDocument, { from: "2026-12-01", to: "2026-11-29" }, { token: admin.token }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await execute(t, SiteStatisticsDocument, { from: "2024-01-01", to: "2026-11-29" }, { token: admin.token }))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("privacy", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("stores no visitor id or address, and the visitor hash changes every day", async () => {
    const a = await fixtureArticle(t);
    const visitorId = "b7c1e0f2-secret-visitor-id";
    await view(t, a.id, visitorId);
    await execute(t, RecordSiteVisitDocument, { visitorId }, asBrowser);
    await t.app.counters.flush();
    t.clock.advance(24 * 60 * MINUTE);
    await execute(t, RecordSiteVisitDocument, { visitorId }, asBrowser);
    await t.app.counters.flush();
    const rows = await t.app.db.dailyVisitor.findMany({ where: { scope: "site" }, orderBy: { day: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.hash).not.toBe(rows[1]!.hash);
    const dump = JSON.stringify(await t.app.db.dailyVisitor.findMany()) + JSON.stringify(await t.app.db.counterFlush.findMany());
    expect(dump).not.toContain(visitorId);
    expect(dump).not.toContain(BROWSER);
    for (const row of await t.app.db.dailyVisitor.findMany()) expect(row.hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("forgets visitor hashes of days before yesterday", async () => {
    t.clock.advance(2 * 24 * 60 * MINUTE);
    await execute(t, RecordSiteVisitDocument, { visitorId: "later" }, asBrowser);
    await t.app.counters.flush();
    const days = new Set((await t.app.db.dailyVisitor.findMany()).map((r) => r.day));
    expect(days.size).toBe(1);
  });
});

describe("topArticles", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("ranks by views, buffered ones included, and never lists an article the viewer may not see", async () => {
    const articles = await t.app.db.article.findMany({ where: { publishedVersionId: { not: null } }, orderBy: { viewCount: "asc" }, take: 2 });
    const [hidden, quiet] = articles as [(typeof articles)[0], (typeof articles)[0]];
    const gid = (id: string) => Buffer.from(`Article:${id}`).toString("base64");
    for (let i = 0; i < 500; i++) await view(t, gid(hidden.id), `fan-${i}`);
    for (let i = 0; i < 3; i++) await view(t, gid(quiet.id), `fan-${i}`);
    // The most read article stops being public.
    await t.app.db.article.update({ where: { id: hidden.id }, data: { inheritsPermissions: false, isPublic: false } });
    const admin = await signIn(t, "ADMIN");
    const top = async (token?: string, range = { from: "2026-11-29", to: "2026-11-29" }) => {
      const r = await execute(t, SiteStatisticsDocument, range, { token });
      expect(r.errors).toBeUndefined();
      return r.data!.site.statistics.topArticles.map((x) => [x.article.id, x.views]);
    };
    const editor = await signIn(t, "EDITOR");
    for (const flushed of [false, true]) {
      if (flushed) await t.app.counters.flush();
      expect(await top(admin.token)).toEqual([
        [gid(hidden.id), 500],
        [gid(quiet.id), 3],
      ]);
      expect(await top(editor.token)).toEqual([[gid(quiet.id), 3]]);
      // The all-time list (no date range), which the contract's SiteStatistics does not ask for.
      const allTime = await gql(t, `{ site { statistics { topArticles(first: 100) { views article { id } } } } }`);
      const ids = allTime.data!.site.statistics.topArticles.map((x: any) => x.article.id);
      expect(ids).not.toContain(gid(hidden.id));
      expect(allTime.data!.site.statistics.topArticles).toContainEqual({ views: quiet.viewCount + 3, article: { id: gid(quiet.id) } });
      const adminAllTime = await gql(t, `{ site { statistics { topArticles(first: 1) { views article { id } } } } }`, {}, { token: admin.token });
      expect(adminAllTime.data!.site.statistics.topArticles[0].views).toBeGreaterThanOrEqual(hidden.viewCount + 500);
    }
  });
});

describe("articleViewCount subscription", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("sends the new count at most once a second, ending on the latest", async () => {
    const a = await fixtureArticle(t);
    const articleId = Buffer.from(a.id, "base64").toString("utf8").split(":")[1]!;
    const subscription = listening(t.app.events, "articleViewCount", articleId);
    const controller = new AbortController();
    const response = await t.yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: contractOperation("ArticleViewCount"), variables: { id: a.id } }),
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events: Array<{ at: number; viewCount: number }> = [];
    // Resolves once an event satisfies the condition (the stream is read below).
    const waiters: Array<{ until: (viewCount: number) => boolean; resolve: () => void }> = [];
    const eventWhere = (until: (viewCount: number) => boolean) =>
      new Promise<void>((resolve) => {
        if (events.some((e) => until(e.viewCount))) resolve();
        else waiters.push({ until, resolve });
      });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffered = "";
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        for (let i = buffered.indexOf("\n\n"); i >= 0; i = buffered.indexOf("\n\n")) {
          const chunk = buffered.slice(0, i);
          buffered = buffered.slice(i + 2);
          const data = chunk.split("\n").find((l) => l.startsWith("data:"));
          if (data && data.length > 6) {
            const payload = JSON.parse(data.slice(5));
            if (payload.data) {
              const viewCount: number = payload.data.articleViewCount.viewCount;
              events.push({ at: Date.now(), viewCount });
              for (const waiter of waiters) if (waiter.until(viewCount)) waiter.resolve();
            }
          }
        }
      }
    })();
    const subscribed = Date.now();
    // Once the subscription listens, a change of the count is announced (as a view would): the first event.
    await subscription;
    t.app.events.publish("articleViewCount", articleId, { articleId });
    await eventWhere(() => true);
    // Then a burst of views with no pause: the throttle lets through what one event a second allows.
    let views = 0;
    for (; views < 40; views++) await view(t, a.id, `live-${views}`);
    await eventWhere((viewCount) => viewCount === a.viewCount + 40);
    const elapsed = Date.now() - subscribed;
    await reader.cancel();
    controller.abort();
    await reading;
    expect(events.length).toBeGreaterThanOrEqual(2);
    // At most one a second (the first at once, then one per whole second), however late the reader reads them.
    expect(events.length).toBeLessThanOrEqual(Math.floor(elapsed / 1000) + 1);
    expect(events.at(-1)!.viewCount).toBe(a.viewCount + 40);
  });

  it("refuses an article the subscriber may not read", async () => {
    const draft = await t.app.db.article.create({ data: { slug: "ban-nhap-truc-tiep" } });
    const r = await execute(t, ArticleViewCountDocument, { id: Buffer.from(`Article:${draft.id}`).toString("base64") });
    expect(codes(r)).toEqual(["NOT_FOUND"]);
  });
});

describe("a stop while the database is away", () => {
  it("keeps the unwritten counts in the data folder and writes them once at the next start", async () => {
    const t = await createTestApp();
    const a = await fixtureArticle(t);
    for (let i = 0; i < 5; i++) await view(t, a.id, `away-${i}`);
    await execute(t, RecordSiteVisitDocument, { visitorId: "away-0" }, asBrowser);
    const { createApp, closeApp } = await import("../src/app");
    if (t.app.target.provider === "sqlite") {
      // Another connection holds the write lock: every flush fails (SQLITE_BUSY after the busy timeout).
      const file = t.app.config.DATABASE_URL.replace(/^file:/, "");
      const { default: Database } = await import("better-sqlite3");
      const blocker = new Database(file);
      blocker.exec("BEGIN EXCLUSIVE");
      await closeApp(t.app);
      blocker.exec("ROLLBACK");
      blocker.close();
    } else {
      // The database refuses every connection, its open ones cut: every flush fails.
      const { default: pg } = await import("pg");
      const name = new URL(t.app.config.DATABASE_URL).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
        await closeApp(t.app);
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      } finally {
        await admin.end();
      }
    }
    const again = await createApp(t.app.config, { clock: t.clock });
    try {
      // The same visitor within its 30 minutes is still known after the restart.
      await again.counters.recordArticleView(a.dbId, { visitorId: "away-0", address: null, userAgent: BROWSER }, t.clock.now());
      await again.counters.flush();
      expect((await again.db.article.findUniqueOrThrow({ where: { id: a.dbId } })).viewCount).toBe(a.viewCount + 5);
      expect((await again.db.site.findUniqueOrThrow({ where: { id: 1 } })).totalVisits).toBe(258180);
    } finally {
      await closeApp(again);
      await t.close();
    }
  });
});
