// The role × operation matrix of editor.graphql: every workflow
// operation for every role, allowed or refused with the contract's code, and a
// refused call leaves the article exactly as it was. Then item permissions.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { codes, createTestApp, execute, gql, present, selected, signIn, type TestApp } from "./support/app";
import { approved, articleState, draft, globalId, ok, pending, refusal } from "./support/workflow";
import {
  ApproveArticleDocument,
  ArticleHistoryDocument,
  CompareVersionsDocument,
  CreateArticleDocument,
  DeleteArticleDocument,
  MobileArticleDetailDocument,
  RejectArticleDocument,
  RestoreArticleVersionDocument,
  SetArticlePermissionsDocument,
  SubmitArticleDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
  type ArticleGrantInput,
  type SetArticlePermissionsInput,
} from "../clients/generated/graphql";

let t: TestApp;
type Who = "anonymous" | "READER" | "author" | "otherContributor" | "EDITOR" | "APPROVER" | "ADMIN";
const WHO: Who[] = ["anonymous", "READER", "author", "otherContributor", "EDITOR", "APPROVER", "ADMIN"];
const tokens = {} as Record<Who, string | undefined>;
const users = {} as Record<Who, { id: string }>;

beforeAll(async () => {
  t = await createTestApp();
  const roles: Array<[Who, "READER" | "CONTRIBUTOR" | "EDITOR" | "APPROVER" | "ADMIN"]> = [
    ["READER", "READER"],
    ["author", "CONTRIBUTOR"],
    ["otherContributor", "CONTRIBUTOR"],
    ["EDITOR", "EDITOR"],
    ["APPROVER", "APPROVER"],
    ["ADMIN", "ADMIN"],
  ];
  for (const [who, role] of roles) {
    const s = await signIn(t, role);
    tokens[who] = s.token;
    users[who] = s.user;
  }
});
afterAll(() => t.close());

const author = () => tokens.author!;
const admin = () => tokens.ADMIN!;

/** One row of the matrix: a contract operation, how to prepare its variables, and each role's answer. */
interface Row<R, V> {
  name: string;
  /** Brings a fresh article to the state the operation starts from; returns the operation's variables. */
  prepare: () => Promise<V>;
  operation: TypedDocumentNode<R, V>;
  expected: Record<Who, string>;
}

interface Operation {
  name: string;
  /** Prepares a fresh article; returns the article the call touches (if any) and the call, answering its error codes or OK. */
  prepare: () => Promise<{ article: string | null; send: (token: string | undefined) => Promise<string> }>;
  expected: Record<Who, string>;
}

/** The article the variables name: `id`, `input.id` or `input.articleId`. */
const articleOf = ({ id, input }: Record<string, unknown>): string | null => {
  const inner = typeof input === "object" && input !== null ? input : {};
  const found = id ?? ("id" in inner ? inner.id : undefined) ?? ("articleId" in inner ? inner.articleId : undefined);
  return typeof found === "string" ? found : null;
};

const row = <R, V extends Record<string, unknown>>({ name, prepare, operation, expected }: Row<R, V>): Operation => ({
  name,
  expected,
  prepare: async () => {
    const variables = await prepare();
    return { article: articleOf(variables), send: (token) => refusal(t, operation, variables, { token }) };
  },
});

const U = "UNAUTHENTICATED";
const F = "FORBIDDEN";
const N = "NOT_FOUND";

