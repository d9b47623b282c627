// User administration through the API (editor.graphql: Users, CreateUser,
// ChangeUserRole, DeactivateUser, ReactivateUser, ResetUserPassword,
// ChangePassword): who may do it, what each step changes at once (tokens,
// sign-in), the rule of at least one active ADMIN (also under concurrency), and
// the audit events each writes.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, execute, gql, signIn, type TestApp } from "./support/app";
import { ok, parsed, refusal, globalId, rawId } from "./support/workflow";
import {
  AuditLogDocument,
  ChangePasswordDocument,
  ChangeUserRoleDocument,
  CreateCategoryDocument,
  CreateUserDocument,
  DeactivateUserDocument,
  LoginDocument,
  MeDocument,
  ReactivateUserDocument,
  ResetUserPasswordDocument,
  UsersDocument,
  type Role,
} from "../clients/generated/graphql";

let t: TestApp;
let admin: { user: { id: string }; token: string };
let editor: { user: { id: string }; token: string };
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  admin = await signIn(t, "ADMIN", "Quản trị viên Chính");
  editor = await signIn(t, "EDITOR", "Biên tập viên");
});
afterAll(() => t.close());

const STRONG = "Hoa sen nở giữa đầm 2026";
const me = async (token: string) => execute(t, MeDocument, {}, { token });
const login = (email: string, password: string) => execute(t, LoginDocument, { email, password });

async function newUser(name: string, email: string, role: Role = "EDITOR") {
  const data = await ok(t, CreateUserDocument, { input: { name, email, password: STRONG, role } }, { token: admin.token });
  return data.createUser;
}

