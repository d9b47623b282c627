// Faults (npm run test:faults, not part of npm test): PostgreSQL and Redis go
// away and come back, through a TCP proxy this test cuts and restores. While a
// dependency is away, requests get a clean error quickly and /ready answers 503;
// when it returns, the server recovers by itself.
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createApp, closeApp, type App } from "../../src/app";
import { migrate } from "../../src/db/client";
import { testConfig } from "../../src/env";
import { seedDemo } from "../../src/services/seed";
import { createPortalYoga, type PortalYoga } from "../../src/yoga";
import { contractOperation } from "../support/contract";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const PG = new URL(process.env.FAULTS_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/test");
const REDIS = new URL(process.env.FAULTS_REDIS_URL ?? "redis://127.0.0.1:6379");
const database = `faults_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const psql = (sql: string) =>
  execFileSync("psql", ["-h", PG.hostname, "-p", PG.port || "5432", "-U", PG.username || "root", "-d", PG.pathname.slice(1), "-c", sql], { stdio: "pipe" });

let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
let app: App;
let yoga: PortalYoga;

beforeAll(async () => {
  psql(`CREATE DATABASE ${database}`);
  pgProxy = await startTcpProxy(PG.hostname, Number(PG.port || 5432));
  redisProxy = await startTcpProxy(REDIS.hostname, Number(REDIS.port || 6379));
  const url = `postgresql://${PG.username || "root"}@127.0.0.1:${pgProxy.port}/${database}`;
  await migrate(url);
  app = await createApp(
    testConfig({
      DATABASE_URL: url,
      REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
      JWT_SECRET: "faults-secret-faults-secret-faults-secret-00",
      DATA_DIR: `data/test/${database}`,
    }),
  );
  await seedDemo(app);
  yoga = createPortalYoga(app);
}, 120_000);

afterAll(async () => {
  await closeApp(app);
  await pgProxy.close();
  await redisProxy.close();
  psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

const clientAddress = "198.51.100.77";
async function home() {
  const started = Date.now();
  const response = await yoga.fetch(
    "http://portal.test/graphql",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: contractOperation("HomePage") }) },
    { clientAddress },
  );
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text), ms: Date.now() - started };
}
async function ready() {
  const response = await yoga.fetch("http://portal.test/ready");
  return { status: response.status, body: await response.json() };
}
async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("PostgreSQL goes away and comes back", () => {
  it("serves, fails cleanly, reports, and recovers by itself", async () => {
    expect((await home()).body.errors).toBeUndefined();
    expect(await ready()).toEqual({ status: 200, body: { ready: true, database: "ok", redis: "ok" } });

    await pgProxy.cut();
    const failed = await home();
    expect(failed.status).toBeLessThan(500);
    expect(failed.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain("INTERNAL_SERVER_ERROR");
    expect(failed.body.errors[0].message).toMatch(/temporarily unavailable/);
    expect(failed.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|at .*\.(ts|js):\d+/i);
    expect(failed.ms).toBeLessThan(10_000);
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ ready: false, database: "unreachable", redis: "ok" });

    await pgProxy.restore();
    expect((await eventually(ready, (r) => r.status === 200)).status).toBe(200);
    expect((await eventually(home, (r) => !r.body.errors)).body.errors).toBeUndefined();
  }, 60_000);
});

describe("Redis goes away and comes back", () => {
  it("fails cleanly where Redis is needed, keeps serving elsewhere (rate limits fall back to memory), reports, and recovers", async () => {
    await redisProxy.cut();
    const down = await eventually(ready, (r) => r.status === 503, 10_000);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ ready: false, database: "ok", redis: "unreachable" });
    // What needs Redis (buffered visit counts) fails cleanly and quickly; what does
    // not, including the rate limiter (its in-memory fallback), keeps serving.
    const served = await home();
    expect(served.status).toBeLessThan(500);
    expect(served.ms).toBeLessThan(5_000);
    for (const error of served.body.errors ?? []) expect(error.message).toMatch(/temporarily unavailable/);
    expect(served.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.(ts|js):\d+/i);
    const plain = await yoga.fetch(
      "http://portal.test/graphql",
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ site { name } categories { slug } }" }) },
      { clientAddress },
    );
    expect(await plain.json()).toMatchObject({ data: { site: { name: expect.any(String) } } });

    await redisProxy.restore();
    expect((await eventually(ready, (r) => r.status === 200)).body).toEqual({ ready: true, database: "ok", redis: "ok" });
    expect((await eventually(home, (r) => !r.body.errors)).body.errors).toBeUndefined();
  }, 60_000);
});
