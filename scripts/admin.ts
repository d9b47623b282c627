// The operator's command line: `npm run admin -- <command> [options]`.
// Exit codes: 0 done, 1 failed (the reason in one line), 2 wrong usage.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { parseArgs, promisify } from "node:util";
import { z } from "zod";
import type { App } from "../src/app";
import { parseDatabaseUrl } from "../src/db/url";
import { probeDatabase } from "../src/db/probe";
import type { Role } from "../src/db/client";
import { checkListing } from "../src/services/listing";
import { hashPassword } from "../src/services/passwords";
import { changeUserRole, userSearchText } from "../src/services/users";
import { passwordProblem } from "../src/services/password-policy";
import { GraphQLError } from "graphql";
import { Failure, loadConfig, openApp, projectRoot, run, UsageError } from "./lib/cli";

// The site roles, lowest to highest (the Role enum of the data model).
const ROLES = ["READER", "CONTRIBUTOR", "EDITOR", "APPROVER", "ADMIN"] as const satisfies readonly Role[];

const USAGE = `Usage: npm run admin -- <command> [options]

Users
  user:create --email <e-mail> --name <name> --role <role> [--password <p> | --password-stdin]
                      Without a password, one is generated and printed once.
  user:password --email <e-mail> [--password <p> | --password-stdin]
                      Sets a new password (generated when not given) and signs the
                      user out everywhere (their existing tokens stop working).
  user:role --email <e-mail> --role <role>
  user:list [--json]
Maintenance
  search:rebuild      Rebuilds the folded search text of every article version, and
                      with it the full-text index.
  counts:check [--repair]
                      Compares the maintained list counts (category article counts,
                      list totals) with a recount; exits 1 on drift. --repair writes
                      the recount.
  counters:flush      Writes buffered view and visit counts to the database.
Database
  migrate:status      Which migrations are applied (exit 1 when some are pending).
  migrate:deploy      Applies the pending migrations (the server does it at start).

Roles: ${ROLES.join(", ")}. Settings come from the environment (docs/operations.md).
Exit codes: 0 done, 1 failed, 2 wrong usage.`;

type Options = Record<string, string | boolean | undefined>;

const optionSpec = {
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
  "password-stdin": { type: "boolean" },
  json: { type: "boolean" },
  repair: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const emailSchema = z.email("is not an e-mail address").max(254);
// The policy of every password (src/services/password-policy.ts).
const passwordSchema = z.string().superRefine((password, issues) => {
  const problem = passwordProblem(password);
  if (problem) issues.addIssue({ code: "custom", message: problem });
});
/** Who the audit trail names for changes made with this command. */
const COMMAND_LINE = { id: null, name: "admin command line", role: null, address: null, userAgent: null } as const;
const roleSchema = z.enum(ROLES, `must be one of ${ROLES.join(", ")}`);

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value;
}

function check<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`--${flag} ${result.error.issues[0]?.message ?? "is invalid"}`);
  return result.data;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** The password given (--password or --password-stdin), or a generated one to print once. */
async function passwordFrom(options: Options): Promise<{ password: string; generated: boolean }> {
  if (options.password !== undefined && options["password-stdin"]) throw new UsageError("give --password or --password-stdin, not both");
  if (options["password-stdin"]) return { password: check(passwordSchema, await readStdin(), "password-stdin"), generated: false };
  if (options.password !== undefined) return { password: check(passwordSchema, options.password, "password"), generated: false };
  return { password: randomBytes(15).toString("base64url"), generated: true };
}

async function findUser(app: App, email: string) {
  const user = await app.db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new Failure(`no user with e-mail ${email.trim().toLowerCase()}`);
  return user;
}

const out = (line = ""): void => void process.stdout.write(`${line}\n`);

/**
 * A command checks its arguments in `prepare` (before the database client is even
 * loaded, so usage errors are instant) and returns the work to do with the app.
 */
