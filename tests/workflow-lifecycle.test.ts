// The complete life of an article through every role, run with the
// editors' console's own operations (editor.graphql) and read back with the
// portal's (portal.graphql).
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { codes, createTestApp, execute, gql, present, selected, signIn, type TestApp } from "./support/app";
import { contractOperation, operationName } from "./support/contract";
import { approved, draft, media, ok, rawId, recordPublications, refusal, settle } from "./support/workflow";
import {
  ApprovalQueueDocument,
  ApproveArticleDocument,
  ArticleHistoryDocument,
  ArticlePageDocument,
  CompareVersionsDocument,
  CreateArticleDocument,
  CreateCategoryDocument,
  DeleteArticleDocument,
  EditorArticlesDocument,
  HomePageDocument,
  MeDocument,
  MobileArticleDetailDocument,
  RejectArticleDocument,
  RestoreArticleVersionDocument,
  SubmitArticleDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
  type CreateArticleInput,
  type UpdateArticleInput,
} from "../clients/generated/graphql";

let t: TestApp;
let contributor: { user: { id: string; name: string }; token: string };
let editor: { token: string };
let approver: { user: { id: string; name: string }; token: string };
let admin: { token: string };
beforeAll(async () => {
  t = await createTestApp();
  contributor = await signIn(t, "CONTRIBUTOR", "Phóng viên Hoài Phương");
  editor = await signIn(t, "EDITOR", "Biên tập viên");
  approver = await signIn(t, "APPROVER", "Trưởng ban biên tập");
  admin = await signIn(t, "ADMIN", "Quản trị");
});
afterAll(() => t.close());

const TITLE = "Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu Nghị quyết Thị ủy năm 2019";

const readerView = async (slug: string) => (await ok(t, ArticlePageDocument, { slug })).article;
const homeLatestIds = async () => (await ok(t, HomePageDocument)).latest.edges.map((e) => e.node.id);
const categoryCount = async (slug: string) =>
  present(
    (await ok(t, HomePageDocument)).categories.find((c) => c.slug === slug),
    `the category ${slug}`,
  ).articleCount;

