// The complete life of an article through every role, run with the
// editors' console's own operations (editor.graphql) and read back with the
// portal's (portal.graphql).
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, gql, signIn, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { approved, draft, media, ok, rawId, recordPublications, refusal, run, settle } from "./support/workflow";

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

const readerView = async (slug: string) => (await ok(t, "ArticlePage", { slug })).article;
const homeLatestIds = async () => (await ok(t, "HomePage")).latest.edges.map((e: any) => e.node.id);
const categoryCount = async (slug: string) => (await ok(t, "HomePage")).categories.find((c: any) => c.slug === slug).articleCount as number;

describe("the life of an article", () => {
  it("goes from draft to published to unpublished, deleted and restored, with the right view for each role", async () => {
    const publications = recordPublications(t);
    const category = await t.app.db.category.findUniqueOrThrow({ where: { slug: "tin-tuc-su-kien" } });
    const categoryId = Buffer.from(`Category:${category.id}`).toString("base64");
    const countBefore = await categoryCount("tin-tuc-su-kien");

    // CONTRIBUTOR writes: 0.1 DRAFT, slug from the title, made unique (the fixture article has the same title).
    const created = await ok(
      t,
      "CreateArticle",
      { input: { title: TITLE, body: '<p onclick="x()">Ngày 12/12/2019...</p><script>alert(1)</script>', categoryId, byline: "Hoài Phương" } },
      contributor.token,
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
      "UpdateArticle",
      { input: { id: article.id, expectedVersion: "0.1", summary: "Cơ cấu kinh tế dịch chuyển đúng hướng.", comment: "Thêm sapo" } },
      contributor.token,
    );
    expect(updated.updateArticle).toMatchObject({ version: "0.2", approvalStatus: "DRAFT", summary: "Cơ cấu kinh tế dịch chuyển đúng hướng." });

    // Approving a draft that was never submitted is refused, with the reason.
    const early = await run(t, "ApproveArticle", { id: article.id }, approver.token);
    expect(codes(early)).toEqual(["BAD_USER_INPUT"]);
    expect(early.errors![0]!.message).toMatch(/never submitted/);

    const submitted = await ok(t, "SubmitArticle", { id: article.id, comment: "Nhờ duyệt" }, contributor.token);
    expect(submitted.submitArticle).toEqual({ id: article.id, approvalStatus: "PENDING", version: "0.2" });
    expect(codes(await run(t, "SubmitArticle", { id: article.id }, contributor.token))).toEqual(["BAD_USER_INPUT"]);

    // The approval queue shows it to approvers; an EDITOR may not approve.
    const queue = await ok(t, "ApprovalQueue", {}, approver.token);
    expect(queue.articles.edges.map((e: any) => e.node.id)).toContain(article.id);
    expect(await refusal(t, "ApproveArticle", { id: article.id }, editor.token)).toBe("FORBIDDEN");
    expect(await refusal(t, "ApproveArticle", { id: article.id }, contributor.token)).toBe("FORBIDDEN");

    // Approval: the next major version, visible to readers, announced once.
    const approval = await ok(t, "ApproveArticle", { id: article.id, comment: "Đồng ý đăng" }, approver.token);
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
      "UpdateArticle",
      { input: { id: article.id, expectedVersion: "1.0", title: "Tiêu đề mới chưa duyệt", categoryId: null } },
      editor.token,
    );
    expect(edited.updateArticle).toMatchObject({ version: "1.1", approvalStatus: "DRAFT", title: "Tiêu đề mới chưa duyệt", category: null });
    expect(await readerView(article.slug)).toMatchObject({ title: TITLE, version: "1.0", category: { slug: "tin-tuc-su-kien" } });
    expect(await categoryCount("tin-tuc-su-kien")).toBe(countBefore + 1);
    const asReader = await signIn(t, "READER");
    const readerNode = await ok(t, "MobileArticleDetail", { id: article.id }, asReader.token);
    expect(readerNode.node.title).toBe(TITLE);

    // Rejection needs a comment and keeps readers on 1.0.
    await ok(t, "SubmitArticle", { id: article.id }, editor.token);
    const noReason = await gql(t, `mutation($id: ID!) { rejectArticle(id: $id, comment: "  ") { id } }`, { id: article.id }, { token: approver.token });
    expect(codes(noReason)).toEqual(["BAD_USER_INPUT"]);
    const rejected = await ok(t, "RejectArticle", { id: article.id, comment: "Tiêu đề chưa đạt" }, approver.token);
    expect(rejected.rejectArticle).toEqual({ id: article.id, approvalStatus: "REJECTED", version: "1.1" });
    expect((await readerView(article.slug)).version).toBe("1.0");

    // History: newest first, each version with who, when, comment, status and changed fields.
    const history = (await ok(t, "ArticleHistory", { id: article.id }, editor.token)).node;
    expect(history.version).toBe("1.1");
    expect(history.versions.totalCount).toBe(4);
    expect(history.versions.edges.map((e: any) => [e.node.label, e.node.isMajor, e.node.approvalStatus, e.node.createdBy.name, e.node.changedFields])).toEqual([
      ["1.1", false, "REJECTED", "Biên tập viên", ["title", "categoryId"]],
      ["1.0", true, "APPROVED", "Trưởng ban biên tập", []],
      ["0.2", false, "PENDING", "Phóng viên Hoài Phương", ["summary"]],
      ["0.1", false, "DRAFT", "Phóng viên Hoài Phương", ["title", "body", "byline", "categoryId"]],
    ]);
    expect(history.versions.edges[2].node.comment).toBe("Thêm sapo\nNhờ duyệt");
    expect(history.versions.edges[1].node.comment).toBe("Đồng ý đăng");
    expect(history.approvals.map((a: any) => [a.decision, a.version, a.comment, a.decidedBy.name])).toEqual([
      ["REJECTED", "1.1", "Tiêu đề chưa đạt", "Trưởng ban biên tập"],
      ["APPROVED", "1.0", "Đồng ý đăng", "Trưởng ban biên tập"],
    ]);

    // Compare and restore.
    const diff = (await ok(t, "CompareVersions", { id: article.id, from: "1.0", to: "1.1" }, editor.token)).node.compareVersions;
    expect(diff).toEqual([
      { field: "title", before: TITLE, after: "Tiêu đề mới chưa duyệt" },
      { field: "categoryId", before: categoryId, after: null },
    ]);
    const restored = await ok(t, "RestoreArticleVersion", { id: article.id, version: "1.0" }, editor.token);
    expect(restored.restoreArticleVersion).toMatchObject({ version: "1.2", approvalStatus: "DRAFT", title: TITLE, category: { slug: "tin-tuc-su-kien" } });
    expect((await ok(t, "CompareVersions", { id: article.id, from: "1.0", to: "1.2" }, editor.token)).node.compareVersions).toEqual([]);

    // A second approval is 2.0 and is not announced again.
    await ok(t, "SubmitArticle", { id: article.id }, editor.token);
    expect((await ok(t, "ApproveArticle", { id: article.id }, approver.token)).approveArticle).toMatchObject({ version: "2.0", approvalStatus: "APPROVED" });
    await settle();
    expect(publications.events).toHaveLength(1);

    // Unpublish: readers lose it, the editor sees a DRAFT, history stays.
    const unpublished = await ok(t, "UnpublishArticle", { id: article.id }, approver.token);
    expect(unpublished.unpublishArticle).toEqual({ id: article.id, approvalStatus: "DRAFT", publishedAt: null });
    expect(await readerView(article.slug)).toBeNull();
    expect(await categoryCount("tin-tuc-su-kien")).toBe(countBefore);
    expect(codes(await run(t, "UnpublishArticle", { id: article.id }, approver.token))).toEqual(["BAD_USER_INPUT"]);
    const afterUnpublish = (await ok(t, "ArticleHistory", { id: article.id }, editor.token)).node;
    expect(afterUnpublish.versions.totalCount).toBe(6);

    // It can go back: submit and approve make 3.0.
    await ok(t, "SubmitArticle", { id: article.id }, editor.token);
    expect((await ok(t, "ApproveArticle", { id: article.id }, approver.token)).approveArticle.version).toBe("3.0");
    expect((await readerView(article.slug)).version).toBe("3.0");

    // Delete: gone for everyone but ADMIN's recycle bin; submitting a deleted article is NOT_FOUND.
    expect(await refusal(t, "DeleteArticle", { id: article.id }, approver.token)).toBe("FORBIDDEN");
    await ok(t, "DeleteArticle", { id: article.id }, admin.token);
    expect(await readerView(article.slug)).toBeNull();
    expect(await refusal(t, "SubmitArticle", { id: article.id }, editor.token)).toBe("NOT_FOUND");
    expect(await refusal(t, "SubmitArticle", { id: article.id }, admin.token)).toBe("BAD_USER_INPUT");
    expect((await ok(t, "ArticleHistory", { id: article.id }, admin.token)).node).toBeNull();
    const bin = await ok(t, "EditorArticles", { filter: { deleted: true } }, admin.token);
    expect(bin.articles.edges.map((e: any) => e.node.id)).toContain(article.id);
    expect(codes(await run(t, "EditorArticles", { filter: { deleted: true } }, editor.token))).toEqual(["BAD_USER_INPUT"]);
    const back = await gql(t, `mutation($id: ID!) { restoreArticle(id: $id) { id version approvalStatus } }`, { id: article.id }, { token: admin.token });
    expect(back.data!.restoreArticle).toEqual({ id: article.id, version: "3.0", approvalStatus: "APPROVED" });
    expect((await readerView(article.slug)).version).toBe("3.0");
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
    const taken = await run(t, "CreateArticle", { input: { title: "Khác", body: "", slug: "hop-bao-dinh-ky" } }, contributor.token);
    expect(codes(taken)).toEqual(["CONFLICT"]);
    const retitled = await run(t, "UpdateArticle", { input: { id: c.id, expectedVersion: "0.1", slug: "hop-bao-dinh-ky-2" } }, contributor.token);
    expect(codes(retitled)).toEqual(["CONFLICT"]);
    const renamed = await ok(t, "UpdateArticle", { input: { id: c.id, expectedVersion: "0.1", slug: "hop-bao-thang-12" } }, contributor.token);
    expect(renamed.updateArticle).toMatchObject({ slug: "hop-bao-thang-12", version: "0.2" });
    // Once published, the address stays: no draft shows through it, links keep working.
    const live = await approved(t, contributor.token, approver.token, { title: "Đã đăng" });
    const moved = await run(t, "UpdateArticle", { input: { id: live.id, expectedVersion: "1.0", slug: "dia-chi-moi" } }, contributor.token);
    expect(moved.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", fields: ["input.slug"] });
    const same = await ok(t, "UpdateArticle", { input: { id: live.id, expectedVersion: "1.0", slug: live.slug, title: "Đã đăng (sửa)" } }, contributor.token);
    expect(same.updateArticle.slug).toBe(live.slug);
    const noLetters = await draft(t, contributor.token, { title: "!!!" });
    expect(noLetters.slug).toBe("bai-viet");
  });

  it("names the offending field of bad input and writes nothing", async () => {
    const before = await t.app.db.articleVersion.count();
    const cases: Array<[Record<string, unknown>, string]> = [
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
      const r = await run(t, "CreateArticle", { input: { title: "Bài", body: "<p>x</p>", ...input } }, contributor.token);
      expect([JSON.stringify(input), codes(r), r.errors?.[0]?.extensions?.fields]).toEqual([JSON.stringify(input), ["BAD_USER_INPUT"], [field]]);
    }
    const article = await draft(t, contributor.token);
    const nullTitle = await run(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "0.1", title: null } }, contributor.token);
    expect(nullTitle.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["input.title"] });
    const badLabel = await run(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "latest" } }, contributor.token);
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
    expect(article.coverImage.id).toBe(cover.gid);
    const full = await gql(
      t,
      `query($id: ID!) { node(id: $id) { ... on Article { gallery { id } attachments { id fileName } } } }`,
      { id: article.id },
      { token: contributor.token },
    );
    expect(full.data!.node.gallery.map((m: any) => m.id)).toEqual([photo1.gid, video.gid, photo2.gid]);
    expect(full.data!.node.attachments).toEqual([{ id: pdf.gid, fileName: "ke-hoach.pdf" }]);

    // Photo count follows each save: fewer body images, the same gallery.
    const saved = await ok(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "0.1", body: "<p>không ảnh</p>" } }, contributor.token);
    expect(saved.updateArticle.photoCount).toBe(2);

    const refused: Array<[Record<string, unknown>, string]> = [
      [{ coverImageId: gone.gid }, "input.coverImageId"],
      [{ coverImageId: pdf.gid }, "input.coverImageId"],
      [{ galleryIds: [pdf.gid] }, "input.galleryIds"],
      [{ galleryIds: [photo1.gid, photo1.gid] }, "input.galleryIds"],
      [{ attachmentIds: [gone.gid] }, "input.attachmentIds"],
    ];
    for (const [input, field] of refused) {
      const r = await run(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "0.2", ...input } }, contributor.token);
      expect([JSON.stringify(input), r.errors?.[0]?.extensions]).toEqual([JSON.stringify(input), { code: "BAD_USER_INPUT", fields: [field] }]);
    }
  });
});

