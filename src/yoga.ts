// Builds the GraphQL server: schema, context, error masking, GraphiQL. Exported
// for tests (yoga.fetch) and for src/server.ts, which only listens.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createYoga, maskError as defaultMaskError, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError, parse, print, type DefinitionNode } from "graphql";
import { PothosValidationError } from "@pothos/core";
import type { App } from "./app";
import { createContext, type Context } from "./context";
import { Prisma } from "./db";
import { appError, unauthenticated } from "./errors";
import { schema } from "./schema/index";
import type { Viewer } from "./services/access";
import { clientAddressOf } from "./security/client-address";
import { isUnavailable } from "./security/faults";
import { corsOptions } from "./security/http";
import { securityPlugins } from "./security/plugins";

export type PortalYoga = YogaServerInstance<Record<string, unknown>, Context>;

export interface ServerContext {
  /** The socket's address (set by src/server.ts). */
  clientAddress?: string | null;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The HomePage operation of the portal contract, preloaded in GraphiQL. */
function homePageOperation(): string {
  const doc = parse(readFileSync(join(root, "schema/operations/portal.graphql"), "utf8"));
  const wanted = (d: DefinitionNode) =>
    (d.kind === "OperationDefinition" && d.name?.value === "HomePage") ||
    (d.kind === "FragmentDefinition" && d.name.value === "ArticleCard");
  return doc.definitions.filter(wanted).map((d) => print(d)).join("\n\n");
}

async function viewerFrom(app: App, authorization: string | null): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S{1,4096})\s*$/i.exec(authorization);
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  const claims = await app.tokens.verify(match[1]!, app.clock.now());
  if (!claims) throw unauthenticated("The token is invalid or has expired: sign in again.");
  const user = await app.db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, name: true, role: true, tokenVersion: true },
  });
  if (!user || user.tokenVersion !== claims.tokenVersion) throw unauthenticated("The token has been revoked: sign in again.");
  return { id: user.id, name: user.name, role: user.role };
}

/** Expected errors keep their code; database conflicts become CONFLICT; the rest is masked. */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof GraphQLError && typeof original.extensions?.code === "string") return error as Error;
  // Pothos rejects a global ID of the wrong type this way.
  // A database or Redis that is away: say so, without its connection details.
  if (isUnavailable(original)) return new GraphQLError("The service is temporarily unavailable: try again shortly.", { extensions: { code: "INTERNAL_SERVER_ERROR" } });
  if (original instanceof PothosValidationError) return appError("BAD_USER_INPUT", original.message);
  if (original instanceof Prisma.PrismaClientKnownRequestError) {
    if (original.code === "P2002") return appError("CONFLICT", "That value is already taken (a concurrent change?).");
    if (original.code === "P2025") return appError("NOT_FOUND", "The item does not exist.");
  }
  return defaultMaskError(error, message, false);
}

export function createPortalYoga(app: App, extraPlugins: Plugin[] = []): PortalYoga {
  const { config } = app;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: config.NODE_ENV === "test" ? false : config.LOG_LEVEL === "silent" ? false : "warn",
    maskedErrors: { maskError, isDev: false },
    graphiql: config.GRAPHIQL ? { title: "Cổng thông tin điện tử: GraphQL", defaultQuery: homePageOperation() } : false,
    renderGraphiQL,
    cors: corsOptions(config),
    context: async ({ request, ...server }) => {
      const viewer = await viewerFrom(app, request.headers.get("authorization"));
      return createContext(app, viewer, {
        requestId: request.headers.get("x-request-id")?.slice(0, 100) || randomUUID(),
        clientAddress: clientAddressOf(request.headers, (server as ServerContext).clientAddress, config.TRUST_PROXY),
        userAgent: request.headers.get("user-agent"),
      });
    },
    plugins: [...securityPlugins(app), ...extraPlugins],
  });
}
