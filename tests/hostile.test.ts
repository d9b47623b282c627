// A hostile client: oversized and malformed requests, query bombs, injection and
// script payloads, forged tokens, and every mutation called by every role that
// may not call it. The server refuses with the contract's codes, never with a
// 5xx, and runs no resolver for what it refuses. Hostile requests are written as
// text (or generated from the schema): they are not the contract's operations.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { getNamedType, isScalarType, type GraphQLArgument } from "graphql";
import { SignJWT } from "jose";
import { codes, createTestApp, execute, gql, signIn, type GraphQLResponse, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { INJECTIONS, operationFor, prng } from "./support/generate";
import { schema } from "../src/schema/index";
import { atLeast, ROLES } from "../src/services/access";
import type { Role } from "../src/db/client";
import { CreateArticleDocument, HomePageDocument, MeDocument, UpdateSiteDocument } from "../clients/generated/graphql";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const URL = "http://portal.test/graphql";

async function raw(init: RequestInit & { headers?: Record<string, string> }, serverContext: Record<string, unknown> = {}) {
  const headers = { accept: "application/graphql-response+json", ...init.headers };
  const response = await t.yoga.fetch(URL, { method: "POST", ...init, headers }, serverContext);
  const text = await response.text();
  let body: GraphQLResponse | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, text, body };
}

const json = (payload: unknown, headers: Record<string, string> = {}) =>
  raw({ headers: { "content-type": "application/json", ...headers }, body: typeof payload === "string" ? payload : JSON.stringify(payload) });

const bodyCodes = (r: { body: GraphQLResponse | null }) => (r.body?.errors ?? []).map((e) => e.extensions?.code);

describe("query bombs are refused before any resolver runs", () => {
  const refusedBeforeResolvers = async (query: string) => {
    t.statements.length = 0;
    const r = await json({ query });
    expect(r.status).toBeLessThan(500);
    expect(bodyCodes(r)).toContain("QUERY_TOO_COMPLEX");
    expect(r.body?.data ?? null).toBeNull();
    expect(t.statements).toEqual([]);
    return r;
  };

  it("refuses a deep query", async () => {
    let inner = "id";
    for (let i = 0; i < 8; i++) inner = `category { articles { edges { node { ${inner} } } } }`;
    await refusedBeforeResolvers(`{ articles { edges { node { ${inner} } } } }`);
  });

  it("refuses a wide, costly query", async () => {
    const fields = Array.from(
      { length: 25 },
      (_, i) => `a${i}: articles(first: 100) { edges { node { id title category { articles(first: 100) { totalCount } } } } }`,
    );
    await refusedBeforeResolvers(`{ ${fields.join(" ")} }`);
  });

  it("refuses an alias bomb", async () => {
    await refusedBeforeResolvers(`{ ${Array.from({ length: 500 }, (_, i) => `s${i}: site { name }`).join(" ")} }`);
  });

  it("refuses login aliases used to batch password guesses", async () => {
    const guesses = Array.from({ length: 50 }, (_, i) => `g${i}: login(email: "admin@example.vn", password: "guess${i}") { token }`);
    await refusedBeforeResolvers(`mutation { ${guesses.join(" ")} }`);
  });

  it("refuses a directive flood", async () => {
    await refusedBeforeResolvers(`{ site ${"@include(if: true) ".repeat(60)} { name } }`);
  });

  it("refuses too many tokens", async () => {
    await refusedBeforeResolvers(`{ site { ${"name ".repeat(4000)} } }`);
  });

  it("refuses a 1 MB query with 413", async () => {
    const r = await json({ query: `{ site { name } } # ${"x".repeat(1024 * 1024)}` });
    expect(r.status).toBe(413);
    expect(bodyCodes(r)).toEqual(["QUERY_TOO_COMPLEX"]);
  });

  it("refuses a huge body declared or streamed, and huge variables", async () => {
    const big = JSON.stringify({ query: "query($s: String) { site { name } }", variables: { s: "y".repeat(2 * 1024 * 1024) } });
    expect((await json(big)).status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(64 * 1024)));
        controller.close();
      },
    });
    const r = await raw({ headers: { "content-type": "application/json" }, body: streamed, duplex: "half" } as RequestInit & {
      headers: Record<string, string>;
    });
    expect(r.status).toBe(413);
    const variables = { filter: { search: "z".repeat(100_000) }, first: 5 };
    const wide = await json({ query: contractOperation("FilteredArticles"), variables });
    expect(wide.status).toBeLessThan(500);
    expect(codes(wide.body!)).not.toContain("INTERNAL_SERVER_ERROR");
  });

  it("refuses negative and oversized page sizes with BAD_USER_INPUT, literal or variable", async () => {
    for (const query of ["{ articles(first: -1) { totalCount } }", "{ articles(last: -5) { totalCount } }", "{ articles(first: 5000) { totalCount } }"]) {
      expect(codes(await gql(t, query))).toEqual(["BAD_USER_INPUT"]);
    }
    const ids = Array.from({ length: 5000 }, (_, i) => Buffer.from(`Article:${i}`).toString("base64"));
    const many = await gql(t, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids });
    expect(many.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["ids"] });
    const r = await gql(t, "query($n: Int) { articles(first: $n) { totalCount } }", { n: -3 });
    expect(r.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["first"] });
  });
});