type Work = (app: App | null) => Promise<number | void>;
type Command = { needsApp: boolean; prepare: (options: Options, positionals: string[]) => Promise<Work> | Work };

const commands: Record<string, Command> = {
  "counts:check": {
    needsApp: true,
    prepare(options) {
      const repair = Boolean(options.repair);
      return async (app) => {
        const { drift, articles } = await checkListing(app!.db, { repair });
        if (drift.length === 0 && articles === 0) {
          out("The list counts match a recount.");
          return;
        }
        for (const d of drift) out(`${d.key}: stored ${d.stored}, recounted ${d.actual}`);
        if (articles > 0) out(`${articles} article(s) were counted in the wrong lists.`);
        if (repair) {
          // Readers must not keep cached answers with the old counts.
          await app!.cache.changed();
          out("Repaired.");
          return;
        }
        out("Run with --repair to write the recount.");
        return 1;
      };
    },
  },
  "user:create": {
    needsApp: true,
    async prepare(options) {
      const email = check(emailSchema, required(options, "email").trim().toLowerCase(), "email");
      const name = check(z.string().trim().min(1).max(200, "is too long"), required(options, "name"), "name");
      const role = check(roleSchema, required(options, "role").toUpperCase(), "role");
      const { password, generated } = await passwordFrom(options);
      return async (app) => {
        if (await app!.db.user.findUnique({ where: { email }, select: { id: true } })) {
          throw new Failure(`a user with e-mail ${email} already exists`);
        }
        const user = await app!.db.user.create({
          data: { email, name, role, passwordHash: await hashPassword(password), searchText: userSearchText(name, email) },
        });
        out(`Created ${role} ${email} (id ${user.id}).`);
        if (generated) out(`Password (shown once, pass it on safely): ${password}`);
      };
    },
  },
  "user:password": {
    needsApp: true,
    async prepare(options) {
      const email = required(options, "email");
      const { password, generated } = await passwordFrom(options);
      return async (app) => {
        const user = await findUser(app!, email);
        await app!.db.user.update({
          where: { id: user.id },
          data: { passwordHash: await hashPassword(password), tokenVersion: { increment: 1 } },
        });
        out(`Password changed for ${user.email}; their existing sessions are signed out.`);
        if (generated) out(`New password (shown once, pass it on safely): ${password}`);
      };
    },
  },
  "user:role": {
    needsApp: true,
    prepare(options) {
      const email = required(options, "email");
      const role = check(roleSchema, required(options, "role").toUpperCase(), "role");
      return async (app) => {
        const user = await findUser(app!, email);
        // The service the API uses: under the users lock, audited, and never leaving
        // no active ADMIN (a deactivated ADMIN cannot sign in, so does not count).
        const deps = { db: app!.db, provider: app!.target.provider, now: app!.clock.now(), actor: COMMAND_LINE };
        try {
          await changeUserRole(deps, user.id, role);
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions.code === "CONFLICT") {
            throw new Failure(`${user.email} is the only active ADMIN: make another user ADMIN first`);
          }
          throw error;
        }
        out(`${user.email}: ${user.role} → ${role}.`);
      };
    },
  },
  "user:list": {
    needsApp: true,
    prepare: (options) => async (app) => {
      const users = await app!.db.user.findMany({
        select: { id: true, email: true, name: true, role: true, createdAt: true },
        orderBy: [{ role: "desc" }, { email: "asc" }],
      });
      if (options.json) return out(JSON.stringify(users, null, 2));
      if (users.length === 0) return out("No users.");
      const rows = [["E-MAIL", "ROLE", "NAME", "CREATED"], ...users.map((u) => [u.email, u.role, u.name, u.createdAt.toISOString().slice(0, 10)])];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
      for (const row of rows)
        out(
          row
            .map((cell, i) => cell + " ".repeat(widths[i]! - [...cell].length))
            .join("  ")
            .trimEnd(),
        );
      out(`${users.length} user${users.length === 1 ? "" : "s"}.`);
    },
  },
  "search:rebuild": {
    needsApp: true,
    prepare: () => async (app) => {
      const started = Date.now();
      const { backfillSearchText } = await import("../src/services/search/engine");
      const versions = await backfillSearchText(app!.db, { all: true });
      // Search answers may change: readers must not keep cached ones.
      await app!.cache.changed();
      out(`search:rebuild: ${versions} article version${versions === 1 ? "" : "s"} indexed in ${Date.now() - started} ms.`);
    },
  },
  "counters:flush": {
    needsApp: true,
    prepare: () => async (app) => {
      const started = Date.now();
      await app!.counters.flush();
      out(`Counters flushed in ${Date.now() - started} ms.`);
      if (!app!.config.REDIS_URL) {
        // This process holds only what a stopped server left in the data folder; a running server's buffer lives in the server.
        out(
          "Note: without REDIS_URL each server buffers counts in its own memory. To flush a running server, send it SIGUSR2 (kill -USR2 <pid>); it also flushes on shutdown.",
        );
      }
    },
  },
  "migrate:status": {
    needsApp: false,
    prepare: () => async () => {
      const config = loadConfig();
      const target = parseDatabaseUrl(config.DATABASE_URL);
      await probeDatabase(target);
      const require = createRequire(import.meta.url);
      const cli = require.resolve("prisma/build/index.js");
      // The same route as the server's `migrate` (src/db/client.ts): Prisma's command line on the WebAssembly engine.
      const result = await promisify(execFile)(process.execPath, [cli, "migrate", "status"], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: target.url },
      }).then(
        (r) => ({ ...r, code: 0 }),
        (e: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: e.stdout ?? "", stderr: e.stderr ?? "", code: e.code ?? 1 }),
      );
      const text = `${result.stdout}\n${result.stderr}`;
      if (/P1014/.test(text)) {
        out("No migration has been applied: the database is empty. Start the server, or run `npm run admin -- migrate:deploy`.");
        return 1;
      }
      for (const line of meaningful(result.stdout)) out(line);
      if (result.code !== 0) for (const line of meaningful(result.stderr)) out(line);
      return result.code === 0 ? 0 : 1;
    },
  },
  "migrate:deploy": {
    needsApp: false,
    prepare: () => async () => {
      const config = loadConfig();
      await probeDatabase(parseDatabaseUrl(config.DATABASE_URL));
      const { migrate } = await import("../src/db/client");
      await migrate(config.DATABASE_URL);
      out("Migrations applied; the database is up to date.");
    },
  },
};

