// A live subscription ends before its next event once its session is no longer
// valid: signed out everywhere, expired, deactivated, or the role changed; over
// graphql-ws and SSE alike. signOutEverywhere is the console's own mutation, not in
// the contract: it is sent as text.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createPortalServer, type PortalServer } from "../../src/http";
import { codes, createTestApp, gql, signIn, type TestApp } from "../support/app";
import { contractOperation } from "../support/contract";
import { approve, createDraft, settle, sseSubscribe, wsSubscribe, type Inbox, type LiveEvent } from "../support/live";
import { listening } from "../support/wait";

const PUBLISHED = contractOperation("ArticlePublished");

let t: TestApp;
let portal: PortalServer;
let port: number;
const closers: Array<() => unknown> = [];

beforeAll(async () => {
  t = await createTestApp();
  portal = createPortalServer(t.app, t.yoga);
  port = await portal.listen(0, "127.0.0.1");
});
afterAll(async () => {
  for (const close of closers) await close();
  await portal.stop(0);
  await t.close();
});

type Transport = "graphql-ws" | "SSE";

async function subscribe(transport: Transport, query: string, variables: Record<string, unknown>, token: string) {
  if (transport === "graphql-ws") {
    const s = wsSubscribe(port, query, variables, token);
    closers.push(() => s.close());
    await s.connected;
    return s;
  }
  const s = sseSubscribe(port, query, variables, token);
  closers.push(() => s.close());
  expect(await s.opened).toBe(200);
  return s;
}

/** Every remaining event up to the end of the stream (complete or close). */
async function rest(inbox: Inbox): Promise<LiveEvent[]> {
  const events: LiveEvent[] = [];
  for (;;) {
    const event = await inbox.next(5000);
    if (!event || event.data === "complete") return events;
    events.push(event);
  }
}

const announce = async (title: string) => {
  const draft = await createDraft(t.app, { title, at: t.clock.now() });
  await approve(t.app, draft.id, t.clock.now(), t.clock.now());
};

const endings: Array<[string, (user: { id: string }, token: string) => Promise<void>, string]> = [
  [
    "signed out everywhere",
    async (_user, token) => {
      expect(codes(await gql(t, "mutation { signOutEverywhere }", {}, { token }))).toEqual([]);
    },
    "UNAUTHENTICATED",
  ],
  [
    "deactivated",
    async (user) => {
      await t.app.db.user.update({ where: { id: user.id }, data: { deactivatedAt: t.clock.now() } });
    },
    "UNAUTHENTICATED",
  ],
  [
    "given a lower role",
    async (user) => {
      await t.app.db.user.update({ where: { id: user.id }, data: { role: "READER" } });
    },
    "FORBIDDEN",
  ],
];

describe.each<Transport>(["graphql-ws", "SSE"])("over %s", (transport) => {
  it.each(endings)("a subscriber %s gets no further event", async (_name, end, code) => {
    const { user, token } = await signIn(t, "EDITOR");
    const s = await subscribe(transport, PUBLISHED, {}, token);
    await settle(t.app, [s], t.clock.now());
    await end(user, token);
    await announce(`Sau khi hết quyền ${transport} ${code}`);
    const events = await rest(s.inbox);
    expect(events.flatMap((e) => (e.errors ?? []).map((x) => x.extensions?.code))).toEqual([code]);
    expect(events.some((e) => e.data)).toBe(false);
  });

  it("a subscriber whose token expired gets no further event", async () => {
    const { token } = await signIn(t, "EDITOR");
    const s = await subscribe(transport, PUBLISHED, {}, token);
    await settle(t.app, [s], t.clock.now());
    t.clock.advance(t.app.config.JWT_TTL_SECONDS * 1000 + 1000);
    await announce(`Sau khi hết hạn ${transport}`);
    const events = await rest(s.inbox);
    expect(events.flatMap((e) => (e.errors ?? []).map((x) => x.extensions?.code))).toEqual(["UNAUTHENTICATED"]);
  });

  it("a valid session keeps receiving events, as does a second session of the same user", async () => {
    const { user, token } = await signIn(t, "EDITOR");
    const { token: other } = await t.app.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }, t.clock.now());
    const s = await subscribe(transport, PUBLISHED, {}, token);
    const o = await subscribe(transport, PUBLISHED, {}, other);
    await settle(t.app, [s, o], t.clock.now());
    await announce(`Vẫn nhận ${transport}`);
    expect((await s.inbox.next())!.data.articlePublished.title).toBe(`Vẫn nhận ${transport}`);
    expect((await o.inbox.next())!.data.articlePublished.title).toBe(`Vẫn nhận ${transport}`);
  });
});

describe("the view count of an article, after signing out everywhere", () => {
  it.each<Transport>(["graphql-ws", "SSE"])("does not reveal a new unapproved draft over %s", async (transport) => {
    const { token } = await signIn(t, "EDITOR");
    const article = await createDraft(t.app, { title: "Bài đã duyệt", at: t.clock.now() });
    await approve(t.app, article.id, t.clock.now(), t.clock.now());
    const id = Buffer.from(`Article:${article.id}`).toString("base64");
    const query = "subscription($id: ID!) { articleViewCount(articleId: $id) { id title approvalStatus viewCount } }";
    const subscription = listening(t.app.events, "articleViewCount", article.id);
    const s = await subscribe(transport, query, { id }, token);
    // Once the subscription listens, an event arrives.
    await subscription;
    t.app.events.publish("articleViewCount", article.id, { articleId: article.id });
    expect(await s.inbox.next()).toMatchObject({ data: { articleViewCount: { title: "Bài đã duyệt" } } });
    // An unapproved draft becomes the article's latest version.
    const version = await t.app.db.articleVersion.findFirstOrThrow({ where: { articleId: article.id } });
    await t.app.db.articleVersion.update({ where: { id: version.id }, data: { title: "Bản nháp chưa duyệt" } });
    expect(codes(await gql(t, "mutation { signOutEverywhere }", {}, { token }))).toEqual([]);
    t.app.events.publish("articleViewCount", article.id, { articleId: article.id });
    const events = await rest(s.inbox);
    expect(JSON.stringify(events)).not.toContain("Bản nháp chưa duyệt");
    expect(events.flatMap((e) => (e.errors ?? []).map((x) => x.extensions?.code))).toEqual(["UNAUTHENTICATED"]);
  });
});
