// The row budget: what one operation can make the server load is counted with
// the values of its variables, on every transport, and `nodes(ids:)` is batched.
// The costly queries are written as text: no contract operation is one.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createPortalServer, type PortalServer } from "../../src/http";
import { trustedDocuments } from "../../src/plugins/security/plugins";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { codes, createTestApp, execute, gql, signIn, type TestApp } from "../support/app";
import { operationName } from "../support/contract";
import { ok } from "../support/workflow";
import { CategoryPageDocument, FilteredArticlesDocument, HomePageDocument, MobileFeedDocument, TopicListDocument } from "../../clients/generated/graphql";
import { approve, createDraft, sseRequest, wsRequest } from "../support/live";

let t: TestApp;
let portal: PortalServer;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  portal = createPortalServer(t.app, t.yoga);
  port = await portal.listen(0, "127.0.0.1");
});
afterAll(async () => {
  await portal.stop(0);
  await t.close();
});

const nested = (first: string) => `
  category(slug: $slug) { articles(first: ${first}) { edges { node { id category { articles(first: ${first}) { edges { node { id title } } } } } } } }`;
const aliased = (first: string, variables: string) =>
  `query Wide(${variables}$slug: String!) { ${Array.from({ length: 10 }, (_, i) => `a${i}: ${nested(first)}`).join("\n")} }`;
const VIA_VARIABLE = aliased("$n", "$n: Int, ");
const slug = "kinh-te";

describe("page sizes passed in variables count like literals", () => {
  it("refuses the literal and the variable form alike, before any resolver", async () => {
    const literal = await gql(t, aliased("90", ""), { slug });
    expect(codes(literal)).toContain("QUERY_TOO_COMPLEX");
    t.statements.length = 0;
    const variable = await gql(t, VIA_VARIABLE, { slug, n: 90 });
    expect(codes(variable)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(variable.data ?? null).toBeNull();
    expect(t.statements.filter((s) => /FROM/i.test(s) && /Article/i.test(s))).toEqual([]);
    expect(variable.errors![0]!.message).toMatch(/MAX_QUERY_ROWS/);
  });

  it("refuses a single nested path whose product is over the budget", async () => {
    const one = `query($n: Int, $slug: String!) { ${nested("$n")} }`;
    expect(codes(await gql(t, one, { slug, n: 90 }))).toEqual(["QUERY_TOO_COMPLEX"]);
    // The same shape with small pages is fine.
    const small = await gql(t, one, { slug, n: 5 });
    expect(small.errors).toBeUndefined();
  });

  it("counts default page sizes when first is omitted or null", async () => {
    const query = `query($n: Int) { categories { children { articles(first: $n) { edges { node { category { articles { edges { node { id } } } } } } } } } }`;
    // Categories × sub-categories × 20 articles × 20 articles: the defaults multiply too.
    expect(codes(await gql(t, query, { n: null }))).toEqual(["QUERY_TOO_COMPLEX"]);
  });

  it("counts nested lists reached through fragments, inline fragments and nodes(ids:)", async () => {
    const viaFragment = `
      query($n: Int, $slug: String!) { category(slug: $slug) { ...C } }
      fragment C on Category { articles(first: $n) { edges { node { ... on Article { category { articles(first: $n) { edges { node { id } } } } } } } } }`;
    expect(codes(await gql(t, viaFragment, { slug, n: 80 }))).toEqual(["QUERY_TOO_COMPLEX"]);
    const ids = Array.from({ length: 100 }, (_, i) => Buffer.from(`Category:${i}`).toString("base64"));
    const viaNodes = `query($ids: [ID!]!, $n: Int) { nodes(ids: $ids) { ... on Category { articles(first: $n) { edges { node { id } } } } } }`;
    expect(codes(await gql(t, viaNodes, { ids, n: 60 }))).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(codes(await gql(t, viaNodes, { ids: ids.slice(0, 5), n: 60 }))).toEqual([]);
  });

  it("counts a full-text search as the matches it ranks, inside lists too", async () => {
    const { token } = await signIn(t, "EDITOR");
    const query = `query($q: String) { ${Array.from({ length: 20 }, (_, i) => `s${i}: articles(first: 1, filter: { search: $q }) { edges { node { id } } }`).join(" ")} }`;
    expect(codes(await gql(t, query, { q: "hội nghị" }, { token }))).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(codes(await gql(t, query, { q: null }, { token }))).toEqual([]);
  });

  it("refuses over GET, SSE and graphql-ws alike", async () => {
    const params = new URLSearchParams({ query: VIA_VARIABLE, variables: JSON.stringify({ slug, n: 90 }) });
    const get = await t.yoga.fetch(`http://portal.test/graphql?${params}`, { headers: { accept: "application/graphql-response+json" } });
    expect(codes((await get.json()) as never)).toEqual(["QUERY_TOO_COMPLEX"]);
    const sse = await sseRequest(port, VIA_VARIABLE, { slug, n: 90 });
    expect(sse.results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code))).toEqual(["QUERY_TOO_COMPLEX"]);
    const ws = await wsRequest(port, VIA_VARIABLE, { slug, n: 90 });
    expect(ws.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code))).toEqual(["QUERY_TOO_COMPLEX"]);
    // A subscription's selection counts too.
    const subscription = `subscription($n: Int) { articlePublished { category { articles(first: $n) { edges { node { category { articles(first: $n) { edges { node { id } } } } } } } } } }`;
    const live = await wsRequest(port, subscription, { n: 90 });
    expect(live.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code))).toEqual(["QUERY_TOO_COMPLEX"]);
  });

  it("applies to persisted documents with their variables", async () => {
    const strict = await createTestApp({ config: { MAX_QUERY_ROWS: 1000 } });
    try {
      const id = trustedDocuments().manifest["TopicPage"]!;
      const topic = await strict.app.db.topic.findFirst({ select: { slug: true } });
      const send = (first: number) =>
        strict.yoga.fetch("http://portal.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
          body: JSON.stringify({ documentId: id, variables: { slug: topic?.slug ?? "x", first } }),
        });
      expect(codes((await (await send(100)).json()) as never)).toEqual(["QUERY_TOO_COMPLEX"]);
      expect(codes((await (await send(10)).json()) as never)).not.toContain("QUERY_TOO_COMPLEX");
    } finally {
      await strict.close();
    }
  });
});

