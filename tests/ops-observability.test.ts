// Request logs and metrics as an operator reads them: one JSON line per request,
// no secrets, and the same requests counted at /metrics. Besides the contract's
// operations, requests are written as text where the test needs an operation of its
// own name (to find its log line or metric), one that fails validation, or many names.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createLogger } from "../src/lib/logger";
import type { CounterBuffer, CounterFlushReport } from "../src/services/counters/service";
import { createTestApp, execute, gql, signIn, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { LoginDocument, MeDocument } from "../clients/generated/graphql";

const lines: Array<Record<string, any>> = [];
const raw: string[] = [];
const logger = createLogger({ LOG_LEVEL: "debug", LOG_FORMAT: "json" }, { destination: { write: (s: string) => (raw.push(s), lines.push(JSON.parse(s))) } });
const requestLines = () => lines.filter((l) => l.component === "http");

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger });
});
afterAll(() => t.close());

async function metricsText(app = t, headers: Record<string, string> = {}) {
  const response = await app.yoga.fetch("http://portal.test/metrics", { headers });
  return { status: response.status, text: await response.text(), response };
}

const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe("request log", () => {
  it("writes one line per request with its id, operation, duration and outcome, and returns the id", async () => {
    const before = requestLines().length;
    const response = await t.yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: contractOperation("HomePage") }),
    });
    expect(response.status).toBe(200);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const added = requestLines().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      level: 30,
      reqId: id,
      method: "POST",
      path: "/graphql",
      status: 200,
      operation: "HomePage",
      operationType: "query",
      outcome: "ok",
    });
    expect(typeof added[0]!.durationMs).toBe("number");
    expect(typeof added[0]!.time).toBe("string");
    const text = raw.find((l) => l.includes('"component":"http"') && l.includes(id!))!;
    expect(text.match(/"reqId"/g)).toHaveLength(1);
  });

  it("keeps a plain client request id and replaces a hostile one", async () => {
    const send = (id: string) =>
      t.yoga.fetch("http://portal.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": id },
        body: JSON.stringify({ query: "query SiteName { site { name } }" }),
      });
    expect((await send("edge-4f2a9c1d")).headers.get("x-request-id")).toBe("edge-4f2a9c1d");
    const hostile = `x${"y".repeat(200)}`;
    const replaced = (await send(hostile)).headers.get("x-request-id");
    expect(replaced).not.toBe(hostile);
    expect(requestLines().at(-1)!.reqId).toBe(replaced);
  });

  it("names the error codes of a failed request and never logs a password or token", async () => {
    const password = "Mật-khẩu-rất-bí-mật-42";
    const login = await execute(t, LoginDocument, { email: "nobody@example.vn", password });
    expect(login.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(requestLines().at(-1)).toMatchObject({ operation: "Login", operationType: "mutation", outcome: "UNAUTHENTICATED" });

    const { token } = await signIn(t, "ADMIN");
    await execute(t, MeDocument, {}, { token });
    expect(requestLines().at(-1)).toMatchObject({ operation: "Me", outcome: "ok" });

    await gql(t, "query Broken { nothingHere }");
    expect(requestLines().at(-1)).toMatchObject({ operation: "Broken", outcome: "GRAPHQL_VALIDATION_FAILED" });

    const everything = raw.join("");
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(token);
    expect(everything.toLowerCase()).not.toContain("bearer");
  });

  it("logs an unexpected error with its stack for developers, tied to the request line by reqId", async () => {
    const own: Array<Record<string, any>> = [];
    const broken = await createTestApp({
      seed: false,
      logger: createLogger({ LOG_LEVEL: "info", LOG_FORMAT: "json" }, { destination: { write: (s: string) => void own.push(JSON.parse(s)) } }),
    });
    try {
      // A database in a state the code does not expect: the table is gone.
      if (broken.app.target.provider === "sqlite") {
        await broken.app.db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
        await broken.app.db.$executeRawUnsafe('DROP TABLE "Category"');
      } else {
        await broken.app.db.$executeRawUnsafe('DROP TABLE "Category" CASCADE');
      }
      const response = await gql(broken, "query Menu { categories { slug } }");
      expect(response.errors).toEqual([expect.objectContaining({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } })]);
      const line = own.find((l) => l.component === "http")!;
      expect(line).toMatchObject({ level: 50, operation: "Menu", outcome: "INTERNAL_SERVER_ERROR" });
      const cause = own.find((l) => l.component === "yoga" && l.err)!;
      expect(cause).toMatchObject({ level: 50, reqId: line.reqId });
      expect(cause.err.stack).toMatch(/does not exist/);
    } finally {
      await broken.close();
    }
  });

  it("redacts secrets wherever else they are logged", () => {
    logger.info({ input: { password: "p4ssw0rd!", email: "a@b.vn" }, headers: { authorization: "Bearer abc.def" } }, "something");
    const last = raw.at(-1)!;
    expect(last).not.toContain("p4ssw0rd!");
    expect(last).not.toContain("abc.def");
    expect(last).toContain("a@b.vn");
  });
});

