// The HTTP server of one instance: Yoga for queries, mutations and SSE
// subscriptions, and graphql-ws (WebSocket) on the same port and path, wired to
// Yoga's envelop so both transports share the schema, context, auth and error
// masking. `stop()` is the graceful shutdown of SIGTERM.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GraphQLError, type ExecutionArgs } from "graphql";
import type { ServerOptions } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { closeApp, type App } from "./app";
import { trustedDocuments } from "./plugins/security/plugins";
import { clientAddressOf } from "./plugins/security/client-address";
import { liveConnections } from "./plugins/security/live-limits";
import { persistedText } from "./plugins/security/trusted-documents";
import { createPortalYoga, type PortalYoga, type ServerContext } from "./yoga";

const WS_HEARTBEAT_MS = 30_000;

export interface PortalServer {
  readonly server: Server;
  readonly yoga: PortalYoga;
  listen(port: number, host?: string): Promise<number>;
  /**
   * Graceful shutdown: stop accepting, end live subscriptions with their
   * protocol's close (SSE `complete`, WebSocket 1001), let requests in flight
   * finish for up to `graceMs`, then close the app (flushing counters).
   */
  stop(graceMs?: number): Promise<void>;
}

/** Connection parameters a graphql-ws client may send (the mobile app sends `authorization`). */
type ConnectionParams = Record<string, unknown> | undefined;

function authorizationOf(params: ConnectionParams, request: IncomingMessage): string | null {
  const fromParams = params?.authorization ?? params?.Authorization;
  if (typeof fromParams === "string" && fromParams !== "") return fromParams;
  return request.headers.authorization ?? null;
}

export function createPortalServer(app: App, yoga: PortalYoga = createPortalYoga(app)): PortalServer {
  const server = createServer((req, res) => yoga.handle(req, res, { clientAddress: req.socket.remoteAddress ?? null } satisfies ServerContext));

  // Messages are GraphQL operations: 1 MiB is plenty, and caps what a hostile client can make us buffer.
  // The upgrade is routed by hand (noServer) so that the HTTP server's own errors,
  // such as a port in use, stay the HTTP server's: start-up reports them in one line.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const { config } = app;
  const live = liveConnections(app, config);
  // The client's address as HTTP requests see it: X-Forwarded-For of the upgrade under TRUST_PROXY.
  const addressOfUpgrade = (request: IncomingMessage) => clientAddressOf(upgradeHeaders(request), request.socket.remoteAddress, config.TRUST_PROXY);
  server.on("upgrade", (request, socket, head) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (pathname !== yoga.graphqlEndpoint) {
      socket.destroy();
      return;
    }
    // Each address may keep LIVE_CONNECTIONS_PER_ADDRESS sockets and SSE streams open.
    const address = addressOfUpgrade(request);
    if (!live.acquire(address)) {
      socket.end(
        "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n" +
          `At most ${config.LIVE_CONNECTIONS_PER_ADDRESS} live connections per address.\n`,
      );
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (client) => {
      client.once("close", () => live.release(address));
      wsServer.emit("connection", client, request);
    });
  });
  // graphql-ws with Yoga's envelop (graphql-yoga docs, "Subscriptions: graphql-ws").
  const ws = useServer<ConnectionParams>(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as Enveloped).subscribe(args),
      // A socket that never says connection_init is closed (4408) after this long.
      connectionInitWaitTimeout: config.WS_INIT_TIMEOUT_MS,
      onSubscribe: async (ctx, _id, payload) => {
        const upgrade = ctx.extra.request;
        // graphql-ws registers the operation before asking: it is counted here.
        if (Object.keys(ctx.subscriptions).length > config.WS_MAX_OPERATIONS) {
          return [
            new GraphQLError(`At most ${config.WS_MAX_OPERATIONS} operations at once on one connection.`, {
              extensions: { code: "RATE_LIMITED", retryAfter: 1 },
            }),
          ];
        }
        // The same Fetch Request an HTTP call would carry, so Yoga's context
        // reads the token, request id and user agent in one place.
        const headers = new Headers();
        const authorization = authorizationOf(ctx.connectionParams, upgrade);
        if (authorization) headers.set("authorization", authorization);
        for (const name of ["user-agent", "x-request-id", "x-forwarded-for"] as const) {
          const value = upgrade.headers[name];
          if (typeof value === "string") headers.set(name, value);
        }
        const request = new Request(`http://${upgrade.headers.host ?? "localhost"}${yoga.graphqlEndpoint}`, { headers });
        const enveloped = yoga.getEnveloped({
          request,
          params: payload,
          clientAddress: upgrade.socket.remoteAddress ?? null,
          transport: "ws",
        });
        let document;
        try {
          // A trusted document's id instead of its text (query "" with documentId or
          // extensions.persistedQuery), as over HTTP (docs/clients.md).
          const persisted = persistedText(trustedDocuments(), payload as unknown as Record<string, unknown>);
          document = enveloped.parse(persisted ?? payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError("The query could not be parsed.")];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        let contextValue;
        try {
          contextValue = await enveloped.contextFactory();
        } catch (error) {
          // An invalid or revoked token: the same UNAUTHENTICATED error as over HTTP.
          if (error instanceof GraphQLError && error.extensions?.code) return [error];
          throw error;
        }
        return {
          schema: enveloped.schema,
          document,
          contextValue,
          variableValues: payload.variables,
          operationName: payload.operationName,
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wsServer,
  );

  // Heartbeat: a ping every 30 s keeps idle subscriptions open through load
  // balancers and proxies, and a client that did not answer the last one is gone.
  const alive = new WeakSet<object>();
  wsServer.on("connection", (socket) => {
    alive.add(socket);
    socket.on("pong", () => alive.add(socket));
  });
  const heartbeat = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, WS_HEARTBEAT_MS);
  heartbeat.unref();

  let stopping: Promise<void> | null = null;

  return {
    server,
    yoga,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    stop: (graceMs = app.config.SHUTDOWN_GRACE_MS) =>
      (stopping ??= (async () => {
        // /ready turns 503 and every live subscription completes: SSE streams
        // send `event: complete`, graphql-ws sends Complete for each operation.
        app.shutdown.abort();
        clearInterval(heartbeat);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await new Promise((resolve) => setImmediate(resolve));
        // WebSocket clients get close code 1001 (Going Away) and reconnect elsewhere.
        await ws.dispose();
        // A keep-alive connection becomes idle when its request in flight is
        // answered: close those as they come, until none is left.
        server.closeIdleConnections();
        const sweeper = setInterval(() => server.closeIdleConnections(), 50);
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        });
        await Promise.race([closed, grace]);
        clearTimeout(timer);
        clearInterval(sweeper);
        server.closeAllConnections();
        await closed;
        await closeApp(app);
      })()),
  };
}

/** The upgrade request's headers, read like a Fetch request's. */
function upgradeHeaders(request: IncomingMessage): { get(name: string): string | null } {
  return {
    get: (name) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}

interface Enveloped {
  execute: NonNullable<ServerOptions["execute"]>;
  subscribe: NonNullable<ServerOptions["subscribe"]>;
}
