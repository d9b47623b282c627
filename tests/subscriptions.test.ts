// Live subscriptions of schema/operations/mobile.graphql over real sockets:
// graphql-ws (WebSocket) and SSE on the server's own port and path, health and
// readiness, and the graceful shutdown of SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { promoteDue } from "../src/services/workflow";
import { signIn, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { approve, createDraft, publishDue, schedule, LiveServer, wsSubscribe, type Inbox } from "./support/live";

const SUBSCRIPTION = contractOperation("ArticlePublished");

let live: LiveServer;
let t: TestApp;
let port: number;
beforeAll(async () => ({ t, port } = live = await LiveServer.start()));
afterAll(() => live.close());

const ws = (variables: Record<string, unknown> = {}, token?: string) => live.ws(SUBSCRIPTION, variables, token);
const sse = (variables: Record<string, unknown> = {}, token?: string) => live.sse(SUBSCRIPTION, variables, token);

const now = () => t.clock.now();

/** Waits until the server listens for these subscribers (see settle). */
const ready = (...subscribers: Array<{ inbox: Inbox; categorySlug?: string }>) => live.ready(...subscribers);

describe("articlePublished over graphql-ws", () => {
  it("delivers an approved article with the contract's fields within a second", async () => {
    const s = await ws();
    await ready(s);
    const draft = await createDraft(t.app, { title: "Khai mạc hội chợ", categorySlug: "kinh-te", at: now() });
    const started = Date.now();
    expect(await approve(t.app, draft.id, now(), now())).toBe(true);
    const event = await s.inbox.next(1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event!.errors).toBeUndefined();
    expect(event!.data.articlePublished).toMatchObject({
      title: "Khai mạc hội chợ",
      publishedAt: now().toISOString(),
      viewCount: 0,
      category: { slug: "kinh-te", name: "Kinh tế" },
      coverImage: null,
    });
    expect(typeof event!.data.articlePublished.id).toBe("string");
  });

  it("filters by category", async () => {
    const culture = await ws({ categorySlug: "van-hoa-xa-hoi" });
    await ready(culture);
    const economy = await createDraft(t.app, { title: "Giá lúa tăng", categorySlug: "kinh-te", at: now() });
    const culturePiece = await createDraft(t.app, { title: "Lễ hội truyền thống", categorySlug: "van-hoa-xa-hoi", at: now() });
    await approve(t.app, economy.id, now(), now());
    await approve(t.app, culturePiece.id, now(), now());
    // Events reach a subscriber in publish order: the first one it gets is the
    // second published, so the other category's article was filtered out.
    const event = await culture.inbox.next();
    expect(event!.data.articlePublished.title).toBe("Lễ hội truyền thống");
    expect(culture.inbox.pending).toBe(0);
  });

  it("answers each event as a new request would: a category renamed or created after subscribing shows as it is now", async () => {
    const s = await ws();
    await ready(s);
    const first = await createDraft(t.app, { title: "Thông báo lịch tiếp dân", categorySlug: "kinh-te", at: now() });
    await approve(t.app, first.id, now(), now());
    expect((await s.inbox.next())!.data.articlePublished.category).toEqual({ slug: "kinh-te", name: "Kinh tế" });

    await t.app.db.category.update({ where: { slug: "kinh-te" }, data: { name: "Kinh tế - Đầu tư" } });
    await t.app.db.category.create({ data: { slug: "chuyen-doi-so", name: "Chuyển đổi số", position: 99 } });
    const renamed = await createDraft(t.app, { title: "Hội nghị xúc tiến đầu tư", categorySlug: "kinh-te", at: now() });
    const created = await createDraft(t.app, { title: "Ra mắt ứng dụng công dân số", categorySlug: "chuyen-doi-so", at: now() });
    await approve(t.app, renamed.id, now(), now());
    await approve(t.app, created.id, now(), now());
    expect((await s.inbox.next())!.data.articlePublished.category).toEqual({ slug: "kinh-te", name: "Kinh tế - Đầu tư" });
    expect((await s.inbox.next())!.data.articlePublished.category).toEqual({ slug: "chuyen-doi-so", name: "Chuyển đổi số" });
    await t.app.db.category.update({ where: { slug: "kinh-te" }, data: { name: "Kinh tế" } });
  });

  it("never sends a non-public article to an anonymous subscriber; an administrator gets it", async () => {
    const { token } = await signIn(t, "ADMIN");
    const anonymous = await ws();
    const admin = await ws({}, token);
    await ready(anonymous, admin);
    const restricted = await createDraft(t.app, { title: "Văn bản nội bộ", isPublic: false, at: now() });
    const open = await createDraft(t.app, { title: "Thông báo công khai", at: now() });
    await approve(t.app, restricted.id, now(), now());
    await approve(t.app, open.id, now(), now());
    expect((await admin.inbox.next())!.data.articlePublished.title).toBe("Văn bản nội bộ");
    expect((await admin.inbox.next())!.data.articlePublished.title).toBe("Thông báo công khai");
    expect((await anonymous.inbox.next())!.data.articlePublished.title).toBe("Thông báo công khai");
    expect(anonymous.inbox.pending).toBe(0);
  });

  it("rejects an invalid token in the connection parameters with UNAUTHENTICATED", async () => {
    const s = wsSubscribe(port, SUBSCRIPTION, {}, "not-a-token");
    live.open.push(s);
    const event = await s.inbox.next();
    expect(event!.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("articlePublished over SSE", () => {
  it("delivers an approved article within a second", async () => {
    const s = await sse({ categorySlug: "thong-bao" });
    await ready(s);
    const draft = await createDraft(t.app, { title: "Lịch tiếp công dân", categorySlug: "thong-bao", at: now() });
    const started = Date.now();
    await approve(t.app, draft.id, now(), now());
    const event = await s.inbox.next(1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event!.data.articlePublished).toMatchObject({ title: "Lịch tiếp công dân", category: { slug: "thong-bao" } });
  });

  it("takes the token from the Authorization header", async () => {
    const { token } = await signIn(t, "ADMIN");
    const s = await sse({ categorySlug: "thong-bao" }, token);
    await ready(s);
    const restricted = await createDraft(t.app, { title: "Nội bộ", categorySlug: "thong-bao", isPublic: false, at: now() });
    await approve(t.app, restricted.id, now(), now());
    expect((await s.inbox.next())!.data.articlePublished.title).toBe("Nội bộ");
  });
});

describe("when an article is announced", () => {
  it("announces once: a second approval or a new version of a published article is not a new article", async () => {
    const s = await ws({ categorySlug: "kinh-te" });
    await ready(s);
    const first = await createDraft(t.app, { title: "Lần đầu", categorySlug: "kinh-te", at: now() });
    expect(await approve(t.app, first.id, now(), now())).toBe(true);
    // A new major version approved later: no new announcement.
    expect(await approve(t.app, first.id, now(), now())).toBe(false);
    expect(await publishDue(t.app, first.id, now())).toBe(false);
    const second = await createDraft(t.app, { title: "Lần hai", categorySlug: "kinh-te", at: now() });
    await approve(t.app, second.id, now(), now());
    expect((await s.inbox.next())!.data.articlePublished.title).toBe("Lần đầu");
    expect((await s.inbox.next())!.data.articlePublished.title).toBe("Lần hai");
    expect(s.inbox.pending).toBe(0);
  });

  it("announces nothing for drafts or pending versions (no published version)", async () => {
    const draft = await createDraft(t.app, { title: "Nháp", at: now() });
    expect(await publishDue(t.app, draft.id, now())).toBe(false);
    await t.app.db.article.update({ where: { id: draft.id }, data: { status: "PENDING" } });
    expect(await publishDue(t.app, draft.id, now())).toBe(false);
    const row = await t.app.db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.firstPublishedAt).toBeNull();
  });

  it("announces a scheduled article only when its publish time has come", async () => {
    const s = await ws({ categorySlug: "thong-bao" });
    await ready(s);
    const draft = await createDraft(t.app, { title: "Hẹn giờ", categorySlug: "thong-bao", at: now() });
    const due = new Date(now().getTime() + 3600_000);
    expect(await approve(t.app, draft.id, due, now())).toBe(false);
    t.clock.set(due);
    expect(await publishDue(t.app, draft.id, now())).toBe(true);
    expect((await s.inbox.next())!.data.articlePublished).toMatchObject({ title: "Hẹn giờ", publishedAt: due.toISOString() });
    const row = await t.app.db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.firstPublishedAt?.toISOString()).toBe(due.toISOString());
  });

  it("lets exactly one of many concurrent scheduler passes publish and announce", async () => {
    const s = await ws({});
    await ready(s);
    const draft = await createDraft(t.app, { title: "Tranh chấp", at: now() });
    await schedule(t.app, draft.id, now());
    const results = await Promise.all(Array.from({ length: 8 }, () => promoteDue(t.app.db, t.app.events, now())));
    expect(results.filter((ids) => ids.includes(draft.id))).toHaveLength(1);
    expect((await s.inbox.next())!.data.articlePublished.title).toBe("Tranh chấp");
    expect(s.inbox.pending).toBe(0);
  });
});

describe("health and readiness", () => {
  it("answers /health and /ready over HTTP", async () => {
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: "ok", redis: "not configured" });
  });
});
