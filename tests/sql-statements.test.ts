// The read path issues a constant number of SQL statements, whatever the page
// size: relations are merged by Pothos/Prisma and the rest is batched by DataLoader.
// On PostgreSQL, the production database, where every statement is a round trip,
// Prisma loads relations with joins and each operation keeps within its budget
// (docs/performance.md). On the embedded SQLite, Prisma issues one statement per
// relation level (in-process calls, not round trips): the ceilings are what it takes.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { ArticlePageDocument, CategoryPageDocument, EditorArticlesDocument, HomePageDocument, SearchArticlesDocument } from "../clients/generated/graphql";
import { createTestApp, execute, present, signIn, type TestApp } from "./support/app";
import { articleRow } from "./support/factories";
import { media } from "./support/workflow";

let t: TestApp;
beforeAll(async () => {
  // Every request must reach the resolvers: no response cache here (tests/response-cache.test.ts).
  // A search matching more than SEARCH_MAX_RESULTS articles is the costly kind: its
  // total counts beyond the ranked matches. Every article made here matches "bai viet".
  t = await createTestApp({ config: { RESPONSE_CACHE: false, SEARCH_MAX_RESULTS: 100 } });
});
afterAll(() => t.close());

const CEILINGS = {
  postgres: { HomePage: 6, CategoryPage: 4, ArticlePage: 4, SearchArticles: 4, EditorArticles: 6 },
  sqlite: { HomePage: 10, CategoryPage: 5, ArticlePage: 7, SearchArticles: 7, EditorArticles: 11 },
};
const ceiling = (operation: keyof (typeof CEILINGS)["postgres"]) => CEILINGS[t.app.target.provider][operation];

async function statementsFor<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: NoInfer<V>, token?: string) {
  t.statements.length = 0;
  const r = await execute(t, document, variables, { token });
  expect(r.errors).toBeUndefined();
  return { count: t.statements.length, data: r.data! };
}

describe("SQL statements per request", () => {
  it("HomePage and CategoryPage cost the same for 5 and for 50 articles", async () => {
    const home5 = await statementsFor(HomePageDocument, {});
    const category5 = await statementsFor(CategoryPageDocument, { slug: "tin-tuc-su-kien", first: 5 });
    expect(present(category5.data.category, "the category").articles.edges).toHaveLength(2);

    // Every new card has a lead image: covers must not cost a statement per article.
    for (let i = 0; i < 48; i++) await articleRow(t, { categorySlug: "tin-tuc-su-kien", featured: i % 3 === 0, coverImageId: (await media(t)).id });
    const home50 = await statementsFor(HomePageDocument, {});
    const category50 = await statementsFor(CategoryPageDocument, { slug: "tin-tuc-su-kien", first: 50 });
    expect(present(category50.data.category, "the category").articles.edges).toHaveLength(50);
    expect(home50.data.latest.edges).toHaveLength(10);

    expect(home50.count).toBe(home5.count);
    expect(category50.count).toBe(category5.count);
    // A hard ceiling, so a new per-row query cannot hide behind equal counts.
    // Categories come from one read per request (the menu), shared by every card.
    expect(home50.count).toBeLessThanOrEqual(ceiling("HomePage"));
    expect(category50.count).toBeLessThanOrEqual(ceiling("CategoryPage"));
  });

  it("every benchmark scenario costs the same for 5, 20 and 100 items (docs/performance.md)", async () => {
    // At least 100 + 100 articles in the category, so that a second page of 100 exists.
    const existing = await t.app.db.article.count();
    for (let i = existing; i < 220; i++) await articleRow(t, { categorySlug: "tin-tuc-su-kien", featured: i % 4 === 0, coverImageId: (await media(t)).id });
    const { token } = await signIn(t, "EDITOR");
    const sizes = [5, 20, 100];
    const counts: Record<string, number[]> = { CategoryPage: [], "CategoryPage (deep)": [], EditorArticles: [], "EditorArticles (page 2)": [] };
    for (const first of sizes) {
      const firstPage = await statementsFor(CategoryPageDocument, { slug: "tin-tuc-su-kien", first });
      expect(present(firstPage.data.category, "the category").articles.edges).toHaveLength(first);
      counts.CategoryPage!.push(firstPage.count);
      const after = present(firstPage.data.category, "the category").articles.pageInfo.endCursor;
      const deep = await statementsFor(CategoryPageDocument, { slug: "tin-tuc-su-kien", first, after });
      expect(present(deep.data.category, "the category").articles.edges).toHaveLength(first);
      counts["CategoryPage (deep)"]!.push(deep.count);
      const editor = await statementsFor(EditorArticlesDocument, { first }, token);
      expect(editor.data.articles.edges).toHaveLength(first);
      counts.EditorArticles!.push(editor.count);
      const editor2 = await statementsFor(EditorArticlesDocument, { first, after: editor.data.articles.pageInfo.endCursor }, token);
      expect(editor2.data.articles.edges).toHaveLength(first);
      counts["EditorArticles (page 2)"]!.push(editor2.count);
    }
    for (const [name, perSize] of Object.entries(counts)) {
      expect({ name, perSize }).toEqual({ name, perSize: sizes.map(() => perSize[0]) });
    }
    const home = await statementsFor(HomePageDocument, {});
    expect(home.count).toBeLessThanOrEqual(ceiling("HomePage"));
    // An article page with everything it can show: author, cover, a gallery and attachments.
    const author = await t.app.db.user.findFirstOrThrow({ where: { role: "EDITOR" } });
    const full = await articleRow(t, {
      categorySlug: "tin-tuc-su-kien",
      createdById: author.id,
      coverImageId: (await media(t)).id,
      galleryIds: [(await media(t)).id, (await media(t)).id],
      attachmentIds: [(await media(t, "DOCUMENT")).id],
    });
    const article = await statementsFor(ArticlePageDocument, { slug: full.slug });
    expect(article.data.article).toMatchObject({ author: { name: author.name }, coverImage: { width: null } });
    expect(present(article.data.article, "the article").gallery).toHaveLength(2);
    expect(present(article.data.article, "the article").attachments).toHaveLength(1);
    expect(article.count).toBeLessThanOrEqual(ceiling("ArticlePage"));
    const search = await statementsFor(SearchArticlesDocument, { query: "bai viet", first: 20 });
    expect(search.data.articles.edges).toHaveLength(20);
    expect(search.data.articles.totalCount).toBeGreaterThan(200);
    expect(search.count).toBeLessThanOrEqual(ceiling("SearchArticles"));
    expect(counts.CategoryPage![0]).toBeLessThanOrEqual(ceiling("CategoryPage"));
    expect(counts["CategoryPage (deep)"]![0]).toBeLessThanOrEqual(ceiling("CategoryPage"));
    expect(counts.EditorArticles![0]).toBeLessThanOrEqual(ceiling("EditorArticles"));
    expect(counts["EditorArticles (page 2)"]![0]).toBeLessThanOrEqual(ceiling("EditorArticles"));
  });
});
