// graphql-ws and SSE get every protection of the HTTP path: rate limits, text
// checks, the client address behind a trusted proxy, a cap on operations per
// socket and on live connections per address, a connection-init timeout; and the
// rate limits' Redis keys live under REDIS_PREFIX.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import WebSocket from "ws";
import { createPortalServer } from "../../src/http";
import { testConfig, type Config } from "../../src/env";
import { liveConnections, type LiveConnections } from "../../src/plugins/security/live-limits";
import { createRateLimiters } from "../../src/plugins/security/rate-limits";
import { createTestApp } from "../support/app";
import { contractOperation } from "../support/contract";
import { sseRequest, sseSubscribe, wsRequest, wsSubscribe, type SseSubscriber, type WsSubscriber } from "../support/live";
import { afterEachCall, Changes } from "../support/wait";

const codesOf = (results: Array<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>) =>
  results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));

async function serve(config: Partial<Config>) {
  const t = await createTestApp({ config });
  const portal = createPortalServer(t.app, t.yoga);
  const port = await portal.listen(0, "127.0.0.1");
  return {
    t,
    port,
    close: async () => {
      await portal.stop(0);
      await t.close();
    },
  };
}

/** Raw graphql-ws frames over one socket, for what the client library hides. */
async function rawSocket(port: number, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws", { headers });
  const messages: Array<Record<string, any>> = [];
  const received = new Changes();
  let closed: { code: number } | null = null;
  socket.on("message", (data) => {
    messages.push(JSON.parse(String(data)));
    received.notify();
  });
  socket.on("close", (code) => {
    closed = { code };
    received.notify();
  });
  const opened = await new Promise<number | null>((resolve) => {
    socket.once("open", () => resolve(101));
    socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? null));
    socket.once("error", () => resolve(null));
  });
  /** Resolves once `predicate()` holds, checked at each message and at the close. */
  const until = (predicate: () => boolean, ms = 5000) => received.until(predicate, "the server's answer", ms);
  return {
    opened,
    messages,
    get closed() {
      return closed;
    },
    send: (message: unknown) => socket.send(JSON.stringify(message)),
    until,
    close: () => socket.terminate(),
  };
}

describe("rate limits over graphql-ws and SSE", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (s = await serve({ RATE_LIMIT_REQUESTS: 5 })));
  afterAll(() => s.close());

  it("counts each operation on one socket as a request", async () => {
    const socket = await rawSocket(s.port);
    socket.send({ type: "connection_init", payload: {} });
    await socket.until(() => socket.messages.some((m) => m.type === "connection_ack"));
    for (let i = 0; i < 12; i++) socket.send({ id: String(i), type: "subscribe", payload: { query: "{ site { name } }" } });
    await socket.until(() => socket.messages.filter((m) => m.type === "complete" || m.type === "error").length >= 12);
    const codes = socket.messages.flatMap((m) => (m.payload?.errors ?? (Array.isArray(m.payload) ? m.payload : [])).map((e: any) => e.extensions?.code));
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBeGreaterThanOrEqual(6);
    socket.close();
  });

  it("counts SSE requests like any HTTP request", async () => {
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await sseRequest(s.port, "{ site { name } }"));
    // The five points of this address were spent above.
    expect(results.some((r) => r.status === 429 || codesOf(r.results).includes("RATE_LIMITED"))).toBe(true);
  });
});

