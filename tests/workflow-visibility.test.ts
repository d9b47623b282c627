// Leak tests: readers never see a draft, pending, rejected,
// scheduled-but-not-due, unpublished, deleted, expired or non-public article, nor
// a count that reveals one, in any read path. Each reader's answers are recorded
// before such articles exist and must be exactly the same after.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTestApp, execute, gql, present, signIn, type GraphQLResponse, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { approved, draft, globalId, ok, pending, rawId } from "./support/workflow";
import {
  ApproveArticleDocument,
  ArticlePageDocument,
  CategoryPageDocument,
  DeleteArticleDocument,
  EditorArticlesDocument,
  FilteredArticlesDocument,
  HomePageDocument,
  MobileArticleDetailDocument,
  MobileFeedDocument,
  RejectArticleDocument,
  SearchArticlesDocument,
  SetArticlePermissionsDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
  type ApprovalStatus,
  type ArticleOrderField,
  type CreateArticleInput,
  type FilteredArticlesQueryVariables,
  type HomePageQuery,
} from "../clients/generated/graphql";

let t: TestApp;
let author: string;
let approver: string;
let admin: string;
const viewers: Record<string, string | undefined> = {};

beforeAll(async () => {
  t = await createTestApp();
  author = (await signIn(t, "CONTRIBUTOR")).token;
  approver = (await signIn(t, "APPROVER")).token;
  admin = (await signIn(t, "ADMIN")).token;
  viewers.anonymous = undefined;
  viewers.reader = (await signIn(t, "READER")).token;
  viewers.otherContributor = (await signIn(t, "CONTRIBUTOR")).token;
});
afterAll(() => t.close());

// Read paths of the schema that no contract operation takes, written as text: the
// all-time and monthly top lists (SiteStatistics asks for one date range), article(id:)
// and nodes(ids:). A leak through any of them is a leak.
const TOP = `query Top { site { statistics {
  allTime: topArticles(first: 50) { views article { id title } }
  november: topArticles(first: 50, from: "2026-11-01", to: "2026-11-30") { views article { id } }
} } }`;

/** Every reader-facing read of lists and counts. */
async function readerAnswers(token: string | undefined) {
  const answers: Record<string, unknown> = {};
  const categories = (await ok(t, HomePageDocument, {}, { token })).categories.map((c) => c.slug);
  answers.home = await execute(t, HomePageDocument, {}, { token });
  for (const slug of categories) answers[`category ${slug}`] = await execute(t, CategoryPageDocument, { slug, first: 50 }, { token });
  const filters: FilteredArticlesQueryVariables[] = [
    {},
    { filter: { featured: true } },
    { filter: { categorySlug: "tin-tuc-su-kien" } },
    { filter: { categorySlug: "kinh-te" } },
    { filter: { articleType: "Tin" } },
    { filter: { publishedAfter: "2019-01-01T00:00:00Z", publishedBefore: "2030-01-01T00:00:00Z" } },
    ...(["DRAFT", "PENDING", "APPROVED", "REJECTED", "SCHEDULED"] satisfies ApprovalStatus[]).map((s) => ({ filter: { approvalStatus: s } })),
    ...(["PUBLISHED_AT", "UPDATED_AT", "VIEW_COUNT", "TITLE"] satisfies ArticleOrderField[]).map((field) => ({
      orderBy: { field, direction: "DESC" as const },
    })),
  ];
  for (const variables of filters)
    answers[`filtered ${JSON.stringify(variables)}`] = await execute(t, FilteredArticlesDocument, { first: 50, ...variables }, { token });
  answers.feed = await execute(t, MobileFeedDocument, { first: 50 }, { token });
  answers.feedCategory = await execute(t, MobileFeedDocument, { first: 50, categorySlug: "tin-tuc-su-kien" }, { token });
  answers.search = await execute(t, SearchArticlesDocument, { query: "Kiến Tường" }, { token });
  answers.top = await gql(t, TOP, {}, { token });
  return answers;
}

/** Every reader-facing read of one article. */
async function articleAnswers(id: string, slug: string, token: string | undefined) {
  return {
    page: await execute(t, ArticlePageDocument, { slug }, { token }),
    detail: await execute(t, MobileArticleDetailDocument, { id }, { token }),
    byId: await gql(t, `query($id: ID) { article(id: $id) { id title } }`, { id }, { token }),
    nodes: await gql(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id] }, { token }),
  };
}

const hiddenInput = (title: string) => ({
  title: `Kiến Tường ẩn: ${title}`,
  body: "<p>Kiến Tường nội dung chưa được công bố</p>",
  summary: "Kiến Tường",
  featured: true,
  articleType: "Tin",
});

