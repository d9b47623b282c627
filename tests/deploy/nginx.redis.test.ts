// The deployment kit, tried as production runs it: Debian's nginx with
// deploy/nginx/portal.conf (only the listen port, the instances' ports and the
// cache folder replaced) in front of two server processes on PostgreSQL + Redis
// with TRUST_PROXY=1. Readers reach nginx from several loopback addresses
// (127.0.0.0/8 is all local on Linux), so the client address each instance sees
// can be checked. `npm run test:redis`.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { closeApp, createApp, type App } from "../../src/app";
import { testConfig } from "../../src/env";
import { createPostgresDatabase } from "../support/app";
import { contractOperation } from "../support/contract";
import { approve, createDraft, settle, sseSubscribe, wsSubscribe, type SseSubscriber, type WsSubscriber } from "../support/live";
import { png } from "../support/media-files";
import { startServer, type RunningServer } from "../support/processes";
import { Changes, pollUntil } from "../support/wait";

const SERVER_URL = process.env.TEST_DATABASE_URL ?? "";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(SERVER_URL) || !/^rediss?:\/\//.test(REDIS_URL)) {
  throw new Error("The deployment test needs TEST_DATABASE_URL (PostgreSQL) and TEST_REDIS_URL: run `npm run test:redis`.");
}
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => existsSync(path));
if (!NGINX) throw new Error("The deployment test needs Debian's nginx (apt-get install nginx; .ci/run installs it).");

const ADMIN = { email: "quantri@example.gov.vn", password: "Một câu mật khẩu dài của quản trị 2026" };
const RATE_LIMIT = 40;
const SUBSCRIPTION = contractOperation("ArticlePublished");

const work = join(process.cwd(), "data", "test", `nginx-${randomUUID()}`);
let database: { url: string; drop: () => Promise<void> };
let env: Record<string, string>;
const instances: RunningServer[] = [];
let nginx: ChildProcess;
let nginxOutput = "";
let port: number;
/** An app in the test process on the same database and Redis: it writes articles and publishes their events. */
let writer: App;
const open: Array<WsSubscriber | SseSubscriber> = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request to nginx from the given loopback address. */
function call(path: string, options: { from?: string; method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, method: options.method ?? "GET", localAddress: options.from ?? "127.0.0.1", headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body.toString("utf8")) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };

const graphql = (query: string, variables: Record<string, unknown> = {}, options: { from?: string; token?: string } = {}) =>
  call("/graphql", {
    method: "POST",
    from: options.from,
    headers: { "content-type": "application/json", ...(options.token && { authorization: `Bearer ${options.token}` }) },
    body: JSON.stringify({ query, variables }),
  });