describe("the life of an article", () => {
  it("goes from draft to published to unpublished, deleted and restored, with the right view for each role", async () => {
    const publications = recordPublications(t);
    const category = await t.app.db.category.findUniqueOrThrow({ where: { slug: "tin-tuc-su-kien" } });
    const categoryId = Buffer.from(`Category:${category.id}`).toString("base64");
    const countBefore = await categoryCount("tin-tuc-su-kien");

    // CONTRIBUTOR writes: 0.1 DRAFT, slug from the title, made unique (the fixture article has the same title).
    const created = await ok(
      t,
      CreateArticleDocument,
      { input: { title: TITLE, body: '<p onclick="x()">Ngày 12/12/2019...</p><script>alert(1)</script>', categoryId, byline: "Hoài Phương" } },
      { token: contributor.token },
    );
    const article = created.createArticle;
    expect(article).toMatchObject({
      slug: "kien-tuong-thuc-hien-dat-va-vuot-22-24-chi-tieu-nghi-quyet-thi-uy-nam-2019-2",
      title: TITLE,
      body: "<p>Ngày 12/12/2019...</p>",
      approvalStatus: "DRAFT",
      version: "0.1",
      publishedAt: null,
      createdBy: { name: "Phóng viên Hoài Phương" },
      updatedBy: { name: "Phóng viên Hoài Phương" },
      category: { slug: "tin-tuc-su-kien" },
      inheritsPermissions: true,
      photoCount: 0,
    });
    // Readers see nothing of it.
    expect(await readerView(article.slug)).toBeNull();
    expect(await homeLatestIds()).not.toContain(article.id);
    expect(await categoryCount("tin-tuc-su-kien")).toBe(countBefore);

    // Edits make minor versions.
    const updated = await ok(
      t,
      UpdateArticleDocument,
      { input: { id: article.id, expectedVersion: "0.1", summary: "Cơ cấu kinh tế dịch chuyển đúng hướng.", comment: "Thêm sapo" } },
      { token: contributor.token },
    );
    expect(updated.updateArticle).toMatchObject({ version: "0.2", approvalStatus: "DRAFT", summary: "Cơ cấu kinh tế dịch chuyển đúng hướng." });

    // Approving a draft that was never submitted is refused, with the reason.
    const early = await execute(t, ApproveArticleDocument, { id: article.id }, { token: approver.token });
    expect(codes(early)).toEqual(["BAD_USER_INPUT"]);
    expect(early.errors![0]!.message).toMatch(/never submitted/);

    const submitted = await ok(t, SubmitArticleDocument, { id: article.id, comment: "Nhờ duyệt" }, { token: contributor.token });
    expect(submitted.submitArticle).toEqual({ id: article.id, approvalStatus: "PENDING", version: "0.2" });
    expect(codes(await execute(t, SubmitArticleDocument, { id: article.id }, { token: contributor.token }))).toEqual(["BAD_USER_INPUT"]);

    // The approval queue shows it to approvers; an EDITOR may not approve.
    const queue = await ok(t, ApprovalQueueDocument, {}, { token: approver.token });
    expect(queue.articles.edges.map((e) => e.node.id)).toContain(article.id);
    expect(await refusal(t, ApproveArticleDocument, { id: article.id }, { token: editor.token })).toBe("FORBIDDEN");
    expect(await refusal(t, ApproveArticleDocument, { id: article.id }, { token: contributor.token })).toBe("FORBIDDEN");

    // Approval: the next major version, visible to readers, announced once.
    const approval = await ok(t, ApproveArticleDocument, { id: article.id, comment: "Đồng ý đăng" }, { token: approver.token });
    expect(approval.approveArticle).toMatchObject({ id: article.id, approvalStatus: "APPROVED", version: "1.0", publishedAt: t.clock.now().toISOString() });
    await settle();
    expect(publications.events).toEqual([{ articleId: rawId(article.id), categorySlug: "tin-tuc-su-kien" }]);
    expect(await readerView(article.slug)).toMatchObject({ title: TITLE, version: "1.0", summary: "Cơ cấu kinh tế dịch chuyển đúng hướng." });
    expect(await homeLatestIds()).toContain(article.id);
    expect(await categoryCount("tin-tuc-su-kien")).toBe(countBefore + 1);

    // An edit of the published article: editors see 1.1, readers keep 1.0.
    t.clock.advance(60_000);
    const edited = await ok(
      t,
      UpdateArticleDocument,
      { input: { id: article.id, expectedVersion: "1.0", title: "Tiêu đề mới chưa duyệt", categoryId: null } },
      { token: editor.token },
    );
    expect(edited.updateArticle).toMatchObject({ version: "1.1", approvalStatus: "DRAFT", title: "Tiêu đề mới chưa duyệt", category: null });
    expect(await readerView(article.slug)).toMatchObject({ title: TITLE, version: "1.0", category: { slug: "tin-tuc-su-kien" } });
    expect(await categoryCount("tin-tuc-su-kien")).toBe(countBefore + 1);
    const asReader = await signIn(t, "READER");
    const readerNode = await ok(t, MobileArticleDetailDocument, { id: article.id }, { token: asReader.token });
    expect(selected(readerNode.node, "the article").title).toBe(TITLE);

    // Rejection needs a comment and keeps readers on 1.0.
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: editor.token });
    const noReason = await execute(t, RejectArticleDocument, { id: article.id, comment: "  " }, { token: approver.token });
    expect(codes(noReason)).toEqual(["BAD_USER_INPUT"]);
    const rejected = await ok(t, RejectArticleDocument, { id: article.id, comment: "Tiêu đề chưa đạt" }, { token: approver.token });
    expect(rejected.rejectArticle).toEqual({ id: article.id, approvalStatus: "REJECTED", version: "1.1" });
    expect(present(await readerView(article.slug), "the reader's article").version).toBe("1.0");

    // History: newest first, each version with who, when, comment, status and changed fields.
    const history = selected((await ok(t, ArticleHistoryDocument, { id: article.id }, { token: editor.token })).node, "the article");
    expect(history.version).toBe("1.1");
    expect(history.versions.totalCount).toBe(4);
    expect(history.versions.edges.map((e) => [e.node.label, e.node.isMajor, e.node.approvalStatus, e.node.createdBy?.name, e.node.changedFields])).toEqual([
      ["1.1", false, "REJECTED", "Biên tập viên", ["title", "categoryId"]],
      ["1.0", true, "APPROVED", "Trưởng ban biên tập", []],
      ["0.2", false, "PENDING", "Phóng viên Hoài Phương", ["summary"]],
      ["0.1", false, "DRAFT", "Phóng viên Hoài Phương", ["title", "body", "byline", "categoryId"]],
    ]);
    expect(history.versions.edges[2]?.node.comment).toBe("Thêm sapo\nNhờ duyệt");
    expect(history.versions.edges[1]?.node.comment).toBe("Đồng ý đăng");
    expect(history.approvals.map((a) => [a.decision, a.version, a.comment, a.decidedBy?.name])).toEqual([
      ["REJECTED", "1.1", "Tiêu đề chưa đạt", "Trưởng ban biên tập"],
      ["APPROVED", "1.0", "Đồng ý đăng", "Trưởng ban biên tập"],
    ]);

    // Compare and restore.
    const diff = selected(
      (await ok(t, CompareVersionsDocument, { id: article.id, from: "1.0", to: "1.1" }, { token: editor.token })).node,
      "the article",
    ).compareVersions;
    expect(diff).toEqual([
      { field: "title", before: TITLE, after: "Tiêu đề mới chưa duyệt" },
      { field: "categoryId", before: categoryId, after: null },
    ]);
    const restored = await ok(t, RestoreArticleVersionDocument, { id: article.id, version: "1.0" }, { token: editor.token });
    expect(restored.restoreArticleVersion).toMatchObject({ version: "1.2", approvalStatus: "DRAFT", title: TITLE, category: { slug: "tin-tuc-su-kien" } });
    expect(
      selected((await ok(t, CompareVersionsDocument, { id: article.id, from: "1.0", to: "1.2" }, { token: editor.token })).node, "the article").compareVersions,
    ).toEqual([]);

    // A second approval is 2.0 and is not announced again.
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: editor.token });
    expect((await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver.token })).approveArticle).toMatchObject({
      version: "2.0",
      approvalStatus: "APPROVED",
    });
    await settle();
    expect(publications.events).toHaveLength(1);

    // Unpublish: readers lose it, the editor sees a DRAFT, history stays.
    const unpublished = await ok(t, UnpublishArticleDocument, { id: article.id }, { token: approver.token });
    expect(unpublished.unpublishArticle).toEqual({ id: article.id, approvalStatus: "DRAFT", publishedAt: null });
    expect(await readerView(article.slug)).toBeNull();
    expect(await categoryCount("tin-tuc-su-kien")).toBe(countBefore);
    expect(codes(await execute(t, UnpublishArticleDocument, { id: article.id }, { token: approver.token }))).toEqual(["BAD_USER_INPUT"]);
    const afterUnpublish = selected((await ok(t, ArticleHistoryDocument, { id: article.id }, { token: editor.token })).node, "the article");
    expect(afterUnpublish.versions.totalCount).toBe(6);

    // It can go back: submit and approve make 3.0.
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: editor.token });
    expect((await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver.token })).approveArticle.version).toBe("3.0");
    expect(present(await readerView(article.slug), "the reader's article").version).toBe("3.0");

    // Delete: gone for everyone but ADMIN's recycle bin; submitting a deleted article is NOT_FOUND.
    expect(await refusal(t, DeleteArticleDocument, { id: article.id }, { token: approver.token })).toBe("FORBIDDEN");
    await ok(t, DeleteArticleDocument, { id: article.id }, { token: admin.token });
    expect(await readerView(article.slug)).toBeNull();
    expect(await refusal(t, SubmitArticleDocument, { id: article.id }, { token: editor.token })).toBe("NOT_FOUND");
    expect(await refusal(t, SubmitArticleDocument, { id: article.id }, { token: admin.token })).toBe("BAD_USER_INPUT");
    expect((await ok(t, ArticleHistoryDocument, { id: article.id }, { token: admin.token })).node).toBeNull();
    const bin = await ok(t, EditorArticlesDocument, { filter: { deleted: true } }, { token: admin.token });
    expect(bin.articles.edges.map((e) => e.node.id)).toContain(article.id);
    expect(codes(await execute(t, EditorArticlesDocument, { filter: { deleted: true } }, { token: editor.token }))).toEqual(["BAD_USER_INPUT"]);
    // The contract has no restoreArticle (ADMIN's recycle bin): the schema's mutation, here and below.
    const back = await gql(t, `mutation($id: ID!) { restoreArticle(id: $id) { id version approvalStatus } }`, { id: article.id }, { token: admin.token });
    expect(back.data!.restoreArticle).toEqual({ id: article.id, version: "3.0", approvalStatus: "APPROVED" });
    expect(present(await readerView(article.slug), "the reader's article").version).toBe("3.0");
    await settle();
    expect(publications.events).toHaveLength(1);
    await publications.stop();
  });
});