/** Prisma's status output without its banners and its warning about the schema's url. */
function meaningful(output: string): string[] {
  const lines: string[] = [];
  let inWarning = false;
  for (const raw of output.split("\n")) {
    const line = raw.trimEnd();
    if (line.startsWith("WARNING: Your schema specifies")) inWarning = true;
    if (inWarning) {
      if (line.startsWith("We recommend")) inWarning = false;
      continue;
    }
    if (/^(Prisma schema loaded|Loaded Prisma config|Prisma config detected|Environment variables loaded)/.test(line)) continue;
    if (line === "" && (lines.length === 0 || lines.at(-1) === "")) continue;
    lines.push(line.replace(/^Datasource "db": /, "Database: "));
  }
  while (lines.at(-1) === "") lines.pop();
  return lines;
}

run("admin", "Run `npm run admin -- --help` for the commands and their options.", async () => {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!.replace(/\. To specify .*$/, ""));
  }
  const [name, ...positionals] = parsed.positionals;
  if (parsed.values.help || name === "help" || !name) {
    out(USAGE);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  const work = await command.prepare(parsed.values, positionals);
  if (!command.needsApp) return work(null);
  const config = loadConfig();
  const app = await openApp(config);
  try {
    return await work(app);
  } finally {
    const { closeApp } = await import("../src/app");
    await closeApp(app);
  }
});
