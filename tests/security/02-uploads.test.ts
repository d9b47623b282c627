// Uploads: who sends them is decided before their body is read, files go to disk
// rather than memory, and uploads in flight are capped per user and in total.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { request as httpRequest } from "node:http";
import { createPortalServer, type PortalServer } from "../../src/http";
import { uploadSlots } from "../../src/plugins/uploads";
import { codes, createTestApp, signIn, type GraphQLResponse, type TestApp } from "../support/app";
import { contractOperation } from "../support/contract";
import { png } from "../support/media-files";
import { Changes } from "../support/wait";

let t: TestApp;
let portal: PortalServer;
let port: number;
let editor: string;
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp({ config: { UPLOADS_IN_FLIGHT_PER_USER: 1, UPLOADS_IN_FLIGHT: 3 } });
  portal = createPortalServer(t.app, t.yoga);
  port = await portal.listen(0, "127.0.0.1");
  editor = (await signIn(t, "EDITOR")).token;
});
afterAll(async () => {
  await portal.stop(0);
  await t.close();
});

const BOUNDARY = "----ranh-gioi";
const head = (fileName = "anh.png") =>
  new TextEncoder().encode(
    [
      `--${BOUNDARY}`,
      'Content-Disposition: form-data; name="operations"',
      "",
      JSON.stringify({ query: contractOperation("UploadMedia"), variables: { file: null } }),
      `--${BOUNDARY}`,
      'Content-Disposition: form-data; name="map"',
      "",
      JSON.stringify({ "0": ["variables.file"] }),
      `--${BOUNDARY}`,
      `Content-Disposition: form-data; name="0"; filename="${fileName}"`,
      "Content-Type: image/png",
      "",
      "",
    ].join("\r\n"),
  );
const tail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);

/**
 * A multipart body that streams `size` bytes of file after its head, counting
 * what the server pulls; it stalls before its end until `finish()` is called.
 */
function streamedBody(file: Uint8Array | number, options: { stallBeforeEnd?: boolean } = {}) {
  let pulled = 0;
  let sent = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let firstPull!: () => void;
  const started = new Promise<void>((resolve) => (firstPull = resolve));
  const bytes = typeof file === "number" ? null : file;
  const size = typeof file === "number" ? file : file.length;
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  let headSent = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        firstPull();
        if (!headSent) {
          headSent = true;
          pulled += head().length;
          controller.enqueue(head());
          return;
        }
        if (sent < size) {
          const piece = bytes ? bytes.subarray(sent, sent + chunk.length) : chunk.subarray(0, Math.min(chunk.length, size - sent));
          sent += piece.length;
          pulled += piece.length;
          controller.enqueue(piece);
          return;
        }
        if (options.stallBeforeEnd) await released;
        controller.enqueue(tail);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled, started, finish: release };
}

const post = (body: ReadableStream<Uint8Array>, token?: string) =>
  t.yoga.fetch("http://portal.test/graphql", {
    method: "POST",
    headers: {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      "x-graphql-yoga-csrf": "1",
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
    },
    body,
    duplex: "half",
  } as RequestInit);

/** A multipart POST over a real socket declaring a 60 MB body, of which only the head is ever sent. */
function headOnly(token?: string) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = httpRequest(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        "content-length": String(60 * MB),
        "x-graphql-yoga-csrf": "1",
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on("error", reject);
    // The rest of the 60 MB is never sent: an answer proves the server did not wait for it.
    req.write(head());
  });
}

describe("who uploads is decided before the body is read", () => {
  it.each([
    ["anonymous", undefined, 401, "UNAUTHENTICATED"],
    ["an invalid token", "khong-hop-le", 401, "UNAUTHENTICATED"],
    ["a READER", "READER", 403, "FORBIDDEN"],
  ])("%s: refused before the body arrives, the connection closed", async (_who, as, status, code) => {
    const token = as === "READER" ? (await signIn(t, "READER")).token : as;
    const answer = await headOnly(token);
    expect(answer.status).toBe(status);
    expect(answer.connection).toBe("close");
    expect(codes(JSON.parse(answer.body))).toEqual([code]);
  });

  it("refuses an anonymous streamed body having read at most its first chunks", async () => {
    const upload = streamedBody(60 * MB);
    const response = await post(upload.body);
    expect(response.status).toBe(401);
    expect(codes((await response.json()) as GraphQLResponse)).toEqual(["UNAUTHENTICATED"]);
    expect(upload.pulled()).toBeLessThan(MB);
  });
});

