// Visit counting throughput, side by side in one run, loopback only:
//
//  1. Views absorbed: the counting step of recordArticleView — the write-behind
//     buffer — against a baseline doing one synchronous UPDATE per view, same
//     database, same concurrency.
//  2. recordArticleView end to end over HTTP (Yoga, visibility check, answer):
//     the same two ways of counting.
//  3. ArticlePage reads over HTTP with counting on (views being recorded, the
//     buffer holding counts, the flusher writing every 2 s) against counting off
//     (VISIT_COUNTING=false).
//
// Rounds alternate between the two sides so that a busy machine slows both alike.
//   npm run bench:views            (BENCH_SECONDS=3 per round, BENCH_ROUNDS=3)
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, Agent, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "graphql";
import { closeApp, createApp, type App } from "../src/app";
import { migrate } from "../src/db/client";
import { readConfig } from "../src/env";
import { seedDemo } from "../src/services/seed";
import { Counters } from "../src/services/counters/service";
import type { VisitorIdentity } from "../src/services/counters/visitor-hash";
import { createPortalYoga } from "../src/yoga";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

function operation(name: string): string {
  const doc = parse(readFileSync(join(process.cwd(), "schema/operations/portal.graphql"), "utf8"));
  const op = doc.definitions.find((d) => d.kind === "OperationDefinition" && d.name?.value === name)!;
  const body = readFileSync(join(process.cwd(), "schema/operations/portal.graphql"), "utf8").slice(op.loc!.start, op.loc!.end);
  const fragments = doc.definitions
    .filter((d) => d.kind === "FragmentDefinition" && body.includes(`...${d.name.value}`))
    .map((d) => readFileSync(join(process.cwd(), "schema/operations/portal.graphql"), "utf8").slice(d.loc!.start, d.loc!.end));
  return [body, ...fragments].join("\n");
}

/** The naive way: one synchronous UPDATE per view, nothing buffered. */
class UpdatePerView extends Counters {
  constructor(private readonly app: App) {
    super({
      db: app.db,
      backend: (app.counters as unknown as { o: { backend: never } }).o.backend,
      hasher: (app.counters as unknown as { o: { hasher: never } }).o.hasher,
      clock: app.clock,
      timeZone: app.config.SITE_TIMEZONE,
      events: app.events,
      flushIntervalMs: 2000,
      enabled: true,
    });
  }
  override async recordArticleView(articleId: string): Promise<boolean> {
    await this.app.db.article.update({ where: { id: articleId }, data: { viewCount: { increment: 1 } }, select: { id: true } });
    return true;
  }
  override viewCountNow(_id: string, dbValue: number): number {
    return dbValue;
  }
}

