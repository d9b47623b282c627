// The client recipes of docs/clients.md (clients/recipes), run as written
// against a real server process (src/server.ts with its demo content) in
// trusted-documents mode: the web client's pages and pagination, an upload with
// the CSRF header, graphql-ws with the token in connectionParams surviving a
// dropped connection and a revoked token, and SSE with the graphql-sse client.
// Every request the recipes make names its operation by id, never by text.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import WebSocket from "ws";
import { createPortalClient, homePage, allInCategory, articlePage } from "../clients/recipes/web";
import { createLiveClient, onArticlePublished, passwordSession, watchViewCount, type Session } from "../clients/recipes/live";
import { uploadImage } from "../clients/recipes/upload";
import { ApproveArticleDocument, ArticlePageDocument, CreateArticleDocument, HomePageDocument, SubmitArticleDocument } from "../clients/generated/graphql";
import { present } from "./support/app";
import { contractOperation } from "./support/contract";
import { png } from "./support/media-files";
import { closeClients, post, startServer, tempDataDir, type RunningServer } from "./support/processes";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { pollUntil } from "./support/wait";

const ADMIN = { ADMIN_EMAIL: "quantri@example.vn", ADMIN_PASSWORD: "mật khẩu quản trị" };
let server: RunningServer;
let proxy: TcpProxy;

/**
 * What the recipes put on the wire (the test process's fetch, which urql and
 * graphql-sse use). Requests get a browser's user agent, as they would in one:
 * Node's own ("node") is a bot's to the view counter.
 */
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
const sent: Array<{ method: string; url: string; body: string }> = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  const data = tempDataDir();
  server = await startServer(
    {
      DATABASE_URL: data.databaseUrl,
      DATA_DIR: data.dir,
      JWT_SECRET: "client-recipes-secret-client-recipes-0123",
      TRUSTED_DOCUMENTS_ONLY: "true",
      ...ADMIN,
    },
    { inheritEnv: true },
  );
  proxy = await startTcpProxy("127.0.0.1", Number(new URL(server.graphql).port));
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = init.body === undefined || init.body === null ? "" : typeof init.body === "string" ? init.body : "[binary]";
    sent.push({ method: init.method ?? "GET", url, body });
    const headers = new Headers(init.headers);
    if (!headers.has("user-agent")) headers.set("user-agent", BROWSER);
    return realFetch(input, { ...init, headers });
  }) as typeof fetch;
}, 180_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  closeClients();
  await proxy?.close();
  await server?.stop();
});

/** No request of the recipes carried operation text (query, mutation or subscription). */
const textSent = () => sent.filter((r) => /\b(query|mutation|subscription)\s+[A-Z]\w*\s*[({]/.test(decodeURIComponent(r.url) + r.body));

const signIn = async () => {
  const session = passwordSession(server.graphql, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
  await session.renew();
  return session;
};

async function publish(token: string, title: string): Promise<string> {
  const auth = { authorization: `Bearer ${token}` };
  const created = await post(server.graphql, CreateArticleDocument, { input: { title, body: "<p>Nội dung.</p>", categoryId: null } }, auth);
  expect(created.errors).toBeUndefined();
  const id = created.data!.createArticle.id;
  expect((await post(server.graphql, SubmitArticleDocument, { id }, auth)).errors).toBeUndefined();
  expect((await post(server.graphql, ApproveArticleDocument, { id }, auth)).errors).toBeUndefined();
  return id;
}

describe("web client (urql, persisted ids)", () => {
  it("reads the home page, pages through a category and opens an article by id only", async () => {
    sent.length = 0;
    const client = createPortalClient(server.graphql);
    const home = await homePage(client);
    expect(home.agency).toBeTruthy();
    expect(home.latest.length).toBeGreaterThan(0);
    expect(home.menu.length).toBeGreaterThan(0);

    // Page size 1 makes every article of the busiest category a page of its own.
    const busiest = await post(server.graphql, HomePageDocument);
    const category = present(busiest.data?.categories.sort((a, b) => b.articleCount - a.articleCount)[0], "the busiest category");
    const titles = await allInCategory(client, category.slug, 1);
    expect(titles).toHaveLength(category.articleCount);
    expect(new Set(titles).size).toBe(titles.length);

    const page = await articlePage(client, home.latest[0]!.slug, "recipe-visitor-1");
    expect(page!.title).toBe(home.latest[0]!.title);
    const again = await articlePage(client, home.latest[0]!.slug, "recipe-visitor-2");
    expect(again!.views).toBe(page!.views + 1);
    expect(await articlePage(client, "khong-co-bai-nay", "recipe-visitor-1")).toBeNull();

    expect(sent.filter((r) => r.method === "GET").length).toBeGreaterThan(3); // queries by GET
    expect(textSent()).toEqual([]);
  });
});

describe("upload (urql multipart with the CSRF header)", () => {
  it("uploads an image and gets its kind and size back", async () => {
    const session = await signIn();
    const file = new File([new Uint8Array(png(64, 48))], "anh-bia.png", { type: "image/png" });
    const media = await uploadImage(server.graphql, session.token!, file, "Ảnh bìa");
    expect(media).toMatchObject({ kind: "IMAGE", width: 64, height: 48, description: "Ảnh bìa" });
    // Without the CSRF header and a token, the same multipart request is refused.
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: contractOperation("UploadMedia"), variables: { file: null } }));
    form.set("map", JSON.stringify({ 0: ["variables.file"] }));
    form.set("0", file);
    expect((await realFetch(server.graphql, { method: "POST", body: form })).status).toBe(403);
  });
});