describe("hidden articles", () => {
  it("change nothing any reader sees, in any list, count, statistic or lookup", async () => {
    const category = await t.app.db.category.findUniqueOrThrow({ where: { slug: "tin-tuc-su-kien" } });
    const categoryId = globalId("Category", category.id);
    const before: Record<string, unknown> = {};
    for (const [who, token] of Object.entries(viewers)) before[who] = await readerAnswers(token);

    const input = (title: string, extra: Partial<CreateArticleInput> = {}) => ({ ...hiddenInput(title), categoryId, ...extra });
    const hidden: Record<string, { id: string; slug: string }> = {};
    hidden.draft = await draft(t, author, input("nháp"));
    hidden.pending = await pending(t, author, input("chờ duyệt"));
    hidden.rejected = await pending(t, author, input("bị từ chối"));
    await ok(t, RejectArticleDocument, { id: hidden.rejected.id, comment: "Không đạt" }, { token: approver });
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    hidden.scheduled = await pending(t, author, input("hẹn giờ", { publishAt: tomorrow }));
    expect((await ok(t, ApproveArticleDocument, { id: hidden.scheduled.id }, { token: approver })).approveArticle.approvalStatus).toBe("SCHEDULED");
    hidden.unpublished = await approved(t, author, approver, input("gỡ xuống"));
    await ok(t, UnpublishArticleDocument, { id: hidden.unpublished.id }, { token: approver });
    hidden.deleted = await approved(t, author, approver, input("đã xóa"));
    await ok(t, DeleteArticleDocument, { id: hidden.deleted.id }, { token: admin });
    hidden.nonPublic = await approved(t, author, approver, input("nội bộ"));
    await ok(t, SetArticlePermissionsDocument, { input: { articleId: hidden.nonPublic.id, inherit: false, public: false } }, { token: admin });
    hidden.expired = await approved(t, author, approver, input("hết hạn", { expireAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() }));
    // The end of publication passes; nothing has run the scheduler yet.
    t.clock.advance(2 * 3_600_000);

    // The hidden articles would top every statistic if they leaked.
    for (const { id } of Object.values(hidden)) {
      await t.app.db.article.update({ where: { id: rawId(id) }, data: { viewCount: 100_000 } });
      await t.app.db.articleDailyStat.create({ data: { articleId: rawId(id), day: "2026-11-28", views: 5_000, uniqueViewers: 4_000 } });
    }

    const missing = { id: globalId("Article", "khong-ton-tai"), slug: "khong-ton-tai" };
    for (const [who, token] of Object.entries(viewers)) {
      expect([who, await readerAnswers(token)]).toEqual([who, before[who]]);
      const absent = await articleAnswers(missing.id, missing.slug, token);
      for (const [kind, article] of Object.entries(hidden)) {
        // Exactly what a reader gets for an article that does not exist.
        expect([who, kind, await articleAnswers(article.id, article.slug, token)]).toEqual([who, kind, absent]);
      }
    }
    expect((await articleAnswers(missing.id, missing.slug, undefined)).nodes).toEqual({ data: { nodes: [null] } });

    // The author still sees their own work, with its real status.
    const mine = await ok(t, EditorArticlesDocument, { first: 50 }, { token: author });
    const statuses = Object.fromEntries(mine.articles.edges.map((e) => [e.node.id, e.node.approvalStatus]));
    expect(statuses[hidden.draft.id]).toBe("DRAFT");
    expect(statuses[hidden.scheduled.id]).toBe("SCHEDULED");
    expect(statuses[hidden.unpublished.id]).toBe("DRAFT");
    expect(statuses[hidden.deleted.id]).toBeUndefined();
  });

  it("a published article with a newer draft shows readers the published version everywhere", async () => {
    const home = await ok(t, HomePageDocument);
    const count = (data: HomePageQuery, slug: string) =>
      present(
        data.categories.find((c) => c.slug === slug),
        `the category ${slug}`,
      ).articleCount;
    const kinhTe = await t.app.db.category.findUniqueOrThrow({ where: { slug: "kinh-te" } });
    const tin = await t.app.db.category.findUniqueOrThrow({ where: { slug: "tin-tuc-su-kien" } });
    const article = await approved(t, author, approver, { title: "Tin đã đăng", categoryId: globalId("Category", tin.id), featured: true });
    await ok(
      t,
      UpdateArticleDocument,
      {
        input: {
          id: article.id,
          expectedVersion: "1.0",
          title: "Bản nháp đổi chuyên mục",
          categoryId: globalId("Category", kinhTe.id),
          featured: false,
          articleType: "Nháp",
        },
      },
      { token: author },
    );
    for (const [who, token] of Object.entries(viewers)) {
      const after = await ok(t, HomePageDocument, {}, { token });
      expect([who, count(after, "kinh-te")]).toEqual([who, count(home, "kinh-te")]);
      expect([who, count(after, "tin-tuc-su-kien")]).toEqual([who, count(home, "tin-tuc-su-kien") + 1]);
      const featured = after.featured.edges.map((e) => e.node.title);
      expect([who, featured.includes("Tin đã đăng")]).toEqual([who, featured.length < 5 || featured.includes("Tin đã đăng")]);
      const inKinhTe = await ok(t, FilteredArticlesDocument, { filter: { categorySlug: "kinh-te" } }, { token });
      expect([who, inKinhTe.articles.edges.some((e) => e.node.id === article.id)]).toEqual([who, false]);
      const inTin = await ok(t, FilteredArticlesDocument, { filter: { categorySlug: "tin-tuc-su-kien", featured: true } }, { token });
      expect([who, inTin.articles.edges.find((e) => e.node.id === article.id)?.node.title]).toEqual([who, "Tin đã đăng"]);
      const drafts = await ok(t, FilteredArticlesDocument, { filter: { approvalStatus: "DRAFT" } }, { token });
      expect([who, drafts.articles.totalCount]).toEqual([who, 0]);
      const byType = await ok(t, FilteredArticlesDocument, { filter: { articleType: "Nháp" } }, { token });
      expect([who, byType.articles.totalCount]).toEqual([who, 0]);
    }
    // The editors see the draft's category and status.
    const editorView = await ok(t, FilteredArticlesDocument, { filter: { categorySlug: "kinh-te", approvalStatus: "DRAFT" } }, { token: author });
    expect(editorView.articles.edges.map((e) => e.node.title)).toContain("Bản nháp đổi chuyên mục");
  });
});

