// The role × operation matrix of editor.graphql: every workflow
// operation for every role, allowed or refused with the contract's code, and a
// refused call leaves the article exactly as it was. Then item permissions.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, gql, signIn, type TestApp } from "./support/app";
import { approved, articleState, draft, globalId, ok, pending, refusal, run } from "./support/workflow";

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

interface Operation {
  name: string;
  /** Brings a fresh article to the state the operation starts from; returns the operation's variables. */
  prepare: () => Promise<Record<string, unknown>>;
  operation: string;
  expected: Record<Who, string>;
}

const U = "UNAUTHENTICATED";
const F = "FORBIDDEN";
const N = "NOT_FOUND";

const OPERATIONS: Operation[] = [
  {
    name: "createArticle",
    operation: "CreateArticle",
    prepare: async () => ({ input: { title: "Bài mới", body: "<p>x</p>" } }),
    expected: { anonymous: U, READER: F, author: "OK", otherContributor: "OK", EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "updateArticle on a draft",
    operation: "UpdateArticle",
    prepare: async () => ({ input: { id: (await draft(t, author())).id, expectedVersion: "0.1", title: "Sửa" } }),
    expected: { anonymous: U, READER: N, author: "OK", otherContributor: N, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "updateArticle on a published article",
    operation: "UpdateArticle",
    prepare: async () => ({ input: { id: (await approved(t, author(), admin())).id, expectedVersion: "1.0", title: "Sửa" } }),
    expected: { anonymous: U, READER: F, author: "OK", otherContributor: F, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "submitArticle",
    operation: "SubmitArticle",
    prepare: async () => ({ id: (await draft(t, author())).id }),
    expected: { anonymous: U, READER: N, author: "OK", otherContributor: N, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "approveArticle",
    operation: "ApproveArticle",
    prepare: async () => ({ id: (await pending(t, author())).id }),
    expected: { anonymous: U, READER: N, author: F, otherContributor: N, EDITOR: F, APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "rejectArticle",
    operation: "RejectArticle",
    prepare: async () => ({ id: (await pending(t, author())).id, comment: "Chưa đạt" }),
    expected: { anonymous: U, READER: N, author: F, otherContributor: N, EDITOR: F, APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "unpublishArticle",
    operation: "UnpublishArticle",
    prepare: async () => ({ id: (await approved(t, author(), admin())).id }),
    expected: { anonymous: U, READER: F, author: F, otherContributor: F, EDITOR: F, APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "restoreArticleVersion",
    operation: "RestoreArticleVersion",
    prepare: async () => {
      const a = await draft(t, author());
      await ok(t, "UpdateArticle", { input: { id: a.id, expectedVersion: "0.1", title: "Bản 0.2" } }, author());
      return { id: a.id, version: "0.1" };
    },
    expected: { anonymous: U, READER: N, author: "OK", otherContributor: N, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "deleteArticle on a draft",
    operation: "DeleteArticle",
    prepare: async () => ({ id: (await draft(t, author())).id }),
    expected: { anonymous: U, READER: N, author: F, otherContributor: N, EDITOR: F, APPROVER: F, ADMIN: "OK" },
  },
  {
    name: "deleteArticle on a published article",
    operation: "DeleteArticle",
    prepare: async () => ({ id: (await approved(t, author(), admin())).id }),
    expected: { anonymous: U, READER: F, author: F, otherContributor: F, EDITOR: F, APPROVER: F, ADMIN: "OK" },
  },
  {
    name: "setArticlePermissions",
    operation: "SetArticlePermissions",
    prepare: async () => ({ input: { articleId: (await approved(t, author(), admin())).id, inherit: false, public: false } }),
    expected: { anonymous: U, READER: F, author: F, otherContributor: F, EDITOR: F, APPROVER: F, ADMIN: "OK" },
  },
  {
    name: "ArticleHistory of a published article",
    operation: "ArticleHistory",
    prepare: async () => ({ id: (await approved(t, author(), admin())).id }),
    expected: { anonymous: U, READER: F, author: "OK", otherContributor: F, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  },
  {
    name: "CompareVersions of a published article",
    operation: "CompareVersions",
    prepare: async () => ({ id: (await approved(t, author(), admin())).id, from: "0.1", to: "1.0" }),
    expected: { anonymous: U, READER: F, author: "OK", otherContributor: F, EDITOR: "OK", APPROVER: "OK", ADMIN: "OK" },
  },
];

const articleOf = (variables: Record<string, any>): string | null => variables.id ?? variables.input?.id ?? variables.input?.articleId ?? null;

describe("role × operation", () => {
  for (const op of OPERATIONS) {
    it(`${op.name}`, async () => {
      const seen: Record<string, string> = {};
      for (const who of WHO) {
        const variables = await op.prepare();
        const id = articleOf(variables);
        const before = id ? await articleState(t, id) : null;
        const articlesBefore = await t.app.db.article.count();
        seen[who] = await refusal(t, op.operation, variables, tokens[who]);
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
    const query = `mutation($id: ID!) { restoreArticle(id: $id) { id } }`;
    for (const who of WHO) {
      const a = await draft(t, author());
      await ok(t, "DeleteArticle", { id: a.id }, admin());
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
    for (const operation of ["SubmitArticle", "ApproveArticle", "UnpublishArticle", "DeleteArticle"]) {
      const a = await run(t, operation, { id: hidden.id }, tokens.otherContributor);
      const b = await run(t, operation, { id: missing }, tokens.otherContributor);
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
    const grants = [
      { userId: globalId("User", site.granteeReader.user.id), role: "READER" },
      { userId: globalId("User", site.granteeEditor.user.id), role: "EDITOR" },
      { userId: globalId("User", site.granteeApprover.user.id), role: "APPROVER" },
    ];
    const set = await ok(t, "SetArticlePermissions", { input: { articleId: article.id, inherit: false, public: false, grants } }, admin());
    expect(set.setArticlePermissions).toMatchObject({ id: article.id, inheritsPermissions: false, permissions: { public: false } });
    expect(set.setArticlePermissions.permissions.grants.map((g: any) => [g.user.id, g.role])).toEqual(grants.map((g) => [g.userId, g.role]));

    const read = async (token?: string) => (await ok(t, "MobileArticleDetail", { id: article.id }, token)).node;
    // Hidden from the public, from site readers, from site editors without a grant, and from its author.
    expect(await read()).toBeNull();
    expect(await read(site.reader.token)).toBeNull();
    expect(await read(site.editor.token)).toBeNull();
    expect(await read(author())).toBeNull();
    expect(await refusal(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "1.0", title: "x" } }, site.editor.token)).toBe(N);
    expect(await refusal(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "1.0", title: "x" } }, author())).toBe(N);
    // A READER grant reads it; an EDITOR grant edits (even for a site CONTRIBUTOR who did not write it) but does not approve.
    expect((await read(site.granteeReader.token)).title).toBe("Tờ trình nội bộ");
    expect(await refusal(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "1.0", title: "x" } }, site.granteeReader.token)).toBe(F);
    const edited = await ok(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "1.0", title: "Tờ trình (sửa)" } }, site.granteeEditor.token);
    expect(edited.updateArticle.version).toBe("1.1");
    await ok(t, "SubmitArticle", { id: article.id }, site.granteeEditor.token);
    expect(await refusal(t, "ApproveArticle", { id: article.id }, site.granteeEditor.token)).toBe(F);
    // An APPROVER grant approves, whatever the site role.
    expect((await ok(t, "ApproveArticle", { id: article.id }, site.granteeApprover.token)).approveArticle.version).toBe("2.0");
    expect((await read(site.granteeReader.token)).title).toBe("Tờ trình (sửa)");
    // Site editors get FORBIDDEN for a public article that is not theirs to edit.
    await ok(t, "SetArticlePermissions", { input: { articleId: article.id, inherit: false, public: true } }, admin());
    expect((await read()).title).toBe("Tờ trình (sửa)");
    expect(await refusal(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "2.0", title: "x" } }, site.editor.token)).toBe(F);
    // The grants were kept (omitted grants keep them); permissions are ADMIN's to read.
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
    const restored = await ok(t, "SetArticlePermissions", { input: { articleId: article.id, inherit: true } }, admin());
    expect(restored.setArticlePermissions).toMatchObject({ inheritsPermissions: true, permissions: { public: true, grants: [] } });
    expect(
      (await ok(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "2.0", title: "Sửa lại" } }, site.editor.token)).updateArticle.version,
    ).toBe("2.1");
    expect(await refusal(t, "UpdateArticle", { input: { id: article.id, expectedVersion: "2.1", title: "x" } }, site.granteeEditor.token)).toBe(F);
  });

  it("refuses contradictory or bad permission input", async () => {
    const article = await approved(t, author(), admin());
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
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
      const r = await run(t, "SetArticlePermissions", { input: { articleId: article.id, ...input } }, admin());
      expect(r.errors![0]!.extensions).toEqual({ code, fields });
      expect(await articleState(t, article.id)).toEqual(before);
    }
    expect(await refusal(t, "SetArticlePermissions", { input: { articleId: globalId("Article", "khong-co"), inherit: true } }, admin())).toBe(N);
  });
});
