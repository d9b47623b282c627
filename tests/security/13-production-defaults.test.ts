// Defaults for production: GraphiQL and introspection off unless switched on,
// /metrics only with its token or from loopback, the password policy (zxcvbn-ts's
// common-password list and strength estimate) wherever a password is set, and the
// admin command line never demoting the last active ADMIN.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { closeApp, createApp, type App } from "../../src/app";
import { ConfigError, readConfig, testConfig } from "../../src/env";
import { createLogger } from "../../src/lib/logger";
import { passwordProblem } from "../../src/services/password-policy";
import { hashPassword } from "../../src/services/passwords";
import { codes, createTestApp, gql, signIn, type TestApp, execute } from "../support/app";
import { runScript, tempDataDir } from "../support/processes";
import { ChangePasswordDocument, CreateUserDocument } from "../../clients/generated/graphql";

const PRODUCTION = { NODE_ENV: "production", JWT_SECRET: "x".repeat(40) } as const;
const METRICS_TOKEN = "metrics-token-0123456789abcdef";

describe("the production profile by default", () => {
  it("switches GraphiQL and introspection off under NODE_ENV=production unless set", () => {
    expect(readConfig(PRODUCTION)).toMatchObject({ GRAPHIQL: false, INTROSPECTION: false });
    expect(readConfig({ ...PRODUCTION, GRAPHIQL: "true", INTROSPECTION: "on" })).toMatchObject({ GRAPHIQL: true, INTROSPECTION: true });
    expect(readConfig({ NODE_ENV: "development" })).toMatchObject({ GRAPHIQL: true, INTROSPECTION: true });
    expect(readConfig({ NODE_ENV: "development", GRAPHIQL: "false" })).toMatchObject({ GRAPHIQL: false, INTROSPECTION: true });
  });

  describe("an app with the production configuration", () => {
    let t: TestApp;
    beforeAll(async () => {
      const prod = readConfig({ ...PRODUCTION, METRICS_TOKEN });
      t = await createTestApp({
        config: { NODE_ENV: "production", GRAPHIQL: prod.GRAPHIQL, INTROSPECTION: prod.INTROSPECTION, METRICS_TOKEN, LOG_LEVEL: "silent" },
      });
    });
    afterAll(() => t.close());
    const metrics = (address: string | null, headers: Record<string, string> = {}) =>
      t.yoga.fetch("http://portal.test/metrics", { headers }, { clientAddress: address });

    it("serves no GraphiQL and answers no introspection", async () => {
      const page = await t.yoga.fetch("http://portal.test/graphql", { headers: { accept: "text/html" } });
      expect(await page.text()).not.toMatch(/<html/i);
      const r = await gql(t, "{ __schema { queryType { name } } }");
      expect(r.data ?? null).toBeNull();
      expect(r.errors![0]!.message).toMatch(/introspection/i);
    });

    it("answers /metrics with its token, or to a direct request from loopback, and to nobody else", async () => {
      expect((await metrics("203.0.113.5")).status).toBe(401);
      expect((await metrics("203.0.113.5", { authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
      expect((await metrics("203.0.113.5", { authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200);
      for (const local of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) expect((await metrics(local)).status).toBe(200);
      // Relayed by a proxy on this machine: not loopback's own request.
      expect((await metrics("127.0.0.1", { "x-forwarded-for": "203.0.113.5" })).status).toBe(401);
      expect((await metrics("127.0.0.1", { forwarded: "for=203.0.113.5" })).status).toBe(401);
      // In-process calls have no address.
      expect((await metrics(null)).status).toBe(401);
    });
  });

  it("protects /metrics in production even without a token: loopback only", async () => {
    const t = await createTestApp({ config: { NODE_ENV: "production", LOG_LEVEL: "silent" } });
    try {
      expect((await t.yoga.fetch("http://portal.test/metrics", {}, { clientAddress: "198.51.100.1" })).status).toBe(401);
      expect((await t.yoga.fetch("http://portal.test/metrics", { headers: { authorization: "Bearer " } }, { clientAddress: "198.51.100.1" })).status).toBe(401);
      expect((await t.yoga.fetch("http://portal.test/metrics", {}, { clientAddress: "127.0.0.1" })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe("the password policy", () => {
  const refused = [
    ["short1!", /at least 12 characters/],
    ["123456789012", /common passwords/],
    ["password1234", /common passwords/],
    ["Password123!", /common passwords/],
    ["qwertyuiopas", /common passwords/],
    ["administrator", /common passwords/],
    ["aaaaaaaaaaaa", /too easy to guess/],
    ["abcdefghijkl", /too easy to guess/],
    ["matkhau12345", /too easy to guess/],
    ["dragon123456", /too easy to guess/],
  ] as const;

  it("refuses short, listed and easily guessed passwords; accepts passphrases", () => {
    for (const [password, reason] of refused) expect([password, passwordProblem(password)]).toEqual([password, expect.stringMatching(reason)]);
    for (const good of ["correct horse battery staple", "mật khẩu đúng của quản trị", "k7Qm2-Ab3de-Xy9Pq-Lm4No"]) expect(passwordProblem(good)).toBeNull();
    expect(passwordProblem("nguyen.van.an@example.vn", { email: "nguyen.van.an@example.vn" })).toMatch(/e-mail or name/);
  });

  describe("through the API: BAD_USER_INPUT naming the field", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ seed: false });
    });
    afterAll(() => t.close());

    it("createUser", async () => {
      const admin = await signIn(t, "ADMIN");
      for (const [password] of refused) {
        const r = await execute(
          t,
          CreateUserDocument,
          { input: { name: "Người mới", email: `moi-${password.length}@example.vn`, password, role: "EDITOR" } },
          { token: admin.token },
        );
        expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
        expect(r.errors![0]!.extensions!.fields).toEqual(["input.password"]);
        expect(r.errors![0]!.message).toMatch(/^password: the password /);
      }
      const ok = await execute(
        t,
        CreateUserDocument,
        { input: { name: "Người mới", email: "moi@example.vn", password: "ba con mèo nhảy qua sông", role: "EDITOR" } },
        { token: admin.token },
      );
      expect(ok.errors).toBeUndefined();
    });

    it("changePassword", async () => {
      const user = await t.app.db.user.create({
        data: { name: "Biên tập", email: "bt@example.vn", role: "EDITOR", passwordHash: await hashPassword("mật khẩu cũ rất dài") },
      });
      const { token } = await t.app.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }, t.clock.now());
      const r = await execute(t, ChangePasswordDocument, { currentPassword: "mật khẩu cũ rất dài", newPassword: "Password123!" }, { token });
      expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors![0]!.extensions!.fields).toEqual(["newPassword"]);
    });
  });

  it("ADMIN_PASSWORD must meet it in production; development keeps its demo", () => {
    const env = { ...PRODUCTION, ADMIN_EMAIL: "admin@example.vn" };
    expect(() => readConfig({ ...env, ADMIN_PASSWORD: "admin123456" })).toThrow(ConfigError);
    expect(() => readConfig({ ...env, ADMIN_PASSWORD: "password1234" })).toThrow(/ADMIN_PASSWORD: the password is on the list/);
    expect(readConfig({ ...env, ADMIN_PASSWORD: "ba con mèo nhảy qua sông" }).ADMIN_PASSWORD).toBe("ba con mèo nhảy qua sông");
    expect(readConfig({ NODE_ENV: "development", ADMIN_EMAIL: "admin@example.vn", ADMIN_PASSWORD: "admin123" }).ADMIN_PASSWORD).toBe("admin123");
  });
});

describe("the admin command line", () => {
  const { dir, databaseUrl } = tempDataDir({ migrated: true });
  const env = { DATABASE_URL: databaseUrl, DATA_DIR: dir, JWT_SECRET: "admin-test-secret-admin-test-secret-0123" };
  const admin = (args: string[], stdin?: string) => runScript("scripts/admin.ts", args, env, stdin);
  let app: App;
  beforeAll(async () => {
    app = await createApp(testConfig({ ...env, SEED_DEMO: false }), { logger: createLogger({ LOG_LEVEL: "silent", LOG_FORMAT: "json" }) });
    const hash = await hashPassword("mật khẩu quản trị dài");
    await app.db.user.create({ data: { name: "Quản trị đang làm", email: "active@example.vn", role: "ADMIN", passwordHash: hash } });
    await app.db.user.create({ data: { name: "Quản trị đã khóa", email: "locked@example.vn", role: "ADMIN", passwordHash: hash, deactivatedAt: new Date() } });
  });
  afterAll(() => closeApp(app));

  it("refuses to demote the last active ADMIN, even with a deactivated ADMIN left", async () => {
    const result = await admin(["user:role", "--email", "active@example.vn", "--role", "EDITOR"]);
    expect(result).toMatchObject({ code: 1, stderr: "admin: error: This is the last active administrator: make another user ADMIN first.\n" });
    expect((await app.db.user.findUniqueOrThrow({ where: { email: "active@example.vn" } })).role).toBe("ADMIN");
    // Demoting the deactivated one is fine, and the change is audited.
    expect((await admin(["user:role", "--email", "locked@example.vn", "--role", "READER"])).stdout).toBe("locked@example.vn: ADMIN → READER.\n");
    const entry = await app.db.auditEvent.findFirst({ where: { action: "USER_ROLE_CHANGE" } });
    expect(entry).not.toBeNull();
  });

  it("applies the password policy to --password", async () => {
    const result = await admin(["user:create", "--email", "moi@example.vn", "--name", "Mới", "--role", "EDITOR", "--password", "password1234"]);
    // A usage error (exit code 2), before anything is opened or written.
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--password is on the list of the most common passwords/);
  });
});