describe("users administration", () => {
  it("lists and searches users accent- and case-insensitively, ADMIN only", async () => {
    await newUser("Nguyễn Văn Thành", "thanh.nv@kientuong.gov.vn");
    await newUser("Trần Thị Hoài Phương", "phuong.tth@kientuong.gov.vn", "CONTRIBUTOR");
    const found = await ok(t, UsersDocument, { filter: { search: "nguyen VAN" } }, { token: admin.token });
    expect(found.users.totalCount).toBe(1);
    expect(found.users.edges[0]?.node).toMatchObject({ name: "Nguyễn Văn Thành", email: "thanh.nv@kientuong.gov.vn", role: "EDITOR", active: true });
    const byMail = await ok(t, UsersDocument, { filter: { search: "phuong.tth" } }, { token: admin.token });
    expect(byMail.users.edges.map((e) => e.node.name)).toEqual(["Trần Thị Hoài Phương"]);
    const contributors = await ok(t, UsersDocument, { filter: { role: "CONTRIBUTOR" } }, { token: admin.token });
    expect(contributors.users.edges.every((e) => e.node.role === "CONTRIBUTOR")).toBe(true);
    // Pages follow each other without overlap, in name order.
    const first = await ok(t, UsersDocument, { first: 2 }, { token: admin.token });
    const second = await ok(t, UsersDocument, { first: 2, after: first.users.pageInfo.endCursor }, { token: admin.token });
    const names = [...first.users.edges, ...second.users.edges].map((e) => e.node.name);
    expect(new Set(names).size).toBe(names.length);
    expect(first.users.totalCount).toBeGreaterThanOrEqual(4);

    expect(await refusal(t, UsersDocument, {}, { token: editor.token })).toBe("FORBIDDEN");
    expect(await refusal(t, UsersDocument)).toBe("UNAUTHENTICATED");
    expect(await refusal(t, UsersDocument, { first: -1 }, { token: admin.token })).toBe("BAD_USER_INPUT");
  });

  it("creates users only with an acceptable password and a free e-mail", async () => {
    const weak = await execute(t, CreateUserDocument, { input: { name: "A", email: "a@x.vn", password: "short", role: "READER" } }, { token: admin.token });
    expect(codes(weak)).toEqual(["BAD_USER_INPUT"]);
    expect(weak.errors![0]!.extensions!.fields).toEqual(["input.password"]);
    await newUser("Lê Văn Dũng", "dung@kientuong.gov.vn");
    const again = await execute(
      t,
      CreateUserDocument,
      { input: { name: "B", email: "DUNG@kientuong.gov.vn", password: STRONG, role: "READER" } },
      { token: admin.token },
    );
    expect(codes(again)).toEqual(["CONFLICT"]);
    expect(await refusal(t, CreateUserDocument, { input: { name: "C", email: "c@x.vn", password: STRONG, role: "ADMIN" } }, { token: editor.token })).toBe(
      "FORBIDDEN",
    );
  });

  it("changes a role at once, and deactivation stops every token and sign-in until reactivated", async () => {
    const user = await newUser("Phạm Minh Khoa", "khoa@kientuong.gov.vn");
    const session = (await ok(t, LoginDocument, { email: "khoa@kientuong.gov.vn", password: STRONG })).login.token;
    expect((await me(session)).data?.me?.name).toBe("Phạm Minh Khoa");

    const demoted = await ok(t, ChangeUserRoleDocument, { id: user.id, role: "CONTRIBUTOR" }, { token: admin.token });
    expect(demoted.changeUserRole.role).toBe("CONTRIBUTOR");
    // The same token now acts with the new role.
    expect(await refusal(t, CreateCategoryDocument, { input: { name: "Chuyên mục mới" } }, { token: session })).toBe("FORBIDDEN");

    const off = await ok(t, DeactivateUserDocument, { id: user.id }, { token: admin.token });
    expect(off.deactivateUser).toMatchObject({ active: false, deactivatedAt: t.clock.now().toISOString() });
    expect(codes(await me(session))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await login("khoa@kientuong.gov.vn", STRONG))).toEqual(["UNAUTHENTICATED"]);
    const inactive = await ok(t, UsersDocument, { filter: { active: false } }, { token: admin.token });
    expect(inactive.users.edges.map((e) => e.node.id)).toContain(user.id);

    const on = await ok(t, ReactivateUserDocument, { id: user.id }, { token: admin.token });
    expect(on.reactivateUser.active).toBe(true);
    // The old token stays dead; signing in again works.
    expect(codes(await me(session))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await login("khoa@kientuong.gov.vn", STRONG))).toEqual([]);
  });

  it("resets a password to a generated one, shown once, and revokes the user's tokens", async () => {
    const user = await newUser("Võ Thị Lan", "lan@kientuong.gov.vn");
    const session = (await ok(t, LoginDocument, { email: "lan@kientuong.gov.vn", password: STRONG })).login.token;
    const reset = await ok(t, ResetUserPasswordDocument, { id: user.id }, { token: admin.token });
    const password = reset.resetUserPassword.password;
    expect(password).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(codes(await me(session))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await login("lan@kientuong.gov.vn", STRONG))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await login("lan@kientuong.gov.vn", password))).toEqual([]);
    // Stored only as a hash, and not in the audit trail.
    const row = await t.app.db.user.findUniqueOrThrow({ where: { id: rawId(user.id) } });
    expect(row.passwordHash).not.toContain(password);
    const events = await t.app.db.auditEvent.findMany({ where: { targetId: rawId(user.id) } });
    expect(JSON.stringify(events)).not.toContain(password);
    expect(await refusal(t, ResetUserPasswordDocument, { id: user.id }, { token: editor.token })).toBe("FORBIDDEN");
    expect(await refusal(t, ResetUserPasswordDocument, { id: globalId("User", "khong-co") }, { token: admin.token })).toBe("NOT_FOUND");
  });

  it("lets every user change their own password, checking the current one and the policy", async () => {
    await newUser("Đặng Quốc Bảo", "bao@kientuong.gov.vn", "READER");
    const session = (await ok(t, LoginDocument, { email: "bao@kientuong.gov.vn", password: STRONG })).login.token;
    const wrong = await execute(t, ChangePasswordDocument, { currentPassword: "không đúng", newPassword: "Một mật khẩu mới dài" }, { token: session });
    expect(codes(wrong)).toEqual(["BAD_USER_INPUT"]);
    expect(wrong.errors![0]!.extensions!.fields).toEqual(["currentPassword"]);
    const weak = await execute(t, ChangePasswordDocument, { currentPassword: STRONG, newPassword: "ngắn" }, { token: session });
    expect(weak.errors![0]!.extensions!.fields).toEqual(["newPassword"]);
    const changed = await ok(t, ChangePasswordDocument, { currentPassword: STRONG, newPassword: "Một mật khẩu mới dài" }, { token: session });
    expect(codes(await me(session))).toEqual(["UNAUTHENTICATED"]);
    expect((await me(changed.changePassword.token)).data?.me?.name).toBe("Đặng Quốc Bảo");
    expect(codes(await login("bao@kientuong.gov.vn", "Một mật khẩu mới dài"))).toEqual([]);
    expect(await refusal(t, ChangePasswordDocument, { currentPassword: "x", newPassword: "Một mật khẩu mới dài" })).toBe("UNAUTHENTICATED");
  });
});

