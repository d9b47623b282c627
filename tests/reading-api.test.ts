// The portal's and the mobile app's read operations, run as the contract sends them.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, gql, signIn, type TestApp, execute, present } from "./support/app";
import {
  ArticlePageDocument,
  CategoryPageDocument,
  CreateUserDocument,
  FilteredArticlesDocument,
  HomePageDocument,
  LoginDocument,
  MeDocument,
  MobileArticleDetailDocument,
  MobileFeedDocument,
  UpdateSiteDocument,
  type CreateUserInput,
} from "../clients/generated/graphql";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FIXTURE_TITLE = "Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu Nghị quyết Thị ủy năm 2019";

describe("HomePage", () => {
  it("returns the agency, the counter, featured and latest news and the menu", async () => {
    // The typed document: `data` has the HomePage result type generated from the schema.
    const { data, errors } = await execute(t, HomePageDocument);
    expect(errors).toBeUndefined();
    expect(data!.site.statistics.totalVisits).toBe(258179);
    expect(data!.site).toMatchObject({
      name: "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG",
      statistics: { totalVisits: 258179 },
    });
    expect(data!.site.address).toContain("Kiến Tường");
    const latest = data!.latest.edges.map((e) => e.node);
    expect(latest).toHaveLength(5);
    const fixture = latest.find((a) => a.title === FIXTURE_TITLE);
    expect(fixture).toMatchObject({
      byline: "Hoài Phương",
      viewCount: 157,
      publishedAt: "2019-12-15T07:00:00.000Z",
      category: { slug: "tin-tuc-su-kien", name: "Tin tức sự kiện" },
    });
    // newest first
    const dates = latest.map((a) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(data!.featured.edges.every((e) => e.node.featured)).toBe(true);
    expect(data!.featured.edges.length).toBeGreaterThan(0);
    expect(data!.categories).toEqual(expect.arrayContaining([expect.objectContaining({ slug: "tin-tuc-su-kien", articleCount: 2 })]));
  });
});

describe("CategoryPage", () => {
  it("pages through a category by cursor", async () => {
    const first = await execute(t, CategoryPageDocument, { slug: "tin-tuc-su-kien", first: 1 });
    expect(first.errors).toBeUndefined();
    const page1 = present(first.data!.category, "the category").articles;
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await execute(t, CategoryPageDocument, {
      slug: "tin-tuc-su-kien",
      first: 1,
      after: page1.pageInfo.endCursor,
    });
    const page2 = present(second.data!.category, "the category").articles;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.edges[0]!.node.id).not.toBe(page1.edges[0]!.node.id);
    expect(page2.edges[0]!.node.title).toBe(FIXTURE_TITLE);
  });

  it("answers null for an unknown category", async () => {
    const r = await execute(t, CategoryPageDocument, { slug: "khong-co" });
    expect(r.errors).toBeUndefined();
    expect(r.data!.category).toBeNull();
  });
});

describe("ArticlePage", () => {
  it("shows the published article with its body and version", async () => {
    const slug = (await t.app.db.article.findFirstOrThrow({ where: { sourceKey: { not: null } } })).slug;
    const { data, errors } = await execute(t, ArticlePageDocument, { slug });
    expect(errors).toBeUndefined();
    expect(data!.article).toMatchObject({ title: FIXTURE_TITLE, byline: "Hoài Phương", viewCount: 157, version: "1.0" });
    const article = present(data!.article, "the article");
    expect(article.summary).toMatch(/^Cơ cấu kinh tế dịch chuyển đúng hướng/);
    expect(article.body).toContain("<p>Ngày 12/12/2019, Ban thường vụ Thị ủy Kiến Tường");
    expect(article.body).toContain("<figcaption>");
    expect(article.attachments).toEqual([]);
  });

  it("answers null for an unknown slug", async () => {
    const r = await execute(t, ArticlePageDocument, { slug: "khong-ton-tai" });
    expect(r.errors).toBeUndefined();
    expect(r.data!.article).toBeNull();
  });
});

describe("FilteredArticles and MobileFeed", () => {
  it("filters by featured flag, category and date range, and orders by title", async () => {
    const featured = await execute(t, FilteredArticlesDocument, { filter: { featured: true } });
    expect(featured.data!.articles.totalCount).toBe(3);
    const range = await execute(t, FilteredArticlesDocument, {
      filter: { publishedAfter: "2020-01-01T00:00:00+07:00", publishedBefore: "2020-04-01T00:00:00+07:00" },
    });
    expect(range.data!.articles.totalCount).toBe(2);
    const byTitle = await execute(t, FilteredArticlesDocument, { orderBy: { field: "TITLE", direction: "ASC" } });
    const titles = byTitle.data!.articles.edges.map((e) => e.node.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const feed = await execute(t, MobileFeedDocument, { categorySlug: "kinh-te" });
    expect(feed.data!.articles.edges.map((e) => e.node.category?.slug)).toEqual(["kinh-te"]);
  });

  // No contract operation pages backwards, nor reads the plain list's cursors: the schema's arguments.
  it("pages backwards with last/before", async () => {
    type Edges = { edges: Array<{ cursor: string; node: { id: string } }> };
    const all = await gql<{ articles: Edges }>(t, `{ articles(first: 5) { edges { cursor node { id } } } }`);
    const ids = all.data!.articles.edges.map((e) => e.node.id);
    const before = all.data!.articles.edges[4]?.cursor;
    const back = await gql<{ articles: Edges & { pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean } } }>(
      t,
      `query($b: String) { articles(last: 2, before: $b) { pageInfo { hasPreviousPage hasNextPage } edges { node { id } } } }`,
      { b: before },
    );
    expect(back.data!.articles.edges.map((e) => e.node.id)).toEqual(ids.slice(2, 4));
    expect(back.data!.articles.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: true });
  });
});

