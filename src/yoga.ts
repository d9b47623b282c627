// Builds the GraphQL server: schema, context, error masking, GraphiQL. Exported
// for tests (yoga.fetch) and for src/server.ts, which only listens.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createYoga, maskError as defaultMaskError, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError, Kind, parse, print, type DefinitionNode } from "graphql";
import { PothosValidationError } from "@pothos/core";
import type { App } from "./app";
import { createContext, viewerFrom, type Context } from "./context";
import type { Logger } from "./lib/logger";
import { observabilityPlugin, requestIdOf } from "./plugins/observability/plugin";
import { Prisma } from "./db/client";
import { useReady } from "./plugins/health";
import { useSharedSubscriptions } from "./plugins/shared-subscriptions";
import { appError, forbidden, fromDomainError, unauthenticated } from "./schema/errors";
import { DomainError } from "./services/errors";
import { schema } from "./schema/index";
import { largestUpload } from "./services/media/formats";
import { mediaRoutes } from "./plugins/media-routes";
import { adminRoutes } from "./plugins/admin-routes";
import { exportRoutes } from "./plugins/exports";
import { feedRoutes } from "./plugins/feeds";
import { multipartUploads, uploadSlots } from "./plugins/uploads";
import { responseCachePlugin, writeGenerationsPlugin } from "./plugins/response-cache";
import { atLeast } from "./services/access";
import { clientAddressOf } from "./plugins/security/client-address";
import { isUnavailable } from "./db/faults";
import { corsOptions } from "./plugins/security/http";
import { securityPlugins } from "./plugins/security/plugins";
import { useLiveAuthorization } from "./plugins/security/live-auth";

export type PortalYoga = YogaServerInstance<Record<string, unknown>, Context>;

export interface ServerContext {
  /** The socket's address (set by src/server.ts). */
  clientAddress?: string | null;
  /** "ws" for an operation over graphql-ws (src/http.ts); HTTP and SSE otherwise. */
  transport?: "ws";
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The HomePage operation of the portal contract, preloaded in GraphiQL. */
function homePageOperation(): string {
  const doc = parse(readFileSync(join(root, "schema/operations/portal.graphql"), "utf8"));
  const named = (kind: DefinitionNode["kind"], name: string) => doc.definitions.find((d) => d.kind === kind && "name" in d && d.name?.value === name)!;
  // The operation first, so a newcomer sees what runs; then the fragment it uses.
  return [named(Kind.OPERATION_DEFINITION, "HomePage"), named(Kind.FRAGMENT_DEFINITION, "ArticleCard")].map((d) => print(d)).join("\n\n");
}

/** Expected errors keep their code; database conflicts become CONFLICT; the rest is masked. */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  // Yoga's cap on request bodies (maxRequestBodySize): the client sent too much.
  if (original instanceof GraphQLError && original.extensions?.code === "REQUEST_ENTITY_TOO_LARGE") {
    return appError("BAD_USER_INPUT", "The request body is too large.", { http: { status: 413 } });
  }
  if (original instanceof GraphQLError && typeof original.extensions?.code === "string") return error as Error;
  // A domain error from outside a resolver (resolvers translate their own, with argument paths).
  if (original instanceof DomainError) return fromDomainError(original);
  // A database or Redis that is away: say so, without its connection details, at
  // the field's path, so a client knows which part of its answer is missing.
  if (isUnavailable(original)) {
    const at = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    return new GraphQLError("The service is temporarily unavailable: try again shortly.", { ...at, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  }
  // Pothos rejects a global ID of the wrong type this way.
  if (original instanceof PothosValidationError) return appError("BAD_USER_INPUT", original.message);
  if (original instanceof Prisma.PrismaClientKnownRequestError) {
    if (original.code === "P2002") return appError("CONFLICT", "That value is already taken (a concurrent change?).");
    if (original.code === "P2025") return appError("NOT_FOUND", "The item does not exist.");
  }
  return defaultMaskError(error, message, false);
}

/** Yoga's own messages (unexpected errors, mostly) through the app's logger, errors as `err`. */
function yogaLogger(logger: Logger) {
  const log = logger.child({ component: "yoga" });
  const emit =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const text = args
        .filter((a) => !(a instanceof Error))
        .map(String)
        .join(" ");
      if (error) log[level]({ err: error }, text || error.message);
      else log[level](text);
    };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

export interface PortalYogaOptions {
  /** false: this server never answers from the response cache (the reference of the cache's tests). */
  responseCache?: boolean;
}

export function createPortalYoga(app: App, extraPlugins: Plugin[] = [], options: PortalYogaOptions = {}): PortalYoga {
  const { config } = app;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: yogaLogger(app.logger),
    maskedErrors: { maskError, isDev: false },
    graphiql: config.GRAPHIQL ? { title: "Cổng thông tin điện tử: GraphQL", defaultQuery: homePageOperation() } : false,
    renderGraphiQL,
    cors: corsOptions(config),
    context: async ({ request, ...server }) => {
      const viewer = await viewerFrom(app, request.headers.get("authorization"));
      return createContext(app, viewer, {
        requestId: requestIdOf(request),
        clientAddress: clientAddressOf(request.headers, (server as ServerContext).clientAddress, config.TRUST_PROXY),
        userAgent: request.headers.get("user-agent"),
      });
    },
    // Uploads (docs/media.md): the body may carry the largest file a media kind allows.
    maxRequestBodySize: Math.max(25_000_000, largestUpload(config) + 1024 * 1024),
    plugins: [
      observabilityPlugin(app),
      useReady(app),
      ...securityPlugins(app),
      multipartUploads({
        maxFiles: 1,
        maxFileBytes: largestUpload(config),
        // Decided from the headers before a byte of the body is read: uploading is for CONTRIBUTOR and above.
        authorize: async (request) => {
          const viewer = await viewerFrom(app, request.headers.get("authorization"));
          if (!viewer) throw unauthenticated("Sign in to upload files.");
          if (!atLeast(viewer.role, "CONTRIBUTOR")) throw forbidden("Uploading files needs the CONTRIBUTOR role or above.");
          return viewer.id;
        },
        slots: uploadSlots(app, config),
        tempDir: join(config.DATA_DIR, "uploads-in-progress"),
      }),
      mediaRoutes(app),
      // The editors' console at /admin (src/plugins/admin-routes.ts).
      adminRoutes(),
      exportRoutes(app),
      feedRoutes(app),
      // A session revoked, expired, deactivated or with another role ends its subscriptions before the next event.
      useLiveAuthorization(app),
      // Identical subscriptions of viewers who see the same share one execution per event.
      // A member joining a running siteVisitCounts group gets its latest figures at once.
      useSharedSubscriptions<Context>((ctx) => (ctx.viewer ? `user:${ctx.viewer.id}` : "anonymous"), { replayLatest: ["siteVisitCounts"] }),
      ...extraPlugins,
      // Every mutation moves the response cache's generation before it answers.
      writeGenerationsPlugin(app.cache),
      // Last: every plugin above sees each request (logs, metrics, limits) before a
      // cached answer is served (docs/performance.md).
      ...(options.responseCache === false ? [] : [responseCachePlugin(app.cache, config)]),
    ],
  });
}