/** Runs `task` from CONCURRENCY loops for `seconds`; operations per second. */
let next = 0; // distinct visitors across every round
async function rate(seconds: number, task: (i: number) => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await task(next++);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function sideBySide(name: string, a: [string, (i: number) => Promise<unknown>], b: [string, (i: number) => Promise<unknown>]) {
  let [ra, rb] = [0, 0];
  for (let round = 0; round < ROUNDS; round++) {
    ra += (await rate(SECONDS, a[1])) / ROUNDS;
    rb += (await rate(SECONDS, b[1])) / ROUNDS;
  }
  console.log(`\n${name}`);
  console.log(`  ${a[0].padEnd(44)} ${ra.toFixed(0).padStart(9)} /s`);
  console.log(`  ${b[0].padEnd(44)} ${rb.toFixed(0).padStart(9)} /s`);
  console.log(`  ratio                                        ${(ra / rb).toFixed(2).padStart(9)} ×`);
  return ra / rb;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(port: number, query: string, variables: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": BROWSER },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => (text.includes('"errors"') ? reject(new Error(text.slice(0, 300))) : resolve()));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function listen(app: App): Promise<{ server: Server; port: number }> {
  const yoga = createPortalYoga(app);
  const server = createServer((req, res) => yoga.handle(req, res, { clientAddress: req.socket.remoteAddress ?? null }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-views-"));
  const template = join(dir, "template.db");
  await migrate(`file:${template}`);
  const config = (name: string, extra: Record<string, string> = {}) =>
    readConfig({
      NODE_ENV: "production",
      DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
      DATA_DIR: join(dir, name),
      LOG_LEVEL: "silent",
      GRAPHIQL: "false",
      STATS_SECRET: "bench secret bench secret bench secret",
      RATE_LIMIT_REQUESTS: "0",
      VISIT_LIMIT_PER_ADDRESS: "0",
      VIEW_LIMIT_PER_ADDRESS_ARTICLE: "0",
      ...extra,
    });
  const seeded = await createApp(config("template"));
  await seedDemo(seeded);
  await closeApp(seeded);
  const open = async (name: string, extra?: Record<string, string>) => {
    copyFileSync(join(dir, "template.db"), join(dir, `${name}.db`));
    return createApp(config(name, extra));
  };

  const behind = await open("write-behind");
  const naive = await open("update-per-view");
  const updatePerView = new UpdatePerView(naive);
  const article = await behind.db.article.findFirstOrThrow({ where: { sourceKey: { not: null } }, select: { id: true, slug: true, viewCount: true } });
  const visitor = (i: number): VisitorIdentity => ({ visitorId: `bench-${i}`, address: "127.0.0.1", userAgent: BROWSER });
  console.log(`Visit counting benchmark: ${ROUNDS} rounds of ${SECONDS} s per side, ${CONCURRENCY} in flight, SQLite, loopback.`);

  // 1. The counting step alone.
  let absorbed = 0;
  const ratio1 = await sideBySide(
    "1. Views absorbed (the counting step of recordArticleView)",
    [
      "write-behind buffer (memory, flushed every 2 s)",
      (i) => behind.counters.recordArticleView(article.id, visitor(i), new Date()).then((counted) => (absorbed += counted ? 1 : 0)),
    ],
    ["one synchronous UPDATE per view", () => updatePerView.recordArticleView(article.id)],
  );
  await behind.counters.flush();
  const flushed = (await behind.db.article.findUniqueOrThrow({ where: { id: article.id } })).viewCount - article.viewCount;
  console.log(`  check: ${absorbed} views absorbed, ${flushed} in the database after the last flush${absorbed === flushed ? " (exact)" : " (MISMATCH)"}`);

  // 2. The whole mutation over HTTP.
  const behindHttp = await listen(behind);
  const naiveHttp = await listen({ ...naive, counters: updatePerView });
  const gid = Buffer.from(`Article:${article.id}`).toString("base64");
  const recordView = operation("RecordArticleView");
  const ratio2 = await sideBySide(
    "2. recordArticleView end to end (HTTP, whole GraphQL pipeline)",
    ["write-behind buffer", (i) => post(behindHttp.port, recordView, { articleId: gid, visitorId: `http-${i}` })],
    ["one synchronous UPDATE per view", (i) => post(naiveHttp.port, recordView, { articleId: gid, visitorId: `http-${i}` })],
  );

  // 3. Reads, counting on and off.
  const on = await open("counting-on");
  const off = await open("counting-off", { VISIT_COUNTING: "false" });
  const onHttp = await listen(on);
  const offHttp = await listen(off);
  let visitors = 0;
  // Views keep coming in while the "on" side is read: the buffer is never empty and the flusher works.
  const recorder = setInterval(() => {
    for (let k = 0; k < 5; k++) void on.counters.recordArticleView(article.id, visitor(++visitors), new Date());
  }, 10);
  const articlePage = operation("ArticlePage");
  const ratio3 = await sideBySide(
    "3. ArticlePage reads (HTTP)",
    ["counting on (500 views/s recorded meanwhile)", () => post(onHttp.port, articlePage, { slug: article.slug })],
    ["counting off (VISIT_COUNTING=false)", () => post(offHttp.port, articlePage, { slug: article.slug })],
  );
  clearInterval(recorder);

  console.log(
    `\nSummary: views absorbed ${ratio1.toFixed(1)}× the per-view UPDATE baseline (target ≥ 10×); ` +
      `recordArticleView end to end ${ratio2.toFixed(2)}×; reads with counting ${ratio3.toFixed(2)}× reads without (target ≥ 0.9×).`,
  );

  for (const { server } of [behindHttp, naiveHttp, onHttp, offHttp]) {
    server.closeAllConnections();
    server.close();
  }
  agent.destroy();
  for (const app of [behind, naive, on, off]) await closeApp(app);
  rmSync(dir, { recursive: true, force: true });
  process.exit(ratio1 >= 10 && ratio3 >= 0.9 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