describe("reader ordering", () => {
  it("an unapproved edit does not move an article in a reader's 'recently updated' order, and cursors follow it", async () => {
    const a = await approved(t, author, approver, { title: "Thứ tự A" });
    t.clock.advance(1000);
    await approved(t, author, approver, { title: "Thứ tự B" });
    t.clock.advance(1000);
    const order = { orderBy: { field: "UPDATED_AT", direction: "DESC" } } satisfies FilteredArticlesQueryVariables;
    const titles = async (token?: string) =>
      (await ok(t, FilteredArticlesDocument, { first: 50, ...order }, { token })).articles.edges.map((e) => e.node.title);
    const before: Record<string, string[]> = {};
    for (const [who, token] of Object.entries(viewers)) before[who] = await titles(token);
    await ok(t, UpdateArticleDocument, { input: { id: a.id, expectedVersion: "1.0", summary: "Sửa chưa duyệt" } }, { token: author });
    for (const [who, token] of Object.entries(viewers)) {
      if (who === "otherContributor") continue; // staff order on the latest edit
      expect([who, await titles(token)]).toEqual([who, before[who]]);
    }
    // Paging through the reader's order with cursors gives the same sequence.
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = (await ok(t, FilteredArticlesDocument, { first: 3, after, ...order })).articles;
      paged.push(...page.edges.map((e) => e.node.title));
      // FilteredArticles asks for no pageInfo: the schema's, for the same page.
      const next: GraphQLResponse<{ articles: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } }> = await gql(
        t,
        `query($after: String) { articles(first: 3, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) { pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const { pageInfo } = present(next.data, "the page").articles;
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(paged).toEqual(before.anonymous);
  });
});

/** An ArticlePublished subscription over SSE through the real pipeline, as the mobile app opens it. */
async function subscribe(token?: string) {
  const response = await t.yoga.fetch("http://portal.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: contractOperation("ArticlePublished"), variables: {} }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const stream = { text: "" };
  let changed: () => void = () => {};
  const pump = (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return;
      stream.text += new TextDecoder().decode(chunk.value);
      changed();
    }
  })();
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      changed = () => test() && resolve();
      changed();
    });
  // Yoga opens the stream with a comment once the subscription is in place.
  await until(() => stream.text.length > 0);
  return {
    until: (title: string) => until(() => stream.text.includes(title)),
    async close() {
      await reader.cancel();
      await pump;
      return stream.text
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => JSON.parse(line.slice(5)).data.articlePublished);
    },
  };
}

describe("live events", () => {
  it("never deliver a non-public article to an anonymous subscriber", async () => {
    const anonymous = await subscribe();
    const administrator = await subscribe(admin);
    const secret = await pending(t, author, { title: "Nội bộ: chưa công khai" });
    await ok(t, SetArticlePermissionsDocument, { input: { articleId: secret.id, inherit: false, public: false } }, { token: admin });
    // Only ADMIN (or a grant) may approve an article that stopped inheriting.
    await ok(t, ApproveArticleDocument, { id: secret.id }, { token: admin });
    const open = await approved(t, author, approver, { title: "Tin công khai" });
    await anonymous.until("Tin công khai");
    await administrator.until("Tin công khai");
    expect((await anonymous.close()).map((e) => e.id)).toEqual([open.id]);
    expect((await administrator.close()).map((e) => e.title)).toEqual(["Nội bộ: chưa công khai", "Tin công khai"]);
  });
});