/** One contract operation with its largest variables, sent as `token`. */
const largest = <R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V) =>
  [operationName(document), (token: string) => execute(t, document, variables, { token })] as const;

describe("every operation of the client contract fits the default budget", () => {
  it.each([
    largest(HomePageDocument, {}),
    largest(CategoryPageDocument, { slug, first: 100 }),
    largest(FilteredArticlesDocument, { first: 100, filter: { search: "hội nghị" } }),
    largest(MobileFeedDocument, { first: 100 }),
    largest(TopicListDocument, { first: 100 }),
  ])("%s", async (_name, send) => {
    const { token } = await signIn(t, "ADMIN");
    expect(codes(await send(token))).not.toContain("QUERY_TOO_COMPLEX");
  });
});

describe("nodes(ids:)", () => {
  it("loads each type's objects in one batch, in the order asked, null for the missing", async () => {
    for (let i = 0; i < 12; i++) {
      const draft = await createDraft(t.app, { title: `Tin ${i}`, at: t.clock.now() });
      await approve(t.app, draft.id, t.clock.now(), t.clock.now());
    }
    const list = await ok(t, FilteredArticlesDocument, { first: 30 });
    const ids = list.articles.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThan(10);
    const missing = Buffer.from("Article:khong-co").toString("base64");
    t.statements.length = 0;
    const r = await gql(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Article { title } } }`, { ids: [...ids, missing] });
    expect(r.errors).toBeUndefined();
    expect((r.data!.nodes as Array<{ id: string } | null>).map((n) => n?.id ?? null)).toEqual([...ids, null]);
    const articleReads = t.statements.filter((s) => /^SELECT/i.test(s) && /FROM "?(main"?\.)?"?Article"?\b/i.test(s));
    expect(articleReads.length).toBeLessThanOrEqual(2);
  });
});
