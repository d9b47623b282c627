// Readers only ever see published, due, unexpired, undeleted, public articles,
// in every read path: lists, counts, category counts, article, node, nodes, top articles.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTestApp, gql, signIn, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { articleRow, globalId, type ArticleState } from "./support/factories";

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
    const home = await gql(t, contractOperation("HomePage"), {}, { token: tk });
    const listed = [...home.data!.featured.edges, ...home.data!.latest.edges].map((e: any) => e.node.id);
    expect(listed.filter((id: string) => hiddenIds().includes(id))).toEqual([]);
    expect(home.data!.categories.find((c: any) => c.slug === "tin-tuc-su-kien").articleCount).toBe(2);
    const all = await gql(t, contractOperation("FilteredArticles"), { first: 100 }, { token: tk });
    expect(all.data!.articles.totalCount).toBe(5);
    const category = await gql(t, contractOperation("CategoryPage"), { slug: "tin-tuc-su-kien", first: 100 }, { token: tk });
    expect(category.data!.category.articles.totalCount).toBe(2);
    const top = await gql(t, `{ site { statistics { topArticles(first: 20) { article { id } views } } } }`, {}, { token: tk });
    expect(top.data!.site.statistics.topArticles.map((r: any) => r.article.id).filter((id: string) => hiddenIds().includes(id))).toEqual([]);
  });

  it("gets null for a hidden article by slug, id, node and nodes", async () => {
    const tk = await token();
    for (const article of Object.values(hidden)) {
      const bySlug = await gql(t, contractOperation("ArticlePage"), { slug: article.slug }, { token: tk });
      expect(bySlug).toEqual({ data: { article: null } });
      const byNode = await gql(t, contractOperation("MobileArticleDetail"), { id: globalId("Article", article.id) }, { token: tk });
      expect(byNode).toEqual({ data: { node: null } });
    }
    const nodes = await gql(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: hiddenIds() }, { token: tk });
    expect(nodes.data!.nodes).toEqual(hiddenIds().map(() => null));
  });
});

describe("an editor", () => {
  it("sees drafts and scheduled articles, not deleted ones nor those whose own permissions leave editors out", async () => {
    const { token } = await signIn(t, "EDITOR");
    const r = await gql(t, contractOperation("EditorArticles"), { first: 50 }, { token });
    const ids = r.data!.articles.edges.map((e: any) => e.node.id);
    for (const state of ["draft", "scheduled", "expired"] as const) expect(ids).toContain(globalId("Article", hidden[state]!.id));
    expect(ids).not.toContain(globalId("Article", hidden.deleted!.id));
    expect(ids).not.toContain(globalId("Article", hidden.hidden!.id));
  });
});