describe("malformed requests get a 4xx, never a 5xx", () => {
  it.each([
    ["malformed JSON", "application/json", '{"query": "{ site { name } }"'],
    ["JSON that is not an object", "application/json", "[1, 2, 3]"],
    ["null JSON", "application/json", "null"],
    ["a query that is not a string", "application/json", '{"query": {"$ne": 1}}'],
    ["variables that are not an object", "application/json", '{"query": "{ site { name } }", "variables": "x"}'],
    ["an unknown content type", "application/xml", "<query>{ site { name } }</query>"],
    ["no content type", "", '{"query": "{ site { name } }"}'],
    ["a syntax error", "application/json", '{"query": "{ site { name "}'],
  ])("%s", async (_name, contentType, body) => {
    const r = await raw({ headers: contentType ? { "content-type": contentType } : {}, body });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SELECT /);
  });

  it("survives deeply nested JSON", async () => {
    const body = `{"query": "query($v: [[String]]) { site { name } }", "variables": {"v": ${"[".repeat(50_000)}${"]".repeat(50_000)}}}`;
    const r = await raw({ headers: { "content-type": "application/json" }, body });
    expect(r.status).toBeLessThan(500);
    expect(codes(r.body!)).not.toContain("INTERNAL_SERVER_ERROR");
  });

  it("survives invalid UTF-8", async () => {
    const head = new TextEncoder().encode('{"query": "query($s: String!) { category(slug: $s) { name } }", "variables": {"s": "');
    const tail = new TextEncoder().encode('"}}');
    const body = new Uint8Array([...head, 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, ...tail]);
    const r = await raw({ headers: { "content-type": "application/json" }, body });
    expect(r.status).toBeLessThan(500);
    expect(codes(r.body!)).not.toContain("INTERNAL_SERVER_ERROR");
  });

  it("refuses form, multipart and text/plain POSTs without a CSRF header, and runs them with one", async () => {
    const form = new URLSearchParams({ query: "{ site { name } }" }).toString();
    const formRequest = { headers: { "content-type": "application/x-www-form-urlencoded" }, body: form };
    expect((await raw(formRequest)).status).toBe(403);
    expect((await raw({ headers: { "content-type": "text/plain" }, body: '{"query":"{ site { name } }"}' })).status).toBe(403);
    const multipart = new FormData();
    multipart.set("operations", JSON.stringify({ query: "{ site { name } }" }));
    multipart.set("map", "{}");
    expect((await raw({ body: multipart })).status).toBe(403);
    const allowed = await raw({ ...formRequest, headers: { ...formRequest.headers, "x-graphql-yoga-csrf": "1" } });
    expect(allowed.status).toBe(200);
    expect(allowed.body!.data).toMatchObject({ site: { name: expect.any(String) } });
    // An Authorization header cannot be sent without a preflight either.
    const { token } = await signIn(t, "READER");
    const signedIn = await raw({ ...formRequest, headers: { ...formRequest.headers, authorization: `Bearer ${token}` } });
    expect(signedIn.status).toBe(200);
  });
});

describe("injection and script payloads", () => {
  const stringArgs: Array<{ kind: "query" | "mutation"; field: string; arg: GraphQLArgument }> = [];
  for (const [kind, type] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        if (isScalarType(named) && (named.name === "String" || named.name === "ID")) stringArgs.push({ kind, field: field.name, arg });
      }
    }
  }

  it("finds string arguments to attack", () => {
    expect(stringArgs.length).toBeGreaterThan(3);
  });

  it("answers every injection string in every string argument without a server error or data loss", async () => {
    const admin = await signIn(t, "ADMIN");
    const before = await t.app.db.article.count();
    const rng = prng(7);
    const failures: string[] = [];
    const calls: Array<() => Promise<void>> = [];
    for (const { kind, field, arg } of stringArgs) {
      const definition = (kind === "query" ? schema.getQueryType() : schema.getMutationType())!.getFields()[field]!;
      for (const payload of INJECTIONS) {
        const op = operationFor(kind, definition, schema, rng, { ids: [] }, (a) => (a.name === arg.name ? payload : undefined));
        for (const token of [undefined, admin.token]) {
          calls.push(async () => {
            const r = await gql(t, op.query, op.variables, { token });
            const bad = (r.errors ?? []).filter((e) => !e.extensions?.code || e.extensions.code === "INTERNAL_SERVER_ERROR");
            if (bad.length) failures.push(`${kind} ${field}(${arg.name}: ${JSON.stringify(payload)}): ${bad[0]!.message}`);
          });
        }
      }
    }
    // A few at a time: sign-in attempts hash a password each.
    for (let i = 0; i < calls.length; i += 8) await Promise.all(calls.slice(i, i + 8).map((call) => call()));
    expect(failures).toEqual([]);
    expect(await t.app.db.article.count()).toBe(before);
    expect(await t.app.db.user.count()).toBeGreaterThan(0);
  });

  it("stores script payloads in plain-text fields as text, returned as JSON strings", async () => {
    const admin = await signIn(t, "ADMIN");
    const name = "<script>alert('xss')</script> Ủy ban";
    const r = await execute(t, UpdateSiteDocument, { input: { name, address: "<img src=x onerror=alert(1)>" } }, { token: admin.token });
    expect(r.errors).toBeUndefined();
    const home = await execute(t, HomePageDocument);
    expect(home.data!.site).toMatchObject({ name, address: "<img src=x onerror=alert(1)>" });
  });

  it("sanitises script payloads in article bodies", async () => {
    const editor = await signIn(t, "ADMIN");
    const input = {
      title: "<script>alert(1)</script>Tin thử",
      summary: "<b onmouseover=alert(1)>tóm tắt</b>",
      body: '<p>Nội dung</p><script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a><iframe src="https://evil.example"></iframe>',
    };
    const r = await execute(t, CreateArticleDocument, { input }, { token: editor.token });
    expect(codes(r)).not.toContain("INTERNAL_SERVER_ERROR");
    const body = r.data?.createArticle.body ?? "";
    expect(body).toContain("Nội dung");
    expect(body).not.toMatch(/<script|onerror|javascript:|<iframe/i);
  });
});

