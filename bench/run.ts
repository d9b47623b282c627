// `npm run bench` (docs/performance.md): in one run, per scenario, the GraphQL
// server with its response cache (hits), the same server without it (misses), a
// hand-written node:http + better-sqlite3 baseline on the same data, and the same
// bytes served raw by node:http (the ceiling); same contract operations, same load
// settings, interleaved. Prints req/s and p99 of each, the ratios, the SQL
// statements per request, and PASS/FAIL per goal; exits 2 when a goal fails.
//
// Options (also as environment variables BENCH_<NAME>): --duration=5 (seconds per
// round and server), --rounds=2, --warmup=3 (seconds per scenario and server),
// --connections=10, --reseed, --no-cache (skip the cached server),
// --db=file:./data/bench/portal.db or a postgresql:// URL (then no baseline: it
// reads SQLite).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { parseDatabaseUrl } from "../src/db/url";
import { migrate } from "../src/db/client";
import { contractOperation } from "../tests/support/contract";
import { BENCH_EDITOR, BIG_CATEGORY, ensurePostgresDatabase, seedBench } from "./seed";
import { statementsPerScenario } from "./statements";

const arg = (name: string, fallback: string) => {
  const flag = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (flag) return flag.includes("=") ? flag.split("=")[1]! : "true";
  return process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`] ?? fallback;
};
const DURATION = Number(arg("duration", "5"));
const ROUNDS = Number(arg("rounds", "2"));
const WARMUP = Number(arg("warmup", "3"));
const CONNECTIONS = Number(arg("connections", "10"));
const RESEED = arg("reseed", "false") === "true";
const NO_CACHE = arg("no-cache", "false") === "true";
const DB_URL = parseDatabaseUrl(arg("db", "file:./data/bench/portal.db")).url;
const SERVER_PORT = 4310;
const BASELINE_PORT = 4311;
const UNCACHED_PORT = 4312;
const RAW_PORT = 4313;

/**
 * Requests per second of the earlier read path (before generations and maintained counts), measured with
 * `npm run bench -- --no-cache` (10,000 articles, 10 connections, this 2-core
 * machine): the reference of the "misses 4× faster" goal.
 */
const MAIN_BEFORE: Record<string, number> = {
  HomePage: 26,
  CategoryPage: 52,
  "CategoryPage (deep)": 43,
  ArticlePage: 85,
  SearchArticles: 15,
  EditorArticles: 18,
};
/** SQL statements per request allowed (docs/performance.md). */
const STATEMENT_BUDGET: Record<string, number> = {
  HomePage: 6,
  CategoryPage: 4,
  "CategoryPage (deep)": 4,
  ArticlePage: 4,
  EditorArticles: 6,
  SearchArticles: 4,
};
const JWT_SECRET = "bench-secret-bench-secret-bench-secret-0123456789";

interface Scenario {
  name: string;
  operation: string;
  variables: Record<string, unknown>;
  auth: boolean;
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Node flags of `npm start` (package.json): a smaller young generation and an eager old-generation GC keep the resident memory down (docs/performance.md). */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=4", "--heap-growing-percent=20"];

function start(name: string, args: string[], env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  // node --import tsx is what `tsx` runs, without the wrapper process, so the pid is the server's.
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (d: Buffer) => process.stderr.write(`[${name}] ${d}`));
  return child;
}

async function waitFor(url: string, child: ChildProcess, name: string) {
  // Up to three minutes: starting under load (a shared machine) is slow.
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${name} did not start`);
}

async function post(port: number, body: string, token?: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(token && { authorization: `Bearer ${token}` }) },
    body,
  });
  return response.text();
}