describe("at least one active administrator", () => {
  it("refuses to demote or deactivate the last active ADMIN, and allows it once another exists", async () => {
    const app = await createTestApp({ seed: false });
    try {
      const only = await signIn(app, "ADMIN", "Quản trị duy nhất");
      const id = globalId("User", only.user.id);
      const demote = () => execute(app, ChangeUserRoleDocument, { id, role: "EDITOR" }, { token: only.token });
      expect(codes(await demote())).toEqual(["CONFLICT"]);
      const deactivate = await execute(app, DeactivateUserDocument, { id }, { token: only.token });
      expect(codes(deactivate)).toEqual(["CONFLICT"]);
      expect(await app.app.db.user.findUniqueOrThrow({ where: { id: only.user.id } })).toMatchObject({ role: "ADMIN", deactivatedAt: null });

      // A deactivated ADMIN does not count.
      const other = await signIn(app, "ADMIN", "Quản trị thứ hai");
      const otherId = globalId("User", other.user.id);
      await ok(app, DeactivateUserDocument, { id: otherId }, { token: only.token });
      expect(codes(await demote())).toEqual(["CONFLICT"]);
      await ok(app, ReactivateUserDocument, { id: otherId }, { token: only.token });
      expect((await ok(app, ChangeUserRoleDocument, { id, role: "EDITOR" }, { token: only.token })).changeUserRole.role).toBe("EDITOR");
    } finally {
      await app.close();
    }
  });

  it("keeps one when two administrators demote each other at the same instant", async () => {
    const app = await createTestApp({ seed: false });
    try {
      for (let round = 0; round < 3; round++) {
        await app.app.db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
        const a = await signIn(app, "ADMIN", `A ${round}`);
        const b = await signIn(app, "ADMIN", `B ${round}`);
        const demote = (id: string, token: string) => execute(app, ChangeUserRoleDocument, { id, role: "EDITOR" }, { token });
        const deactivate = (id: string, token: string) => execute(app, DeactivateUserDocument, { id }, { token });
        const results = await Promise.all([
          demote(globalId("User", b.user.id), a.token),
          (round % 2 ? deactivate : demote)(globalId("User", a.user.id), b.token),
        ]);
        const outcome = results.map((r) => codes(r).join(",") || "OK").sort();
        // One wins; the other is refused (CONFLICT, or UNAUTHENTICATED/FORBIDDEN when the winner already took its role).
        expect(outcome.filter((o) => o === "OK")).toHaveLength(1);
        expect(await app.app.db.user.count({ where: { role: "ADMIN", deactivatedAt: null } })).toBe(1);
      }
    } finally {
      await app.close();
    }
  });
});

