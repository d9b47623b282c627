// Small leaks: who saved an unapproved draft, who is ADMIN, the files of
// unpublished articles, and refusals without an error code. Reads written as
// query text probe schema paths the contract's operations do not take (node,
// nodes, updatedBy, an author's role, an ID of an unknown type).
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, gql, present, selected, signIn, type GraphQLResponse, type TestApp } from "../support/app";
import { contractOperation } from "../support/contract";
import { png } from "../support/media-files";
import { approved, globalId, ok } from "../support/workflow";
import {
  LoginDocument,
  MeDocument,
  MobileArticleDetailDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
  UsersDocument,
} from "../../clients/generated/graphql";

const MINUTE = 60_000;

describe("Article.updatedBy shows readers only who saved the version they read", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { RESPONSE_CACHE: false } });
  });
  afterAll(() => t.close());

  it("hides the author of a newer draft from anonymous readers and readers, not from editors", async () => {
    const writer = await signIn(t, "EDITOR", "Người viết bản duyệt");
    const approver = await signIn(t, "APPROVER", "Người duyệt");
    const drafter = await signIn(t, "EDITOR", "Người sửa bản nháp bí mật");
    const reader = await signIn(t, "READER", "Bạn đọc");
    const article = await approved(t, writer.token, approver.token);
    const query = `query ($id: ID!) { node(id: $id) { ... on Article { version updatedBy { id name } } } }`;
    const before = await gql(t, query, { id: article.id });
    expect(before.data!.node.version).toBe("1.0");
    const publishedSaver = before.data!.node.updatedBy;

    await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.0", title: "Bản nháp chưa duyệt" } }, { token: drafter.token });
    for (const token of [undefined, reader.token]) {
      const seen = await gql(t, query, { id: article.id }, { token });
      expect(seen.errors).toBeUndefined();
      expect(seen.data!.node.version).toBe("1.0");
      expect(seen.data!.node.updatedBy).toEqual(publishedSaver);
      expect(JSON.stringify(seen)).not.toContain("bí mật");
    }
    // The same through a list.
    const listed = await gql(t, `{ articles(first: 50) { edges { node { id updatedBy { name } } } } }`);
    expect(JSON.stringify(listed)).not.toContain("bí mật");
    // Editors see who saved the latest version.
    const editor = await gql(t, query, { id: article.id }, { token: writer.token });
    expect(editor.data!.node).toEqual({ version: "1.1", updatedBy: { id: globalId("User", drafter.user.id), name: drafter.user.name } });
  });
});

describe("User.role is private to the user and administrators", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers null to anyone else, through node, nodes and an article's author", async () => {
    const admin = await signIn(t, "ADMIN");
    const other = await signIn(t, "EDITOR");
    const reader = await signIn(t, "READER");
    const id = globalId("User", admin.user.id);
    const byNode = `query ($id: ID!) { node(id: $id) { ... on User { name role } } nodes(ids: [$id]) { ... on User { role } } }`;
    for (const token of [undefined, reader.token, other.token]) {
      const r = await gql(t, byNode, { id }, { token });
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ node: { name: admin.user.name, role: null }, nodes: [{ role: null }] });
    }
    expect((await gql(t, byNode, { id }, { token: admin.token })).data!.node.role).toBe("ADMIN");
    const authors = await gql(t, `{ articles(first: 20) { edges { node { author { role } createdBy { role } } } } }`);
    expect(JSON.stringify(authors.data)).not.toMatch(/ADMIN|EDITOR|APPROVER|CONTRIBUTOR/);
  });

  it("still gives the contract's operations what they need: Me, Login, the user list", async () => {
    const editor = await signIn(t, "EDITOR");
    expect(present((await ok(t, MeDocument, {}, { token: editor.token })).me, "the signed-in user").role).toBe("EDITOR");
    // Login is sent without a token: the account just signed in to is the caller's own.
    const login = await ok(t, LoginDocument, { email: editor.user.email, password: "mật khẩu bí mật" });
    expect(login.login.user).toMatchObject({ email: editor.user.email, role: "EDITOR" });
    const admin = await signIn(t, "ADMIN");
    const users = await ok(t, UsersDocument, { first: 50 }, { token: admin.token });
    expect(users.users.edges.every((e) => e.node.role !== null)).toBe(true);
  });
});

