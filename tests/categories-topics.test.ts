// The category tree and topics (dòng sự kiện) through the API: ADMIN manages
// the tree (rename, describe, move, reorder, delete only when empty), editors
// manage topics and attach them to articles, readers list a topic's articles
// and filter by topic, and every change shows at once (response cache) and is
// in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, execute, present, signIn, type TestApp } from "./support/app";
import { approved, draft, globalId, ok, parsed, rawId, refusal } from "./support/workflow";
import {
  ArticlePageDocument,
  AuditLogDocument,
  CategoryPageDocument,
  CategoryTreeDocument,
  CreateCategoryDocument,
  CreateTopicDocument,
  DeleteArticleDocument,
  DeleteCategoryDocument,
  DeleteTopicDocument,
  EditorArticlesDocument,
  FilteredArticlesDocument,
  MoveCategoryDocument,
  ReorderCategoriesDocument,
  SetArticleTopicsDocument,
  TopicListDocument,
  TopicPageDocument,
  TopicsDocument,
  UpdateCategoryDocument,
  UpdateTopicDocument,
} from "../clients/generated/graphql";

let t: TestApp;
let admin: { token: string };
let editor: { token: string };
let contributor: { token: string };
let approver: { token: string };
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  admin = await signIn(t, "ADMIN", "Quản trị");
  editor = await signIn(t, "EDITOR", "Biên tập");
  contributor = await signIn(t, "CONTRIBUTOR", "Cộng tác viên");
  approver = await signIn(t, "APPROVER", "Duyệt bài");
});
afterAll(() => t.close());

async function category(name: string, parentId?: string) {
  return (await ok(t, CreateCategoryDocument, { input: { name, ...(parentId && { parentId }) } }, { token: editor.token })).createCategory;
}

const tree = async () => (await ok(t, CategoryTreeDocument)).categories;
const childrenOf = async (parentId: string | null) =>
  (await tree())
    .filter((c) => (c.parent?.id ?? null) === parentId)
    .sort((a, b) => a.position - b.position)
    .map((c) => c.slug);

