// Live transports over real sockets: subscribers over graphql-ws and SSE (fetch
// with Accept: text/event-stream) that keep listening (wsSubscribe, sseSubscribe);
// one-off operations over each (wsConnection + wsOperation, or wsRequest for one
// operation on its own connection; sseRequest); and articles made visible by the
// workflow's scheduler, whose fire-once claim announces a first publication.
import { randomUUID } from "node:crypto";
import { expect } from "@jest/globals";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { App } from "../../src/app";
import { createPortalServer, type PortalServer } from "../../src/http";
import { ALL_CATEGORIES } from "../../src/services/events";
import { promoteDue } from "../../src/services/workflow";
import { emptyContent, writeVersion, type ArticleContent } from "../../src/services/versioning";
import { createTestApp, type TestApp, type TestAppOptions } from "./app";

export interface LiveEvent {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

/** A stream of subscription results with a bounded wait for the next one. */
export class Inbox {
  private readonly queue: LiveEvent[] = [];
  private waiter: ((e: LiveEvent | null) => void) | null = null;
  done = false;
  closeCode: number | null = null;

  push(event: LiveEvent) {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(event);
    } else this.queue.push(event);
  }

  finish(code: number | null = null) {
    this.done = true;
    this.closeCode = code;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(null);
    }
  }

  /** The next result, or null when the stream ended; fails after `ms`. */
  next(ms = 5000): Promise<LiveEvent | null> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift()!);
    if (this.done) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`no subscription event within ${ms} ms`));
      }, ms);
      this.waiter = (e) => {
        clearTimeout(timer);
        resolve(e);
      };
    });
  }

  /** Events already received and not yet taken. */
  get pending(): number {
    return this.queue.length;
  }
}

export interface WsSubscriber {
  inbox: Inbox;
  client: Client;
  /** Resolves once the server has acknowledged the connection. */
  connected: Promise<void>;
  close(): Promise<void>;
}

/** A graphql-ws subscriber; the token goes in the connection parameters as the mobile app sends it. */
export function wsSubscribe(port: number, query: string, variables: Record<string, unknown> = {}, token?: string): WsSubscriber {
  const inbox = new Inbox();
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // The close is recorded in the inbox (closeCode); the default would log it.
    onNonLazyError: () => {},
    on: {
      connected: () => onConnected(),
      closed: (event) => inbox.finish((event as { code?: number }).code ?? null),
    },
  });
  client.subscribe(
    { query, variables },
    {
      next: (value) => inbox.push(value as LiveEvent),
      error: (error) => {
        if (Array.isArray(error)) inbox.push({ errors: error });
        else inbox.finish((error as { code?: number }).code ?? null);
      },
      complete: () => inbox.push({ data: "complete" }),
    },
  );
  return { inbox, client, connected, close: () => client.dispose() as Promise<void> };
}

export interface SseSubscriber {
  inbox: Inbox;
  /** Resolves with the response status once the headers have arrived. */
  opened: Promise<number>;
  close(): void;
}

/** An SSE subscriber (Yoga's default transport): POST with Accept: text/event-stream. */
export function sseSubscribe(port: number, query: string, variables: Record<string, unknown> = {}, token?: string): SseSubscriber {
  const inbox = new Inbox();
  const abort = new AbortController();
  const opened = (async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
      signal: abort.signal,
    });
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.*)$/m.exec(message)?.[1];
            const data = message
              .split("\n")
              .filter((l) => l.startsWith("data:"))
              .map((l) => l.slice(5).trimStart())
              .join("\n");
            if (type === "complete") inbox.push({ data: "complete" });
            else if (data) inbox.push(JSON.parse(data));
          }
        }
      } catch {
        // aborted by close()
      }
      inbox.finish();
    })();
    return response.status;
  })();
  return { inbox, opened, close: () => abort.abort() };
}

interface InCategory {
  categorySlug: string | undefined;
}
const inCategory = (variables: Record<string, unknown>): InCategory => ({ categorySlug: variables.categorySlug as string | undefined });

/**
 * A test app served on a free local port for the live transports; the
 * subscribers opened through it (or added to `open`) close with it.
 */
export class LiveServer {
  readonly open: Array<WsSubscriber | SseSubscriber> = [];

