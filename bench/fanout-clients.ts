// The subscribers of bench/fanout.ts, in their own thread so that parsing the
// streams does not share the server's event loop. SSE clients are plain HTTP
// (the same client code for the raw broadcast and for Yoga); graphql-ws clients
// use the graphql-ws client package.
import { request, Agent } from "node:http";
import { parentPort } from "node:worker_threads";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const now = () => performance.timeOrigin + performance.now();

type Command =
  { type: "open"; transport: "sse" | "ws"; url: string; body: string | null; count: number } | { type: "expect"; round: number } | { type: "close" };

let received: number[] = [];
let expected = 0;
let closers: Array<() => void> = [];
let sample: string | null = null;

function deliver() {
  received.push(now());
  if (received.length === expected) {
    parentPort!.postMessage({ type: "received", times: received, sample });
    received = [];
  }
}

function openSse(url: string, body: string | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const agent = new Agent({ keepAlive: false });
    const req = request(
      url,
      {
        method: body ? "POST" : "GET",
        agent,
        headers: { accept: "text/event-stream", ...(body && { "content-type": "application/json" }) },
      },
      (res) => {
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (message.startsWith("event: next")) {
              sample ??= message.slice(message.indexOf("data: ") + 6);
              deliver();
            }
          }
        });
        resolve();
      },
    );
    req.on("error", reject);
    closers.push(() => req.destroy());
    req.end(body ?? undefined);
  });
}

function openWs(url: string, body: string): Promise<void> {
  return new Promise((resolve) => {
    const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: () => {} });
    client.subscribe(JSON.parse(body), {
      next: (value) => {
        sample ??= JSON.stringify(value);
        deliver();
      },
      error: () => {},
      complete: () => {},
    });
    client.on("connected", () => resolve());
    closers.push(() => void client.dispose());
  });
}

parentPort!.on("message", async (command: Command) => {
  if (command.type === "open") {
    const opening = [];
    for (let i = 0; i < command.count; i++) {
      opening.push(command.transport === "sse" ? openSse(command.url, command.body) : openWs(command.url, command.body!));
      // Open in batches so the listen backlog is never overrun.
      if (opening.length % 100 === 0) await Promise.all(opening.slice(-100));
    }
    await Promise.all(opening);
    expected = command.count;
    parentPort!.postMessage({ type: "opened" });
  } else if (command.type === "expect") {
    received = [];
    parentPort!.postMessage({ type: "expecting", round: command.round });
  } else {
    for (const close of closers) close();
    closers = [];
    sample = null;
    parentPort!.postMessage({ type: "closed" });
  }
});