/** A GET read, as a CDN or nginx may retry it. */
const getSiteName = (from: string) => call(`/graphql?query=${encodeURIComponent("{ site { name } }")}`, { from });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  mkdirSync(join(work, "media"), { recursive: true });
  database = await createPostgresDatabase(SERVER_URL);
  env = {
    DATABASE_URL: database.url,
    REDIS_URL,
    REDIS_PREFIX: `portal-test-${randomUUID().slice(0, 8)}:`,
    JWT_SECRET: `deploy-test-${randomUUID()}-${randomUUID()}`,
    STATS_SECRET: `deploy-test-stats-${randomUUID()}-${randomUUID()}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: "true",
    TRUST_PROXY: "1",
    RATE_LIMIT_REQUESTS: String(RATE_LIMIT),
    RATE_LIMIT_WINDOW_SECONDS: "600",
    MEDIA_DIR: join(work, "media"),
  };
  // One after the other, as a rolling deploy starts them: the second finds the schema migrated.
  for (const name of ["a", "b"]) {
    mkdirSync(join(work, name), { recursive: true });
    instances.push(await startServer({ ...env, DATA_DIR: join(work, name) }));
  }
  writer = await createApp(
    testConfig({
      DATABASE_URL: env.DATABASE_URL,
      REDIS_URL: env.REDIS_URL,
      REDIS_PREFIX: env.REDIS_PREFIX,
      JWT_SECRET: env.JWT_SECRET,
      STATS_SECRET: env.STATS_SECRET,
      MEDIA_DIR: env.MEDIA_DIR,
      DATA_DIR: join(work, "writer"),
      SEED_DEMO: false,
    }),
  );

  port = await freePort();
  const [a, b] = instances.map((s) => s.port);
  const site = readFileSync(join(process.cwd(), "deploy/nginx/portal.conf"), "utf8")
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace("server 127.0.0.1:3001", `server 127.0.0.1:${a}`)
    .replace("server 127.0.0.1:3002", `server 127.0.0.1:${b}`)
    .replace("/var/cache/nginx/portal-media", join(work, "nginx-cache"));
  expect(site).toContain(`127.0.0.1:${a}`);
  expect(site).toContain(`127.0.0.1:${b}`);
  writeFileSync(join(work, "portal.conf"), site);
  // What Debian's /etc/nginx/nginx.conf gives the site, in the test's own folder.
  writeFileSync(
    join(work, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${join(work, "nginx.pid")};
error_log ${join(work, "nginx-error.log")} warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(work, "body")};
  proxy_temp_path ${join(work, "proxy")};
  fastcgi_temp_path ${join(work, "fastcgi")};
  uwsgi_temp_path ${join(work, "uwsgi")};
  scgi_temp_path ${join(work, "scgi")};
  include ${join(work, "portal.conf")};
}
`,
  );
  nginx = spawn(NGINX, ["-p", work, "-c", join(work, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  nginx.stdout!.on("data", (chunk: Buffer) => (nginxOutput += chunk.toString()));
  nginx.stderr!.on("data", (chunk: Buffer) => (nginxOutput += chunk.toString()));
  // nginx says nothing when it is up: it is asked until it answers.
  await pollUntil(async () => (await call("/ready")).status === 200, "nginx answering /ready").catch((error: Error) => {
    throw new Error(`${error.message}\n${nginxOutput}`);
  });
}, 240_000);

afterAll(async () => {
  for (const s of open) await s.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx.once("exit", resolve));
    nginx.kill("SIGQUIT");
    await exited;
  }
  for (const s of instances) await s.stop("SIGKILL");
  if (writer) await closeApp(writer);
  if (database) await database.drop();
});