  private constructor(
    readonly t: TestApp,
    readonly portal: PortalServer,
    readonly port: number,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<LiveServer> {
    const t = await createTestApp(options);
    const portal = createPortalServer(t.app, t.yoga);
    return new LiveServer(t, portal, await portal.listen(0, "127.0.0.1"));
  }

  /** Subscribes over graphql-ws, once the connection is acknowledged; the subscriber keeps the categorySlug it asked for (see settle). */
  async ws(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<WsSubscriber & InCategory> {
    const s = wsSubscribe(this.port, query, variables, token);
    this.open.push(s);
    await s.connected;
    return Object.assign(s, inCategory(variables));
  }

  /** Subscribes over SSE, once the stream is open (200); the subscriber keeps the categorySlug it asked for (see settle). */
  async sse(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<SseSubscriber & InCategory> {
    const s = sseSubscribe(this.port, query, variables, token);
    this.open.push(s);
    expect(await s.opened).toBe(200);
    return Object.assign(s, inCategory(variables));
  }

  /** Waits until the server listens for these subscribers, at the app's clock (see settle). */
  ready(...subscribers: Array<{ inbox: Inbox; categorySlug?: string }>): Promise<void> {
    return settle(this.t.app, subscribers, this.t.clock.now());
  }

  async close(): Promise<void> {
    for (const s of this.open) await s.close();
    await this.portal.stop(0);
    await this.t.close();
  }
}

export const ARTICLE_CONTENT: ArticleContent = { ...emptyContent(), title: "Bài viết", body: "<p>Nội dung</p>" };

/** A new article whose only version is a draft 0.1 (invisible to readers). */
export async function createDraft(
  app: App,
  options: { title: string; categorySlug?: string; isPublic?: boolean; at: Date },
): Promise<{ id: string; versionId: string }> {
  const category = options.categorySlug ? await app.db.category.findUniqueOrThrow({ where: { slug: options.categorySlug }, select: { id: true } }) : null;
  return app.db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        slug: `bai-viet-${randomUUID()}`,
        status: "DRAFT",
        inheritsPermissions: options.isPublic === false ? false : true,
        isPublic: options.isPublic ?? true,
        createdAt: options.at,
        updatedAt: options.at,
      },
    });
    const version = await writeVersion(tx, {
      articleId: article.id,
      major: 0,
      minor: 1,
      status: "DRAFT",
      content: { ...ARTICLE_CONTENT, title: options.title, categoryId: category?.id ?? null },
      previous: null,
      comment: null,
      userId: null,
      at: options.at,
    });
    await tx.article.update({ where: { id: article.id }, data: { currentVersionId: version.id } });
    return { id: article.id, versionId: version.id };
  });
}

/** Schedules the current version to become the published one at `publishAt`. */
export async function schedule(app: App, articleId: string, publishAt: Date): Promise<void> {
  const article = await app.db.article.findUniqueOrThrow({ where: { id: articleId }, select: { currentVersionId: true } });
  await app.db.articleVersion.update({ where: { id: article.currentVersionId! }, data: { status: "SCHEDULED", publishAt } });
  await app.db.article.update({ where: { id: articleId }, data: { status: "SCHEDULED", scheduledVersionId: article.currentVersionId } });
}

/**
 * Runs the workflow's scheduler pass at `now`; true when it announced the
 * article (its first publication, claimed once).
 */
export async function publishDue(app: App, articleId: string, now: Date): Promise<boolean> {
  const firstPublished = async () =>
    (await app.db.article.findUniqueOrThrow({ where: { id: articleId }, select: { firstPublishedAt: true } })).firstPublishedAt;
  const before = await firstPublished();
  await promoteDue(app.db, app.events, now);
  return before === null && (await firstPublished()) !== null;
}

/**
 * Approves the current version as the published one, visible from `publishedAt`
 * (in the future: scheduled), and publishes it if it is due; true when that
 * announced the article.
 */
export async function approve(app: App, articleId: string, publishedAt: Date, now: Date): Promise<boolean> {
  await schedule(app, articleId, publishedAt);
  return publishDue(app, articleId, now);
}

let probes = 0;

