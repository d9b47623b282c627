// The admin command line, run as an operator runs it, against its own database.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createApp, closeApp, type App } from "../src/app";
import { testConfig } from "../src/env";
import { createLogger } from "../src/lib/logger";
import { join } from "node:path";
import { ROLES } from "../src/services/access";
import { field } from "../src/services/counters/backend";
import { MemoryBackend } from "../src/services/counters/memory";
import { dayOf } from "../src/services/site-time";
import { findMatches } from "../src/services/search/engine";
import { parseSearchQuery } from "../src/services/search/query";
import { verifyPassword } from "../src/services/passwords";
import { articleRow } from "./support/factories";
import { runScript, tempDataDir } from "./support/processes";

const { dir, databaseUrl } = tempDataDir({ migrated: true });
const env = { DATABASE_URL: databaseUrl, DATA_DIR: dir, JWT_SECRET: "admin-test-secret-admin-test-secret-0123" };
const admin = (args: string[], stdin?: string) => runScript("scripts/admin.ts", args, env, stdin);

let app: App;
beforeAll(async () => {
  // The same database, seen as the server sees it.
  app = await createApp(testConfig({ ...env, SEED_DEMO: false }), { logger: createLogger({ LOG_LEVEL: "silent", LOG_FORMAT: "json" }) });
});
afterAll(() => closeApp(app));

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at\s/m);

describe("users", () => {
  it("creates a user with a generated password printed once, which signs in", async () => {
    const result = await admin(["user:create", "--email", "Bien.Tap@Example.vn", "--name", "Biên tập viên", "--role", "editor"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Created EDITOR bien.tap@example.vn \(id \w+\)\.\n/);
    const password = /shown once, pass it on safely\): (\S+)\n/.exec(result.stdout)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const user = await app.db.user.findUniqueOrThrow({ where: { email: "bien.tap@example.vn" } });
    expect(user).toMatchObject({ name: "Biên tập viên", role: "EDITOR" });
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
  });

  it("takes a password from stdin without echoing it", async () => {
    const result = await admin(
      ["user:create", "--email", "duyet@example.vn", "--name", "Người duyệt", "--role", "APPROVER", "--password-stdin"],
      "một mật khẩu dài\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("mật khẩu dài");
    const user = await app.db.user.findUniqueOrThrow({ where: { email: "duyet@example.vn" } });
    expect(await verifyPassword("một mật khẩu dài", user.passwordHash)).toBe(true);
  });

  it("refuses a duplicate e-mail (exit 1) and bad arguments (exit 2), in one line each", async () => {
    const duplicate = await admin(["user:create", "--email", "duyet@example.vn", "--name", "X", "--role", "READER"]);
    expect(duplicate).toMatchObject({ code: 1, stdout: "", stderr: "admin: error: a user with e-mail duyet@example.vn already exists\n" });
    for (const [args, message] of [
      [["user:create", "--email", "not-an-email", "--name", "X", "--role", "READER"], "admin: --email is not an e-mail address"],
      [["user:create", "--email", "x@example.vn", "--name", "X", "--role", "KING"], `admin: --role must be one of ${ROLES.join(", ")}`],
      [["user:create", "--email", "x@example.vn", "--role", "READER"], "admin: --name is required"],
      [
        ["user:create", "--email", "x@example.vn", "--name", "X", "--role", "READER", "--password", "short"],
        "admin: --password must be at least 12 characters",
      ],
      [["user:list", "--colour"], "admin: Unknown option '--colour'"],
      [["reboot"], 'admin: unknown command "reboot"'],
    ] as const) {
      const result = await admin([...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(message);
      noStack(result.stderr);
    }
    expect(await app.db.user.count({ where: { email: "x@example.vn" } })).toBe(0);
  });

  it("resets a password and signs the user out everywhere", async () => {
    const user = await app.db.user.findUniqueOrThrow({ where: { email: "duyet@example.vn" } });
    const { token } = await app.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion });
    const result = await admin(["user:password", "--email", "DUYET@example.vn", "--password", "mật khẩu mới 2026"]);
    expect(result).toMatchObject({ code: 0, stdout: "Password changed for duyet@example.vn; their existing sessions are signed out.\n" });
    const after = await app.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("mật khẩu mới 2026", after.passwordHash)).toBe(true);
    expect(after.tokenVersion).toBe(user.tokenVersion + 1);
    // The old token still verifies as a JWT, but names a revoked version.
    expect((await app.tokens.verify(token))!.tokenVersion).not.toBe(after.tokenVersion);
    const unknown = await admin(["user:password", "--email", "ghost@example.vn"]);
    expect(unknown).toMatchObject({ code: 1, stderr: "admin: error: no user with e-mail ghost@example.vn\n" });
  });

  it("changes a role, but never demotes the last administrator", async () => {
    expect((await admin(["user:role", "--email", "bien.tap@example.vn", "--role", "admin"])).stdout).toBe("bien.tap@example.vn: EDITOR → ADMIN.\n");
    expect((await app.db.user.findUniqueOrThrow({ where: { email: "bien.tap@example.vn" } })).role).toBe("ADMIN");
    const last = await admin(["user:role", "--email", "bien.tap@example.vn", "--role", "READER"]);
    expect(last).toMatchObject({ code: 1, stderr: "admin: error: This is the last active administrator: make another user ADMIN first.\n" });
  });

  it("lists users as a table and as JSON, without password hashes", async () => {
    const table = await admin(["user:list"]);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^E-MAIL\s+ROLE\s+NAME\s+CREATED$/);
    expect(table.stdout).toMatch(/bien\.tap@example\.vn\s+ADMIN\s+Biên tập viên\s+\d{4}-\d\d-\d\d/);
    expect(table.stdout).toMatch(/\n2 users\.\n$/);
    const json = JSON.parse((await admin(["user:list", "--json"])).stdout) as Array<Record<string, unknown>>;
    expect(json.map((u) => u.email).sort()).toEqual(["bien.tap@example.vn", "duyet@example.vn"]);
    expect(JSON.stringify(json)).not.toContain("scrypt");
  });
});

