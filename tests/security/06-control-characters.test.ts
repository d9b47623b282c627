// Control characters are refused however they are written (literal escapes of
// every form, block strings, variables), and a request that is not valid UTF-8
// is answered 400 instead of being stored with replacement characters.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { print } from "graphql";
import { codes, createTestApp, execute, gql, signIn, type TestApp } from "../support/app";
import { CreateArticleDocument } from "../../clients/generated/graphql";

let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await createTestApp();
  editor = (await signIn(t, "EDITOR")).token;
});
afterAll(() => t.close());

/** The contract's CreateArticle as the raw request bodies below carry it. */
const CREATE = print(CreateArticleDocument);
const stored = async (fragment: string) =>
  (await t.app.db.articleVersion.count({ where: { title: { contains: fragment } } })) +
  (await t.app.db.articleVersion.count({ where: { summary: { contains: fragment } } }));

// Literals can only be written in the query's text: these requests are not the contract's documents.
describe("in literals of the query", () => {
  it.each([
    ["\\u0000", "the \\u0000 escape"],
    ["\\u{0}", "the \\u{0} escape"],
    ["\\u{000000}", "a padded \\u{…} escape"],
    ["\\u0007", "another C0 control"],
    ["\\u001B", "ESC"],
    ["\\u007F", "DEL"],
    ["\\u0085", "a C1 control"],
    ["\\uFFFE", "a noncharacter"],
    ["\\u{FFFF}", "U+FFFF"],
    ["\\uFFFD", "the replacement character"],
  ])("refuses %s (%s)", async (escape) => {
    const r = await gql(t, `mutation { createArticle(input: { title: "Tin${escape}tuc", body: "<p>x</p>" }) { id } }`, {}, { token: editor });
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.data?.createArticle ?? null).toBeNull();
  });

  it("refuses a lone surrogate escape (the parser itself does)", async () => {
    const r = await gql(t, `mutation { createArticle(input: { title: "Tin\\uD800tuc", body: "<p>x</p>" }) { id } }`, {}, { token: editor });
    expect(codes(r)).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("refuses a raw control character inside a block string", async () => {
    const r = await gql(t, `mutation { createArticle(input: { title: "Tin", body: """<p>a\u0001b</p>""" }) { id } }`, {}, { token: editor });
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses them in reading queries and in nested input objects too", async () => {
    expect(codes(await gql(t, `{ category(slug: "a\\u{0}b") { id } }`))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await gql(t, `{ articles(filter: { search: "a\\u0002b" }) { totalCount } }`))).toEqual(["BAD_USER_INPUT"]);
  });

  it("accepts tab, line feed and carriage return, and ordinary Vietnamese text", async () => {
    const r = await gql(
      t,
      `mutation { createArticle(input: { title: "Kiến Tường\\tmùa nước nổi", summary: "dòng 1\\r\\ndòng 2\\u{1F600}", body: """<p>a\n\tb</p>""" }) { id title } }`,
      {},
      { token: editor },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createArticle.title).toBe("Kiến Tường\tmùa nước nổi");
  });
});

describe("in variables", () => {
  it.each([
    ["\u0000", "NUL"],
    ["\u0008", "backspace"],
    ["\u009B", "CSI (C1)"],
    ["\uFFFE", "U+FFFE"],
    ["\uDBFF\uDFFF", "U+10FFFF, a noncharacter"],
    ["\uFFFD", "the replacement character"],
  ])("refuses %j (%s), nested in an input object, and stores nothing", async (character) => {
    const marker = `dau-${Math.random().toString(36).slice(2)}`;
    const r = await execute(t, CreateArticleDocument, { input: { title: `${marker}${character}`, body: "<p>x</p>" } }, { token: editor });
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors![0]!.extensions!.fields).toEqual(["input.title"]);
    expect(await stored(marker)).toBe(0);
  });

  it("refuses the JSON escape form of a control character written by hand", async () => {
    const marker = `json-${Math.random().toString(36).slice(2)}`;
    const body = `{"query": ${JSON.stringify(CREATE)}, "variables": {"input": {"title": "${marker}\\u0000", "body": "<p>x</p>"}}}`;
    const response = await t.yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${editor}` },
      body,
    });
    expect(response.status).toBe(400);
    expect(codes((await response.json()) as never)).toEqual(["BAD_USER_INPUT"]);
    expect(await stored(marker)).toBe(0);
  });

  it("refuses them in GET query strings", async () => {
    const params = new URLSearchParams({ query: "query($s: String!) { category(slug: $s) { id } }", variables: JSON.stringify({ s: "a\u0001b" }) });
    const response = await t.yoga.fetch(`http://portal.test/graphql?${params}`);
    expect(codes((await response.json()) as never)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("bytes that are not UTF-8", () => {
  const head = new TextEncoder().encode(`{"query": ${JSON.stringify(CREATE)}, "variables": {"input": {"body": "<p>x</p>", "title": "`);
  const tail = new TextEncoder().encode('"}}}');

  it.each([
    ["a truncated sequence", [0xc3, 0x28]],
    ["0xFF", [0xff, 0xfe]],
    ["an encoded surrogate", [0xed, 0xa0, 0x80]],
    ["an overlong NUL", [0xc0, 0x80]],
  ])("answers a POST body with %s 400, storing nothing", async (_name, bad) => {
    const before = await t.app.db.articleVersion.count();
    const response = await t.yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${editor}` },
      body: new Uint8Array([...head, 0x41, ...bad, 0x42, ...tail]),
    });
    expect(response.status).toBe(400);
    expect(codes((await response.json()) as never)).toEqual(["BAD_USER_INPUT"]);
    expect(await t.app.db.articleVersion.count()).toBe(before);
  });

  it("answers a GET whose query string is not UTF-8 with 400", async () => {
    const response = await t.yoga.fetch(`http://portal.test/graphql?query=%7B%20category(slug%3A%20%22a%FFb%22)%20%7B%20id%20%7D%20%7D`);
    expect(response.status).toBe(400);
    expect(codes((await response.json()) as never)).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers a multipart upload whose operations are not UTF-8 as bad input", async () => {
    const form = new FormData();
    const operations = new Uint8Array([
      ...new TextEncoder().encode(`{"query": ${JSON.stringify(CREATE)}, "variables": {"input": {"body": "<p>x</p>", "title": "a`),
      0xff,
      ...new TextEncoder().encode('"}}}'),
    ]);
    form.set("operations", new Blob([operations]));
    form.set("map", "{}");
    const response = await t.yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { authorization: `Bearer ${editor}`, "x-graphql-yoga-csrf": "1" },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(codes((await response.json()) as never)).toEqual(["BAD_USER_INPUT"]);
  });
});
