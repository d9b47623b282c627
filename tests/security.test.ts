// Rate limits, trusted documents, CORS, security headers, introspection and
// readiness, through the real pipeline. The client address comes from the server
// context as src/server.ts sets it from the socket.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createYoga, createSchema } from "graphql-yoga";
import { Redis } from "ioredis";
import { createTestApp, signIn, type GraphQLResponse, type TestApp } from "./support/app";
import { contractOperation, typedOperation } from "./support/contract";
import { hashPassword } from "../src/services/passwords";
import { testConfig } from "../src/env";
import { createRateLimiters, useRateLimits } from "../src/plugins/security/rate-limits";
import { trustedDocuments } from "../src/plugins/security/plugins";

async function post(
  t: TestApp,
  body: Record<string, unknown>,
  { address, token, headers = {} }: { address?: string; token?: string; headers?: Record<string, string> } = {},
) {
  const response = await t.yoga.fetch(
    "http://portal.test/graphql",
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json",
        ...(token && { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: JSON.stringify(body),
    },
    { clientAddress: address ?? null },
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse };
}

const codesOf = (r: { body: GraphQLResponse }) => (r.body.errors ?? []).map((e) => e.extensions?.code);

async function addUser(t: TestApp, email: string, password: string) {
  return t.app.db.user.create({ data: { name: email, email, role: "EDITOR", passwordHash: await hashPassword(password) } });
}

describe("login limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { LOGIN_LIMIT_PER_ACCOUNT: 3, LOGIN_LIMIT_PER_ADDRESS: 6 } });
    await addUser(t, "bien-tap@example.vn", "mat-khau-dung");
    await addUser(t, "khac@example.vn", "mat-khau-dung");
  });
  afterAll(() => t.close());
  const login = (email: string, password: string, address: string) =>
    post(t, { query: contractOperation("Login"), variables: { email, password } }, { address });

  it("limits attempts per account from one address, with a retry hint, even with the right password", async () => {
    for (let i = 0; i < 3; i++) expect(codesOf(await login("bien-tap@example.vn", "sai", "198.51.100.1"))).toEqual(["UNAUTHENTICATED"]);
    const limited = await login("BIEN-TAP@example.vn ", "mat-khau-dung", "198.51.100.1");
    expect(codesOf(limited)).toEqual(["RATE_LIMITED"]);
    expect(limited.body.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
    expect(limited.body.data ?? null).toBeNull();
    // Another account is not affected, nor the same account from another address.
    expect(codesOf(await login("khac@example.vn", "mat-khau-dung", "198.51.100.1"))).toEqual([]);
    expect(codesOf(await login("bien-tap@example.vn", "mat-khau-dung", "198.51.100.9"))).toEqual([]);
  });

  it("forgives an account's failures after a successful sign-in", async () => {
    for (let i = 0; i < 2; i++) await login("khac@example.vn", "sai", "198.51.100.20");
    expect(codesOf(await login("khac@example.vn", "mat-khau-dung", "198.51.100.21"))).toEqual([]);
    for (let i = 0; i < 2; i++) expect(codesOf(await login("khac@example.vn", "sai", "198.51.100.22"))).toEqual(["UNAUTHENTICATED"]);
  });

  it("limits attempts per address, across accounts", async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < 6; i++) expect(codesOf(await login(`ai-${i}@example.vn`, "sai", address))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await login("ai-7@example.vn", "sai", address))).toEqual(["RATE_LIMITED"]);
    expect(codesOf(await login("ai-7@example.vn", "sai", "203.0.113.8"))).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("the general per-address limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { RATE_LIMIT_REQUESTS: 5, RATE_LIMIT_WINDOW_SECONDS: 60 } });
  });
  afterAll(() => t.close());

  it("answers 429 RATE_LIMITED with Retry-After once an address has used its requests", async () => {
    const query = { query: "{ site { name } }" };
    for (let i = 0; i < 5; i++) expect((await post(t, query, { address: "192.0.2.1" })).status).toBe(200);
    const limited = await post(t, query, { address: "192.0.2.1" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    expect((await post(t, query, { address: "192.0.2.2" })).status).toBe(200);
    // Health checks are never limited.
    expect((await t.yoga.fetch("http://portal.test/ready", {}, { clientAddress: "192.0.2.1" })).status).toBe(200);
  });

  it("believes X-Forwarded-For only behind a trusted proxy", async () => {
    const spoofed = { "x-forwarded-for": "192.0.2.99" };
    for (let i = 0; i < 6; i++) await post(t, { query: "{ site { name } }" }, { address: "192.0.2.3" });
    // TRUST_PROXY=false: the header is ignored, the socket address (limited above) counts.
    expect((await post(t, { query: "{ site { name } }" }, { address: "192.0.2.3", headers: spoofed })).status).toBe(429);
    const behind = await createTestApp({ config: { RATE_LIMIT_REQUESTS: 1, TRUST_PROXY: 1 } });
    try {
      const proxy = "10.0.0.1";
      expect((await post(behind, { query: "{ site { name } }" }, { address: proxy, headers: { "x-forwarded-for": "198.51.100.1" } })).status).toBe(200);
      expect((await post(behind, { query: "{ site { name } }" }, { address: proxy, headers: { "x-forwarded-for": "198.51.100.2" } })).status).toBe(200);
      expect((await post(behind, { query: "{ site { name } }" }, { address: proxy, headers: { "x-forwarded-for": "198.51.100.1" } })).status).toBe(429);
      // A client's own X-Forwarded-For entry is not the one the trusted proxy appended.
      const forged = { "x-forwarded-for": "1.2.3.4, 198.51.100.1" };
      expect((await post(behind, { query: "{ site { name } }" }, { address: proxy, headers: forged })).status).toBe(429);
    } finally {
      await behind.close();
    }
  });
});