describe("MobileArticleDetail and node", () => {
  it("loads an article by its global id", async () => {
    const list = await execute(t, FilteredArticlesDocument, { first: 1 });
    const { id, title } = present(list.data?.articles.edges[0], "an article").node;
    const r = await execute(t, MobileArticleDetailDocument, { id });
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toMatchObject({ id, title });
    // nodes(ids:) is in the schema, not in the contract.
    const many = await gql(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id, id] });
    expect(many.data!.nodes).toEqual([{ id }, { id }]);
  });
});

describe("bad input", () => {
  // Written into the query's text: no contract operation carries it.
  it.each([
    ["a negative page size", `{ articles(first: -1) { totalCount } }`],
    ["a huge page size", `{ articles(first: 100000) { totalCount } }`],
    ["a forged cursor", `{ articles(after: "bm90LWEtY3Vyc29y") { totalCount } }`],
    ["a malformed id", `{ node(id: "%%%") { id } }`],
    ["an id of another type", `{ article(id: "Q2F0ZWdvcnk6eHl6") { id } }`],
    ["both id and slug", `{ article(id: "QXJ0aWNsZTp4eXo=", slug: "x") { id } }`],
    ["an impossible date", `{ articles(filter: { publishedAfter: "2019-02-31T00:00:00Z" }) { totalCount } }`],
    ["a NUL character in a string", `{ category(slug: "tin\\u0000tuc") { id } }`],
  ])("answers BAD_USER_INPUT for %s", async (_name, query) => {
    const r = await gql(t, query);
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers null for an unknown id of the right shape", async () => {
    const r = await execute(t, MobileArticleDetailDocument, { id: "QXJ0aWNsZTpub25l" });
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toBeNull();
  });
});

describe("authentication", () => {
  it("logs in, then knows the viewer", async () => {
    const { user } = await signIn(t, "EDITOR", "Biên tập viên");
    const login = await execute(t, LoginDocument, { email: user.email, password: "mật khẩu bí mật" });
    expect(login.errors).toBeUndefined();
    expect(login.data!.login.user).toMatchObject({ name: "Biên tập viên", role: "EDITOR" });
    const me = await execute(t, MeDocument, {}, { token: login.data!.login.token });
    expect(me.data!.me).toMatchObject({ email: user.email, role: "EDITOR" });
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const { user } = await signIn(t, "READER");
    const wrong = await execute(t, LoginDocument, { email: user.email, password: "sai" });
    const unknown = await execute(t, LoginDocument, { email: "ai@example.vn", password: "sai" });
    expect(codes(wrong)).toEqual(["UNAUTHENTICATED"]);
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
  });

  it("refuses a tampered, an expired and a revoked token", async () => {
    const { user, token } = await signIn(t, "EDITOR");
    const tampered = token.slice(0, -3) + (token.endsWith("a") ? "bbb" : "aaa");
    expect(codes(await execute(t, MeDocument, {}, { token: tampered }))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await execute(t, MeDocument, {}, { token: "not.a.jwt" }))).toEqual(["UNAUTHENTICATED"]);
    const { token: old } = await t.app.tokens.issue({ userId: user.id, tokenVersion: 0 }, new Date("2020-01-01T00:00:00Z"));
    expect(codes(await execute(t, MeDocument, {}, { token: old }))).toEqual(["UNAUTHENTICATED"]);
    await t.app.db.user.update({ where: { id: user.id }, data: { tokenVersion: { increment: 1 } } });
    expect(codes(await execute(t, MeDocument, {}, { token }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("lets only ADMIN create users, and names a duplicate e-mail", async () => {
    const input: CreateUserInput = { name: "Phóng viên", email: "pv@example.vn", password: "mat-khau-dai", role: "CONTRIBUTOR" };
    expect(codes(await execute(t, CreateUserDocument, { input }))).toEqual(["UNAUTHENTICATED"]);
    const editor = await signIn(t, "EDITOR");
    expect(codes(await execute(t, CreateUserDocument, { input }, { token: editor.token }))).toEqual(["FORBIDDEN"]);
    const admin = await signIn(t, "ADMIN");
    const created = await execute(t, CreateUserDocument, { input }, { token: admin.token });
    expect(created.data!.createUser).toMatchObject({ name: "Phóng viên", role: "CONTRIBUTOR", email: "pv@example.vn" });
    const again = await execute(t, CreateUserDocument, { input }, { token: admin.token });
    expect(codes(again)).toEqual(["CONFLICT"]);
    const badEmail = await execute(t, CreateUserDocument, { input: { ...input, email: "not-an-email" } }, { token: admin.token });
    expect(codes(badEmail)).toEqual(["BAD_USER_INPUT"]);
    expect(badEmail.errors![0]!.extensions!.fields).toEqual(["input.email"]);
    const badPassword = await execute(t, CreateUserDocument, { input: { ...input, email: "x@example.vn", password: "ngan" } }, { token: admin.token });
    expect(badPassword.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["input.password"] });
  });
});

describe("site settings", () => {
  it("lets ADMIN update the footer", async () => {
    const admin = await signIn(t, "ADMIN");
    const r = await execute(t, UpdateSiteDocument, { input: { phone: "(0272) 3841981", fax: "" } }, { token: admin.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateSite).toMatchObject({ phone: "(0272) 3841981", fax: null, name: "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG" });
    const editor = await signIn(t, "EDITOR");
    expect(codes(await execute(t, UpdateSiteDocument, { input: { name: "X" } }, { token: editor.token }))).toEqual(["FORBIDDEN"]);
  });
});
