// `npm run bench` (docs/performance.md): the GraphQL server against a hand-written
// node:http + better-sqlite3 baseline, on the same seeded data, the same contract
// operations and the same load settings, interleaved A/B/A/B.
//
// Options (also as environment variables BENCH_<NAME>): --duration=5 (seconds per
// round and server), --rounds=2, --warmup=3 (seconds per scenario and server), --connections=10, --reseed, --no-cache (the server without
// its response cache), --db=file:./data/bench/portal.db.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { parseDatabaseUrl } from "../src/db/url";
import { migrate } from "../src/db/client";
import { contractOperation } from "../tests/support/contract";
import { BENCH_EDITOR, BIG_CATEGORY, seedBench } from "./seed";
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
  for (let i = 0; i < 300; i++) {
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
  if (target.provider !== "sqlite") throw new Error("The benchmark runs on a SQLite file.");
  let seeded = false;
  try {
    const check = new Database(target.file, { readonly: true, fileMustExist: true });
    seeded = (check.prepare(`SELECT COUNT(*) AS n FROM "Article"`).get() as { n: number }).n === 10_000;
    check.close();
  } catch {
    seeded = false;
  }
  if (RESEED || !seeded) {
    console.log(`Seeding ${DB_URL} (10,000 articles, 50 categories, 200 users; about a minute)...`);
    console.log(`  ${JSON.stringify(await seedBench(DB_URL))}`);
  }

  // Migrations the dataset may not have yet (the server would apply them at start anyway).
  await migrate(DB_URL);
  {
    const db = new Database(target.file);
    db.exec("ANALYZE");
    db.close();
  }

  // The cursor of the 5,000th article of the big category (what a reader paging 250 pages deep holds).
  const data = new Database(target.file, { readonly: true });
  const now = new Date().toISOString().replace("Z", "+00:00");
  const deep = data
    .prepare(
      `SELECT a."id", a."publishedAt" FROM "Article" a JOIN "ArticleVersion" v ON v."id" = a."publishedVersionId" JOIN "Category" c ON c."id" = v."categoryId"
       WHERE c."slug" = ? AND a."deletedAt" IS NULL AND a."publishedAt" <= ? AND (a."expireAt" IS NULL OR a."expireAt" > ?) AND (a."inheritsPermissions" = 1 OR a."isPublic" = 1)
       ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT 1 OFFSET 4999`,
    )
    .get(BIG_CATEGORY, now, now) as { id: string; publishedAt: string };
  const deepCursor = Buffer.from(JSON.stringify([new Date(deep.publishedAt).toISOString(), deep.id])).toString("base64url");
  // An article with attachments and a gallery, so the page reads everything it can.
  const article = data
    .prepare(
      `SELECT a."slug" FROM "Article" a JOIN "ArticleVersionMedia" l ON l."versionId" = a."publishedVersionId"
       WHERE a."deletedAt" IS NULL AND a."inheritsPermissions" = 1 AND a."publishedAt" <= ? AND a."expireAt" IS NULL ORDER BY a."id" LIMIT 1`,
    )
    .get(now) as { slug: string };
  data.close();

  const scenarios: Scenario[] = [
    { name: "HomePage", operation: "HomePage", variables: {}, auth: false },
    { name: "CategoryPage", operation: "CategoryPage", variables: { slug: BIG_CATEGORY, first: 20 }, auth: false },
    { name: "CategoryPage (deep)", operation: "CategoryPage", variables: { slug: BIG_CATEGORY, first: 20, after: deepCursor }, auth: false },
    { name: "ArticlePage", operation: "ArticlePage", variables: { slug: article.slug }, auth: false },
    { name: "SearchArticles", operation: "SearchArticles", variables: { query: "kien tuong", first: 20 }, auth: false },
    { name: "EditorArticles", operation: "EditorArticles", variables: { first: 50 }, auth: true },
  ];

  console.log(`\nSQL statements per request (in-process, same database), for 5, 20 and 100 items:`);
  const statements = await statementsPerScenario(DB_URL, { deepCursor, articleSlug: article.slug });
  for (const s of statements) {
    console.log(`  ${s.name.padEnd(22)} ${s.counts.map((c) => pad(c ?? "-", 3)).join(" ")}${s.constant ? "" : "   NOT CONSTANT"}`);
  }

  const server = start("server", ["src/server.ts"], {
    PORT: String(SERVER_PORT),
    HOST: "127.0.0.1",
    DATABASE_URL: DB_URL,
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    NODE_ENV: "production",
    JWT_SECRET,
    // All load comes from one loopback address: the per-address limit would answer most of it.
    RATE_LIMIT_REQUESTS: "0",
    ...(NO_CACHE && { RESPONSE_CACHE: "false" }),
  }, SERVER_NODE_FLAGS);
  let baseline: ChildProcess | null = null;
  const stop = () => {
    server.kill("SIGTERM");
    baseline?.kill("SIGTERM");
  };
  process.once("exit", stop);
  try {
    // One after the other: the server's start-up migration check wants the database to itself.
    await waitFor(`http://127.0.0.1:${SERVER_PORT}/graphql`, server, "server");
    baseline = start("baseline", ["bench/baseline.ts"], { PORT: String(BASELINE_PORT), DATABASE_URL: DB_URL, JWT_SECRET });
    await waitFor(`http://127.0.0.1:${BASELINE_PORT}/graphql`, baseline, "baseline");

    const login = JSON.parse(
      await post(SERVER_PORT, JSON.stringify({ query: contractOperation("Login"), operationName: "Login", variables: BENCH_EDITOR })),
    );
    const token: string | undefined = login.data?.login?.token;
    if (!token) throw new Error(`the bench editor could not sign in: ${JSON.stringify(login.errors)}`);

    const bodies = new Map(scenarios.map((s) => [s.name, JSON.stringify({ query: contractOperation(s.operation), operationName: s.operation, variables: s.variables })]));
    const active: Scenario[] = [];
    const skipped: string[] = [];
    console.log(`\nChecking that both answer byte-identical JSON...`);
    for (const s of scenarios) {
      const body = bodies.get(s.name)!;
      const ours = await post(SERVER_PORT, body, s.auth ? token : undefined);
      if (s.operation === "SearchArticles" && /Search is not available/.test(ours)) {
        console.log(`  SearchArticles: skipped — search not installed`);
        skipped.push(s.name);
        continue;
      }
      const theirs = await post(BASELINE_PORT, body, s.auth ? token : undefined);
      // Twice: the second answer of the server may come from its response cache.
      const again = await post(SERVER_PORT, body, s.auth ? token : undefined);
      for (const [label, text] of [["first", ours], ["second", again]] as const) {
        if (text !== theirs) {
          console.error(`  ${s.name}: the server's ${label} answer differs from the baseline's\n${diff(theirs, text)}`);
          process.exitCode = 1;
          return;
        }
      }
      if (JSON.parse(ours).errors) throw new Error(`${s.name} answered errors: ${ours.slice(0, 300)}`);
      console.log(`  ${s.name.padEnd(22)} identical (${ours.length} bytes)`);
      active.push(s);
    }

    console.log(`\nLoad: ${CONNECTIONS} connections, ${DURATION} s per server and round, ${ROUNDS} rounds, interleaved A/B/A/B.`);
    const samples = new Map<string, { server: Sample[]; baseline: Sample[] }>(active.map((s) => [s.name, { server: [], baseline: [] }]));
    for (const s of active) {
      // Warm-up: JIT, statement caches, the response cache.
      await load(SERVER_PORT, bodies.get(s.name)!, s.auth ? token : undefined, WARMUP);
      await load(BASELINE_PORT, bodies.get(s.name)!, s.auth ? token : undefined, WARMUP);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of active) {
        const body = bodies.get(s.name)!;
        const auth = s.auth ? token : undefined;
        // Alternate who goes first, so neither always runs on a warmer machine.
        const order = round % 2 === 0 ? (["server", "baseline"] as const) : (["baseline", "server"] as const);
        for (const who of order) {
          samples.get(s.name)![who].push(await load(who === "server" ? SERVER_PORT : BASELINE_PORT, body, auth, DURATION));
        }
      }
    }
    const serverRss = rss(server.pid!);
    const baselineRss = rss(baseline.pid!);

    const rows = active.map((s) => {
      const m = samples.get(s.name)!;
      const agg = (xs: Sample[]) => ({ rps: mean(xs.map((x) => x.rps)), p50: mean(xs.map((x) => x.p50)), p99: mean(xs.map((x) => x.p99)), errors: xs.reduce((a, x) => a + x.errors, 0) });
      const server = agg(m.server);
      const baseline = agg(m.baseline);
      return { name: s.name, server, baseline, ratio: server.rps / baseline.rps, rounds: m };
    });
    console.log(`\n${"scenario".padEnd(22)} ${pad("server req/s", 13)} ${pad("p50", 6)} ${pad("p99", 6)} ${pad("baseline req/s", 15)} ${pad("p50", 6)} ${pad("p99", 6)} ${pad("ratio", 7)}`);
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(22)} ${pad(r.server.rps.toFixed(0), 13)} ${pad(r.server.p50, 6)} ${pad(r.server.p99, 6)} ${pad(r.baseline.rps.toFixed(0), 15)} ${pad(r.baseline.p50, 6)} ${pad(r.baseline.p99, 6)} ${pad(r.ratio.toFixed(2) + "×", 7)}${r.server.errors + r.baseline.errors ? `  (${r.server.errors}/${r.baseline.errors} errors)` : ""}`,
      );
    }
    for (const name of skipped) console.log(`${name.padEnd(22)} skipped — search not installed`);
    console.log(`(latencies in ms; ratio = server req/s ÷ baseline req/s)`);

    const byName = new Map(rows.map((r) => [r.name, r]));
    const deepRatio = byName.get("CategoryPage (deep)")!.server.rps / byName.get("CategoryPage")!.server.rps;
    const goals = [
      ...["HomePage", "CategoryPage", "ArticlePage"].map((n) => ({ goal: `${n} ≥ 0.5× baseline`, value: byName.get(n)!.ratio, ok: byName.get(n)!.ratio >= 0.5 })),
      { goal: "EditorArticles (uncached) ≥ 0.15× baseline", value: byName.get("EditorArticles")!.ratio, ok: byName.get("EditorArticles")!.ratio >= 0.15 },
      { goal: "deep page ≥ 0.8× first page", value: deepRatio, ok: deepRatio >= 0.8 },
      { goal: "SQL statements constant in page size", value: statements.every((s) => s.constant) ? 1 : 0, ok: statements.every((s) => s.constant) },
      { goal: "server RSS after the run ≤ 300 MB", value: serverRss, ok: serverRss <= 300 },
    ];
    console.log(`\nServer RSS after the run: ${serverRss.toFixed(0)} MB (baseline ${baselineRss.toFixed(0)} MB)${NO_CACHE ? "; response cache OFF" : ""}`);
    for (const g of goals) console.log(`  ${g.ok ? "PASS" : "FAIL"}  ${g.goal}: ${g.value.toFixed(2)}`);

    mkdirSync("bench/results", { recursive: true });
    const result = {
      at: new Date().toISOString(),
      settings: { duration: DURATION, rounds: ROUNDS, connections: CONNECTIONS, responseCache: !NO_CACHE, database: DB_URL },
      statements,
      scenarios: rows,
      skipped,
      deepRatio,
      rssMb: { server: serverRss, baseline: baselineRss },
      goals,
    };
    const file = join("bench/results", `${result.at.replace(/[:.]/g, "-")}${NO_CACHE ? "-nocache" : ""}.json`);
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