/**
 * Subscriptions are set up asynchronously on the server, after the connection
 * opens. Announces probe articles (visible, public) until every subscriber has
 * received one, then a last probe that each subscriber reads up to: after that,
 * its inbox is empty and every later event is really new.
 */
export async function settle(app: App, subscribers: Array<{ inbox: Inbox; categorySlug?: string }>, at: Date): Promise<void> {
  const topics = [...new Set(subscribers.map((s) => s.categorySlug ?? ALL_CATEGORIES))];
  const probe = async () => {
    const title = `Thăm dò ${++probes}`;
    const draft = await createDraft(app, { title, at });
    await app.db.article.update({
      where: { id: draft.id },
      data: { status: "APPROVED", publishedVersionId: draft.versionId, publishedAt: at, firstPublishedAt: at },
    });
    for (const topic of topics) app.events.publish("articlePublished", topic, { articleId: draft.id, categorySlug: null });
    return title;
  };
  const waiting = new Set(subscribers);
  while (waiting.size > 0) {
    await probe();
    for (const s of [...waiting]) {
      if (await s.inbox.next(300).catch(() => null)) waiting.delete(s);
    }
  }
  const last = await probe();
  for (const s of subscribers) {
    while ((await s.inbox.next())?.data?.articlePublished?.title !== last) {
      // earlier probes
    }
  }
}

export interface WsConnectionOptions {
  /** Sent in the connection parameters, as the mobile app sends it. */
  token?: string;
  /** Headers of the upgrade request (X-Forwarded-For behind a proxy...). */
  headers?: Record<string, string>;
}

/**
 * A graphql-ws connection for one-off operations (queries, mutations, a
 * subscription read to its end), opened on first use: run them with
 * `wsOperation`, end it with `dispose()`. `wsRequest` does all three for one operation.
 */
export function wsConnection(port: number, options: WsConnectionOptions = {}): Client {
  return createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: options.headers });
      }
    },
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * One operation over a `wsConnection`: every result it sends, up to its
 * completion or error. The errors of a refused operation come as one result; the
 * close of the connection as one result whose error carries `extensions.closeCode`
 * (see `wsClosed`).
 */
export function wsOperation(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  extensions?: Record<string, unknown>,
): Promise<LiveEvent[]> {
  const results: LiveEvent[] = [];
  return new Promise((resolve) => {
    client.subscribe(
      { query, variables, ...(extensions && { extensions }) },
      {
        next: (value) => results.push(value as LiveEvent),
        error: (error) => {
          if (Array.isArray(error)) results.push({ errors: error });
          else {
            const close = error as { code?: number; reason?: string; message?: string };
            results.push({ errors: [{ message: String(close?.reason || close?.message || error), extensions: { closeCode: close?.code ?? null } }] });
          }
          resolve(results);
        },
        complete: () => resolve(results),
      },
    );
  });
}

/** The close of the connection among an operation's results (`wsOperation`), or undefined. */
export function wsClosed(results: LiveEvent[]): { code: number | null; reason: string } | undefined {
  const error = results.flatMap((r) => r.errors ?? []).find((e) => e.extensions && "closeCode" in e.extensions);
  return error && { code: error.extensions!.closeCode as number | null, reason: error.message };
}

/** One operation over its own graphql-ws connection, closed afterwards: its results as `wsOperation` gives them. */
export async function wsRequest(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
  options: WsConnectionOptions & { extensions?: Record<string, unknown> } = {},
): Promise<LiveEvent[]> {
  const client = wsConnection(port, options);
  try {
    return await wsOperation(client, query, variables, options.extensions);
  } finally {
    await client.dispose();
  }
}

/** One operation over SSE (Accept: text/event-stream): its results up to `complete`. */
export async function sseRequest(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; results: LiveEvent[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if ((response.headers.get("content-type") ?? "").includes("json")) return { status: response.status, results: [JSON.parse(text)] };
  const results: LiveEvent[] = [];
  for (const message of text.split("\n\n")) {
    const data = message
      .split("\n")
      .filter((l) => l.startsWith("data:"))
      .map((l) => l.slice(5).trimStart())
      .join("\n");
    if (data && !/^event: complete$/m.test(message)) results.push(JSON.parse(data));
  }
  return { status: response.status, results };
}