describe("the category tree", () => {
  it("renames and describes a category, keeping its slug unless one is given", async () => {
    const news = await category("Tin tức");
    // A reader's cached answer is dropped by the rename.
    expect(present((await ok(t, CategoryPageDocument, { slug: news.slug })).category, "the category").name).toBe("Tin tức");
    const renamed = await ok(
      t,
      UpdateCategoryDocument,
      { input: { id: news.id, name: "Tin tức - Sự kiện", description: "Tin trong thị xã" } },
      { token: admin.token },
    );
    expect(renamed.updateCategory).toEqual({ id: news.id, slug: "tin-tuc", name: "Tin tức - Sự kiện", description: "Tin trong thị xã" });
    expect(present((await ok(t, CategoryPageDocument, { slug: "tin-tuc" })).category, "the category").name).toBe("Tin tức - Sự kiện");
    const reslugged = await ok(t, UpdateCategoryDocument, { input: { id: news.id, slug: "tin-tuc-su-kien", description: "" } }, { token: admin.token });
    expect(reslugged.updateCategory).toMatchObject({ slug: "tin-tuc-su-kien", description: null });
    const taken = await category("Thông báo");
    const clash = await execute(t, UpdateCategoryDocument, { input: { id: taken.id, slug: "tin-tuc-su-kien" } }, { token: admin.token });
    expect(codes(clash)).toEqual(["CONFLICT"]);
    expect(await refusal(t, UpdateCategoryDocument, { input: { id: news.id, slug: "Không Hợp Lệ" } }, { token: admin.token })).toBe("BAD_USER_INPUT");
    expect(await refusal(t, UpdateCategoryDocument, { input: { id: news.id, name: "x" } }, { token: editor.token })).toBe("FORBIDDEN");
    expect(await refusal(t, UpdateCategoryDocument, { input: { id: globalId("Category", "khong-co"), name: "x" } }, { token: admin.token })).toBe("NOT_FOUND");
  });

  it("moves a category under another parent, never under itself or a descendant, and renumbers siblings", async () => {
    const a = await category("Kinh tế");
    const b = await category("Văn hóa");
    const c = await category("Xã hội");
    const a1 = await category("Nông nghiệp", a.id);
    const a2 = await category("Công nghiệp", a.id);
    expect(await childrenOf(a.id)).toEqual(["nong-nghiep", "cong-nghiep"]);

    // c goes under a, first.
    const moved = await ok(t, MoveCategoryDocument, { input: { id: c.id, parentId: a.id, position: 0 } }, { token: admin.token });
    expect(moved.moveCategory).toMatchObject({ id: c.id, position: 0, parent: { id: a.id, slug: "kinh-te" } });
    expect(await childrenOf(a.id)).toEqual(["xa-hoi", "nong-nghiep", "cong-nghiep"]);
    const topLevel = await childrenOf(null);
    expect(topLevel).not.toContain("xa-hoi");
    // Positions at the top level have no gap.
    const tops = (await tree())
      .filter((x) => !x.parent)
      .map((x) => x.position)
      .sort((x, y) => x - y);
    expect(tops).toEqual(tops.map((_, i) => i));

    // No cycles: under itself, under its child, under its grandchild.
    for (const parent of [a.id, a1.id]) {
      const refused = await execute(t, MoveCategoryDocument, { input: { id: a.id, parentId: parent } }, { token: admin.token });
      expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
      expect(refused.errors![0]!.extensions!.fields).toEqual(["input.parentId"]);
    }
    const grand = await category("Thủy sản", a1.id);
    expect(await refusal(t, MoveCategoryDocument, { input: { id: a.id, parentId: grand.id } }, { token: admin.token })).toBe("BAD_USER_INPUT");

    // Back to the top level, last.
    const back = await ok(t, MoveCategoryDocument, { input: { id: a2.id, parentId: null } }, { token: admin.token });
    expect(back.moveCategory.parent).toBeNull();
    expect((await childrenOf(null)).at(-1)).toBe("cong-nghiep");
    expect(await childrenOf(a.id)).toEqual(["xa-hoi", "nong-nghiep"]);
    expect(await refusal(t, MoveCategoryDocument, { input: { id: b.id, parentId: a.id } }, { token: editor.token })).toBe("FORBIDDEN");
  });

  it("never makes a cycle when two moves race", async () => {
    const x = await category("Chuyên mục X");
    const y = await category("Chuyên mục Y");
    const results = await Promise.all([
      execute(t, MoveCategoryDocument, { input: { id: x.id, parentId: y.id } }, { token: admin.token }),
      execute(t, MoveCategoryDocument, { input: { id: y.id, parentId: x.id } }, { token: admin.token }),
    ]);
    expect(results.map((r) => codes(r).join(",") || "OK").sort()).toEqual(["BAD_USER_INPUT", "OK"]);
    const rows = await t.app.db.category.findMany({ where: { id: { in: [rawId(x.id), rawId(y.id)] } } });
    expect(rows.filter((r) => r.parentId !== null)).toHaveLength(1);
  });

  it("reorders the children of a parent; the list must name each exactly once", async () => {
    const parent = await category("Chính trị");
    const kids = [await category("Đảng", parent.id), await category("Chính quyền", parent.id), await category("Mặt trận", parent.id)];
    const order = [kids[2]!.id, kids[0]!.id, kids[1]!.id];
    const done = await ok(t, ReorderCategoriesDocument, { parentId: parent.id, ids: order }, { token: admin.token });
    expect(done.reorderCategories.map((c) => [c.slug, c.position])).toEqual([
      ["mat-tran", 0],
      ["dang", 1],
      ["chinh-quyen", 2],
    ]);
    expect(await refusal(t, ReorderCategoriesDocument, { parentId: parent.id, ids: order.slice(1) }, { token: admin.token })).toBe("BAD_USER_INPUT");
    expect(await refusal(t, ReorderCategoriesDocument, { parentId: parent.id, ids: [order[0]!, order[0]!, order[1]!] }, { token: admin.token })).toBe(
      "BAD_USER_INPUT",
    );
    expect(await refusal(t, ReorderCategoriesDocument, { parentId: parent.id, ids: order }, { token: editor.token })).toBe("FORBIDDEN");
  });

  it("deletes only an empty category: CONFLICT with the counts otherwise", async () => {
    const full = await category("Có bài viết");
    const child = await category("Con", full.id);
    const article = await draft(t, editor.token, { categoryId: full.id });
    const refused = await execute(t, DeleteCategoryDocument, { id: full.id }, { token: admin.token });
    expect(codes(refused)).toEqual(["CONFLICT"]);
    expect(refused.errors![0]!.extensions).toMatchObject({ articleCount: 1, childCount: 1 });
    // An article in the recycle bin still counts: it can come back.
    await ok(t, DeleteArticleDocument, { id: article.id }, { token: admin.token });
    await ok(t, DeleteCategoryDocument, { id: child.id }, { token: admin.token });
    const still = await execute(t, DeleteCategoryDocument, { id: full.id }, { token: admin.token });
    expect(still.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", articleCount: 1, childCount: 0 });

    const empty = await category("Trống");
    expect(await refusal(t, DeleteCategoryDocument, { id: empty.id }, { token: editor.token })).toBe("FORBIDDEN");
    const deleted = await ok(t, DeleteCategoryDocument, { id: empty.id }, { token: admin.token });
    expect(deleted.deleteCategory).toEqual({ id: empty.id, slug: "trong" });
    expect((await ok(t, CategoryPageDocument, { slug: "trong" })).category).toBeNull();
    expect(await refusal(t, DeleteCategoryDocument, { id: empty.id }, { token: admin.token })).toBe("NOT_FOUND");
  });

  it("records each tree change in the audit trail with before and after", async () => {
    const cat = await category("Để ghi nhật ký");
    await ok(t, UpdateCategoryDocument, { input: { id: cat.id, name: "Đã đổi tên" } }, { token: admin.token });
    await ok(t, DeleteCategoryDocument, { id: cat.id }, { token: admin.token });
    const log = await ok(t, AuditLogDocument, { filter: { targetId: cat.id } }, { token: admin.token });
    const events = log.auditLog.edges.map((e) => e.node);
    expect(events.map((e) => e.action)).toEqual(["CATEGORY_DELETE", "CATEGORY_UPDATE", "CATEGORY_CREATE"]);
    expect(parsed(events[1]?.before)).toEqual({ name: "Để ghi nhật ký" });
    expect(parsed(events[1]?.after)).toEqual({ name: "Đã đổi tên" });
    expect(parsed(events[0]?.before)).toMatchObject({ slug: "de-ghi-nhat-ky", name: "Đã đổi tên" });
  });
});

describe("topics (dòng sự kiện)", () => {
  it("are managed by editors, attached to articles by whoever may edit them, and listed for readers", async () => {
    const topic = (await ok(t, CreateTopicDocument, { input: { name: "Đại hội Đảng bộ thị xã", description: "Nhiệm kỳ 2025-2030" } }, { token: editor.token }))
      .createTopic;
    expect(topic).toMatchObject({ slug: "dai-hoi-dang-bo-thi-xa", name: "Đại hội Đảng bộ thị xã" });
    const other = (await ok(t, CreateTopicDocument, { input: { name: "Phòng chống dịch" } }, { token: editor.token })).createTopic;
    expect(await refusal(t, CreateTopicDocument, { input: { name: "Đại hội Đảng bộ thị xã" } }, { token: editor.token })).toBe("CONFLICT");
    expect(await refusal(t, CreateTopicDocument, { input: { name: "Không được" } }, { token: contributor.token })).toBe("FORBIDDEN");
    // Categories and topics share one space of slugs (/rss/<slug>.xml names either), both ways and on rename.
    const section = await category("Kinh tế số");
    expect(await refusal(t, CreateTopicDocument, { input: { name: "Kinh tế số" } }, { token: editor.token })).toBe("CONFLICT");
    expect(await refusal(t, UpdateTopicDocument, { input: { id: other.id, slug: section.slug } }, { token: editor.token })).toBe("CONFLICT");
    expect(await refusal(t, CreateCategoryDocument, { input: { name: "Phòng chống dịch" } }, { token: admin.token })).toBe("CONFLICT");
    expect(await refusal(t, UpdateCategoryDocument, { input: { id: section.id, slug: topic.slug } }, { token: admin.token })).toBe("CONFLICT");

    const published = await approved(t, editor.token, approver.token, { title: "Khai mạc Đại hội" });
    const hidden = await draft(t, editor.token, { title: "Bản nháp về Đại hội" });
    // The reader's page is cached before the topic is attached.
    expect(present((await ok(t, TopicPageDocument, { slug: topic.slug })).topic, "the topic").articles.totalCount).toBe(0);

    const set = await ok(t, SetArticleTopicsDocument, { id: published.id, topicIds: [topic.id, other.id] }, { token: editor.token });
    expect(set.setArticleTopics.topics.map((x) => x.slug)).toEqual(["dai-hoi-dang-bo-thi-xa", "phong-chong-dich"]);
    await ok(t, SetArticleTopicsDocument, { id: hidden.id, topicIds: [topic.id] }, { token: editor.token });

    // Readers see the published article at once, never the draft.
    const page = present((await ok(t, TopicPageDocument, { slug: topic.slug })).topic, "the topic");
    expect(page.articles.totalCount).toBe(1);
    expect(page.articles.edges.map((e) => e.node.id)).toEqual([published.id]);
    expect(page.articles.edges[0]?.node.topics.map((x) => x.slug)).toEqual(["dai-hoi-dang-bo-thi-xa", "phong-chong-dich"]);
    const list = await ok(t, TopicListDocument);
    expect(list.topics.edges.find((e) => e.node.slug === topic.slug)?.node.articleCount).toBe(1);
    // Editors count the draft too.
    const staff = await ok(t, TopicsDocument, { search: "dai hoi" }, { token: editor.token });
    expect(staff.topics.edges.map((e) => [e.node.slug, e.node.articleCount])).toEqual([["dai-hoi-dang-bo-thi-xa", 2]]);

    // Filter by topic, alone or with another filter.
    const filtered = await ok(t, FilteredArticlesDocument, { filter: { topicSlug: "phong-chong-dich" } });
    expect(filtered.articles.edges.map((e) => e.node.id)).toEqual([published.id]);
    const byId = await ok(t, FilteredArticlesDocument, { filter: { topicId: other.id, featured: true } });
    expect(byId.articles.totalCount).toBe(0);
    const editorsFilter = await ok(t, EditorArticlesDocument, { filter: { topicId: topic.id } }, { token: editor.token });
    expect(editorsFilter.articles.totalCount).toBe(2);

    // Who may attach: not a reader, not a contributor on someone else's article.
    expect(await refusal(t, SetArticleTopicsDocument, { id: published.id, topicIds: [] }, { token: contributor.token })).toBe("FORBIDDEN");
    expect(await refusal(t, SetArticleTopicsDocument, { id: hidden.id, topicIds: [] })).toBe("UNAUTHENTICATED");
    expect(await refusal(t, SetArticleTopicsDocument, { id: published.id, topicIds: [topic.id, topic.id] }, { token: editor.token })).toBe("BAD_USER_INPUT");
    expect(await refusal(t, SetArticleTopicsDocument, { id: published.id, topicIds: [globalId("Topic", "khong-co")] }, { token: editor.token })).toBe(
      "BAD_USER_INPUT",
    );

    // Rename keeps the slug; deleting detaches it from the articles, which stay.
    const renamed = await ok(t, UpdateTopicDocument, { input: { id: other.id, name: "Phòng, chống dịch bệnh" } }, { token: editor.token });
    expect(renamed.updateTopic).toMatchObject({ slug: "phong-chong-dich", name: "Phòng, chống dịch bệnh" });
    expect(await ok(t, ArticlePageDocument, { slug: published.slug })).toBeDefined();
    await ok(t, DeleteTopicDocument, { id: other.id }, { token: editor.token });
    const after = present((await ok(t, TopicPageDocument, { slug: topic.slug })).topic, "the topic");
    expect(after.articles.edges[0]?.node.topics.map((x) => x.slug)).toEqual(["dai-hoi-dang-bo-thi-xa"]);
    expect((await ok(t, TopicPageDocument, { slug: "phong-chong-dich" })).topic).toBeNull();

    // Detached: the reader's page shows it at once.
    await ok(t, SetArticleTopicsDocument, { id: published.id, topicIds: [] }, { token: editor.token });
    expect(present((await ok(t, TopicPageDocument, { slug: topic.slug })).topic, "the topic").articles.totalCount).toBe(0);

    const log = await ok(t, AuditLogDocument, { filter: { articleId: published.id, actions: ["ARTICLE_TOPICS"] } }, { token: admin.token });
    expect(log.auditLog.edges.map((e) => parsed(e.node.after).topicIds.length)).toEqual([0, 2]);
  });

  it("pages through topics by name", async () => {
    for (const name of ["Bầu cử", "Cải cách hành chính", "Chuyển đổi số"]) await ok(t, CreateTopicDocument, { input: { name } }, { token: editor.token });
    const first = await ok(t, TopicListDocument, { first: 2 });
    const rest = await ok(t, TopicListDocument, { first: 50, after: first.topics.pageInfo.endCursor });
    const names = [...first.topics.edges, ...rest.topics.edges].map((e) => e.node.name);
    expect(names.length).toBe(first.topics.totalCount);
    expect(new Set(names).size).toBe(names.length);
  });
});