/** A readable difference of two JSON answers: the first differing line with its neighbours. */
function diff(expected: string, actual: string): string {
  const pretty = (s: string) => {
    try {
      return JSON.stringify(JSON.parse(s), null, 1).split("\n");
    } catch {
      return s.split("\n");
    }
  };
  const a = pretty(expected);
  const b = pretty(actual);
  const at = a.findIndex((line, i) => line !== b[i]);
  const from = Math.max(0, (at === -1 ? Math.min(a.length, b.length) : at) - 3);
  const lines = [`first difference at line ${at + 1} (pretty-printed):`];
  for (let i = from; i < from + 8 && (i < a.length || i < b.length); i++) {
    if (a[i] === b[i]) lines.push(`   ${a[i]}`);
    else lines.push(`-  ${a[i] ?? ""}`, `+  ${b[i] ?? ""}`);
  }
  if (at === -1) lines.push("(same JSON, different bytes: key order or spacing)");
  return lines.join("\n");
}

function load(port: number, body: string, token: string | undefined, duration: number): Promise<Sample> {
  if (duration <= 0) return Promise.resolve({ rps: 0, p50: 0, p99: 0, errors: 0 });
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(token && { authorization: `Bearer ${token}` }) },
        body,
        connections: CONNECTIONS,
        pipelining: 1,
        duration,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx });
      },
    );
  });
}

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pad = (s: string | number, n: number) => String(s).padStart(n);

