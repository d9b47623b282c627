// Graceful shutdown (SIGTERM): stop accepting, finish requests in flight, close
// live subscriptions with their protocol's close, then close the app.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Plugin } from "graphql-yoga";
import { createPortalServer, type PortalServer } from "../src/http";
import { createPortalYoga } from "../src/yoga";
import { createTestApp, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { sseSubscribe, wsSubscribe } from "./support/live";

let t: TestApp;
let portal: PortalServer;
let port: number;
let arrived: () => void;
const requestArrived = new Promise<void>((resolve) => (arrived = resolve));

beforeAll(async () => {
  t = await createTestApp();
  // Observes (does not change) the pipeline: tells the test when the slow request is in flight.
  const observe: Plugin = {
    onRequest({ request }) {
      if (request.headers.get("x-test") === "slow") arrived();
    },
  };
  portal = createPortalServer(t.app, createPortalYoga(t.app, [observe]));
  port = await portal.listen(0, "127.0.0.1");
});
afterAll(async () => {
  await portal.stop(0);
  await t.close();
});

it("finishes the request in flight, ends subscriptions properly and refuses new connections", async () => {
  const query = contractOperation("ArticlePublished");
  const ws = wsSubscribe(port, query);
  await ws.connected;
  const sse = sseSubscribe(port, query);
  expect(await sse.opened).toBe(200);

  // A query whose body is still being sent when the shutdown begins.
  const body = JSON.stringify({ query: "{ site { name } }" });
  const slow = httpRequest({
    host: "127.0.0.1",
    port,
    path: "/graphql",
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-test": "slow" },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    slow.on("response", (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, text }));
    });
    slow.on("error", reject);
  });
  slow.write(body.slice(0, 10));
  await requestArrived;

  const stopped = portal.stop(5000);

  expect((await sse.inbox.next())!.data).toBe("complete");
  expect(await ws.inbox.next()).toEqual({ data: "complete" });
  expect(await ws.inbox.next()).toBeNull();
  expect(ws.inbox.closeCode).toBe(1001);

  // No new connection is accepted once the shutdown has begun.
  await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();

  slow.end(body.slice(10));
  const response = await answer;
  expect(response.status).toBe(200);
  expect(JSON.parse(response.text).data.site.name).toBe("ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG");

  await stopped;
  expect(t.app.shutdown.signal.aborted).toBe(true);
});