const OPERATIONS: Operation[] = [
  row({
    name: "createArticle",
    operation: CreateArticleDocument,
    prepare: async () => ({ input: { title: "Bài mới", body: "<p>x</p>" } }),
    expected: { anonymous: U, READER: F, author: "OK", otherContributor: "OK", EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "updateArticle on a draft",
    operation: UpdateArticleDocument,
    prepare: async () => ({ input: { id: (await draft(t, author())).id, expectedVersion: "0.1", title: "Sửa" } }),
    expected: { anonymous: U, READER: N, author: "OK", otherContributor: N, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "updateArticle on a published article",
    operation: UpdateArticleDocument,
    prepare: async () => ({ input: { id: (await approved(t, author(), admin())).id, expectedVersion: "1.0", title: "Sửa" } }),
    expected: { anonymous: U, READER: F, author: "OK", otherContributor: F, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "submitArticle",
    operation: SubmitArticleDocument,
    prepare: async () => ({ id: (await draft(t, author())).id }),
    expected: { anonymous: U, READER: N, author: "OK", otherContributor: N, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "approveArticle",
    operation: ApproveArticleDocument,
    prepare: async () => ({ id: (await pending(t, author())).id }),
    expected: { anonymous: U, READER: N, author: F, otherContributor: N, EDITOR: F, APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "rejectArticle",
    operation: RejectArticleDocument,
    prepare: async () => ({ id: (await pending(t, author())).id, comment: "Chưa đạt" }),
    expected: { anonymous: U, READER: N, author: F, otherContributor: N, EDITOR: F, APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "unpublishArticle",
    operation: UnpublishArticleDocument,
    prepare: async () => ({ id: (await approved(t, author(), admin())).id }),
    expected: { anonymous: U, READER: F, author: F, otherContributor: F, EDITOR: F, APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "restoreArticleVersion",
    operation: RestoreArticleVersionDocument,
    prepare: async () => {
      const a = await draft(t, author());
      await ok(t, UpdateArticleDocument, { input: { id: a.id, expectedVersion: "0.1", title: "Bản 0.2" } }, { token: author() });
      return { id: a.id, version: "0.1" };
    },
    expected: { anonymous: U, READER: N, author: "OK", otherContributor: N, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "deleteArticle on a draft",
    operation: DeleteArticleDocument,
    prepare: async () => ({ id: (await draft(t, author())).id }),
    expected: { anonymous: U, READER: N, author: F, otherContributor: N, EDITOR: F, APPROVER: F, ADMIN: "OK" },
  }),
  row({
    name: "deleteArticle on a published article",
    operation: DeleteArticleDocument,
    prepare: async () => ({ id: (await approved(t, author(), admin())).id }),
    expected: { anonymous: U, READER: F, author: F, otherContributor: F, EDITOR: F, APPROVER: F, ADMIN: "OK" },
  }),
  row({
    name: "setArticlePermissions",
    operation: SetArticlePermissionsDocument,
    prepare: async () => ({ input: { articleId: (await approved(t, author(), admin())).id, inherit: false, public: false } }),
    expected: { anonymous: U, READER: F, author: F, otherContributor: F, EDITOR: F, APPROVER: F, ADMIN: "OK" },
  }),
  row({
    name: "ArticleHistory of a published article",
    operation: ArticleHistoryDocument,
    prepare: async () => ({ id: (await approved(t, author(), admin())).id }),
    expected: { anonymous: U, READER: F, author: "OK", otherContributor: F, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  }),
  row({
    name: "CompareVersions of a published article",
    operation: CompareVersionsDocument,
    prepare: async () => ({ id: (await approved(t, author(), admin())).id, from: "0.1", to: "1.0" }),
    expected: { anonymous: U, READER: F, author: "OK", otherContributor: F, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  }),
];

describe("role × operation", () => {
  for (const op of OPERATIONS) {
    it(`${op.name}`, async () => {
      const seen: Record<string, string> = {};
      for (const who of WHO) {
        const { article: id, send } = await op.prepare();
        const before = id ? await articleState(t, id) : null;
        const articlesBefore = await t.app.db.article.count();
        seen[who] = await send(tokens[who]);
        if (seen[who] !== "OK") {
          // No side effect: the article, its versions, approvals and grants are untouched.
          if (id) expect(await articleState(t, id)).toEqual(before);
          expect(await t.app.db.article.count()).toBe(articlesBefore);
        }
      }
      expect(seen).toEqual(op.expected);
    });
  }

  it("restoreArticle (recycle bin) is ADMIN's", async () => {
    const seen: Record<string, string> = {};
    // The contract has no restoreArticle: the schema's mutation.
    const query = `mutation($id: ID!) { restoreArticle(id: $id) { id } }`;
    for (const who of WHO) {
      const a = await draft(t, author());
      await ok(t, DeleteArticleDocument, { id: a.id }, { token: admin() });
      const r = await gql(t, query, { id: a.id }, { token: tokens[who] });
      seen[who] = codes(r).join(",") || "OK";
      const deleted = (await t.app.db.article.findUniqueOrThrow({ where: { id: Buffer.from(a.id, "base64").toString().split(":")[1] } })).deletedAt;
      expect(deleted === null).toBe(seen[who] === "OK");
    }
    expect(seen).toEqual({ anonymous: U, READER: F, author: F, otherContributor: F, EDITOR: F, APPROVER: F, ADMIN: "OK" });
    const unknown = await gql(t, query, { id: globalId("Article", "khong-co") }, { token: admin() });
    expect(codes(unknown)).toEqual([N]);
  });

  it("answers an unknown article exactly like a hidden one", async () => {
    const hidden = await draft(t, author());
    const missing = globalId("Article", "khong-ton-tai");
    const operations: Array<TypedDocumentNode<unknown, { id: string }>> = [
      SubmitArticleDocument,
      ApproveArticleDocument,
      UnpublishArticleDocument,
      DeleteArticleDocument,
    ];
    for (const operation of operations) {
      const a = await execute(t, operation, { id: hidden.id }, { token: tokens.otherContributor });
      const b = await execute(t, operation, { id: missing }, { token: tokens.otherContributor });
      expect(a.errors).toEqual(b.errors);
      expect(codes(a)).toEqual([N]);
    }
  });
});

describe("item permissions", () => {
  it("breaks inheritance, hides from the public and grants roles on one article", async () => {
    const site = {
      reader: await signIn(t, "READER"),
      granteeReader: await signIn(t, "READER"),
      granteeEditor: await signIn(t, "CONTRIBUTOR"),
      granteeApprover: await signIn(t, "READER"),
      editor: await signIn(t, "EDITOR"),
    };
    const article = await approved(t, author(), admin(), { title: "Tờ trình nội bộ" });
    const grants: ArticleGrantInput[] = [
      { userId: globalId("User", site.granteeReader.user.id), role: "READER" },
      { userId: globalId("User", site.granteeEditor.user.id), role: "EDITOR" },
      { userId: globalId("User", site.granteeApprover.user.id), role: "APPROVER" },
    ];
    const set = await ok(t, SetArticlePermissionsDocument, { input: { articleId: article.id, inherit: false, public: false, grants } }, { token: admin() });
    expect(set.setArticlePermissions).toMatchObject({ id: article.id, inheritsPermissions: false, permissions: { public: false } });
    expect(present(set.setArticlePermissions.permissions, "the permissions").grants.map((g) => [g.user.id, g.role])).toEqual(
      grants.map((g) => [g.userId, g.role]),
    );

    const read = async (token?: string) => (await ok(t, MobileArticleDetailDocument, { id: article.id }, { token })).node;
    // Hidden from the public, from site readers, from site editors without a grant, and from its author.
    expect(await read()).toBeNull();
    expect(await read(site.reader.token)).toBeNull();
    expect(await read(site.editor.token)).toBeNull();
    expect(await read(author())).toBeNull();
    expect(await refusal(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.0", title: "x" } }, { token: site.editor.token })).toBe(N);
    expect(await refusal(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.0", title: "x" } }, { token: author() })).toBe(N);
    // A READER grant reads it; an EDITOR grant edits (even for a site CONTRIBUTOR who did not write it) but does not approve.
    expect(selected(await read(site.granteeReader.token), "the article").title).toBe("Tờ trình nội bộ");
    expect(
      await refusal(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "1.0", title: "x" } }, { token: site.granteeReader.token }),
    ).toBe(F);
    const edited = await ok(
      t,
      UpdateArticleDocument,
      { input: { id: article.id, expectedVersion: "1.0", title: "Tờ trình (sửa)" } },
      { token: site.granteeEditor.token },
    );
    expect(edited.updateArticle.version).toBe("1.1");
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: site.granteeEditor.token });
    expect(await refusal(t, ApproveArticleDocument, { id: article.id }, { token: site.granteeEditor.token })).toBe(F);
    // An APPROVER grant approves, whatever the site role.
    expect((await ok(t, ApproveArticleDocument, { id: article.id }, { token: site.granteeApprover.token })).approveArticle.version).toBe("2.0");
    expect(selected(await read(site.granteeReader.token), "the article").title).toBe("Tờ trình (sửa)");
    // Site editors get FORBIDDEN for a public article that is not theirs to edit.
    await ok(t, SetArticlePermissionsDocument, { input: { articleId: article.id, inherit: false, public: true } }, { token: admin() });
    expect(selected(await read(), "the article").title).toBe("Tờ trình (sửa)");
    expect(await refusal(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "2.0", title: "x" } }, { token: site.editor.token })).toBe(F);
    // The grants were kept (omitted grants keep them); permissions are ADMIN's to read
    // (through node(id:): no query of the contract reads them).
    const perms = await gql(
      t,
      `query($id: ID!) { node(id: $id) { ... on Article { permissions { public grants { role } } } } }`,
      { id: article.id },
      { token: admin() },
    );
    expect(perms.data!.node.permissions).toEqual({ public: true, grants: [{ role: "READER" }, { role: "EDITOR" }, { role: "APPROVER" }] });
    const notAdmin = await gql(
      t,
      `query($id: ID!) { node(id: $id) { ... on Article { permissions { public } } } }`,
      { id: article.id },
      { token: site.granteeApprover.token },
    );
    expect(codes(notAdmin)).toEqual([F]);

    // inherit: true restores the site roles and drops the grants.
    const restored = await ok(t, SetArticlePermissionsDocument, { input: { articleId: article.id, inherit: true } }, { token: admin() });
    expect(restored.setArticlePermissions).toMatchObject({ inheritsPermissions: true, permissions: { public: true, grants: [] } });
    expect(
      (await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "2.0", title: "Sửa lại" } }, { token: site.editor.token })).updateArticle
        .version,
    ).toBe("2.1");
    expect(
      await refusal(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "2.1", title: "x" } }, { token: site.granteeEditor.token }),
    ).toBe(F);
  });

  it("refuses contradictory or bad permission input", async () => {
    const article = await approved(t, author(), admin());
    const cases: Array<[Omit<SetArticlePermissionsInput, "articleId">, string, string[]]> = [
      [{ inherit: true, public: false }, "BAD_USER_INPUT", ["input.public"]],
      [{ inherit: false, grants: [{ userId: globalId("User", "khong-co"), role: "EDITOR" }] }, "BAD_USER_INPUT", ["input.grants"]],
      [{ inherit: false, grants: [{ userId: globalId("Article", "x"), role: "EDITOR" }] }, "BAD_USER_INPUT", ["input.grants.0.userId"]],
      [
        {
          inherit: false,
          grants: [
            { userId: globalId("User", users.EDITOR.id), role: "EDITOR" },
            { userId: globalId("User", users.EDITOR.id), role: "READER" },
          ],
        },
        "BAD_USER_INPUT",
        ["input.grants"],
      ],
    ];
    for (const [input, code, fields] of cases) {
      const before = await articleState(t, article.id);
      const r = await execute(t, SetArticlePermissionsDocument, { input: { articleId: article.id, ...input } }, { token: admin() });
      expect(r.errors![0]!.extensions).toEqual({ code, fields });
      expect(await articleState(t, article.id)).toEqual(before);
    }
    expect(await refusal(t, SetArticlePermissionsDocument, { input: { articleId: globalId("Article", "khong-co"), inherit: true } }, { token: admin() })).toBe(
      N,
    );
  });
});
