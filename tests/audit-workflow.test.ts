// The audit trail of the editorial workflow, permissions, deletion, site
// settings and media, and approveArticle's expectedVersion: every step writes
// its event in its own transaction (a refused step leaves none), with who,
// from where and the values before and after.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, execute, gql, selected, signIn, type TestApp } from "./support/app";
import { articleState, draft, globalId, media, ok, parsed, pending, rawId } from "./support/workflow";
import {
  ApproveArticleDocument,
  ApproveReviewedArticleDocument,
  ArticleHistoryDocument,
  AuditLogDocument,
  CreateArticleDocument,
  DeleteArticleDocument,
  RejectArticleDocument,
  RestoreArticleVersionDocument,
  SetArticlePermissionsDocument,
  SubmitArticleDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
  UpdateSiteDocument,
} from "../clients/generated/graphql";

let t: TestApp;
let admin: { user: { id: string }; token: string };
let editor: { user: { id: string }; token: string };
let approver: { user: { id: string }; token: string };
beforeAll(async () => {
  t = await createTestApp({ seed: false, config: { TRUST_PROXY: 1 } });
  admin = await signIn(t, "ADMIN", "Quản trị");
  editor = await signIn(t, "EDITOR", "Biên tập viên Lan");
  approver = await signIn(t, "APPROVER", "Trưởng ban");
});
afterAll(() => t.close());

const eventsOf = async (articleId: string) =>
  (await ok(t, AuditLogDocument, { filter: { articleId }, first: 100 }, { token: admin.token })).auditLog.edges.map((e) => e.node).reverse();

describe("approveArticle(expectedVersion)", () => {
  it("approves the reviewed version and records it; a newer submission in between is a CONFLICT that writes nothing", async () => {
    const article = await pending(t, editor.token, { title: "Thông báo lịch tiếp dân" });
    const approved = await ok(t, ApproveReviewedArticleDocument, { id: article.id, expectedVersion: "0.1", comment: "Đồng ý" }, { token: approver.token });
    expect(approved.approveArticle).toMatchObject({ approvalStatus: "APPROVED", version: "1.0" });
    expect(approved.approveArticle.approvals).toEqual([
      { decision: "APPROVED", version: "1.0", reviewedVersion: "0.1", decidedBy: { id: globalId("User", approver.user.id), name: "Trưởng ban" } },
    ]);

    // The approver reviews 1.1; meanwhile the editor submits 1.2.
    const v11 = await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.0", title: "Bản 1.1" } }, { token: editor.token });
    expect(v11.updateArticle.version).toBe("1.1");
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: editor.token });
    await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.1", title: "Bản 1.2" } }, { token: editor.token });
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: editor.token });
    const before = await articleState(t, article.id);
    const stale = await execute(t, ApproveReviewedArticleDocument, { id: article.id, expectedVersion: "1.1" }, { token: approver.token });
    expect(codes(stale)).toEqual(["CONFLICT"]);
    expect(stale.errors![0]!.extensions!.currentVersion).toBe("1.2");
    expect(await articleState(t, article.id)).toEqual(before);
    expect(codes(await execute(t, ApproveReviewedArticleDocument, { id: article.id, expectedVersion: "1.x" }, { token: approver.token }))).toEqual([
      "BAD_USER_INPUT",
    ]);

    // The contract's ApproveArticle, without it, still works as before.
    const plain = await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver.token });
    expect(plain.approveArticle).toMatchObject({ approvalStatus: "APPROVED", version: "2.0" });
    const history = await ok(t, ArticleHistoryDocument, { id: article.id }, { token: editor.token });
    expect(selected(history.node, "the article").approvals.map((a) => a.version)).toEqual(["2.0", "1.0"]);
    const reviewed = await t.app.db.approval.findMany({ where: { articleId: rawId(article.id) }, orderBy: { decidedAt: "asc" } });
    expect(reviewed.map((a) => a.reviewedVersionLabel)).toEqual(["0.1", "1.2"]);
  });
});

