// The web portal's reading pages with urql and the typed documents that
// `npm run codegen` writes (clients/generated): each request names its
// operation by its persisted-document id instead of sending the text, and
// queries go by GET, so a CDN or nginx can cache them. Run against a real
// server by tests/client-recipes.test.ts; docs/clients.md quotes the regions.
// #region client
import { Client, fetchExchange, type OperationResult, type TypedDocumentNode } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";
import { ArticlePageDocument, CategoryPageDocument, HomePageDocument, RecordArticleViewDocument } from "../generated/graphql";
import type { CategoryPageQuery } from "../generated/graphql";

/** The id codegen gave a typed document ("sha256:<hex>", clients/generated/persisted-documents.json). */
const documentId = async (_query: string, document: TypedDocumentNode<unknown, unknown>) => (document as { __meta__?: { hash?: string } }).__meta__?.hash;

export function createPortalClient(url: string, token?: () => string | null): Client {
  return new Client({
    url, // e.g. https://portal.example.vn/graphql
    exchanges: [
      persistedExchange({
        generateHash: documentId,
        enforcePersistedQueries: true, // never send the text: the server knows every id
        enableForMutation: true,
        preferGetForPersistedQueries: "within-url-limit",
      }),
      fetchExchange,
    ],
    // Signed-in readers send their token; anonymous ones send nothing.
    fetchOptions: () => {
      const value = token?.();
      return value ? { headers: { authorization: `Bearer ${value}` } } : {};
    },
  });
}
// #endregion client

// #region home
export async function homePage(client: Client) {
  const { data, error } = await client.query(HomePageDocument, {}).toPromise();
  if (error) throw error;
  return {
    agency: data!.site.name,
    totalVisits: data!.site.statistics.totalVisits,
    featured: data!.featured.edges.map((edge) => edge.node.title),
    latest: data!.latest.edges.map((edge) => ({ slug: edge.node.slug, title: edge.node.title })),
    menu: data!.categories.map((category) => ({ slug: category.slug, name: category.name })),
  };
}
// #endregion home

// #region pagination
/** Every article of a category, page by page: pass endCursor as `after` while hasNextPage. */
export async function allInCategory(client: Client, slug: string, pageSize = 5): Promise<string[]> {
  const titles: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result: OperationResult<CategoryPageQuery> = await client.query(CategoryPageDocument, { slug, first: pageSize, after }).toPromise();
    if (result.error) throw result.error;
    const page = result.data!.category?.articles;
    if (!page) return titles; // no such category
    titles.push(...page.edges.map((edge) => edge.node.title));
    if (!page.pageInfo.hasNextPage) return titles;
    after = page.pageInfo.endCursor ?? null;
  }
}
// #endregion pagination

// #region article
export async function articlePage(client: Client, slug: string, visitorId: string) {
  const { data, error } = await client.query(ArticlePageDocument, { slug }).toPromise();
  if (error) throw error;
  const article = data!.article;
  if (!article) return null; // 404: missing, or not visible to this reader
  // Count the view (Lượt người xem); the answer already includes it.
  const counted = await client.mutation(RecordArticleViewDocument, { articleId: article.id, visitorId }).toPromise();
  if (counted.error) throw counted.error;
  return { title: article.title, body: article.body, views: counted.data!.recordArticleView.viewCount };
}
// #endregion article
