// Scheduled publishing and end of publication, driven by the
// ManualClock and the scheduler's tick(): no test here depends on real time.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { closeApp, createApp } from "../src/app";
import { createScheduler } from "../src/services/scheduler";
import { createPortalYoga } from "../src/yoga";
import { createTestApp, gql, present, selected, signIn, type TestApp } from "./support/app";
import { startScript } from "./support/processes";
import { approved, ok, pending, rawId, recordPublications, settle } from "./support/workflow";
import {
  ApproveArticleDocument,
  ArticleHistoryDocument,
  ArticlePageDocument,
  DeleteArticleDocument,
  EditorArticlesDocument,
  SubmitArticleDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
} from "../clients/generated/graphql";

let t: TestApp;
let author: string;
let approver: string;
let admin: string;
const HOUR = 3_600_000;
const later = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
const scheduler = () => createScheduler({ db: t.app.db, clock: t.clock, events: t.app.events, intervalMs: 0 });
const readerView = async (slug: string) => (await ok(t, ArticlePageDocument, { slug })).article;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  author = (await signIn(t, "CONTRIBUTOR")).token;
  approver = (await signIn(t, "APPROVER")).token;
  admin = (await signIn(t, "ADMIN")).token;
});
afterAll(() => t.close());

describe("scheduled publishing", () => {
  it("publishes a scheduled article when its time comes, and announces it then, once", async () => {
    const publications = recordPublications(t);
    const publishAt = later(HOUR);
    const article = await pending(t, author, { title: "Lịch tiếp công dân tháng 12", publishAt });
    const approval = await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver });
    expect(approval.approveArticle).toMatchObject({ approvalStatus: "SCHEDULED", version: "1.0", publishedAt: null });
    await settle();
    expect(publications.events).toEqual([]);
    expect(await readerView(article.slug)).toBeNull();
    const queue = await ok(t, EditorArticlesDocument, { filter: { approvalStatus: "SCHEDULED" } }, { token: approver });
    expect(queue.articles.edges.map((e) => e.node.id)).toEqual([article.id]);

    t.clock.advance(HOUR / 2);
    expect(await scheduler().tick()).toEqual({ promoted: [], expired: [] });
    expect(await readerView(article.slug)).toBeNull();

    t.clock.advance(HOUR / 2);
    expect((await scheduler().tick()).promoted).toEqual([rawId(article.id)]);
    expect(await readerView(article.slug)).toMatchObject({ version: "1.0", publishedAt: new Date(publishAt).toISOString() });
    const editorView = (await ok(t, EditorArticlesDocument, {}, { token: approver })).articles.edges.find((e) => e.node.id === article.id)?.node;
    expect(editorView).toMatchObject({ approvalStatus: "APPROVED", version: "1.0" });
    await settle();
    expect(publications.events).toEqual([{ articleId: rawId(article.id), categorySlug: null }]);

    // Nothing more to do, nothing announced twice.
    expect(await scheduler().tick()).toEqual({ promoted: [], expired: [] });
    await settle();
    expect(publications.events).toHaveLength(1);
    await publications.stop();
  });

  it("keeps readers on the published version until a scheduled new version is due, without a new announcement", async () => {
    const article = await approved(t, author, approver, { title: "Bản 1" });
    const publications = recordPublications(t);
    await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.0", title: "Bản 2", publishAt: later(HOUR) } }, { token: author });
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: author });
    expect((await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver })).approveArticle).toMatchObject({
      approvalStatus: "SCHEDULED",
      version: "2.0",
    });
    expect(await readerView(article.slug)).toMatchObject({ title: "Bản 1", version: "1.0" });
    t.clock.advance(HOUR);
    await scheduler().tick();
    expect(await readerView(article.slug)).toMatchObject({ title: "Bản 2", version: "2.0" });
    await settle();
    expect(publications.events).toEqual([]);
    await publications.stop();
  });

  it("lets exactly one of several scheduler instances win each promotion", async () => {
    const publications = recordPublications(t);
    const articles = [];
    for (let i = 0; i < 12; i++) {
      const a = await pending(t, author, { title: `Hẹn giờ ${i}`, publishAt: later(HOUR) });
      await ok(t, ApproveArticleDocument, { id: a.id }, { token: approver });
      articles.push(rawId(a.id));
    }
    t.clock.advance(HOUR);
    // Another instance in its own process, on the same database, ticking at the same moment.
    const other = startScript("tests/support/scheduler-instance.ts", [t.app.config.DATABASE_URL, t.clock.now().toISOString()]);
    expect(await other.nextLine()).toBe("ready");
    other.send("go");
    const [mine, theirs] = await Promise.all([
      Promise.all([scheduler().tick(), scheduler().tick()]),
      other.nextLine().then((line) => JSON.parse(line) as { promoted: string[]; announced: string[] }),
    ]);
    expect(await other.end()).toBe(0);
    const promoted = [...mine.flatMap((r) => r.promoted), ...theirs.promoted].sort();
    expect(promoted).toEqual([...articles].sort());
    await settle();
    const announced = [...publications.events.map((e) => e.articleId), ...theirs.announced].sort();
    expect(announced).toEqual([...articles].sort());
    expect(theirs.announced.sort()).toEqual([...theirs.promoted].sort());
    await publications.stop();
  });

  it("does not publish a deleted scheduled article; restored, it is published on the next tick", async () => {
    const article = await pending(t, author, { title: "Sẽ bị xóa", publishAt: later(HOUR) });
    await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver });
    await ok(t, DeleteArticleDocument, { id: article.id }, { token: admin });
    t.clock.advance(2 * HOUR);
    expect((await scheduler().tick()).promoted).toEqual([]);
    // The contract has no restoreArticle: the schema's mutation.
    const restored = await gql(t, `mutation($id: ID!) { restoreArticle(id: $id) { id } }`, { id: article.id }, { token: admin });
    expect(restored.errors).toBeUndefined();
    expect((await scheduler().tick()).promoted).toEqual([rawId(article.id)]);
    expect(present(await readerView(article.slug), "the reader's article").title).toBe("Sẽ bị xóa");
  });
});