async function main() {
  const target = parseDatabaseUrl(DB_URL);
  const sqlite = target.provider === "sqlite";
  const { createDb } = await import("../src/db/client");
  let seeded = false;
  if (sqlite) {
    try {
      const check = new Database(target.file, { readonly: true, fileMustExist: true });
      seeded = (check.prepare(`SELECT COUNT(*) AS n FROM "Article"`).get() as { n: number }).n === 10_000;
      check.close();
    } catch {
      seeded = false;
    }
  } else {
    await ensurePostgresDatabase(DB_URL);
    await migrate(DB_URL);
    const { db } = createDb(DB_URL);
    seeded = (await db.article.count()) === 10_000;
    await db.$disconnect();
  }
  if (RESEED || !seeded) {
    console.log(`Seeding ${DB_URL} (10,000 articles, 50 categories, 200 users; about a minute)...`);
    console.log(`  ${JSON.stringify(await seedBench(DB_URL))}`);
  }
  // Migrations the dataset may not have yet (the server would apply them at start anyway).
  await migrate(DB_URL);
  const { db } = createDb(DB_URL);
  await db.$executeRawUnsafe("ANALYZE");
  // An article with attachments and a gallery, so the page reads everything it can.
  const now = new Date();
  const article = await db.article.findFirstOrThrow({
    where: { deletedAt: null, inheritsPermissions: true, publishedAt: { lte: now }, expireAt: null, publishedVersion: { is: { media: { some: {} } } } },
    orderBy: { id: "asc" },
    select: { slug: true },
  });
  await db.$disconnect();

  const serverEnv = (port: number, cache: boolean) => ({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: DB_URL,
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    NODE_ENV: "production",
    JWT_SECRET,
    // All load comes from one loopback address: the per-address limit would answer most of it.
    RATE_LIMIT_REQUESTS: "0",
    RESPONSE_CACHE: String(cache),
    // One scheduler on the database is enough: the second server writing to the same
    // SQLite file would look to the first like another process's commits.
    ...(!cache && { SCHEDULER_INTERVAL_MS: "0" }),
  });
  const children: ChildProcess[] = [];
  const stop = () => children.forEach((c) => c.kill("SIGTERM"));
  process.once("exit", stop);
  try {
    // One after the other: the server's start-up migration check wants the database to itself.
    const uncached = start("uncached", ["src/server.ts"], serverEnv(UNCACHED_PORT, false), SERVER_NODE_FLAGS);
    children.push(uncached);
    await waitFor(`http://127.0.0.1:${UNCACHED_PORT}/graphql`, uncached, "uncached server");
    let cached: ChildProcess | null = null;
    if (!NO_CACHE) {
      cached = start("server", ["src/server.ts"], serverEnv(SERVER_PORT, true), SERVER_NODE_FLAGS);
      children.push(cached);
      await waitFor(`http://127.0.0.1:${SERVER_PORT}/graphql`, cached, "server");
    }
    let baseline: ChildProcess | null = null;
    if (sqlite) {
      baseline = start("baseline", ["bench/baseline.ts"], { PORT: String(BASELINE_PORT), DATABASE_URL: DB_URL, JWT_SECRET });
      children.push(baseline);
      await waitFor(`http://127.0.0.1:${BASELINE_PORT}/graphql`, baseline, "baseline");
    }

    // The cursor of the 5,000th article of the big category (what a reader paging 250 pages deep holds).
    let deepCursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const r = JSON.parse(
        await post(
          UNCACHED_PORT,
          JSON.stringify({
            query: contractOperation("CategoryPage"),
            operationName: "CategoryPage",
            variables: { slug: BIG_CATEGORY, first: 100, after: deepCursor },
          }),
        ),
      );
      deepCursor = r.data.category.articles.pageInfo.endCursor;
    }

    console.log(`\nSQL statements per request (in-process, same database), for 5, 20 and 100 items:`);
    const statements = await statementsPerScenario(DB_URL, { deepCursor: deepCursor!, articleSlug: article.slug });
    for (const s of statements) {
      const budget = STATEMENT_BUDGET[s.name];
      console.log(
        `  ${s.name.padEnd(22)} ${s.counts.map((c) => pad(c ?? "-", 3)).join(" ")}${budget ? `   (budget ${budget})` : ""}${s.constant ? "" : "   NOT CONSTANT"}`,
      );
    }

    const scenarios: Scenario[] = [
      { name: "HomePage", operation: "HomePage", variables: {}, auth: false },
      { name: "CategoryPage", operation: "CategoryPage", variables: { slug: BIG_CATEGORY, first: 20 }, auth: false },
      { name: "CategoryPage (deep)", operation: "CategoryPage", variables: { slug: BIG_CATEGORY, first: 20, after: deepCursor }, auth: false },
      { name: "ArticlePage", operation: "ArticlePage", variables: { slug: article.slug }, auth: false },
      { name: "SearchArticles", operation: "SearchArticles", variables: { query: "kien tuong", first: 20 }, auth: false },
      { name: "EditorArticles", operation: "EditorArticles", variables: { first: 50 }, auth: true },
    ];

    const login = JSON.parse(await post(UNCACHED_PORT, JSON.stringify({ query: contractOperation("Login"), operationName: "Login", variables: BENCH_EDITOR })));
    const token: string | undefined = login.data?.login?.token;
    if (!token) throw new Error(`the bench editor could not sign in: ${JSON.stringify(login.errors)}`);

    const bodies = new Map(
      scenarios.map((s) => [s.name, JSON.stringify({ query: contractOperation(s.operation), operationName: s.operation, variables: s.variables })]),
    );
    const active: Scenario[] = [];
    const raw: Record<string, string> = {};
    console.log(`\nChecking that every server answers byte-identical JSON...`);
    for (const s of scenarios) {
      const body = bodies.get(s.name)!;
      const auth = s.auth ? token : undefined;
      const ours = await post(UNCACHED_PORT, body, auth);
      if (JSON.parse(ours).errors) throw new Error(`${s.name} answered errors: ${ours.slice(0, 300)}`);
      const others: Array<[string, string]> = [];
      // Twice from the cached server: the second answer comes from its response cache.
      if (cached) others.push(["cached server's first", await post(SERVER_PORT, body, auth)], ["cached server's second", await post(SERVER_PORT, body, auth)]);
      if (baseline) others.push(["baseline's", await post(BASELINE_PORT, body, auth)]);
      for (const [label, text] of others) {
        if (text !== ours) {
          console.error(`  ${s.name}: the ${label} answer differs from the uncached server's\n${diff(ours, text)}`);
          process.exitCode = 1;
          return;
        }
      }
      console.log(`  ${s.name.padEnd(22)} identical (${ours.length} bytes)`);
      raw[body] = ours;
      active.push(s);
    }
    mkdirSync("bench/results", { recursive: true });
    const rawFile = join("bench/results", "raw-answers.json");
    writeFileSync(rawFile, JSON.stringify(raw));
    const rawServer = start("raw", ["bench/raw.ts"], { PORT: String(RAW_PORT), RAW_ANSWERS: rawFile });
    children.push(rawServer);
    await waitFor(`http://127.0.0.1:${RAW_PORT}/graphql`, rawServer, "raw server");

    type Who = "cached" | "uncached" | "baseline" | "raw";
    const ports: Record<Who, number> = { cached: SERVER_PORT, uncached: UNCACHED_PORT, baseline: BASELINE_PORT, raw: RAW_PORT };
    const who: Who[] = [...(cached ? (["cached"] as const) : []), "uncached", ...(baseline ? (["baseline"] as const) : []), "raw"];
    const loadInfo = `${CONNECTIONS} connections, ${DURATION} s per server and round, ${ROUNDS} rounds, interleaved; load average before: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`;
    console.log(`\nLoad: ${loadInfo}.`);
    const samples = new Map<string, Record<Who, Sample[]>>(active.map((s) => [s.name, { cached: [], uncached: [], baseline: [], raw: [] }]));
    for (const s of active) {
      // Warm-up: JIT, statement caches, the response cache.
      for (const w of who) await load(ports[w], bodies.get(s.name)!, s.auth ? token : undefined, WARMUP);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of active) {
        const body = bodies.get(s.name)!;
        const auth = s.auth ? token : undefined;
        // Rotate who goes first, so none always runs on a warmer machine.
        const order = [...who.slice(round % who.length), ...who.slice(0, round % who.length)];
        for (const w of order) samples.get(s.name)![w].push(await load(ports[w], body, auth, DURATION));
      }
    }
    const rssOf = { cached: cached ? rss(cached.pid!) : 0, uncached: rss(uncached.pid!) };
    const agg = (xs: Sample[]) =>
      xs.length
        ? { rps: mean(xs.map((x) => x.rps)), p50: mean(xs.map((x) => x.p50)), p99: mean(xs.map((x) => x.p99)), errors: xs.reduce((a, x) => a + x.errors, 0) }
        : null;
    const rows = active.map((s) => {
      const m = samples.get(s.name)!;
      return { name: s.name, cached: agg(m.cached), uncached: agg(m.uncached)!, baseline: agg(m.baseline), raw: agg(m.raw)!, rounds: m };
    });
    const cell = (x: ReturnType<typeof agg>) => (x ? `${pad(x.rps.toFixed(0), 7)} ${pad(x.p99, 5)}` : `${pad("-", 7)} ${pad("-", 5)}`);
    const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : "-");
    console.log(
      `\n${"".padEnd(22)} ${"cached".padStart(13)} ${"uncached".padStart(13)} ${"baseline".padStart(13)} ${"raw bytes".padStart(13)}   cached/  uncached/  uncached/`,
    );
    console.log(
      `${"scenario".padEnd(22)} ${" req/s   p99".padStart(13)} ${" req/s   p99".padStart(13)} ${" req/s   p99".padStart(13)} ${" req/s   p99".padStart(13)}   raw      baseline   earlier`,
    );
    for (const r of rows) {
      const errors = [r.cached, r.uncached, r.baseline, r.raw].reduce((n, x) => n + (x?.errors ?? 0), 0);
      console.log(
        `${r.name.padEnd(22)} ${cell(r.cached)} ${cell(r.uncached)} ${cell(r.baseline)} ${cell(r.raw)}   ${pad(ratio(r.cached?.rps, r.raw.rps), 6)}  ${pad(ratio(r.uncached.rps, r.baseline?.rps), 8)}  ${pad(ratio(r.uncached.rps, MAIN_BEFORE[r.name]), 9)}${errors ? `  (${errors} errors)` : ""}`,
      );
    }
    console.log(`(latencies in ms; "earlier": req/s of the earlier read path with --no-cache, from its own run)`);

    const byName = new Map(rows.map((r) => [r.name, r]));
    const goals: Array<{ goal: string; value: number; ok: boolean }> = [];
    if (cached) {
      for (const n of ["HomePage", "CategoryPage", "ArticlePage"]) {
        const r = byName.get(n);
        if (r?.cached) goals.push({ goal: `${n} cache hits ≥ 0.35× raw bytes`, value: r.cached.rps / r.raw.rps, ok: r.cached.rps / r.raw.rps >= 0.35 });
      }
    }
    for (const r of rows) {
      const before = MAIN_BEFORE[r.name];
      if (before)
        goals.push({ goal: `${r.name} misses ≥ 4× the earlier read path (${before} req/s)`, value: r.uncached.rps / before, ok: r.uncached.rps >= 4 * before });
    }
    const editor = byName.get("EditorArticles");
    if (editor)
      goals.push({
        goal: "EditorArticles p99 ≤ 5× p99 of its raw bytes",
        value: editor.uncached.p99 / Math.max(1, editor.raw.p99),
        // No answered request is no measurement: the goal fails rather than passes on zeros.
        ok: editor.uncached.rps > 0 && editor.uncached.p99 <= 5 * Math.max(1, editor.raw.p99),
      });
    const first = byName.get("CategoryPage");
    const deepRow = byName.get("CategoryPage (deep)");
    if (first && deepRow) {
      goals.push({
        goal: "deep page within 10 % of the first page, uncached",
        value: deepRow.uncached.rps / first.uncached.rps,
        ok: first.uncached.rps > 0 && deepRow.uncached.rps >= 0.9 * first.uncached.rps,
      });
      if (first.cached && deepRow.cached)
        goals.push({
          goal: "deep page within 10 % of the first page, cached",
          value: deepRow.cached.rps / first.cached.rps,
          ok: first.cached.rps > 0 && deepRow.cached.rps >= 0.9 * first.cached.rps,
        });
    }
    goals.push({ goal: "SQL statements constant in page size", value: statements.every((s) => s.constant) ? 1 : 0, ok: statements.every((s) => s.constant) });
    for (const s of statements) {
      const budget = STATEMENT_BUDGET[s.name];
      const most = Math.max(...s.counts.map((c) => c ?? 0));
      if (budget) goals.push({ goal: `${s.name} ≤ ${budget} SQL statements`, value: most, ok: most <= budget });
    }
    for (const [name, mb] of Object.entries(rssOf)) if (mb) goals.push({ goal: `${name} server RSS after the run ≤ 250 MB`, value: mb, ok: mb <= 250 });
    console.log(`\nServer RSS after the run: cached ${rssOf.cached.toFixed(0)} MB, uncached ${rssOf.uncached.toFixed(0)} MB`);
    for (const g of goals) console.log(`  ${g.ok ? "PASS" : "FAIL"}  ${g.goal}: ${g.value.toFixed(2)}`);

    const result = {
      at: new Date().toISOString(),
      settings: { duration: DURATION, rounds: ROUNDS, connections: CONNECTIONS, database: DB_URL.replace(/\/\/[^@/]*@/, "//"), load: loadInfo },
      statements,
      scenarios: rows,
      rssMb: rssOf,
      goals,
    };
    const file = join("bench/results", `${result.at.replace(/[:.]/g, "-")}${sqlite ? "" : "-postgres"}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    writeFileSync("bench/results/latest.json", JSON.stringify(result, null, 2));
    console.log(`\nResults: ${file}`);
    if (goals.some((g) => !g.ok)) process.exitCode = 2;
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