describe("createArticle and updateArticle input", () => {
  it("makes unique slugs, and answers CONFLICT for a taken explicit slug", async () => {
    const a = await draft(t, contributor.token, { title: "Họp báo định kỳ" });
    const b = await draft(t, contributor.token, { title: "Họp báo định kỳ" });
    const c = await draft(t, contributor.token, { title: "Họp báo định kỳ" });
    expect([a.slug, b.slug, c.slug]).toEqual(["hop-bao-dinh-ky", "hop-bao-dinh-ky-2", "hop-bao-dinh-ky-3"]);
    const taken = await execute(t, CreateArticleDocument, { input: { title: "Khác", body: "", slug: "hop-bao-dinh-ky" } }, { token: contributor.token });
    expect(codes(taken)).toEqual(["CONFLICT"]);
    const retitled = await execute(
      t,
      UpdateArticleDocument,
      { input: { id: c.id, expectedVersion: "0.1", slug: "hop-bao-dinh-ky-2" } },
      { token: contributor.token },
    );
    expect(codes(retitled)).toEqual(["CONFLICT"]);
    const renamed = await ok(t, UpdateArticleDocument, { input: { id: c.id, expectedVersion: "0.1", slug: "hop-bao-thang-12" } }, { token: contributor.token });
    expect(renamed.updateArticle).toMatchObject({ slug: "hop-bao-thang-12", version: "0.2" });
    // Once published, the address stays: no draft shows through it, links keep working.
    const live = await approved(t, contributor.token, approver.token, { title: "Đã đăng" });
    const moved = await execute(
      t,
      UpdateArticleDocument,
      { input: { id: live.id, expectedVersion: "1.0", slug: "dia-chi-moi" } },
      { token: contributor.token },
    );
    expect(moved.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", fields: ["input.slug"] });
    const same = await ok(
      t,
      UpdateArticleDocument,
      { input: { id: live.id, expectedVersion: "1.0", slug: live.slug, title: "Đã đăng (sửa)" } },
      { token: contributor.token },
    );
    expect(same.updateArticle.slug).toBe(live.slug);
    const noLetters = await draft(t, contributor.token, { title: "!!!" });
    expect(noLetters.slug).toBe("bai-viet");
  });

  it("names the offending field of bad input and writes nothing", async () => {
    const before = await t.app.db.articleVersion.count();
    const cases: Array<[Partial<CreateArticleInput>, string]> = [
      [{ title: "   " }, "input.title"],
      [{ alternateUrl: "javascript:alert(1)" }, "input.alternateUrl"],
      [{ alternateUrl: "ftp://example.vn/x" }, "input.alternateUrl"],
      [{ slug: "Có Dấu" }, "input.slug"],
      [{ pageCount: -1 }, "input.pageCount"],
      [{ categoryId: Buffer.from("Category:khong-co").toString("base64") }, "input.categoryId"],
      [{ categoryId: Buffer.from("Media:x").toString("base64") }, "input.categoryId"],
      [{ coverImageId: Buffer.from("Media:khong-co").toString("base64") }, "input.coverImageId"],
      [{ publishAt: "2026-12-01T00:00:00Z", expireAt: "2026-11-30T00:00:00Z" }, "input.expireAt"],
    ];
    for (const [input, field] of cases) {
      const r = await execute(t, CreateArticleDocument, { input: { title: "Bài", body: "<p>x</p>", ...input } }, { token: contributor.token });
      expect([JSON.stringify(input), codes(r), r.errors?.[0]?.extensions?.fields]).toEqual([JSON.stringify(input), ["BAD_USER_INPUT"], [field]]);
    }
    const article = await draft(t, contributor.token);
    const nullTitle = await execute(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "0.1", title: null } }, { token: contributor.token });
    expect(nullTitle.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["input.title"] });
    const badLabel = await execute(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "latest" } }, { token: contributor.token });
    expect(badLabel.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["input.expectedVersion"] });
    expect(await t.app.db.articleVersion.count()).toBe(before + 1);
  });

  it("checks media references and derives the photo count", async () => {
    const cover = await media(t, "IMAGE");
    const photo1 = await media(t, "IMAGE");
    const photo2 = await media(t, "IMAGE");
    const video = await media(t, "VIDEO");
    const pdf = await media(t, "DOCUMENT");
    const gone = await media(t, "IMAGE", true);
    const body = '<p>a</p><figure><img src="/media/x.jpg" alt="x"><figcaption>x</figcaption></figure><img src="https://example.vn/y.png">';
    const article = await draft(t, contributor.token, {
      body,
      coverImageId: cover.gid,
      galleryIds: [photo1.gid, video.gid, photo2.gid],
      attachmentIds: [pdf.gid],
    });
    expect(article.photoCount).toBe(4);
    expect(article.coverImage?.id).toBe(cover.gid);
    // Its writer reads the draft with the portal's ArticlePage.
    const full = present((await ok(t, ArticlePageDocument, { slug: article.slug }, { token: contributor.token })).article, "the draft");
    expect(full.gallery.map((m) => m.id)).toEqual([photo1.gid, video.gid, photo2.gid]);
    expect(full.attachments.map(({ id, fileName }) => ({ id, fileName }))).toEqual([{ id: pdf.gid, fileName: "ke-hoach.pdf" }]);

    // Photo count follows each save: fewer body images, the same gallery.
    const saved = await ok(
      t,
      UpdateArticleDocument,
      { input: { id: article.id, expectedVersion: "0.1", body: "<p>không ảnh</p>" } },
      { token: contributor.token },
    );
    expect(saved.updateArticle.photoCount).toBe(2);

    const refused: Array<[Partial<UpdateArticleInput>, string]> = [
      [{ coverImageId: gone.gid }, "input.coverImageId"],
      [{ coverImageId: pdf.gid }, "input.coverImageId"],
      [{ galleryIds: [pdf.gid] }, "input.galleryIds"],
      [{ galleryIds: [photo1.gid, photo1.gid] }, "input.galleryIds"],
      [{ attachmentIds: [gone.gid] }, "input.attachmentIds"],
    ];
    for (const [input, field] of refused) {
      const r = await execute(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "0.2", ...input } }, { token: contributor.token });
      expect([JSON.stringify(input), r.errors?.[0]?.extensions]).toEqual([JSON.stringify(input), { code: "BAD_USER_INPUT", fields: [field] }]);
    }
  });
});

