// The shared response cache of several instances (docs/performance.md), on
// PostgreSQL + Redis (`npm run test:redis`): two instances, each with the cache
// on and shared through Redis, one clock. The seeded walks of
// tests/support/cache-model.ts send every write and every read through either
// instance at random; each answer must equal, byte for byte, that of a server
// without the cache on the same data: a read through instance B right after a
// write through instance A shows the write, every time.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { closeApp, createApp, type App } from "../../src/app";
import { testConfig } from "../../src/env";
import { ManualClock } from "../../src/lib/clock";
import { createScheduler } from "../../src/services/scheduler";
import { seedDemo } from "../../src/services/seed";
import { createPortalYoga, type PortalYoga } from "../../src/yoga";
import { createPostgresDatabase } from "../support/app";
import { checkWalks, seeds, type Send, type World } from "../support/cache-model";

const SERVER_URL = process.env.TEST_DATABASE_URL ?? "";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(SERVER_URL) || !/^rediss?:\/\//.test(REDIS_URL)) {
  throw new Error("The multi-instance tests need TEST_DATABASE_URL (PostgreSQL) and TEST_REDIS_URL: run `npm run test:redis`.");
}

const sender =
  (yoga: PortalYoga): Send =>
  async (query, variables, token) => {
    const response = await yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    return `${response.status} ${await response.text()}`;
  };

async function makeWorld(): Promise<World> {
  const database = await createPostgresDatabase(SERVER_URL);
  const prefix = `portal-test-${randomUUID().slice(0, 8)}:`;
  const clock = new ManualClock(new Date("2026-11-29T03:00:00.000Z"));
  const jwt = `cache-model-secret-${randomUUID()}`;
  const instance = async () => {
    const dataDir = join(process.cwd(), "data", "test", `cache-model-${randomUUID()}`);
    mkdirSync(dataDir, { recursive: true });
    return createApp(testConfig({ DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: prefix, JWT_SECRET: jwt, DATA_DIR: dataDir, SEED_DEMO: true }), {
      clock,
    });
  };
  const x: App = await instance();
  await seedDemo(x);
  const y: App = await instance();
  const schedulers = [x, y].map((app) => createScheduler({ db: app.db, clock, events: app.events, intervalMs: 0, onChange: () => app.cache.changed() }));
  let passes = 0;
  return {
    app: x,
    clock,
    cached: [sender(createPortalYoga(x)), sender(createPortalYoga(y))],
    reference: sender(createPortalYoga(x, [], { responseCache: false })),
    // The pass runs on either instance, as whichever holds the lease would.
    tick: async () => {
      await schedulers[passes++ % 2]!.tick();
    },
    flush: async () => {
      await x.counters.flush();
      await y.counters.flush();
    },
    hits: () => x.cache.stats.hits + y.cache.stats.hits,
    close: async () => {
      await Promise.all([closeApp(x), closeApp(y)]);
      await database.drop();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
}

describe("shared response cache model (two instances, PostgreSQL + Redis)", () => {
  it("answers every read on either instance exactly as a server without the cache", async () => {
    const { reads, hits } = await checkWalks({ makeWorld, seeds: seeds([11, 12]), length: 140, instances: 2 });
    expect(reads).toBeGreaterThan(80);
    expect(hits).toBeGreaterThan(5);
  }, 900_000);
});