describe("forged credentials", () => {
  it.each([
    ["garbage", "Bearer %%%%"],
    ["an empty bearer", "Bearer "],
    ["another scheme", "Basic YWRtaW46YWRtaW4="],
    ["a huge token", `Bearer ${"a".repeat(10_000)}`],
    [
      "alg none",
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${Buffer.from('{"sub":"x","ver":0,"aud":"portal"}').toString("base64url")}.`,
    ],
  ])("refuses %s with UNAUTHENTICATED", async (_name, authorization) => {
    const r = await json({ query: contractOperation("Me") }, { authorization });
    expect(r.status).toBeLessThan(500);
    expect(bodyCodes(r)).toEqual(["UNAUTHENTICATED"]);
  });

  it("refuses a token signed with another secret, and an expired one", async () => {
    const { user } = await signIn(t, "ADMIN");
    const forged = await new SignJWT({ ver: user.tokenVersion })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.id)
      .setAudience("portal")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-secret-not-the-secret-not-the-secret"));
    expect(codes(await execute(t, MeDocument, {}, { token: forged }))).toEqual(["UNAUTHENTICATED"]);
    const { token: expired } = await t.app.tokens.issue(
      { userId: user.id, tokenVersion: user.tokenVersion },
      new Date(t.clock.now().getTime() - 2 * t.app.config.JWT_TTL_SECONDS * 1000),
    );
    expect(codes(await execute(t, MeDocument, {}, { token: expired }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("never echoes a password or secret in an error", async () => {
    const password = "Mật-khẩu-rất-bí-mật-123";
    const r = await json({ query: contractOperation("Login"), variables: { email: "nobody@example.vn", password } });
    expect(bodyCodes(r)).toEqual(["UNAUTHENTICATED"]);
    expect(r.text).not.toContain(password);
    expect(r.text).not.toContain(t.app.config.JWT_SECRET!);
  });
});

describe("every mutation, called by every role that may not call it", () => {
  type Scopes = { role?: Role; signedIn?: boolean };
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {})
    .map((field) => ({ field, scopes: (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes }))
    .filter((m): m is { field: typeof m.field; scopes: Scopes } => typeof m.scopes === "object" && m.scopes !== null);

  it("finds the declared mutation scopes", () => {
    expect(mutations.map((m) => m.field.name)).toEqual(expect.arrayContaining(["createUser", "updateSite"]));
  });

  it("answers UNAUTHENTICATED or FORBIDDEN and writes nothing", async () => {
    const rng = prng(11);
    const failures: string[] = [];
    const tokens = new Map<Role, string>();
    for (const role of ROLES) tokens.set(role, (await signIn(t, role)).token);
    const [users, categories, site] = await Promise.all([t.app.db.user.count(), t.app.db.category.count(), t.app.db.site.findFirst()]);
    for (const { field, scopes } of mutations) {
      const callers: Array<[string, string | undefined]> = [["anonymous", undefined]];
      if (scopes.role) for (const role of ROLES) if (!atLeast(role, scopes.role)) callers.push([role, tokens.get(role)]);
      for (const [who, token] of callers) {
        const op = operationFor("mutation", field, schema, rng, { ids: [] });
        const r = await gql(t, op.query, op.variables, { token });
        const expected = token ? "FORBIDDEN" : "UNAUTHENTICATED";
        const got = codes(r);
        // A malformed argument may be reported first; a permission slip never.
        if (r.data?.[field.name] || !got.every((c) => c === expected || c === "BAD_USER_INPUT") || got.length === 0) {
          failures.push(`${who} → ${field.name}: ${JSON.stringify(got)} data=${JSON.stringify(r.data)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await t.app.db.user.count()).toBe(users);
    expect(await t.app.db.category.count()).toBe(categories);
    expect(await t.app.db.site.findFirst()).toEqual(site);
  });
});
