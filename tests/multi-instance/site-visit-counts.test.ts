// The live site figures with two instances sharing PostgreSQL and Redis
// (`npm run test:redis`): a visit through instance B reaches a subscriber of
// instance A, and both instances send the site-wide figures (every instance's
// visits, flushed or not), not their own.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { closeApp, createApp, type App } from "../../src/app";
import { testConfig } from "../../src/env";
import { createPortalServer, type PortalServer } from "../../src/http";
import { ManualClock } from "../../src/lib/clock";
import { seedDemo } from "../../src/services/seed";
import { createPortalYoga, type PortalYoga } from "../../src/yoga";
import { createPostgresDatabase } from "../support/app";
import { contractOperation } from "../support/contract";
import { sseSubscribe, wsSubscribe, type Inbox, type LiveEvent, type SseSubscriber, type WsSubscriber } from "../support/live";

const SERVER_URL = process.env.TEST_DATABASE_URL ?? "";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(SERVER_URL) || !/^rediss?:\/\//.test(REDIS_URL)) {
  throw new Error("The multi-instance tests need TEST_DATABASE_URL (PostgreSQL) and TEST_REDIS_URL: run `npm run test:redis`.");
}

const SUBSCRIPTION = `subscription SiteVisitCounts { siteVisitCounts { online today totalVisits } }`;
const RECORD_VISIT = contractOperation("RecordSiteVisit");
const BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

interface Figures {
  online: number;
  today: number;
  totalVisits: number;
}
interface Instance {
  app: App;
  yoga: PortalYoga;
  server: PortalServer;
  port: number;
}

// This run's own keys and channels, so parallel runs on one Redis never hear each other.
const REDIS_PREFIX = `portal-test-${randomUUID().slice(0, 8)}:`;
const JWT_SECRET = `site-visit-counts-secret-${randomUUID()}`;
const clock = new ManualClock(new Date("2026-11-29T03:00:00.000Z"));
let database: { url: string; drop: () => Promise<void> };
let a: Instance;
let b: Instance;
const open: Array<WsSubscriber | SseSubscriber> = [];

async function instance(): Promise<Instance> {
  const dataDir = join(process.cwd(), "data", "test", `site-visit-counts-${randomUUID()}`);
  mkdirSync(dataDir, { recursive: true });
  const app = await createApp(testConfig({ DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX, JWT_SECRET, DATA_DIR: dataDir, SEED_DEMO: true }), {
    clock,
    flushCountersOnTimer: false,
  });
  const yoga = createPortalYoga(app);
  const server = createPortalServer(app, yoga);
  const port = await server.listen(0, "127.0.0.1");
  return { app, yoga, server, port };
}

beforeAll(async () => {
  database = await createPostgresDatabase(SERVER_URL);
  a = await instance();
  await seedDemo(a.app);
  b = await instance();
});

afterAll(async () => {
  for (const s of open) await s.close();
  for (const i of [a, b]) {
    if (!i) continue;
    await i.server.stop(0);
    await closeApp(i.app);
  }
  await database?.drop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${REDIS_PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

async function visit(i: Instance, visitorId: string): Promise<void> {
  const response = await i.yoga.fetch("http://portal.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", "user-agent": BROWSER },
    body: JSON.stringify({ query: RECORD_VISIT, variables: { visitorId } }),
  });
  const body = (await response.json()) as LiveEvent;
  expect(body.errors).toBeUndefined();
}

function figuresOf(event: LiveEvent | null): Figures {
  expect(event).not.toBeNull();
  expect(event!.errors).toBeUndefined();
  return event!.data.siteVisitCounts as Figures;
}

/** Takes events until one has these figures (each within 5 s of the previous). */
async function until(inbox: Inbox, expected: Figures): Promise<void> {
  for (;;) {
    const figures = figuresOf(await inbox.next(5000));
    if (figures.online === expected.online && figures.today === expected.today && figures.totalVisits === expected.totalVisits) return;
  }
}

describe("siteVisitCounts with two instances sharing PostgreSQL and Redis", () => {
  it("sends a visit through instance B to a subscriber of instance A, with the site-wide figures", async () => {
    const onA = wsSubscribe(a.port, SUBSCRIPTION);
    open.push(onA);
    await onA.connected;
    const start = figuresOf(await onA.inbox.next());

    await visit(b, "chi-qua-b-1");
    await visit(b, "chi-qua-b-2");
    await until(onA.inbox, { online: start.online + 2, today: start.today + 2, totalVisits: start.totalVisits + 2 });

    // A visit through A adds to B's: the figure is the site's, not the instance's.
    await visit(a, "qua-a-1");
    const sitewide = { online: start.online + 3, today: start.today + 3, totalVisits: start.totalVisits + 3 };
    await until(onA.inbox, sitewide);

    // A subscriber of B starts from the same site-wide figures, before and after B's buffer is flushed.
    const onB = sseSubscribe(b.port, SUBSCRIPTION);
    open.push(onB);
    expect(await onB.opened).toBe(200);
    expect(figuresOf(await onB.inbox.next())).toEqual(sitewide);
    await b.app.counters.flush();
    await visit(a, "qua-a-2");
    const after = { online: start.online + 4, today: start.today + 4, totalVisits: start.totalVisits + 4 };
    await until(onB.inbox, after);
    await until(onA.inbox, after);
  });
});
