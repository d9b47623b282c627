// Several instances sharing PostgreSQL and Redis (npm run test:redis): two real
// server processes (`tsx src/server.ts`, as `npm start` runs it) on their own
// ports. A subscriber on either instance gets every article, whichever instance
// approved it; racing schedulers announce a due article exactly once; SIGTERM
// ends an instance cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { closeApp, createApp, type App } from "../../src/app";
import { testConfig } from "../../src/env";
import { createScheduler } from "../../src/services/scheduler";
import { approveArticle, createArticle, submitArticle, type WorkflowDeps } from "../../src/services/workflow";
import { createPostgresDatabase } from "../support/app";
import { contractOperation } from "../support/contract";
import { settle, sseSubscribe, wsSubscribe, type SseSubscriber, type WsSubscriber } from "../support/live";

const SERVER_URL = process.env.TEST_DATABASE_URL ?? "";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(SERVER_URL) || !/^rediss?:\/\//.test(REDIS_URL)) {
  throw new Error("The multi-instance tests need TEST_DATABASE_URL (PostgreSQL) and TEST_REDIS_URL: run `npm run test:redis`.");
}

const SUBSCRIPTION = contractOperation("ArticlePublished");
const JWT_SECRET = `multi-instance-secret-${randomUUID()}`;
// This run's own channels, so parallel runs on one Redis never hear each other.
const REDIS_PREFIX = `portal-test-${randomUUID().slice(0, 8)}:`;

interface Instance {
  process: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<number | null>;
}

let database: { url: string; drop: () => Promise<void> };
let a: Instance;
let b: Instance;
/** Two more instances inside the test process, sharing the database and Redis: editors work through them. */
let x: App;
let y: App;
const open: Array<WsSubscriber | SseSubscriber> = [];

function startInstance(name: string): Promise<Instance> {
  const dataDir = join(process.cwd(), "data", "test", `instance-${name}-${randomUUID()}`);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "src/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_PREFIX,
      JWT_SECRET,
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      // Every subscriber and request here comes from one loopback address.
      RATE_LIMIT_REQUESTS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /localhost:(\d+)\/graphql/.exec(output.join(""));
      if (match) resolve({ process: child, port: Number(match[1]), output, exited });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`instance ${name} exited with ${code}: ${output.join("")}`)));
  });
}

async function appInstance(): Promise<App> {
  return createApp(
    testConfig({ DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX, JWT_SECRET, DATA_DIR: join(process.cwd(), "data", "test", randomUUID()) }),
  );
}

beforeAll(async () => {
  database = await createPostgresDatabase(SERVER_URL);
  // Both start at once on the empty database: migrations and demo content must not collide.
  [a, b] = await Promise.all([startInstance("a"), startInstance("b")]);
  [x, y] = await Promise.all([appInstance(), appInstance()]);
});

afterAll(async () => {
  for (const s of open) await s.close();
  for (const instance of [a, b]) {
    if (instance && instance.process.exitCode === null) {
      instance.process.kill("SIGTERM");
      await instance.exited;
    }
  }
  await Promise.all([x && closeApp(x), y && closeApp(y)]);
  await database?.drop();
});

const ws = async (instance: Instance, variables: Record<string, unknown> = {}) => {
  const s = wsSubscribe(instance.port, SUBSCRIPTION, variables);
  open.push(s);
  await s.connected;
  return s;
};
const sse = async (instance: Instance, variables: Record<string, unknown> = {}) => {
  const s = sseSubscribe(instance.port, SUBSCRIPTION, variables);
  open.push(s);
  expect(await s.opened).toBe(200);
  return s;
};

/** An administrator working through an instance: the editorial workflow, as the mutations run it. */
async function editorDeps(app: App, now = new Date()): Promise<WorkflowDeps> {
  const admin = await app.db.user.upsert({
    where: { email: "bien-tap@example.vn" },
    update: {},
    create: { email: "bien-tap@example.vn", name: "Biên tập", role: "ADMIN", passwordHash: "-" },
  });
  return { db: app.db, events: app.events, now, viewer: { id: admin.id, name: admin.name, role: admin.role } };
}

