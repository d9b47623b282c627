// Fan-out benchmark (npm run bench:fanout): N subscribers of articlePublished on
// one process, one publish; the time until every subscriber has it (p50, p99,
// max) and deliveries per second, side by side with a raw SSE broadcast of the
// same payload by a bare node:http server. Subscribers run in a worker thread.
//   npm run bench:fanout -- [counts=100,1000] [rounds=5]
import { createServer, type ServerResponse } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { closeApp, createApp } from "../src/app";
import { testConfig } from "../src/env";
import { migrate } from "../src/db/client";
import { createPortalServer } from "../src/http";
import { seedDemo } from "../src/services/seed";
import { publishArticle } from "../src/services/events";

const counts = (process.argv[2] ?? "100,1000").split(",").map(Number);
const rounds = Number(process.argv[3] ?? 5);
const now = () => performance.timeOrigin + performance.now();

const SUBSCRIPTION = `subscription ArticlePublished($categorySlug: String) {
  articlePublished(categorySlug: $categorySlug) {
    id slug title summary publishedAt viewCount
    coverImage { url description }
    category { slug name }
  }
}`;

const dir = mkdtempSync(join(tmpdir(), "portal-fanout-"));
const databaseUrl = `file:${join(dir, "portal.db")}`;
await migrate(databaseUrl);
const app = await createApp(
  testConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    JWT_SECRET: "fanout-benchmark-secret-0123456789abcdef",
    LOG_LEVEL: "silent",
    RATE_LIMIT_REQUESTS: 0,
    LIVE_CONNECTIONS_PER_ADDRESS: 0,
  }),
);
await seedDemo(app);
const article = await app.db.article.findFirstOrThrow({
  where: { publishedVersionId: { not: null } },
  select: { id: true, publishedVersion: { select: { category: { select: { slug: true } } } } },
});
const event = { articleId: article.id, categorySlug: article.publishedVersion?.category?.slug ?? null };

const portal = createPortalServer(app);
const port = await portal.listen(0, "127.0.0.1");

// The baseline: a bare SSE broadcast, one serialisation, one write per client.
const rawClients = new Set<ServerResponse>();
const raw = createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  res.write(":\n\n");
  rawClients.add(res);
  req.on("close", () => rawClients.delete(res));
});
await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
const rawPort = (raw.address() as AddressInfo).port;
let rawPayload = "{}";
const broadcast = () => {
  const message = `event: next\ndata: ${rawPayload}\n\n`;
  for (const res of rawClients) res.write(message);
};

// A worker runs plain JavaScript: register tsx in it, then load the clients.
const worker = new Worker(
  `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL("./fanout-clients.ts", import.meta.url).href)}); })`,
  { eval: true },
);
const reply = <T>(type: string) =>
  new Promise<T>((resolve) => {
    const on = (message: { type: string }) => {
      if (message.type === type) {
        worker.off("message", on);
        resolve(message as T);
      }
    };
    worker.on("message", on);
  });

interface Row {
  transport: string;
  n: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(transport: "raw SSE" | "Yoga SSE" | "graphql-ws", n: number): Promise<Row> {
  const body = JSON.stringify({ query: SUBSCRIPTION, variables: {} });
  const command =
    transport === "raw SSE"
      ? { type: "open", transport: "sse", url: `http://127.0.0.1:${rawPort}/raw`, body: null, count: n }
      : transport === "Yoga SSE"
        ? { type: "open", transport: "sse", url: `http://127.0.0.1:${port}/graphql`, body, count: n }
        : { type: "open", transport: "ws", url: `ws://127.0.0.1:${port}/graphql`, body, count: n };
  const opened = reply("opened");
  worker.postMessage(command);
  await opened;
  const publish = transport === "raw SSE" ? broadcast : () => publishArticle(app.events, event);

  // Warm-up publishes until every subscriber has one (subscriptions are set up
  // asynchronously after the connection opens), then the measured rounds.
  const latencies: number[] = [];
  let totalSeconds = 0;
  for (let round = -1; round < rounds; round++) {
    const expecting = reply("expecting");
    worker.postMessage({ type: "expect", round });
    await expecting;
    const done = reply<{ times: number[]; sample: string | null }>("received");
    const started = now();
    publish();
    if (round === -1) {
      // a subscription may not be listening yet: publish again until all have one
      let resolved = false;
      void done.then(() => (resolved = true));
      while (!resolved) {
        await new Promise((r) => setTimeout(r, 100));
        if (!resolved) publish();
      }
    }
    const { times, sample } = await done;
    if (sample && transport !== "raw SSE") rawPayload = sample;
    if (round === -1) continue;
    const own = times.map((t) => t - started);
    latencies.push(...own);
    totalSeconds += Math.max(...own) / 1000;
  }
  const closed = reply("closed");
  worker.postMessage({ type: "close" });
  await closed;
  await new Promise((r) => setTimeout(r, 300));
  latencies.sort((a, b) => a - b);
  return {
    transport,
    n,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1]!,
    perSecond: (n * rounds) / totalSeconds,
  };
}

const rows: Row[] = [];
// Yoga first: its payload is what the raw broadcast then sends.
for (const n of counts) {
  for (const transport of ["Yoga SSE", "graphql-ws", "raw SSE"] as const) rows.push(await measure(transport, n));
}

const fmt = (v: number, digits = 1) => v.toFixed(digits).padStart(9);
console.log(`\nFan-out of one articlePublished event, ${rounds} rounds each (payload ${rawPayload.length} bytes)\n`);
console.log("transport      subscribers   p50 ms    p99 ms    max ms   deliveries/s   vs raw SSE");
for (const row of rows) {
  const baseline = rows.find((r) => r.transport === "raw SSE" && r.n === row.n)!;
  console.log(
    `${row.transport.padEnd(14)} ${String(row.n).padStart(11)} ${fmt(row.p50)} ${fmt(row.p99)} ${fmt(row.max)} ${fmt(row.perSecond, 0).padStart(14)}   ${(row.perSecond / baseline.perSecond).toFixed(2)}x`,
  );
}
const largest = Math.max(...counts);
console.log("");
for (const transport of ["Yoga SSE", "graphql-ws"]) {
  const row = rows.find((r) => r.transport === transport && r.n === largest)!;
  const baseline = rows.find((r) => r.transport === "raw SSE" && r.n === largest)!;
  const ratio = row.perSecond / baseline.perSecond;
  console.log(
    `${transport}, ${largest} subscribers: p99 ${row.p99.toFixed(1)} ms (target ≤ 1000: ${row.p99 <= 1000 ? "met" : "NOT met"}), ` +
      `deliveries/s ${ratio.toFixed(2)}x raw (target ≥ 0.25: ${ratio >= 0.25 ? "met" : "NOT met"})`,
  );
}

await worker.terminate();
raw.closeAllConnections();
raw.close();
await portal.stop(0);
await closeApp(app);
rmSync(dir, { recursive: true, force: true });
