// Builds one migrated database per test run; every test app copies it, so a test
// never sees another's data: a SQLite file (copied), or with TEST_DATABASE_URL a
// PostgreSQL template database (CREATE DATABASE ... TEMPLATE, tests/support/app.ts).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import pg from "pg";
import { findChromium } from "./support/browser";

const STALE_AFTER_MS = 6 * 3600_000;
// Prisma's command line on this Node (what `npx prisma` runs, without npx's start-up).
const prismaCli = createRequire(join(process.cwd(), "package.json")).resolve("prisma/build/index.js");

export default async function globalSetup(): Promise<void> {
  // Unpacks the npm-carried Chromium once, before the workers start, when the
  // machine has no Debian chromium (tests/support/browser.ts). A failure here is
  // left for the browser tests themselves to report.
  const browser = findChromium().catch(() => undefined);
  const dir = join(process.cwd(), "data", "test");
  mkdirSync(dir, { recursive: true });
  // Leftovers of earlier runs go; a run going on beside this one (another suite,
  // another terminal) keeps its files: only folders untouched for hours are removed.
  const stale = Date.now() - STALE_AFTER_MS;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).mtimeMs < stale) rmSync(path, { recursive: true, force: true });
  }
  // This run's own template, removed by tests/global-teardown.ts.
  const runDir = join(dir, `run-${randomUUID()}`);
  mkdirSync(runDir);
  process.env.TEST_RUN_DIR = runDir;
  const template = join(runDir, "template.db");
  execFileSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  process.env.TEST_TEMPLATE_DB = template;

  const server = process.env.TEST_DATABASE_URL;
  if (server && /^postgres(ql)?:\/\//i.test(server)) {
    const name = `portal_template_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(server);
    url.pathname = `/${name}`;
    execFileSync(process.execPath, [prismaCli, "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url.toString() }, stdio: "pipe" });
    process.env.TEST_PG_TEMPLATE = name;
  }
  await browser;
}