describe("illegal transitions", () => {
  it("answers BAD_USER_INPUT with the reason", async () => {
    const a = await draft(t, contributor.token);
    expect((await execute(t, RejectArticleDocument, { id: a.id, comment: "không" }, { token: approver.token })).errors![0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringMatching(/never submitted/),
    });
    expect(codes(await execute(t, UnpublishArticleDocument, { id: a.id }, { token: approver.token }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await execute(t, RestoreArticleVersionDocument, { id: a.id, version: "9.9" }, { token: contributor.token }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await execute(t, RestoreArticleVersionDocument, { id: a.id, version: "abc" }, { token: contributor.token }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await execute(t, CompareVersionsDocument, { id: a.id, from: "0.1", to: "7.0" }, { token: contributor.token }))).toEqual(["BAD_USER_INPUT"]);
    const live = await approved(t, contributor.token, approver.token);
    const again = await execute(t, ApproveArticleDocument, { id: live.id }, { token: approver.token });
    expect(again.errors![0]!.message).toMatch(/already approved/);
    const resubmit = await execute(t, SubmitArticleDocument, { id: live.id }, { token: contributor.token });
    expect(resubmit.errors![0]!.message).toMatch(/already approved/);
    expect(codes(await execute(t, RejectArticleDocument, { id: live.id, comment: "x" }, { token: approver.token }))).toEqual(["BAD_USER_INPUT"]);
    await ok(t, DeleteArticleDocument, { id: live.id }, { token: admin.token });
    // ADMIN sees the recycle bin, so is told why; for everyone else a deleted article does not exist.
    const operations: Array<TypedDocumentNode<unknown, { id: string }>> = [
      DeleteArticleDocument,
      SubmitArticleDocument,
      ApproveArticleDocument,
      UnpublishArticleDocument,
    ];
    for (const operation of operations) {
      const name = operationName(operation);
      const r = await execute(t, operation, { id: live.id }, { token: admin.token });
      expect([name, codes(r), r.errors![0]!.message]).toEqual([name, ["BAD_USER_INPUT"], expect.stringMatching(/recycle bin/)]);
      expect(await refusal(t, operation, { id: live.id }, { token: approver.token })).toBe("NOT_FOUND");
    }
    const notDeleted = await gql(t, `mutation($id: ID!) { restoreArticle(id: $id) { id } }`, { id: a.id }, { token: admin.token });
    expect(codes(notDeleted)).toEqual(["BAD_USER_INPUT"]);
  });

  it("approving an article whose end of publication has passed is refused", async () => {
    const a = await draft(t, contributor.token, { expireAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    await ok(t, SubmitArticleDocument, { id: a.id }, { token: contributor.token });
    t.clock.advance(120_000);
    expect((await execute(t, ApproveArticleDocument, { id: a.id }, { token: approver.token })).errors![0]!.message).toMatch(/end of publication/);
  });
});

describe("the contract's editor lists", () => {
  it("lists an editor's articles newest edit first and pages them", async () => {
    const first = await ok(t, EditorArticlesDocument, { first: 2 }, { token: editor.token });
    expect(first.articles.edges).toHaveLength(2);
    expect(first.articles.pageInfo.hasNextPage).toBe(true);
    const updated = first.articles.edges.map((e) => e.node.updatedAt);
    expect([...updated].sort().reverse()).toEqual(updated);
    const next = await ok(t, EditorArticlesDocument, { first: 2, after: first.articles.pageInfo.endCursor }, { token: editor.token });
    expect(next.articles.edges[0]?.node.id).not.toBe(first.articles.edges[1]?.node.id);
    const drafts = await ok(t, EditorArticlesDocument, { filter: { approvalStatus: "DRAFT" } }, { token: editor.token });
    expect(drafts.articles.edges.every((e) => e.node.approvalStatus === "DRAFT")).toBe(true);
    expect(drafts.articles.totalCount).toBeGreaterThan(0);
  });

  it("lets a CONTRIBUTOR list their own drafts and the published articles only", async () => {
    const other = await signIn(t, "CONTRIBUTOR");
    const mine = await draft(t, other.token, { title: "Bản nháp riêng" });
    const list = await ok(t, EditorArticlesDocument, { first: 100 }, { token: other.token });
    const ids = list.articles.edges.map((e) => e.node.id);
    expect(ids).toContain(mine.id);
    const statuses = new Set(list.articles.edges.filter((e) => e.node.id !== mine.id).map((e) => e.node.approvalStatus));
    expect([...statuses]).toEqual(["APPROVED"]);
    expect(list.articles.totalCount).toBe(ids.length);
  });

  it("filters by author: the account that created the article", async () => {
    const writer = await signIn(t, "CONTRIBUTOR", "Người viết riêng");
    const writerId = present((await ok(t, MeDocument, {}, { token: writer.token })).me, "the signed-in writer").id;
    const published = await approved(t, writer.token, approver.token, { title: "Bài đã đăng của người viết riêng" });
    const unpublished = await draft(t, writer.token, { title: "Bản nháp của người viết riêng" });
    await draft(t, contributor.token, { title: "Bài của người khác" });

    const forEditor = await ok(t, EditorArticlesDocument, { filter: { authorId: writerId } }, { token: editor.token });
    expect(forEditor.articles.edges.map((e) => e.node.id).sort()).toEqual([published.id, unpublished.id].sort());
    expect(forEditor.articles.totalCount).toBe(2);
    // With other conditions, every one holds.
    const drafts = await ok(t, EditorArticlesDocument, { filter: { authorId: writerId, approvalStatus: "DRAFT" } }, { token: editor.token });
    expect(drafts.articles.edges.map((e) => e.node.id)).toEqual([unpublished.id]);
    // Another contributor sees only what they may see of that author: the published one.
    const forOther = await ok(t, EditorArticlesDocument, { filter: { authorId: writerId } }, { token: contributor.token });
    expect(forOther.articles.edges.map((e) => e.node.id)).toEqual([published.id]);
    // An ID of another kind is bad input.
    expect(await refusal(t, EditorArticlesDocument, { filter: { authorId: published.id } }, { token: editor.token })).toBe("BAD_USER_INPUT");
  });
});

describe("contract document", () => {
  it("ApprovalQueue is oldest submission first", async () => {
    const a = await draft(t, contributor.token);
    const b = await draft(t, contributor.token);
    await ok(t, SubmitArticleDocument, { id: b.id }, { token: contributor.token });
    t.clock.advance(1000);
    await ok(t, SubmitArticleDocument, { id: a.id }, { token: contributor.token });
    const queue = await ok(t, ApprovalQueueDocument, {}, { token: approver.token });
    const ids = queue.articles.edges.map((e) => e.node.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(queue.articles.edges.every((e) => e.node.approvalStatus === "PENDING")).toBe(true);
    expect(contractOperation("ApprovalQueue")).toContain("approvalStatus: PENDING");
  });
});

interface Versions {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: { label: string } }>;
}

describe("history pagination and cost", () => {
  it("pages versions newest first", async () => {
    const a = await draft(t, contributor.token);
    for (let i = 1; i <= 4; i++) {
      await ok(t, UpdateArticleDocument, { input: { id: a.id, expectedVersion: `0.${i}`, title: `Lần ${i}` } }, { token: contributor.token });
    }
    // The contract's ArticleHistory reads the first 50 versions at once; this pages them two at a time.
    const query = `query($id: ID!, $after: String) { node(id: $id) { ... on Article { versions(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { label } } } } } }`;
    const labels: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r = await gql<{ node: { versions: Versions } | null }>(t, query, { id: a.id, after }, { token: contributor.token });
      const versions: Versions = present(r.data?.node, "the article").versions;
      expect(versions.totalCount).toBe(5);
      labels.push(...versions.edges.map((e) => e.node.label));
      if (!versions.pageInfo.hasNextPage) break;
      after = versions.pageInfo.endCursor;
    }
    expect(labels).toEqual(["0.5", "0.4", "0.3", "0.2", "0.1"]);
  });

  it("lists editors' articles with a number of SQL statements that does not grow with the page", async () => {
    for (let i = 0; i < 12; i++) await draft(t, contributor.token, { title: `Bài đếm ${i}` });
    const count = async (first: number) => {
      t.statements.length = 0;
      const r = await execute(t, EditorArticlesDocument, { first }, { token: editor.token });
      expect(r.errors).toBeUndefined();
      expect(r.data!.articles.edges).toHaveLength(first);
      return t.statements.length;
    };
    const few = await count(2);
    const many = await count(12);
    expect(many).toBe(few);
  });
});

describe("CreateCategory", () => {
  it("lets EDITOR and above manage categories, with a slug made from the name", async () => {
    const r = await ok(t, CreateCategoryDocument, { input: { name: "Quốc phòng - An ninh", description: "Tin quốc phòng" } }, { token: editor.token });
    expect(r.createCategory).toMatchObject({ slug: "quoc-phong-an-ninh", name: "Quốc phòng - An ninh" });
    expect(await refusal(t, CreateCategoryDocument, { input: { name: "Quốc phòng - An ninh" } }, { token: approver.token })).toBe("CONFLICT");
    expect(await refusal(t, CreateCategoryDocument, { input: { name: "Khác" } }, { token: contributor.token })).toBe("FORBIDDEN");
    expect(await refusal(t, CreateCategoryDocument, { input: { name: "Khác" } })).toBe("UNAUTHENTICATED");
    // A new category counts only what its readers may see.
    const article = await draft(t, contributor.token, { categoryId: r.createCategory.id });
    const count = async (token?: string) =>
      present(
        (await ok(t, HomePageDocument, {}, { token })).categories.find((c) => c.slug === "quoc-phong-an-ninh"),
        "the new category",
      ).articleCount;
    expect(await count()).toBe(0);
    expect(await count(contributor.token)).toBe(1);
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: contributor.token });
    await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver.token });
    expect(await count()).toBe(1);
  });
});