describe("maintenance and database", () => {
  it("rebuilds the search text, after which search finds what it could not", async () => {
    const article = await articleRow({ app, clock: app.clock }, { title: "Khánh thành cầu Sông Hàn mới" });
    const found = async () =>
      (await findMatches(app.db, app.target.provider, parseSearchQuery("cau song han")!, { versions: "published", limit: null })).map((m) => m.articleId);
    expect(await found()).toContain(article.id);
    // Search text lost (or written by older folding rules): search no longer finds the article.
    await app.db.articleVersion.updateMany({ where: { articleId: article.id }, data: { searchTitle: "", searchSummary: "", searchBody: "" } });
    expect(await found()).not.toContain(article.id);
    const result = await admin(["search:rebuild"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^search:rebuild: \d+ article versions? indexed in \d+ ms\.\n$/);
    expect(await found()).toContain(article.id);
  });

  it("flushes the counts a stopped server left buffered into the database", async () => {
    const before = (await app.db.site.findUnique({ where: { id: 1 } }))?.totalVisits ?? 0;
    // What a server leaves in its data folder when its last flush could not reach the database.
    const now = app.clock.now();
    const day = dayOf(now, app.config.SITE_TIMEZONE);
    const buffer = new MemoryBackend();
    await buffer.record({
      dedupe: null,
      dedupeTtlMs: 0,
      onlineMember: "visitor",
      nowMs: now.getTime(),
      day,
      seenMember: "site|visitor",
      increments: [
        [field.totalVisits, 3],
        [field.siteVisits(day), 3],
      ],
      uniqueField: field.siteUniques(day),
    });
    buffer.saveState(join(dir, "visit-buffer.json"), now.getTime());
    const result = await admin(["counters:flush"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Counters flushed in \d+ ms\.\n/);
    expect((await app.db.site.findUniqueOrThrow({ where: { id: 1 } })).totalVisits).toBe(before + 3);
    expect(await app.db.dailyVisitor.count({ where: { day, scope: "site" } })).toBe(1);
  });

  it("shows the migration status, and says what to do with an empty database", async () => {
    const status = await admin(["migrate:status"]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Database schema is up to date!/);
    expect(status.stdout).not.toMatch(/WARNING|Loaded Prisma config/);
    const empty = tempDataDir();
    const emptyEnv = { DATABASE_URL: empty.databaseUrl, DATA_DIR: empty.dir };
    const pending = await runScript("scripts/admin.ts", ["migrate:status"], emptyEnv);
    expect(pending).toMatchObject({ code: 1, stdout: expect.stringMatching(/^No migration has been applied: the database is empty\./) });
    const list = await runScript("scripts/admin.ts", ["user:list"], emptyEnv);
    expect(list).toMatchObject({ code: 1, stderr: expect.stringMatching(/^admin: error: the database has no tables yet: .*migrate:deploy/) });
    expect((await runScript("scripts/admin.ts", ["migrate:deploy"], emptyEnv)).code).toBe(0);
    expect((await runScript("scripts/admin.ts", ["migrate:status"], emptyEnv)).code).toBe(0);
  });

  it("reports an unusable database or configuration in one line", async () => {
    const pg = await runScript("scripts/admin.ts", ["user:list"], { DATABASE_URL: "postgresql://root@127.0.0.1:1/portal" });
    expect(pg).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^admin: error: DATABASE_URL: cannot open PostgreSQL database .*connection refused.*\n$/),
    });
    const config = await runScript("scripts/admin.ts", ["user:list"], { DATABASE_URL: "mysql://x" });
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(/^admin: error: configuration error: DATABASE_URL: expected file:<path> or postgresql/);
    expect(config.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("prints its usage on --help", async () => {
    const help = await admin(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["user:create", "user:password", "user:role", "user:list", "search:rebuild", "counters:flush", "migrate:status"]) {
      expect(help.stdout).toContain(command);
    }
  });
});