describe("the audit trail of user actions", () => {
  it("records sign-ins, failed sign-ins, role changes, deactivation and password resets with who, where and before/after", async () => {
    const user = await newUser("Huỳnh Văn Tâm", "tam@kientuong.gov.vn");
    await execute(t, LoginDocument, { email: "tam@kientuong.gov.vn", password: "sai mật khẩu rồi" }, { headers: { "user-agent": "Trình duyệt thử" } });
    await ok(t, LoginDocument, { email: "tam@kientuong.gov.vn", password: STRONG });
    await ok(t, ChangeUserRoleDocument, { id: user.id, role: "APPROVER" }, { token: admin.token });
    const log = await ok(t, AuditLogDocument, { filter: { targetId: user.id } }, { token: admin.token });
    const events = log.auditLog.edges.map((e) => e.node);
    expect(events.map((e) => e.action)).toEqual(["USER_ROLE_CHANGE", "SIGN_IN", "SIGN_IN_FAILED", "USER_CREATE"]);
    const [role, signInOk, failed, created] = events;
    expect(role).toMatchObject({ actorName: "Quản trị viên Chính", actorRole: "ADMIN", targetType: "User", targetId: user.id });
    expect(parsed(role?.before)).toEqual({ role: "EDITOR" });
    expect(parsed(role?.after)).toEqual({ role: "APPROVER" });
    expect(signInOk?.actor).toEqual({ id: user.id, name: "Huỳnh Văn Tâm" });
    expect(failed).toMatchObject({ actor: null, userAgent: "Trình duyệt thử" });
    expect(parsed(failed?.detail)).toEqual({ email: "tam@kientuong.gov.vn", reason: "wrong password" });
    expect(parsed(created?.after)).toMatchObject({ email: "tam@kientuong.gov.vn", role: "EDITOR" });
    // A failed sign-in for an unknown address is recorded too, without a target.
    await login("khong-ai@kientuong.gov.vn", STRONG);
    const unknown = await ok(t, AuditLogDocument, { filter: { actions: ["SIGN_IN_FAILED"] }, first: 1 }, { token: admin.token });
    expect(unknown.auditLog.edges[0]?.node).toMatchObject({ targetId: null });
    expect(parsed(unknown.auditLog.edges[0]?.node.detail)).toEqual({ email: "khong-ai@kientuong.gov.vn", reason: "unknown e-mail" });
  });

  it("is read by ADMIN only, and the database refuses to change or delete an event", async () => {
    expect(await refusal(t, AuditLogDocument, {}, { token: editor.token })).toBe("FORBIDDEN");
    expect(await refusal(t, AuditLogDocument)).toBe("UNAUTHENTICATED");
    const any = await t.app.db.auditEvent.findFirstOrThrow();
    // node(id:) is no way around it.
    const viaNode = await gql(
      t,
      "query($id: ID!) { node(id: $id) { id ... on AuditEvent { action } } }",
      { id: globalId("AuditEvent", any.id) },
      { token: editor.token },
    );
    expect(viaNode.data?.node ?? null).toBeNull();
    const count = await t.app.db.auditEvent.count();
    await expect(t.app.db.auditEvent.update({ where: { id: any.id }, data: { action: "SIGN_IN" } })).rejects.toThrow();
    await expect(t.app.db.auditEvent.delete({ where: { id: any.id } })).rejects.toThrow();
    await expect(t.app.db.auditEvent.deleteMany({})).rejects.toThrow();
    await expect(t.app.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await t.app.db.auditEvent.findUniqueOrThrow({ where: { id: any.id } })).toEqual(any);
    expect(await t.app.db.auditEvent.count()).toBe(count);
    // The schema has no mutation on the trail.
    const mutations = await gql<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>(t, "{ __schema { mutationType { fields { name } } } }");
    expect(mutations.data!.__schema.mutationType.fields.map((f) => f.name).filter((n) => /audit/i.test(n))).toEqual([]);
  });

  it("filters by period and pages without overlap", async () => {
    const before = new Date(t.clock.now().getTime() - 1);
    t.clock.set(new Date(t.clock.now().getTime() + 3600_000));
    const from = t.clock.now();
    await newUser("Người dùng sau", "sau@kientuong.gov.vn");
    const later = await ok(t, AuditLogDocument, { filter: { from: from.toISOString() } }, { token: admin.token });
    expect(later.auditLog.edges.map((e) => e.node.action)).toEqual(["USER_CREATE"]);
    const earlier = await ok(t, AuditLogDocument, { filter: { to: from.toISOString(), from: "2000-01-01T00:00:00Z" } }, { token: admin.token });
    expect(earlier.auditLog.edges.every((e) => new Date(e.node.at) <= before || new Date(e.node.at) < from)).toBe(true);
    const mine = await ok(t, AuditLogDocument, { filter: { userId: globalId("User", admin.user.id) }, first: 3 }, { token: admin.token });
    const next = await ok(
      t,
      AuditLogDocument,
      { filter: { userId: globalId("User", admin.user.id) }, first: 3, after: mine.auditLog.pageInfo.endCursor },
      { token: admin.token },
    );
    const ids = [...mine.auditLog.edges, ...next.auditLog.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...mine.auditLog.edges, ...next.auditLog.edges].every((e) => e.node.actor?.id === globalId("User", admin.user.id))).toBe(true);
    const bad = await execute(t, AuditLogDocument, { filter: { from: from.toISOString(), to: "2000-01-01T00:00:00Z" } }, { token: admin.token });
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
  });
});
