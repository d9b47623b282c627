// Dependency faults (npm run test:redis, which has PostgreSQL and Redis): both go
// away and come back, through TCP proxies this test cuts and restores. While a
// dependency is away, requests get a clean error quickly (the contract's
// INTERNAL_SERVER_ERROR, "temporarily unavailable", no connection details) and
// /ready answers 503; when it returns, the server recovers by itself; stopping
// while one is away still closes every connection.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { createApp, closeApp, type App } from "../src/app";
import { migrate } from "../src/db/client";
import { testConfig, type Config } from "../src/env";
import { seedDemo } from "../src/services/seed";
import { createPortalYoga, type PortalYoga } from "../src/yoga";
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createPostgresDatabase, present, type GraphQLResponse, type VariablesArgument } from "./support/app";
import { ArticlePageDocument, HomePageDocument } from "../clients/generated/graphql";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { deleteKeysWithPrefix } from "./support/redis";

const SERVER = process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const REDIS = new URL(process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const PREFIX = `test-${randomUUID()}:`;

let database: { url: string; drop: () => Promise<void> };
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
let app: App;
let yoga: PortalYoga;

/** The configuration of an app that reaches PostgreSQL and Redis through the given proxies. */
function throughProxies(pg: TcpProxy, redis: TcpProxy): Config {
  const url = new URL(database.url);
  url.host = `127.0.0.1:${pg.port}`;
  return testConfig({
    DATABASE_URL: url.toString(),
    REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    REDIS_PREFIX: PREFIX,
    JWT_SECRET: "faults-secret-faults-secret-faults-secret-00",
    DATA_DIR: join("data", "test", `faults-${randomUUID()}`),
  });
}
const proxies = async (): Promise<[TcpProxy, TcpProxy]> => {
  const pg = new URL(SERVER);
  return [await startTcpProxy(pg.hostname, Number(pg.port || 5432)), await startTcpProxy(REDIS.hostname, Number(REDIS.port || 6379))];
};

beforeAll(async () => {
  database = await createPostgresDatabase(SERVER);
  [pgProxy, redisProxy] = await proxies();
  const config = throughProxies(pgProxy, redisProxy);
  // A copy of the run's migrated template (tests/global-setup.ts), or a database migrated here.
  if (!process.env.TEST_PG_TEMPLATE) await migrate(config.DATABASE_URL);
  app = await createApp(config);
  await seedDemo(app);
  yoga = createPortalYoga(app);
});

afterAll(async () => {
  await closeApp(app);
  await pgProxy.close();
  await redisProxy.close();
  await database.drop();
  // Leave nothing of this run in the shared Redis.
  const redis = new Redis(REDIS.toString(), { maxRetriesPerRequest: 1 });
  redis.on("error", () => {});
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

const clientAddress = "198.51.100.77";
/** One contract operation, with the status, text and time of its answer as well. */
async function graphql<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, ...[variables]: VariablesArgument<NoInfer<V>>) {
  const started = Date.now();
  const response = await yoga.fetch(
    "http://portal.test/graphql",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: print(document), variables: variables ?? {} }) },
    { clientAddress },
  );
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as GraphQLResponse<R>, ms: Date.now() - started };
}
const home = () => graphql(HomePageDocument);
async function ready() {
  const response = await yoga.fetch("http://portal.test/ready");
  return { status: response.status, body: await response.json() };
}
/** Resolves once the Redis client is connected and ready for commands (ioredis reconnects by itself after a loss). */
async function redisReady(client: Redis): Promise<void> {
  if (client.status !== "ready") await once(client, "ready");
}

describe("PostgreSQL goes away and comes back", () => {
  it("serves, fails cleanly, reports, and recovers by itself", async () => {
    const served = await home();
    expect(served.body.errors).toBeUndefined();
    expect(await ready()).toEqual({ status: 200, body: { ready: true, database: "ok", redis: "ok" } });
    // An article nobody has read yet: its answer is not in the response cache, so
    // it needs the database. (Answers already cached stay exact while the database
    // is away, since nothing can be written, and are still served.)
    const slug = present(served.body.data?.featured.edges[0], "a featured article").node.slug;

    await pgProxy.cut();
    try {
      const failed = await graphql(ArticlePageDocument, { slug });
      expect(failed.status).toBeLessThan(500);
      expect(failed.body.data).toEqual({ article: null });
      expect(failed.body.errors).toEqual([
        expect.objectContaining({
          message: "The service is temporarily unavailable: try again shortly.",
          path: ["article"],
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        }),
      ]);
      expect(failed.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|at .*\.(ts|js):\d+/i);
      expect(failed.ms).toBeLessThan(10_000);
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ ready: false, database: "unreachable", redis: "ok" });
    } finally {
      await pgProxy.restore();
    }
    // The pool opens new connections for the next statements: the first requests succeed.
    expect(await ready()).toEqual({ status: 200, body: { ready: true, database: "ok", redis: "ok" } });
    const back = await graphql(ArticlePageDocument, { slug });
    expect(back.body.errors).toBeUndefined();
    expect(back.body).toMatchObject({ data: { article: { slug } } });
  });
});

describe("Redis goes away and comes back", () => {
  it("fails cleanly where Redis is needed, keeps serving elsewhere (rate limits fall back to memory), reports, and recovers", async () => {
    const lost = once(app.redis!, "close");
    await redisProxy.cut();
    try {
      await lost;
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ ready: false, database: "ok", redis: "unreachable" });
      // What needs Redis (the buffered visit counts of the statistics box) fails
      // cleanly and quickly, at its path; what does not, including the rate
      // limiter (its in-memory fallback), keeps serving.
      const statistics = await home();
      expect(statistics.status).toBeLessThan(500);
      expect(statistics.ms).toBeLessThan(5_000);
      expect(statistics.body.errors?.length).toBeGreaterThan(0);
      for (const error of statistics.body.errors ?? []) {
        expect(error).toMatchObject({ message: "The service is temporarily unavailable: try again shortly.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
        expect(error.path?.slice(0, 2)).toEqual(["site", "statistics"]);
      }
      expect(statistics.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.(ts|js):\d+/i);
      const plain = await yoga.fetch(
        "http://portal.test/graphql",
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ site { name } categories { slug } }" }) },
        { clientAddress },
      );
      const plainBody = await plain.json();
      expect(plainBody).toMatchObject({ data: { site: { name: expect.any(String) } } });
      expect(plainBody).not.toHaveProperty("errors");
    } finally {
      await redisProxy.restore();
    }
    await redisReady(app.redis!);
    expect((await ready()).body).toEqual({ ready: true, database: "ok", redis: "ok" });
    expect((await home()).body.errors).toBeUndefined();
  });
});

describe("stopping while PostgreSQL is away", () => {
  it("still closes every connection, then reports the last flush that could not be written", async () => {
    const [pg, redis] = await proxies();
    const other = await createApp(throughProxies(pg, redis));
    try {
      // A buffered visit: the last flush on close has something to write.
      expect(await other.counters.recordSiteVisit({ visitorId: randomUUID(), address: clientAddress, userAgent: null }, new Date())).toBe(true);
      expect(redis.connections).toBeGreaterThan(0);
      await pg.cut();
      await expect(closeApp(other)).rejects.toThrow();
      // Both Redis connections were closed all the same (the flush's counts stay in Redis for the next one).
      await redis.idle();
      expect(redis.connections).toBe(0);
      expect(other.redis!.status).toBe("end");
    } finally {
      await pg.close();
      await redis.close();
    }
  });
});