describe("illegal transitions", () => {
  it("answers BAD_USER_INPUT with the reason", async () => {
    const a = await draft(t, contributor.token);
    expect((await run(t, "RejectArticle", { id: a.id, comment: "không" }, approver.token)).errors![0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringMatching(/never submitted/),
    });
    expect(codes(await run(t, "UnpublishArticle", { id: a.id }, approver.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await run(t, "RestoreArticleVersion", { id: a.id, version: "9.9" }, contributor.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await run(t, "RestoreArticleVersion", { id: a.id, version: "abc" }, contributor.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await run(t, "CompareVersions", { id: a.id, from: "0.1", to: "7.0" }, contributor.token))).toEqual(["BAD_USER_INPUT"]);
    const live = await approved(t, contributor.token, approver.token);
    const again = await run(t, "ApproveArticle", { id: live.id }, approver.token);
    expect(again.errors![0]!.message).toMatch(/already approved/);
    const resubmit = await run(t, "SubmitArticle", { id: live.id }, contributor.token);
    expect(resubmit.errors![0]!.message).toMatch(/already approved/);
    expect(codes(await run(t, "RejectArticle", { id: live.id, comment: "x" }, approver.token))).toEqual(["BAD_USER_INPUT"]);
    await ok(t, "DeleteArticle", { id: live.id }, admin.token);
    // ADMIN sees the recycle bin, so is told why; for everyone else a deleted article does not exist.
    for (const operation of ["DeleteArticle", "SubmitArticle", "ApproveArticle", "UnpublishArticle"]) {
      const r = await run(t, operation, { id: live.id }, admin.token);
      expect([operation, codes(r), r.errors![0]!.message]).toEqual([operation, ["BAD_USER_INPUT"], expect.stringMatching(/recycle bin/)]);
      expect(await refusal(t, operation, { id: live.id }, approver.token)).toBe("NOT_FOUND");
    }
    const notDeleted = await gql(t, `mutation($id: ID!) { restoreArticle(id: $id) { id } }`, { id: a.id }, { token: admin.token });
    expect(codes(notDeleted)).toEqual(["BAD_USER_INPUT"]);
  });

  it("approving an article whose end of publication has passed is refused", async () => {
    const a = await draft(t, contributor.token, { expireAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    await ok(t, "SubmitArticle", { id: a.id }, contributor.token);
    t.clock.advance(120_000);
    expect((await run(t, "ApproveArticle", { id: a.id }, approver.token)).errors![0]!.message).toMatch(/end of publication/);
  });
});

describe("the contract's editor lists", () => {
  it("lists an editor's articles newest edit first and pages them", async () => {
    const first = await ok(t, "EditorArticles", { first: 2 }, editor.token);
    expect(first.articles.edges).toHaveLength(2);
    expect(first.articles.pageInfo.hasNextPage).toBe(true);
    const updated = first.articles.edges.map((e: any) => e.node.updatedAt);
    expect([...updated].sort().reverse()).toEqual(updated);
    const next = await ok(t, "EditorArticles", { first: 2, after: first.articles.pageInfo.endCursor }, editor.token);
    expect(next.articles.edges[0].node.id).not.toBe(first.articles.edges[1].node.id);
    const drafts = await ok(t, "EditorArticles", { filter: { approvalStatus: "DRAFT" } }, editor.token);
    expect(drafts.articles.edges.every((e: any) => e.node.approvalStatus === "DRAFT")).toBe(true);
    expect(drafts.articles.totalCount).toBeGreaterThan(0);
  });

  it("lets a CONTRIBUTOR list their own drafts and the published articles only", async () => {
    const other = await signIn(t, "CONTRIBUTOR");
    const mine = await draft(t, other.token, { title: "Bản nháp riêng" });
    const list = await ok(t, "EditorArticles", { first: 100 }, other.token);
    const ids = list.articles.edges.map((e: any) => e.node.id);
    expect(ids).toContain(mine.id);
    const statuses = new Set(list.articles.edges.filter((e: any) => e.node.id !== mine.id).map((e: any) => e.node.approvalStatus));
    expect([...statuses]).toEqual(["APPROVED"]);
    expect(list.articles.totalCount).toBe(ids.length);
  });

  it("filters by author: the account that created the article", async () => {
    const writer = await signIn(t, "CONTRIBUTOR", "Người viết riêng");
    const writerId = (await ok(t, "Me", {}, writer.token)).me.id;
    const published = await approved(t, writer.token, approver.token, { title: "Bài đã đăng của người viết riêng" });
    const unpublished = await draft(t, writer.token, { title: "Bản nháp của người viết riêng" });
    await draft(t, contributor.token, { title: "Bài của người khác" });

    const forEditor = await ok(t, "EditorArticles", { filter: { authorId: writerId } }, editor.token);
    expect(forEditor.articles.edges.map((e: any) => e.node.id).sort()).toEqual([published.id, unpublished.id].sort());
    expect(forEditor.articles.totalCount).toBe(2);
    // With other conditions, every one holds.
    const drafts = await ok(t, "EditorArticles", { filter: { authorId: writerId, approvalStatus: "DRAFT" } }, editor.token);
    expect(drafts.articles.edges.map((e: any) => e.node.id)).toEqual([unpublished.id]);
    // Another contributor sees only what they may see of that author: the published one.
    const forOther = await ok(t, "EditorArticles", { filter: { authorId: writerId } }, contributor.token);
    expect(forOther.articles.edges.map((e: any) => e.node.id)).toEqual([published.id]);
    // An ID of another kind is bad input.
    expect(await refusal(t, "EditorArticles", { filter: { authorId: published.id } }, editor.token)).toBe("BAD_USER_INPUT");
  });
});

describe("contract document", () => {
  it("ApprovalQueue is oldest submission first", async () => {
    const a = await draft(t, contributor.token);
    const b = await draft(t, contributor.token);
    await ok(t, "SubmitArticle", { id: b.id }, contributor.token);
    t.clock.advance(1000);
    await ok(t, "SubmitArticle", { id: a.id }, contributor.token);
    const queue = await ok(t, "ApprovalQueue", {}, approver.token);
    const ids = queue.articles.edges.map((e: any) => e.node.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(queue.articles.edges.every((e: any) => e.node.approvalStatus === "PENDING")).toBe(true);
    expect(contractOperation("ApprovalQueue")).toContain("approvalStatus: PENDING");
  });
});

describe("history pagination and cost", () => {
  it("pages versions newest first", async () => {
    const a = await draft(t, contributor.token);
    for (let i = 1; i <= 4; i++) {
      await ok(t, "UpdateArticle", { input: { id: a.id, expectedVersion: `0.${i}`, title: `Lần ${i}` } }, contributor.token);
    }
    const query = `query($id: ID!, $after: String) { node(id: $id) { ... on Article { versions(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { label } } } } } }`;
    const labels: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r: any = await gql(t, query, { id: a.id, after }, { token: contributor.token });
      const versions = r.data.node.versions;
      expect(versions.totalCount).toBe(5);
      labels.push(...versions.edges.map((e: any) => e.node.label));
      if (!versions.pageInfo.hasNextPage) break;
      after = versions.pageInfo.endCursor;
    }
    expect(labels).toEqual(["0.5", "0.4", "0.3", "0.2", "0.1"]);
  });

  it("lists editors' articles with a number of SQL statements that does not grow with the page", async () => {
    for (let i = 0; i < 12; i++) await draft(t, contributor.token, { title: `Bài đếm ${i}` });
    const count = async (first: number) => {
      t.statements.length = 0;
      const r = await run(t, "EditorArticles", { first }, editor.token);
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
    const r = await ok(t, "CreateCategory", { input: { name: "Quốc phòng - An ninh", description: "Tin quốc phòng" } }, editor.token);
    expect(r.createCategory).toMatchObject({ slug: "quoc-phong-an-ninh", name: "Quốc phòng - An ninh" });
    expect(await refusal(t, "CreateCategory", { input: { name: "Quốc phòng - An ninh" } }, approver.token)).toBe("CONFLICT");
    expect(await refusal(t, "CreateCategory", { input: { name: "Khác" } }, contributor.token)).toBe("FORBIDDEN");
    expect(await refusal(t, "CreateCategory", { input: { name: "Khác" } })).toBe("UNAUTHENTICATED");
    // A new category counts only what its readers may see.
    const article = await draft(t, contributor.token, { categoryId: r.createCategory.id });
    const count = async (token?: string) => (await ok(t, "HomePage", {}, token)).categories.find((c: any) => c.slug === "quoc-phong-an-ninh").articleCount;
    expect(await count()).toBe(0);
    expect(await count(contributor.token)).toBe(1);
    await ok(t, "SubmitArticle", { id: article.id }, contributor.token);
    await ok(t, "ApproveArticle", { id: article.id }, approver.token);
    expect(await count()).toBe(1);
  });
});