describe("files of articles readers cannot see", () => {
  let t: TestApp;
  let editor: { token: string };
  let approver: { token: string };
  beforeAll(async () => {
    t = await createTestApp({ config: { RESPONSE_CACHE: false } });
    editor = await signIn(t, "EDITOR");
    approver = await signIn(t, "APPROVER");
  });
  afterAll(() => t.close());

  async function upload(name: string) {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: contractOperation("UploadMedia"), variables: { file: null } }));
    form.set("map", JSON.stringify({ "0": ["variables.file"] }));
    form.set("0", new Blob([new Uint8Array(png(8, 6))], { type: "image/png" }), name);
    const response = await t.yoga.fetch("http://portal.test/graphql", { method: "POST", headers: { authorization: `Bearer ${editor.token}` }, body: form });
    const r = (await response.json()) as GraphQLResponse;
    expect(r.errors).toBeUndefined();
    return r.data!.uploadMedia as { id: string; url: string };
  }
  const get = (url: string, headers: Record<string, string> = {}) => t.yoga.fetch(`http://portal.test${url}`, { headers });
  const path = (url: string) => url.split("?")[0]!;

  it("serves a fresh upload only through its short-lived signed URL, privately", async () => {
    const media = await upload("chua-dang.png");
    expect(media.url).toMatch(/^\/media\/\S+\?expires=\d+&sig=[\w-]+$/);
    expect((await get(path(media.url))).status).toBe(404);
    // Even with a signed-in editor's token: an <img> cannot send it, and the signed URL is the way.
    expect((await get(path(media.url), { authorization: `Bearer ${editor.token}` })).status).toBe(404);
    const signed = await get(media.url);
    expect(signed.status).toBe(200);
    expect(signed.headers.get("cache-control")).toBe("private, no-store");
    // A signature for another file, a changed expiry or a forged signature: 404.
    const other = await upload("khac.png");
    const [, query] = other.url.split("?");
    expect((await get(`${path(media.url)}?${query}`)).status).toBe(404);
    expect((await get(media.url.replace(/expires=(\d+)/, (_, n) => `expires=${Number(n) + 300}`))).status).toBe(404);
    expect((await get(media.url.replace(/sig=[\w-]+/, "sig=AAAA"))).status).toBe(404);
    // Expired after about 15 minutes.
    t.clock.advance(16 * MINUTE);
    expect((await get(media.url)).status).toBe(404);
  });

  it("serves the cover of a draft to nobody without a signature; publishing makes it public and cacheable, unpublishing private again", async () => {
    const cover = await upload("anh-bia.png");
    const article = await approved(t, editor.token, approver.token, { title: "Bài có ảnh bìa", coverImageId: cover.id });
    const coverUrl = async (token?: string) =>
      present(selected((await ok(t, MobileArticleDetailDocument, { id: article.id }, { token })).node, "the article").coverImage, "its cover").url;
    const publicUrl = await coverUrl();
    expect(publicUrl).toBe(path(cover.url));
    const served = await get(publicUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");

    await ok(t, UnpublishArticleDocument, { id: article.id }, { token: approver.token });
    expect((await get(publicUrl)).status).toBe(404);
    // Editors still get a working (signed) address.
    const signed = await get(await coverUrl(editor.token));
    expect(signed.status).toBe(200);
    expect(signed.headers.get("cache-control")).toBe("private, no-store");
  });

  it("serves a picture embedded in a published article's body to anyone", async () => {
    const picture = await upload("trong-bai.png");
    await approved(t, editor.token, approver.token, {
      title: "Bài có ảnh trong nội dung",
      body: `<p>Ảnh:</p><figure><img src="${path(picture.url)}" alt="Ảnh"><figcaption>Ảnh</figcaption></figure>`,
    });
    const served = await get(path(picture.url));
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("refusals carry an error code", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("CSRF: a form or text/plain POST without a CSRF header is 403 BAD_USER_INPUT", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const response = await t.yoga.fetch("http://portal.test/graphql", {
        method: "POST",
        headers: { "content-type": type },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(response.status).toBe(403);
      const body = (await response.json()) as GraphQLResponse;
      expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
      expect(body.errors![0]!.message).toMatch(/x-graphql-yoga-csrf/);
    }
  });

  it("node and nodes with an ID of an unknown type are BAD_USER_INPUT naming the argument", async () => {
    const bogus = Buffer.from("Bogus:abc").toString("base64");
    const scalar = Buffer.from("String:abc").toString("base64");
    for (const id of [bogus, scalar]) {
      const one = await gql(t, `query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(codes(one)).toEqual(["BAD_USER_INPUT"]);
      expect(one.errors![0]!.extensions!.fields).toEqual(["id"]);
      const many = await gql(t, `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id] });
      expect(codes(many)).toEqual(["BAD_USER_INPUT"]);
      expect(many.errors![0]!.extensions!.fields).toEqual(["ids"]);
    }
    // A well-formed ID of a known type that names nothing is still null, without an error.
    const missing = await gql(t, `query ($id: ID!) { node(id: $id) { id } }`, { id: globalId("Article", "khong-co") });
    expect(missing).toEqual({ data: { node: null } });
  });
});