describe("visit recording limits, by field name", () => {
  // The counters module provides recordArticleView/recordSiteVisit; the limiter
  // keys on the field names, shown here on a minimal schema with those fields.
  const counted: string[] = [];
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: "type Query { ok: Boolean } type Mutation { recordSiteVisit(visitorId: String): Int recordArticleView(articleId: ID!): Int other: Int }",
      resolvers: {
        Mutation: {
          recordSiteVisit: () => counted.push("site"),
          recordArticleView: () => counted.push("article"),
          other: () => 1,
        },
      },
    }),
    context: ({ clientAddress }: { clientAddress?: string }) => ({ clientAddress }),
    plugins: [useRateLimits(testConfig({ VISIT_LIMIT_PER_ADDRESS: 3 }), createRateLimiters(testConfig({ VISIT_LIMIT_PER_ADDRESS: 3 })))],
  });
  const send = async (query: string, clientAddress: string) => {
    const r = await yoga.fetch(
      "http://x/graphql",
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) },
      { clientAddress },
    );
    return (await r.json()) as GraphQLResponse;
  };

  it("limits visits per address and runs no resolver when refused", async () => {
    expect((await send("mutation { recordSiteVisit }", "192.0.2.50")).errors).toBeUndefined();
    expect((await send('mutation { a: recordArticleView(articleId: "1") b: recordSiteVisit }', "192.0.2.50")).errors).toBeUndefined();
    const limited = await send("mutation { recordSiteVisit }", "192.0.2.50");
    expect(limited.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    expect(counted).toHaveLength(3);
    expect((await send("mutation { other }", "192.0.2.50")).errors).toBeUndefined();
    expect((await send("mutation { recordSiteVisit }", "192.0.2.51")).errors).toBeUndefined();
  });
});

