// The siteVisitCounts subscription over real sockets (graphql-ws and SSE): the
// current figures at once, new ones after visits, anyone may subscribe, and a
// burst of visits becomes at most one event a second ending on the last figure.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { untilAborted } from "../src/services/events";
import { execute, present, signIn, type TestApp } from "./support/app";
import { LiveServer, sseSubscribe, type Inbox, type LiveEvent } from "./support/live";
import { FilteredArticlesDocument, HomePageDocument, RecordArticleViewDocument, RecordSiteVisitDocument } from "../clients/generated/graphql";

const SUBSCRIPTION = /* GraphQL */ `
  subscription SiteVisitCounts {
    siteVisitCounts {
      online
      today
      totalVisits
    }
  }
`;
const BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
const MINUTE = 60_000;

interface Figures {
  online: number;
  today: number;
  totalVisits: number;
}

let live: LiveServer;
let t: TestApp;
beforeAll(async () => ({ t } = live = await LiveServer.start()));
afterAll(() => live.close());

const ws = (token?: string) => live.ws(SUBSCRIPTION, {}, token);
const sse = (token?: string) => live.sse(SUBSCRIPTION, {}, token);

function figuresOf(event: LiveEvent | null): Figures {
  expect(event).not.toBeNull();
  expect(event!.errors).toBeUndefined();
  return event!.data.siteVisitCounts as Figures;
}

/** Takes events until one has these figures; fails if none comes within `ms` of the previous one. */
async function until(inbox: Inbox, expected: Figures, ms = 5000): Promise<number> {
  let taken = 0;
  for (;;) {
    const figures = figuresOf(await inbox.next(ms));
    taken++;
    if (figures.online === expected.online && figures.today === expected.today && figures.totalVisits === expected.totalVisits) return taken;
  }
}

async function visit(visitorId: string) {
  const r = await execute(t, RecordSiteVisitDocument, { visitorId }, { headers: { "user-agent": BROWSER } });
  expect(r.errors).toBeUndefined();
  return r.data!.recordSiteVisit as Figures;
}

/** The figures as site.statistics answers them now. */
async function statistics(): Promise<Figures> {
  const r = await execute(t, HomePageDocument);
  expect(r.errors).toBeUndefined();
  const { online, today, totalVisits } = r.data!.site.statistics;
  return { online, today, totalVisits };
}

describe("siteVisitCounts", () => {
  it("sends the current figures at once, then the new ones after visits and article views (graphql-ws)", async () => {
    const s = await ws();
    const first = figuresOf(await s.inbox.next());
    expect(first).toEqual(await statistics());

    await visit("truc-tiep-1");
    await visit("truc-tiep-2");
    await until(s.inbox, { online: first.online + 2, today: first.today + 2, totalVisits: first.totalVisits + 2 });

    // A repeat within 30 minutes counts nothing: no event with the same figures.
    await visit("truc-tiep-2");
    // An article view brings a new visitor among those online, without a visit.
    const article = await execute(t, FilteredArticlesDocument, { first: 1 });
    const articleId = present(article.data?.articles.edges[0], "an article").node.id;
    const view = await execute(t, RecordArticleViewDocument, { articleId, visitorId: "nguoi-doc-bai" }, { headers: { "user-agent": BROWSER } });
    expect(view.errors).toBeUndefined();
    const next = figuresOf(await s.inbox.next());
    expect(next).toEqual({ online: first.online + 3, today: first.today + 2, totalVisits: first.totalVisits + 2 });
    expect(next).toEqual(await statistics());
  });

  it("reads the figures at the time of each change: visitors gone for 5 minutes are no longer online", async () => {
    const s = await sse();
    const before = figuresOf(await s.inbox.next());
    expect(before.online).toBeGreaterThan(0);
    t.clock.advance(6 * MINUTE);
    await visit("sau-sau-phut");
    await until(s.inbox, { online: 1, today: before.today + 1, totalVisits: before.totalVisits + 1 });
  });

  it("gives a subscriber who joins identical running subscriptions the current figures at once", async () => {
    const a = await ws();
    const current = figuresOf(await a.inbox.next());
    const b = await ws();
    expect(figuresOf(await b.inbox.next())).toEqual(current);
    await visit("nguoi-thu-ba");
    const expected = { online: current.online + 1, today: current.today + 1, totalVisits: current.totalVisits + 1 };
    await until(a.inbox, expected);
    await until(b.inbox, expected);
  });

  it("is open to anyone who may read site.statistics: anonymous readers, READERs and staff, over both transports", async () => {
    const reader = await signIn(t, "READER");
    const editor = await signIn(t, "EDITOR");
    const subscribers = [await ws(), await sse(), await ws(reader.token), await sse(reader.token), await ws(editor.token)];
    const current = await statistics();
    for (const s of subscribers) expect(figuresOf(await s.inbox.next())).toEqual(current);
  });

  it("refuses a token that is not valid with UNAUTHENTICATED, as every operation does", async () => {
    const s = await sse("not-a-token");
    const event = await s.inbox.next();
    expect(event!.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  });

  it("turns a burst of visits into at most one event a second, ending on the last figures", async () => {
    const published: number[] = [];
    const listening = new AbortController();
    const counting = (async () => {
      for await (const _ of untilAborted(t.app.events.subscribe("siteVisitCounts"), listening.signal)) published.push(Date.now());
    })();
    const s = await ws();
    const first = figuresOf(await s.inbox.next());
    const subscribed = Date.now();
    const VISITS = 120;
    for (let i = 0; i < VISITS; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, j) => visit(`dot-${i + j}`)));
    }
    const taken = await until(s.inbox, { online: first.online + VISITS, today: first.today + VISITS, totalVisits: first.totalVisits + VISITS });
    const elapsed = Date.now() - subscribed;
    // The first event at once, then at most one per whole second, however fast the visits come.
    expect(taken).toBeLessThanOrEqual(Math.floor(elapsed / 1000) + 1);
    expect(taken).toBeLessThan(VISITS / 4);
    // This instance announced the changes at most once a second too.
    expect(published.length).toBeGreaterThan(0);
    expect(published.length).toBeLessThanOrEqual(Math.floor((Date.now() - subscribed) / 1000) + 1);
    expect(s.inbox.pending).toBe(0);
    listening.abort();
    await counting;
  });
});

describe("siteVisitCounts under the live connection limits", () => {
  let limited: LiveServer;
  let limitedPort: number;
  beforeAll(async () => ({ port: limitedPort } = limited = await LiveServer.start({ config: { LIVE_CONNECTIONS_PER_ADDRESS: 2 } })));
  afterAll(() => limited.close());

  it("counts each SSE stream against the address's live connections, and refuses one more with RATE_LIMITED", async () => {
    const streams = [sseSubscribe(limitedPort, SUBSCRIPTION), sseSubscribe(limitedPort, SUBSCRIPTION)];
    limited.open.push(...streams);
    for (const s of streams) {
      expect(await s.opened).toBe(200);
      figuresOf(await s.inbox.next());
    }
    const third = sseSubscribe(limitedPort, SUBSCRIPTION);
    limited.open.push(third);
    expect(await third.opened).toBe(429);
    const refused = await third.inbox.next();
    expect(refused!.errors?.map((e) => e.extensions?.code)).toEqual(["RATE_LIMITED"]);
    for (const s of [...streams, third]) s.close();
  });
});