describe("/metrics", () => {
  it("counts requests, operations, errors by code and durations by operation", async () => {
    const before = await metricsText();
    const ok = 'portal_graphql_operations_total{operation="SiteFooter",type="query",outcome="ok"}';
    const failed = 'portal_graphql_errors_total{code="BAD_USER_INPUT",operation="BadArticle"}';
    const started = sample(before.text, ok) ?? 0;
    for (let i = 0; i < 3; i++) await gql(t, "query SiteFooter { site { name address } }");
    await gql(t, "query BadArticle { articles(first: -5) { totalCount } }");
    const { status, text, response } = await metricsText();
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, ok)).toBe(started + 3);
    expect(sample(text, failed)).toBe(1);
    expect(sample(text, 'portal_graphql_operation_duration_seconds_count{operation="SiteFooter",type="query"}')).toBe(started + 3);
    expect(sample(text, 'portal_http_requests_total{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(4);
    expect(sample(text, "portal_subscriptions_active")).toBe(0);
    expect(sample(text, `portal_db_info{provider="${t.app.target.provider}"}`)).toBe(1);
    expect(sample(text, "portal_db_query_duration_seconds_count")).toBeGreaterThan(0);
    expect(text).toContain("portal_process_resident_memory_bytes");
    // Counter buffering is not installed here: nothing buffered.
    expect(sample(text, "portal_counter_buffer_size")).toBe(0);
  });

  it("caps the number of operation names a client can create", async () => {
    for (let i = 0; i < 210; i++) await gql(t, `query Spam${i} { site { name } }`);
    const { text } = await metricsText();
    const names = new Set([...text.matchAll(/portal_graphql_operations_total\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(201);
    expect(sample(text, 'portal_graphql_operations_total{operation="other",type="query",outcome="ok"}')).toBeGreaterThan(0);
  });

  it("counts open subscriptions", async () => {
    const response = await t.yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: contractOperation("ArticlePublished") }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect(sample((await metricsText()).text, "portal_subscriptions_active")).toBe(1);
    await reader.read(); // the stream's first bytes: it is open
    await reader.cancel(); // the client goes away
    expect(sample((await metricsText()).text, "portal_subscriptions_active")).toBe(0);
  });

  it("reports what the counter buffer holds and how long its flushes take", async () => {
    let listener: ((r: CounterFlushReport) => void) | undefined;
    let pending = 7;
    const counters: CounterBuffer = { pendingSize: () => pending, onFlush: (l) => (listener = l) };
    const flush = () => {
      pending = 0;
      listener?.({ durationMs: 12, ok: true });
    };
    const app = t.app as { counters: CounterBuffer };
    const installed = app.counters;
    app.counters = counters;
    t.app.metrics.watchCounterFlushes(counters);
    try {
      expect(sample((await metricsText()).text, "portal_counter_buffer_size")).toBe(7);
      flush();
      const { text } = await metricsText();
      expect(sample(text, "portal_counter_buffer_size")).toBe(0);
      expect(sample(text, 'portal_counter_flush_duration_seconds_count{outcome="ok"}')).toBe(1);
      expect(sample(text, 'portal_counter_flush_duration_seconds_sum{outcome="ok"}')).toBeCloseTo(0.012);
    } finally {
      app.counters = installed;
    }
  });

  it("answers only the bearer of METRICS_TOKEN when one is set, and nothing when metrics are off", async () => {
    const token = "metrics-token-0123456789abcdef";
    const guarded = await createTestApp({ seed: false, config: { METRICS_TOKEN: token } });
    const off = await createTestApp({ seed: false, config: { METRICS: false } });
    try {
      expect((await metricsText(guarded)).status).toBe(401);
      expect((await metricsText(guarded, { authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
      const allowed = await metricsText(guarded, { authorization: `Bearer ${token}` });
      expect(allowed.status).toBe(200);
      expect(allowed.text).toContain("portal_http_requests_total");
      expect((await metricsText(off)).status).toBe(404);
    } finally {
      await guarded.close();
      await off.close();
    }
  });
});