describe("the audit trail of the workflow", () => {
  it("records each step with actor, address, user agent and before/after, and nothing for a refused step", async () => {
    const headers = { "x-forwarded-for": "203.0.113.7", "user-agent": "Bàn biên tập/1.0" };
    const created = await ok(
      t,
      CreateArticleDocument,
      { input: { title: "Kế hoạch phòng chống thiên tai", body: "<p>Nội dung</p>", byline: "Lan" } },
      { token: editor.token, headers },
    );
    const id = created.createArticle.id;
    await ok(
      t,
      UpdateArticleDocument,
      { input: { id, expectedVersion: "0.1", title: "Kế hoạch phòng, chống thiên tai năm 2026", body: "<p>Nội dung dài hơn</p>" } },
      { token: editor.token, headers },
    );
    await ok(t, SubmitArticleDocument, { id, comment: "Xin duyệt" }, { token: editor.token });
    await ok(t, RejectArticleDocument, { id, comment: "Thiếu số liệu" }, { token: approver.token });
    await ok(t, SubmitArticleDocument, { id }, { token: editor.token });
    await ok(t, ApproveArticleDocument, { id, comment: "Đồng ý" }, { token: approver.token });
    await ok(t, UnpublishArticleDocument, { id }, { token: approver.token });
    await ok(t, RestoreArticleVersionDocument, { id, version: "0.1" }, { token: editor.token });
    await ok(
      t,
      SetArticlePermissionsDocument,
      { input: { articleId: id, inherit: false, public: false, grants: [{ userId: globalId("User", editor.user.id), role: "EDITOR" }] } },
      { token: admin.token },
    );
    await ok(t, DeleteArticleDocument, { id }, { token: admin.token });
    // The contract has no restoreArticle: the schema's mutation.
    await gql(t, "mutation($id: ID!) { restoreArticle(id: $id) { id } }", { id }, { token: admin.token });
    // Refused steps write no event.
    expect(codes(await execute(t, ApproveArticleDocument, { id }, { token: approver.token }))).not.toEqual([]);
    expect(codes(await execute(t, UpdateArticleDocument, { input: { id, expectedVersion: "0.1", title: "x" } }, { token: editor.token }))).toEqual([
      "CONFLICT",
    ]);

    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual([
      "ARTICLE_CREATE",
      "ARTICLE_UPDATE",
      "ARTICLE_SUBMIT",
      "ARTICLE_REJECT",
      "ARTICLE_SUBMIT",
      "ARTICLE_APPROVE",
      "ARTICLE_UNPUBLISH",
      "ARTICLE_RESTORE_VERSION",
      "ARTICLE_PERMISSIONS",
      "ARTICLE_DELETE",
      "ARTICLE_RESTORE",
    ]);
    const [create, update, submit, reject, , approve, unpublish, restoreVersion, permissions] = events;
    expect(create).toMatchObject({
      actorName: "Biên tập viên Lan",
      actorRole: "EDITOR",
      address: "203.0.113.7",
      userAgent: "Bàn biên tập/1.0",
      targetType: "Article",
      targetId: id,
      articleId: id,
    });
    expect(parsed(create?.after)).toMatchObject({ version: "0.1", status: "DRAFT", title: "Kế hoạch phòng chống thiên tai" });
    expect(parsed(update?.before)).toEqual({ version: "0.1", status: "DRAFT", title: "Kế hoạch phòng chống thiên tai", body: { length: 15 } });
    expect(parsed(update?.after)).toEqual({ version: "0.2", status: "DRAFT", title: "Kế hoạch phòng, chống thiên tai năm 2026", body: { length: 23 } });
    expect(parsed(submit?.after)).toEqual({ status: "PENDING" });
    expect(parsed(submit?.detail)).toEqual({ version: "0.2", comment: "Xin duyệt" });
    expect(reject).toMatchObject({ actorName: "Trưởng ban", actorRole: "APPROVER" });
    expect(parsed(reject?.detail)).toEqual({ version: "0.2", comment: "Thiếu số liệu" });
    expect(parsed(approve?.before)).toEqual({ status: "PENDING", version: "0.2" });
    expect(parsed(approve?.after)).toEqual({ status: "APPROVED", version: "1.0" });
    expect(parsed(approve?.detail)).toEqual({ reviewedVersion: "0.2", comment: "Đồng ý" });
    expect(parsed(unpublish?.after)).toMatchObject({ published: false, status: "DRAFT" });
    expect(parsed(restoreVersion?.detail)).toEqual({ restoredFrom: "0.1" });
    expect(parsed(permissions?.before)).toEqual({ inherit: true, public: true, grants: [] });
    expect(parsed(permissions?.after)).toEqual({ inherit: false, public: false, grants: [{ userId: editor.user.id, role: "EDITOR" }] });
  });

  it("records site settings and media changes; filters by action and by user", async () => {
    await ok(t, UpdateSiteDocument, { input: { name: "UBND thị xã Kiến Tường", phone: "0272 3841 123" } }, { token: admin.token });
    const file = await media(t, "IMAGE");
    // The contract has no media edits: the schema's mutations.
    await gql(t, 'mutation($id: ID!) { updateMedia(id: $id, description: "Ảnh hội nghị") { id } }', { id: file.gid }, { token: editor.token });
    await gql(t, "mutation($id: ID!) { deleteMedia(id: $id) }", { id: file.gid }, { token: editor.token });
    const site = await ok(t, AuditLogDocument, { filter: { actions: ["SITE_UPDATE"] } }, { token: admin.token });
    expect(parsed(site.auditLog.edges[0]?.node.after)).toMatchObject({ name: "UBND thị xã Kiến Tường", phone: "0272 3841 123" });
    const mediaEvents = await ok(t, AuditLogDocument, { filter: { targetId: file.gid } }, { token: admin.token });
    expect(mediaEvents.auditLog.edges.map((e) => e.node.action)).toEqual(["MEDIA_DELETE", "MEDIA_UPDATE"]);
    expect(parsed(mediaEvents.auditLog.edges[0]?.node.before)).toMatchObject({ fileName: "anh.jpg", kind: "IMAGE" });
    const byEditor = await ok(
      t,
      AuditLogDocument,
      { filter: { userId: globalId("User", editor.user.id), actions: ["MEDIA_UPDATE", "MEDIA_DELETE"] } },
      { token: admin.token },
    );
    expect(byEditor.auditLog.totalCount).toBe(2);
    const nothing = await ok(
      t,
      AuditLogDocument,
      { filter: { userId: globalId("User", approver.user.id), actions: ["MEDIA_DELETE"] } },
      { token: admin.token },
    );
    expect(nothing.auditLog.totalCount).toBe(0);
    // A draft of someone's own is recorded too.
    const own = await draft(t, editor.token);
    expect((await eventsOf(own.id)).map((e) => e.action)).toEqual(["ARTICLE_CREATE"]);
  });
});