describe("limits shared through Redis", () => {
  it("counts an address's requests across instances", async () => {
    const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    const available = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (!available) throw new Error(`Redis is needed for this test (${url}); set TEST_REDIS_URL`);
    const config = { REDIS_URL: url, RATE_LIMIT_REQUESTS: 3 };
    const a = await createTestApp({ config });
    const b = await createTestApp({ config });
    try {
      const address = `2001:db8::${randomUUID().slice(0, 4)}`;
      await a.app.redis!.ping();
      await b.app.redis!.ping();
      expect((await post(a, { query: "{ site { name } }" }, { address })).status).toBe(200);
      expect((await post(b, { query: "{ site { name } }" }, { address })).status).toBe(200);
      expect((await post(a, { query: "{ site { name } }" }, { address })).status).toBe(200);
      expect((await post(b, { query: "{ site { name } }" }, { address })).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("trusted documents", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { TRUSTED_DOCUMENTS_ONLY: true } });
  });
  afterAll(() => t.close());
  const documents = trustedDocuments();

  it("lets anonymous readers run the contract's operations: by text, by hash, by name", async () => {
    const byText = await post(t, { query: contractOperation("HomePage") });
    expect(byText.body.errors).toBeUndefined();
    const byHash = await post(t, { documentId: documents.manifest["HomePage"] });
    expect(byHash.body).toEqual(byText.body);
    const byName = await post(t, { documentId: "HomePage" });
    expect(byName.body).toEqual(byText.body);
    // Apollo's automatic persisted queries send the bare hex digest.
    const apq = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: documents.manifest["HomePage"]!.slice(7) } } });
    expect(apq.body).toEqual(byText.body);
    const bare = await post(t, { documentId: documents.manifest["HomePage"]!.slice(7) });
    expect(bare.body).toEqual(byText.body);
  });

  it("refuses other operations from anonymous readers and READERs, before any resolver", async () => {
    t.statements.length = 0;
    expect(codesOf(await post(t, { query: "{ site { name } }" }))).toEqual(["FORBIDDEN"]);
    const reader = await signIn(t, "READER");
    t.statements.length = 0;
    expect(codesOf(await post(t, { query: "{ site { name } }" }, { token: reader.token }))).toEqual(["FORBIDDEN"]);
    expect(t.statements.filter((s) => !/[`"]User[`"]/.test(s))).toEqual([]);
    expect(codesOf(await post(t, { documentId: "0".repeat(64) }))).toEqual(["NOT_FOUND"]);
  });

  it("lets contributors and above send any operation", async () => {
    const editor = await signIn(t, "CONTRIBUTOR");
    const r = await post(t, { query: "{ site { name } }" }, { token: editor.token });
    expect(r.body.errors).toBeUndefined();
  });

  it("knows every contract operation under its id in codegen's persisted-documents manifest", () => {
    expect(Object.keys(documents.manifest)).toEqual(expect.arrayContaining(["HomePage", "ArticlePage", "Login", "RecordArticleView"]));
    for (const id of Object.values(documents.manifest)) expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The ids are those the typed documents carry (document.__meta__.hash).
    expect(documents.manifest["HomePage"]).toBe((typedOperation("HomePage") as { __meta__?: { hash?: string } }).__meta__?.hash);
  });

  it("accepts ids by GET too, where a CDN can cache the answer", async () => {
    const url = `http://portal.test/graphql?documentId=${encodeURIComponent(documents.manifest["MobileFeed"]!)}&variables=${encodeURIComponent(JSON.stringify({ first: 2 }))}`;
    const response = await t.yoga.fetch(url, { headers: { accept: "application/json" } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { articles: { edges: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data!.articles.edges).toHaveLength(2);
    expect(codesOf({ body: (await (await t.yoga.fetch("http://portal.test/graphql?documentId=sha256:" + "0".repeat(64))).json()) as never })).toEqual([
      "NOT_FOUND",
    ]);
  });
});

describe("HTTP protections", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { CORS_ORIGINS: "https://kientuong.example.vn, https://admin.example.vn" } });
  });
  afterAll(() => t.close());

  it("answers CORS preflights for configured origins only", async () => {
    const preflight = (origin: string) =>
      t.yoga.fetch("http://portal.test/graphql", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
      });
    const allowed = await preflight("https://kientuong.example.vn");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://kientuong.example.vn");
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("sends security headers", async () => {
    const r = await post(t, { query: "{ site { name } }" });
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(r.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("serves GraphiQL and introspection by default", async () => {
    const page = await t.yoga.fetch("http://portal.test/graphql", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    expect((await post(t, { query: "{ __schema { queryType { name } } }" })).body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("switches GraphiQL, introspection and field suggestions off for production", async () => {
    const prod = await createTestApp({ config: { GRAPHIQL: false, INTROSPECTION: false } });
    try {
      const page = await prod.yoga.fetch("http://portal.test/graphql", { headers: { accept: "text/html" } });
      expect(await page.text()).not.toMatch(/<html/i);
      const r = await post(prod, { query: "{ __schema { queryType { name } } }" });
      expect(r.body.data ?? null).toBeNull();
      expect(r.body.errors![0]!.message).toMatch(/introspection/i);
      const typo = await post(prod, { query: "{ sit { name } }" });
      expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    } finally {
      await prod.close();
    }
  });

  it("reports readiness", async () => {
    const r = await t.yoga.fetch("http://portal.test/ready");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ready: true, database: "ok", redis: "not configured" });
  });
});

describe("revoking tokens", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const me = (token: string) => post(t, { query: contractOperation("Me") }, { token });

  it("signs a user out everywhere", async () => {
    const { user, token } = await signIn(t, "EDITOR");
    const { token: other } = await t.app.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }, t.clock.now());
    expect((await post(t, { query: "mutation { signOutEverywhere }" }, { token })).body.data).toEqual({ signOutEverywhere: true });
    expect(codesOf(await me(token))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await me(other))).toEqual(["UNAUTHENTICATED"]);
  });

  it("lets ADMIN, and only ADMIN, revoke another user's tokens", async () => {
    const target = await signIn(t, "CONTRIBUTOR");
    const userId = Buffer.from(`User:${target.user.id}`).toString("base64");
    const query = "mutation($userId: ID!) { revokeUserTokens(userId: $userId) { id } }";
    const editor = await signIn(t, "EDITOR");
    expect(codesOf(await post(t, { query, variables: { userId } }, { token: editor.token }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await me(target.token))).toEqual([]);
    const admin = await signIn(t, "ADMIN");
    expect((await post(t, { query, variables: { userId } }, { token: admin.token })).body.data).toEqual({ revokeUserTokens: { id: userId } });
    expect(codesOf(await me(target.token))).toEqual(["UNAUTHENTICATED"]);
  });
});