/** Waits until the server holds this many uploads in flight (told by each slot taken). */
async function inFlight(n: number) {
  const slots = uploadSlots(t.app, t.app.config);
  const taken = new Changes();
  const acquire = slots.acquire;
  slots.acquire = (user) => {
    const release = acquire.call(slots, user);
    taken.notify();
    return release;
  };
  try {
    await taken.until(() => slots.inFlight === n, `${n} uploads in flight`);
  } finally {
    slots.acquire = acquire;
  }
}

describe("an editor's upload", () => {
  it("works as the contract's UploadMedia, its file passing through a temporary file that is removed", async () => {
    const bytes = new Uint8Array(png(40, 30));
    const response = await post(streamedBody(bytes).body, editor);
    const result = (await response.json()) as GraphQLResponse;
    expect(result.errors).toBeUndefined();
    expect(result.data!.uploadMedia).toMatchObject({ kind: "IMAGE", contentType: "image/png", size: bytes.length, width: 40, height: 30 });
    const temp = join(t.app.config.DATA_DIR, "uploads-in-progress");
    expect(readdirSync(temp)).toEqual([]);
  });

  it("is refused over the largest per-kind limit with the contract's code, without reading the rest", async () => {
    const upload = streamedBody(300 * MB);
    const response = await post(upload.body, editor);
    expect(response.status).toBe(413);
    expect(codes((await response.json()) as GraphQLResponse)).toEqual(["BAD_USER_INPUT"]);
    expect(upload.pulled()).toBeLessThan(260 * MB);
  });

  it("is capped in flight per user and in total, and the slot is free again once answered", async () => {
    const first = streamedBody(new Uint8Array(png(8, 8)), { stallBeforeEnd: true });
    const pending = post(first.body, editor);
    await inFlight(1);
    // The editor's one slot is taken while the first upload is still arriving.
    const second = streamedBody(new Uint8Array(png(8, 8)));
    const refused = await post(second.body, editor);
    expect(refused.status).toBe(429);
    expect(codes((await refused.json()) as GraphQLResponse)).toEqual(["RATE_LIMITED"]);
    // Another user is not held up by it.
    const other = (await signIn(t, "CONTRIBUTOR")).token;
    const theirs = await post(streamedBody(new Uint8Array(png(8, 8))).body, other);
    expect(codes((await theirs.json()) as GraphQLResponse)).toEqual([]);
    first.finish();
    expect(codes((await (await pending).json()) as GraphQLResponse)).toEqual([]);
    const again = await post(streamedBody(new Uint8Array(png(8, 8))).body, editor);
    expect(codes((await again.json()) as GraphQLResponse)).toEqual([]);
  });

  it("caps uploads in flight across users", async () => {
    const users = await Promise.all([1, 2, 3, 4].map(() => signIn(t, "CONTRIBUTOR")));
    const stalled = users.slice(0, 3).map((u) => {
      const upload = streamedBody(new Uint8Array(png(8, 8)), { stallBeforeEnd: true });
      return { upload, response: post(upload.body, u.token) };
    });
    await inFlight(3);
    const fourth = await post(streamedBody(new Uint8Array(png(8, 8))).body, users[3]!.token);
    expect(codes((await fourth.json()) as GraphQLResponse)).toEqual(["RATE_LIMITED"]);
    for (const s of stalled) s.upload.finish();
    for (const s of stalled) expect(codes((await (await s.response).json()) as GraphQLResponse)).toEqual([]);
  });
});
