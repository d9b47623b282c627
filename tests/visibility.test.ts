// Readers only ever see published, due, unexpired, undeleted, public articles,
// in every read path: lists, counts, category counts, article, node, nodes, top articles.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTestApp, gql, signIn, type TestApp, execute, present } from "./support/app";
import { articleRow, globalId, type ArticleState } from "./support/factories";
import {
  ArticlePageDocument,
  CategoryPageDocument,
  EditorArticlesDocument,
  FilteredArticlesDocument,
  HomePageDocument,
  MobileArticleDetailDocument,
} from "../clients/generated/graphql";

let t: TestApp;
const hidden: Record<string, { id: string; slug: string }> = {};
const HIDDEN_STATES: ArticleState[] = ["draft", "deleted", "hidden", "scheduled", "expired"];

beforeAll(async () => {
  t = await createTestApp();
  for (const state of HIDDEN_STATES) {
    hidden[state] = await articleRow(t, { state, categorySlug: "tin-tuc-su-kien", featured: true, viewCount: 100000, title: `Ẩn ${state}` });
  }
});
afterAll(() => t.close());

const hiddenIds = () => Object.values(hidden).map((a) => globalId("Article", a.id));

describe.each([
  ["an anonymous reader", () => undefined],
  ["a signed-in reader", async () => (await signIn(t, "READER")).token],
])("%s", (_who, token) => {
  it("never lists a hidden article, nor counts one", async () => {
    const tk = await token();
    const home = await execute(t, HomePageDocument, {}, { token: tk });
    const listed = [...home.data!.featured.edges, ...home.data!.latest.edges].map((e) => e.node.id);
    expect(listed.filter((id) => hiddenIds().includes(id))).toEqual([]);
    expect(
      present(
        home.data!.categories.find((c) => c.slug === "tin-tuc-su-kien"),
        "the category in the menu",
      ).articleCount,
    ).toBe(2);
    const all = await execute(t, FilteredArticlesDocument, { first: 100 }, { token: tk });
    expect(all.data!.articles.totalCount).toBe(5);
    const category = await execute(t, CategoryPageDocument, { slug: "tin-tuc-su-kien", first: 100 }, { token: tk });
    expect(present(category.data!.category, "the category").articles.totalCount).toBe(2);
    // The all-time list (no date range), which the contract's SiteStatistics does not ask for.
    const top = await gql(t, `{ site { statistics { topArticles(first: 20) { article { id } views } } } }`, {}, { token: tk });
    expect(top.data!.site.statistics.topArticles.map((r: any) => r.article.id).filter((id: string) => hiddenIds().includes(id))).toEqual([]);
  });

  it("gets null for a hidden article by slug, id, node and nodes", async () => {
    const tk = await token();
    for (const article of Object.values(hidden)) {
      const bySlug = await execute(t, ArticlePageDocument, { slug: article.slug }, { token: tk });
      expect(bySlug).toEqual({ data: { article: null } });
      const byNode = await execute(t, MobileArticleDetailDocument, { id: globalId("Article", article.id) }, { token: tk });
      expect(byNode).toEqual({ data: { node: null } });
    }
    // nodes(ids:) is in the schema, not in the contract.
    const nodes = await gql(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: hiddenIds() }, { token: tk });
    expect(nodes.data!.nodes).toEqual(hiddenIds().map(() => null));
  });
});

describe("an editor", () => {
  it("sees drafts and scheduled articles, not deleted ones nor those whose own permissions leave editors out", async () => {
    const { token } = await signIn(t, "EDITOR");
    const r = await execute(t, EditorArticlesDocument, { first: 50 }, { token });
    const ids = r.data!.articles.edges.map((e) => e.node.id);
    for (const state of ["draft", "scheduled", "expired"] as const) expect(ids).toContain(globalId("Article", hidden[state]!.id));
    expect(ids).not.toContain(globalId("Article", hidden.deleted!.id));
    expect(ids).not.toContain(globalId("Article", hidden.hidden!.id));
  });
});