describe("nginx in front of two instances (deploy/nginx/portal.conf)", () => {
  it("answers a query and /ready", async () => {
    const ready = await call("/ready", { from: "127.0.0.5" });
    expect(ready.status).toBe(200);
    const home = await graphql(contractOperation("HomePage"), {}, { from: "127.0.0.5" });
    expect(home.status).toBe(200);
    const body = json(home);
    expect(body.errors).toBeUndefined();
    expect(body.data.site.name).toEqual(expect.any(String));
  });

  it("delivers a published article live to graphql-ws and SSE subscribers on either instance", async () => {
    // nginx spreads the connections over both instances (least_conn); the event
    // travels through Redis to each of them.
    const subscribers = [wsSubscribe(port, SUBSCRIPTION), wsSubscribe(port, SUBSCRIPTION), sseSubscribe(port, SUBSCRIPTION), sseSubscribe(port, SUBSCRIPTION)];
    open.push(...subscribers);
    for (const s of subscribers) {
      if ("connected" in s) await s.connected;
      else expect(await s.opened).toBe(200);
    }
    // settle() publishes probe articles until every subscriber has one: an SSE
    // stream that nginx buffered would never get there.
    const now = writer.clock.now();
    await settle(writer, subscribers, now);
    const draft = await createDraft(writer, { title: "Qua nginx đến mọi người đọc", at: now });
    await approve(writer, draft.id, now, now);
    for (const s of subscribers) expect((await s.inbox.next())!.data.articlePublished.title).toBe("Qua nginx đến mọi người đọc");
  });

  it("takes an editor's upload larger than nginx's default body limit, and serves the file with long caching", async () => {
    const login = json(await graphql(contractOperation("Login"), ADMIN, { from: "127.0.0.6" }));
    expect(login.errors).toBeUndefined();
    const token = login.data.login.token as string;
    const image = png(900, 700, true);
    expect(image.length).toBeGreaterThan(1024 * 1024);
    const boundary = `----portal${randomUUID()}`;
    const part = (name: string, value: string | Buffer, file?: string) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: image/png` : ""}\r\n\r\n`),
        Buffer.from(value),
        Buffer.from("\r\n"),
      ]);
    const body = Buffer.concat([
      part("operations", JSON.stringify({ query: contractOperation("UploadMedia"), variables: { file: null, description: "Ảnh lớn" } })),
      part("map", JSON.stringify({ 0: ["variables.file"] })),
      part("0", image, "anh-lon.png"),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const uploaded = await call("/graphql", {
      method: "POST",
      from: "127.0.0.6",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(body.length),
        authorization: `Bearer ${token}`,
        "x-graphql-yoga-csrf": "1",
      },
      body,
    });
    expect(uploaded.status).toBe(200);
    const media = json(uploaded);
    expect(media.errors).toBeUndefined();
    expect(media.data.uploadMedia).toMatchObject({ kind: "IMAGE", width: 900, height: 700, contentType: "image/png" });
    const size = media.data.uploadMedia.size as number;

    // Shown by no published article yet: served only through its signed URL, privately, never kept by nginx.
    const signed = new URL(media.data.uploadMedia.url as string, "http://portal.test");
    expect(signed.search).not.toBe("");
    for (let i = 0; i < 2; i++) {
      const answer = await call(signed.pathname + signed.search, { from: "127.0.0.6" });
      expect(answer.status).toBe(200);
      expect(answer.body.length).toBe(size);
      expect(String(answer.headers["cache-control"])).toMatch(/private|no-store/);
      expect(answer.headers["x-cache-status"]).not.toBe("HIT");
    }
    expect((await call(signed.pathname, { from: "127.0.0.6" })).status).toBe(404);

    // Once a published article shows it, the plain URL is public, immutable and kept by nginx.
    const now = writer.clock.now();
    const article = await createDraft(writer, { title: "Bài có ảnh lớn", at: now });
    const mediaId = Buffer.from(media.data.uploadMedia.id as string, "base64")
      .toString("utf8")
      .split(":")[1]!;
    await writer.db.articleVersion.update({ where: { id: article.versionId }, data: { coverImageId: mediaId } });
    await approve(writer, article.id, now, now);
    const first = await call(signed.pathname, { from: "127.0.0.6" });
    expect(first.status).toBe(200);
    expect(first.body.length).toBe(size);
    expect(String(first.headers["cache-control"])).toMatch(/public, max-age=\d{6,}/);
    expect(first.headers["x-cache-status"]).toBe("MISS");
    const again = await call(signed.pathname, { from: "127.0.0.6" });
    expect(again.status).toBe(200);
    expect(again.headers["x-cache-status"]).toBe("HIT");
    expect(again.body.equals(first.body)).toBe(true);
  });

  it("limits each reader by the address nginx saw, across both instances, whatever X-Forwarded-For the reader sends", async () => {
    // 127.0.0.7 writes a different address of its own each time: nginx appends the real one, which is what counts.
    const answers: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) {
      const answer = await call(`/graphql?query=${encodeURIComponent("{ site { name } }")}`, {
        from: "127.0.0.7",
        headers: { "x-forwarded-for": `203.0.113.${i}` },
      });
      answers.push(answer.status);
    }
    expect(answers.every((status) => status === 200)).toBe(true);
    const refused = await getSiteName("127.0.0.7");
    expect(refused.status).toBe(429);
    expect(json(refused).errors![0]!.extensions!.code).toBe("RATE_LIMITED");
    // Another reader is not held back by the first one.
    expect((await getSiteName("127.0.0.8")).status).toBe(200);
  });

  it("loses no request that nginx can retry while one instance stops", async () => {
    const statuses: number[] = [];
    let sent = 0;
    const sending = new Changes();
    const reader = async (n: number) => {
      for (let i = 0; i < 12; i++) {
        sent++;
        sending.notify();
        // Each reader has its own address: the rate limit is not what is tried here.
        const answer = await getSiteName(`127.0.1.${n * 12 + i + 1}`);
        statuses.push(answer.status);
        if (answer.status === 200) expect(json(answer).data.site.name).toEqual(expect.any(String));
      }
    };
    const readers = Array.from({ length: 8 }, (_, n) => reader(n));
    await sending.until(() => sent >= 16, "the first requests");
    const stopped = instances[1]!.stop("SIGTERM");
    await Promise.all(readers);
    expect(await stopped).toBe(0);
    expect(statuses).toHaveLength(96);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // And nginx keeps answering from the instance that is left.
    expect((await getSiteName("127.0.0.9")).status).toBe(200);
  });
});