/** A submitted article of a category, waiting for approval. */
async function pendingArticle(app: App, title: string, categorySlug: string, publishAt?: Date): Promise<string> {
  const deps = await editorDeps(app);
  const category = await app.db.category.findUniqueOrThrow({ where: { slug: categorySlug }, select: { id: true } });
  const id = await createArticle(deps, { title, body: "<p>Nội dung</p>", categoryId: category.id, publishAt: publishAt ?? null });
  await submitArticle(deps, id, null);
  return id;
}

describe("two instances sharing PostgreSQL and Redis", () => {
  it("are ready, with the database and Redis reachable", async () => {
    for (const instance of [a, b]) {
      const response = await fetch(`http://127.0.0.1:${instance.port}/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ready: true, database: "ok", redis: "ok" });
    }
  });

  it("delivers an article approved through another instance to subscribers of both, over graphql-ws and SSE", async () => {
    const onA = await ws(a, { categorySlug: "kinh-te" });
    const onB = await sse(b, { categorySlug: "kinh-te" });
    await settle(
      x,
      [onA, onB].map((s) => ({ inbox: s.inbox, categorySlug: "kinh-te" })),
      new Date(),
    );
    const id = await pendingArticle(x, "Tin từ phiên bản khác", "kinh-te");
    const started = Date.now();
    // Approved through y: an instance neither subscriber is connected to.
    await approveArticle(await editorDeps(y), id, "Đồng ý");
    for (const s of [onA, onB]) {
      const event = await s.inbox.next(1000);
      expect(event!.data.articlePublished).toMatchObject({ title: "Tin từ phiên bản khác", category: { slug: "kinh-te" } });
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("publishes a due scheduled article exactly once when the schedulers of two instances race", async () => {
    const onA = await ws(a, { categorySlug: "thong-bao" });
    const onB = await ws(b, { categorySlug: "thong-bao" });
    await settle(
      x,
      [onA, onB].map((s) => ({ inbox: s.inbox, categorySlug: "thong-bao" })),
      new Date(),
    );
    // Approved a minute before its publish date, which is now: scheduled, and already due.
    const publishAt = new Date();
    const id = await pendingArticle(x, "Đến giờ đăng", "thong-bao", publishAt);
    expect(await approveArticle(await editorDeps(x, new Date(publishAt.getTime() - 60_000)), id, null)).toEqual({ articleId: id, announce: null });
    // The schedulers of four instances race for it: the two server processes' own
    // (every second) and two more here, several passes each.
    const [p, q] = await Promise.all([appInstance(), appInstance()]);
    try {
      const schedulers = [p, q].map((app) => createScheduler({ db: app.db, clock: app.clock, events: app.events, intervalMs: 0 }));
      const promoted: string[] = [];
      for (let round = 0; round < 3; round++) {
        for (const pass of await Promise.all(schedulers.map((scheduler) => scheduler.tick()))) promoted.push(...pass.promoted);
      }
      expect(promoted.length).toBeLessThanOrEqual(1);
      expect((await x.db.article.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
    } finally {
      await Promise.all([closeApp(p), closeApp(q)]);
    }
    // A closing article approved through each instance: a duplicate of the raced
    // one, published on the same Redis connection, would arrive before it.
    for (const app of [x, y]) {
      const closing = await pendingArticle(app, "Bài kết thúc", "thong-bao");
      await approveArticle(await editorDeps(app), closing, null);
    }
    for (const s of [onA, onB]) {
      const titles: string[] = [];
      while (titles.filter((t) => t === "Bài kết thúc").length < 2) {
        const event = await s.inbox.next();
        titles.push(event!.data.articlePublished.title as string);
      }
      expect(titles.filter((t) => t === "Đến giờ đăng")).toHaveLength(1);
      expect(titles).toHaveLength(3);
    }
  });

  it("shuts an instance down on SIGTERM: WebSocket clients get 1001, the process exits 0 within 10 s", async () => {
    const onA = await ws(a);
    const started = Date.now();
    a.process.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    while (await onA.inbox.next()) {
      // the Complete of the subscription comes first
    }
    expect(onA.inbox.closeCode).toBe(1001);
    // The other instance still serves.
    expect((await fetch(`http://127.0.0.1:${b.port}/health`)).status).toBe(200);
  });
});