describe("text checks over graphql-ws and SSE", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (s = await serve({})));
  afterAll(() => s.close());
  const query = "query($s: String!) { category(slug: $s) { id } }";

  it("refuses a NUL character in a variable or a literal over graphql-ws", async () => {
    expect(codesOf(await wsRequest(s.port, query, { s: "tin\u0000tuc" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await wsRequest(s.port, '{ category(slug: "tin\\u{0}tuc") { id } }'))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await wsRequest(s.port, query, { s: "tin\u0007tuc" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await wsRequest(s.port, query, { s: "tin-tuc" }))).toEqual([]);
  });

  it("refuses them over SSE", async () => {
    const r = await sseRequest(s.port, query, { s: "tin\u0000tuc" });
    expect(codesOf(r.results)).toEqual(["BAD_USER_INPUT"]);
    const subscription = await sseRequest(s.port, 'subscription { articlePublished(categorySlug: "a\\u001Fb") { id } }');
    expect(codesOf(subscription.results)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("the client address of a socket behind a trusted proxy", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (s = await serve({ TRUST_PROXY: 1, RATE_LIMIT_REQUESTS: 3 })));
  afterAll(() => s.close());

  it("is the X-Forwarded-For of the upgrade request, for rate limits", async () => {
    const from = (address: string) => wsRequest(s.port, "{ site { name } }", {}, { headers: { "x-forwarded-for": address } });
    for (let i = 0; i < 3; i++) expect(codesOf(await from("203.0.113.7"))).toEqual([]);
    expect(codesOf(await from("203.0.113.7"))).toEqual(["RATE_LIMITED"]);
    // Another client behind the same proxy (the same socket address) is not affected.
    expect(codesOf(await from("203.0.113.8"))).toEqual([]);
  });
});

describe("operations per socket, live connections per address, connection-init timeout", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  const open: Array<WsSubscriber | SseSubscriber> = [];
  let live: LiveConnections;
  const released = new Changes();
  beforeAll(async () => {
    s = await serve({ WS_MAX_OPERATIONS: 3, LIVE_CONNECTIONS_PER_ADDRESS: 2, WS_INIT_TIMEOUT_MS: 300 });
    live = liveConnections(s.t.app, s.t.app.config);
    afterEachCall(live, "release", released.notify);
  });
  /** Waits until the server has released all but `n` places of this address (sockets and streams it has seen close). */
  const placesTaken = (n: number) => released.until(() => live.count("127.0.0.1") <= n, `at most ${n} live connections left open`);
  afterAll(async () => {
    for (const o of open) await o.close();
    await s.close();
  });

  it("refuses a subscription beyond WS_MAX_OPERATIONS on one socket", async () => {
    const socket = await rawSocket(s.port);
    socket.send({ type: "connection_init", payload: {} });
    await socket.until(() => socket.messages.some((m) => m.type === "connection_ack"));
    const subscription = contractOperation("ArticlePublished");
    for (let i = 0; i < 5; i++) socket.send({ id: `s${i}`, type: "subscribe", payload: { query: subscription, variables: {} } });
    await socket.until(() => socket.messages.filter((m) => m.type === "error").length >= 2);
    const refused = socket.messages.filter((m) => m.type === "error");
    expect(refused.map((m) => m.id).sort()).toEqual(["s3", "s4"]);
    expect(refused.every((m) => m.payload[0].extensions.code === "RATE_LIMITED")).toBe(true);
    socket.close();
  });

  it("refuses a socket or an SSE stream beyond LIVE_CONNECTIONS_PER_ADDRESS, and frees the place on close", async () => {
    // The previous test's socket is released on the server.
    await placesTaken(0);
    const subscription = contractOperation("ArticlePublished");
    const first = wsSubscribe(s.port, subscription);
    open.push(first);
    await first.connected;
    const second = sseSubscribe(s.port, subscription);
    open.push(second);
    expect(await second.opened).toBe(200);
    expect(live.count("127.0.0.1")).toBe(2);
    const third = await rawSocket(s.port);
    expect(third.opened).toBe(429);
    const fourth = await sseRequest(s.port, subscription);
    expect(fourth.status === 429 || codesOf(fourth.results).includes("RATE_LIMITED")).toBe(true);
    await first.close();
    // Once the server has seen the socket go, its place is free again.
    await placesTaken(1);
    const again = await rawSocket(s.port);
    expect(again.opened).toBe(101);
    again.close();
    second.close();
  });

  it("closes a socket that does not send connection_init in time", async () => {
    await placesTaken(0);
    const socket = await rawSocket(s.port);
    expect(socket.opened).toBe(101);
    await socket.until(() => socket.closed !== null, 5000);
    expect(socket.closed!.code).toBe(4408);
  });
});

describe("rate-limit keys in Redis", () => {
  it("live under REDIS_PREFIX", () => {
    const fakeRedis = { status: "ready" } as never;
    const limiters = createRateLimiters(testConfig({ REDIS_PREFIX: "so-mot:" }), fakeRedis);
    expect((limiters.general as unknown as { keyPrefix: string }).keyPrefix).toBe("so-mot:rl:general");
    expect((limiters.loginAccount as unknown as { keyPrefix: string }).keyPrefix).toBe("so-mot:rl:login-account");
  });
});