describe("live updates", () => {
  it("graphql-ws: the token in connectionParams, reconnection, a renewed token after revocation", async () => {
    const session = await signIn();
    await subscriptionsOpen(0);
    const client = createLiveClient(`ws://127.0.0.1:${proxy.port}/graphql`, session, WebSocket);
    const arrived: string[] = [];
    let waiting: { title: string; resolve: () => void } | null = null;
    const next = (title: string) => new Promise<void>((resolve) => (waiting = { title, resolve }));
    const stop = onArticlePublished(client, session, null, (article) => {
      arrived.push(article.title);
      if (waiting && article.title === waiting.title) waiting.resolve();
    });
    // The subscription is live once the server has opened it.
    await subscriptionsOpen(1);
    const first = next("Tin thứ nhất");
    await publish(session.token!, "Tin thứ nhất");
    await first;

    // The token is revoked and the connection drops: the client reconnects, the
    // server answers UNAUTHENTICATED, the recipe signs in again and resubscribes.
    const revoked = session.token!;
    // signOutEverywhere is the console's own mutation, not in the contract.
    expect((await post(server.graphql, "mutation { signOutEverywhere }", {}, { authorization: `Bearer ${revoked}` })).errors).toBeUndefined();
    const renewal = renewed(session);
    await proxy.cut();
    await subscriptionsOpen(0);
    await proxy.restore();
    expect(await renewal).not.toBe(revoked);
    await subscriptionsOpen(1);
    const second = next("Tin thứ hai");
    await publish(session.token!, "Tin thứ hai");
    await second;
    expect(arrived).toEqual(["Tin thứ nhất", "Tin thứ hai"]);
    stop();
    await client.dispose();
  }, 150_000);

  it("SSE (graphql-sse): the live view counter", async () => {
    const client = createPortalClient(server.graphql);
    const home = await homePage(client);
    const article = present((await post(server.graphql, ArticlePageDocument, { slug: home.latest[0]!.slug })).data?.article, "the article");
    const counts: number[] = [];
    let firstEvent!: () => void;
    const arrived = new Promise<void>((resolve) => (firstEvent = resolve));
    await subscriptionsOpen(0);
    const stop = watchViewCount(server.graphql, article.id, (views) => {
      counts.push(views);
      firstEvent();
    });
    // Once the stream is open, a view brings an event.
    await subscriptionsOpen(1);
    const page = await articlePage(client, home.latest[0]!.slug, "sse-visitor");
    await arrived;
    stop();
    expect(counts).toEqual([page!.views]);
    expect(textSent()).toEqual([]);
  });
});

/**
 * Waits until the server has this many subscriptions open, as its /metrics counts
 * them (portal_subscriptions_active): the server is another process, which
 * announces an opened or ended subscription nowhere else.
 */
function subscriptionsOpen(n: number): Promise<void> {
  return pollUntil(async () => {
    const metrics = await (await realFetch(`${server.url}/metrics`)).text();
    return Number(/^portal_subscriptions_active (\d+)$/m.exec(metrics)?.[1]) === n;
  }, `${n} subscriptions open on the server`);
}

/** The next token the session's renew() gets. */
function renewed(session: Session): Promise<string> {
  const renew = session.renew;
  return new Promise((resolve) => {
    session.renew = async () => {
      const token = await renew();
      session.renew = renew;
      resolve(token);
      return token;
    };
  });
}