describe("editing around a schedule", () => {
  it("publishes the approved version when due even if a newer draft exists; unpublish withdraws the schedule", async () => {
    const article = await pending(t, author, { title: "Bản đã duyệt", publishAt: later(HOUR) });
    await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver });
    const edited = await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.0", title: "Bản nháp sau duyệt" } }, { token: author });
    expect(edited.updateArticle).toMatchObject({ version: "1.1", approvalStatus: "DRAFT" });
    t.clock.advance(HOUR);
    expect((await scheduler().tick()).promoted).toEqual([rawId(article.id)]);
    expect(await readerView(article.slug)).toMatchObject({ title: "Bản đã duyệt", version: "1.0" });
    const editorView = selected((await ok(t, ArticleHistoryDocument, { id: article.id }, { token: author })).node, "the article");
    expect(editorView).toMatchObject({ title: "Bản nháp sau duyệt", version: "1.1" });
    expect(editorView.versions.edges.map((e) => [e.node.label, e.node.approvalStatus])).toEqual([
      ["1.1", "DRAFT"],
      ["1.0", "APPROVED"],
      ["0.1", "PENDING"],
    ]);

    // A pending edit on top of a published article keeps its status when the article is unpublished.
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: author });
    const unpublished = await ok(t, UnpublishArticleDocument, { id: article.id }, { token: approver });
    expect(unpublished.unpublishArticle).toMatchObject({ approvalStatus: "PENDING", publishedAt: null });
    expect(await readerView(article.slug)).toBeNull();

    // Unpublishing a scheduled article cancels the schedule.
    const scheduled = await pending(t, author, { title: "Hủy lịch", publishAt: later(HOUR) });
    await ok(t, ApproveArticleDocument, { id: scheduled.id }, { token: approver });
    expect((await ok(t, UnpublishArticleDocument, { id: scheduled.id }, { token: approver })).unpublishArticle.approvalStatus).toBe("DRAFT");
    t.clock.advance(2 * HOUR);
    expect((await scheduler().tick()).promoted).toEqual([]);
    expect(await readerView(scheduled.slug)).toBeNull();
  });
});

describe("end of publication", () => {
  it("hides the article the moment it passes, and the scheduler then unpublishes it", async () => {
    const article = await approved(t, author, approver, { title: "Thông báo có thời hạn", expireAt: later(HOUR) });
    expect(await readerView(article.slug)).not.toBeNull();
    t.clock.advance(HOUR);
    expect(await readerView(article.slug)).toBeNull();
    expect((await scheduler().tick()).expired).toEqual([rawId(article.id)]);
    const row = await t.app.db.article.findUniqueOrThrow({ where: { id: rawId(article.id) } });
    expect(row).toMatchObject({ status: "DRAFT", publishedVersionId: null, publishedAt: null });
    expect(await readerView(article.slug)).toBeNull();
    // History kept; the editor can publish it again with a new end date.
    await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.0", expireAt: later(HOUR) } }, { token: author });
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: author });
    expect((await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver })).approveArticle.version).toBe("2.0");
    expect(present(await readerView(article.slug), "the reader's article").version).toBe("2.0");
  });
});

describe("across restarts", () => {
  it("publishes what fell due while the server was down, at start-up", async () => {
    const first = await createTestApp({ seed: false });
    const writer = (await signIn(first, "CONTRIBUTOR")).token;
    const boss = (await signIn(first, "APPROVER")).token;
    const publishAt = new Date(first.clock.now().getTime() + HOUR).toISOString();
    const article = await pending(first, writer, { title: "Đăng khi máy chủ tắt", publishAt });
    await ok(first, ApproveArticleDocument, { id: article.id }, { token: boss });
    // The server stops (its database stays: dropped with `first` at the end).
    await closeApp(first.app);

    // The server comes back two hours later.
    first.clock.advance(2 * HOUR);
    const app = await createApp(first.app.config, { clock: first.clock });
    const restarted: TestApp = { app, yoga: createPortalYoga(app), clock: first.clock, statements: [], close: () => closeApp(app) };
    try {
      const service = createScheduler({ db: app.db, clock: first.clock, events: app.events, intervalMs: 60_000 });
      service.start();
      // start() runs a first pass at once; stop() waits for it.
      await service.stop();
      expect((await ok(restarted, ArticlePageDocument, { slug: article.slug })).article).toMatchObject({
        title: "Đăng khi máy chủ tắt",
        publishedAt: new Date(publishAt).toISOString(),
      });
    } finally {
      await restarted.close();
      await first.close();
    }
  });
});
