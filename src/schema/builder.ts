// The Pothos builder: plugins, scalars and auth scopes. No types live here.
import SchemaBuilder, { brandWithType } from "@pothos/core";
import PrismaPlugin, { queryFromInfo } from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError, isObjectType, Kind, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { Context } from "../context";
import type { Role } from "../db/client";
import { Prisma } from "../db/client";
import { badInput, forbidden, unauthenticated } from "./errors";
import { atLeast } from "../services/access";
import { isUploadedFile } from "../services/media/library";
import type PrismaTypes from "../generated/sqlite/pothos-types";
import { getDatamodel } from "../generated/sqlite/pothos-types";

export interface AuthScopes {
  /** Any signed-in user. */
  signedIn: boolean;
  /** A site role at least this high. */
  role: Role;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: string };
    File: { Input: File; Output: never };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      role: (minimum) => atLeast(context.viewer?.role, minimum),
    }),
    // No credentials is UNAUTHENTICATED; a known user without the role is FORBIDDEN.
    unauthorizedError: (_parent, context) => (context.viewer ? forbidden() : unauthenticated()),
  },
  prisma: {
    client: (context) => context.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // Descriptions of the Relay boilerplate (Node, PageInfo, edges, page arguments).
    nodeTypeOptions: {
      description: "An object with a global ID: fetch any of them again with `node(id:)` or `nodes(ids:)`.",
    },
    idFieldOptions: {
      description: "The global ID (opaque; the same for every viewer). Pass it to node(id:) or to mutations.",
    },
    pageInfoTypeOptions: {
      description: "Where a page of a cursor-paginated list stands (Relay Cursor Connections specification).",
    },
    hasNextPageFieldOptions: { description: "More items follow: pass endCursor as `after` for the next page." },
    hasPreviousPageFieldOptions: { description: "Items come before this page: pass startCursor as `before` with `last`." },
    startCursorFieldOptions: { description: "The cursor of the first item on this page; null for an empty page." },
    endCursorFieldOptions: { description: "The cursor of the last item on this page; null for an empty page." },
    pageInfoFieldOptions: { description: "How to ask for the next or the previous page." },
    edgesFieldOptions: { nullable: { list: false, items: false }, description: "The items on this page, each with its cursor." },
    nodeFieldOptions: { nullable: false, description: "The item." },
    cursorFieldOptions: { description: "Opaque: pass it as `after` or `before` to continue from this item." },
    firstArgOptions: { description: "Page size counting forward (default 20, at most MAX_PAGE_SIZE: 100 by default)." },
    afterArgOptions: { description: "A cursor from this list: the page starts after that item." },
    lastArgOptions: { description: "Page size counting backward from `before` (at most MAX_PAGE_SIZE)." },
    beforeArgOptions: { description: "A cursor from this list: the page ends before that item." },
    defaultConnectionTypeOptions: { description: "One page of a cursor-paginated list (Relay connection)." },
    defaultEdgeTypeOptions: { description: "One item of a page, with its cursor." },
    // An ID of the right shape that names nothing this viewer may see is null, as the Relay spec says.
    nodeQueryOptions: {
      description: "Any object by its global ID; null when it does not exist or this viewer may not see it (the two are not told apart).",
      args: { id: { description: "A global ID, as returned in any `id` field." } },
      resolve: (_root, { id }, _ctx, info, resolveNode) => {
        assertNodeType(info.schema, id, "id");
        return Promise.resolve(resolveNode(id)).catch(nullWhenMissing);
      },
    },
    nodesQueryOptions: {
      description: "Several objects by global ID, in the order asked; null for each one that is missing or hidden.",
      args: { ids: { description: "Global IDs, at most MAX_PAGE_SIZE (100 by default) at once; BAD_USER_INPUT beyond." } },
      resolve: (_root, { ids }, ctx, info, resolveNodes) => {
        for (const id of ids) assertNodeType(info.schema, id, "ids");
        // A list in a variable escapes the static cost limit: cap it like a page.
        if (ids.length > ctx.app.config.MAX_PAGE_SIZE) {
          throw badInput(`ids: at most ${ctx.app.config.MAX_PAGE_SIZE} IDs at once.`, ["ids"]);
        }
        return loadNodes(ids as Array<{ typename: string; id: string } | null>, ctx, info, resolveNodes);
      },
    },
    // A malformed ID is the client's mistake, never a server error.
    decodeGlobalID: (globalID) => {
      const decoded = Buffer.from(globalID, "base64").toString("utf8");
      const separator = decoded.indexOf(":");
      if (globalID.length > 200 || separator < 1 || !/^[A-Za-z]+$/.test(decoded.slice(0, separator))) {
        throw badInput(`"${globalID.slice(0, 60)}" is not a valid ID.`, ["id"]);
      }
      return { typename: decoded.slice(0, separator), id: decoded.slice(separator + 1) };
    },
  },
  validation: {
    validationError: (result) => {
      const fields = result.issues.map((issue) => (issue.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join("."));
      const message = result.issues.map((issue) => {
        const path = (issue.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join(".");
        return path ? `${path}: ${issue.message}` : issue.message;
      });
      return badInput(message.join("; "), [...new Set(fields.filter(Boolean))]);
    },
  },
});

const nodeConditions = new Map<string, (id: string, ctx: Context) => object>();

/**
 * The condition a node type's lookup by id adds (its `findUnique`), so that
 * `nodes(ids:)` applies it in its batch: pass the same function to both.
 */
export function nodeCondition<F extends (id: string, ctx: Context) => object>(typename: string, condition: F): F {
  nodeConditions.set(typename, condition);
  return condition;
}

/**
 * nodes(ids:): one statement per type, whatever the number of ids. Each type's
 * own lookup condition (its `findUnique`, which carries the viewer's visibility
 * for articles) is applied to every id, with the selection the query asks of that
 * type; the objects come back in the order asked, null for the missing or hidden.
 */
async function loadNodes(
  ids: Array<{ typename: string; id: string } | null>,
  ctx: Context,
  info: GraphQLResolveInfo,
  resolveNodes: (ids: never[]) => Promise<unknown[]>,
): Promise<unknown[]> {
  const results: unknown[] = ids.map(() => null);
  const byType = new Map<string, Map<string, number[]>>();
  ids.forEach((globalId, index) => {
    if (!globalId) return;
    let ofType = byType.get(globalId.typename);
    if (!ofType) byType.set(globalId.typename, (ofType = new Map()));
    ofType.set(globalId.id, [...(ofType.get(globalId.id) ?? []), index]);
  });
  await Promise.all(
    [...byType].map(async ([typename, wanted]) => {
      let config;
      try {
        config = builder.configStore.getTypeConfig(typename, "Object");
      } catch {
        return; // names no type: null
      }
      const model = (info.schema.getType(typename)?.extensions?.pothosPrismaModel ?? config.extensions?.pothosPrismaModel) as string | undefined;
      if (!model) {
        // Not a Prisma model: the type's own loader (which loads every id asked).
        const all = await resolveNodes([] as never[]).catch(nullWhenMissing);
        for (const indexes of wanted.values()) for (const index of indexes) results[index] = all?.[index] ?? null;
        return;
      }
      const query = (await queryFromInfo({ context: ctx, info, typeName: typename, awaitSelections: true })) as Record<string, unknown>;
      const delegate = (ctx.db as unknown as Record<string, { findMany(args: unknown): Promise<Array<{ id: string }>> }>)[
        model.charAt(0).toLowerCase() + model.slice(1)
      ]!;
      const condition = nodeConditions.get(typename) ?? ((id: string) => ({ id }));
      const where = [...wanted.keys()].map((id) => condition(id, ctx));
      const select = query.select as Record<string, unknown> | undefined;
      const rows = await delegate.findMany({ ...query, ...(select && { select: { ...select, id: true } }), where: { OR: where } });
      for (const row of rows) {
        brandWithType(row, typename as never);
        for (const index of wanted.get(row.id) ?? []) results[index] = row;
      }
    }),
  );
  return results;
}

/** An ID of a type that has no objects (or is not a Node) is malformed: BAD_USER_INPUT, as any other malformed ID. */
function assertNodeType(schema: GraphQLSchema, id: { typename: string }, field: string): void {
  const type = schema.getType(id.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === "Node")) {
    throw badInput(`${field}: not the ID of anything (unknown type ${JSON.stringify(id.typename.slice(0, 40))}).`, [field]);
  }
}

function nullWhenMissing(error: unknown): null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") return null;
  if (error instanceof Error && /No \w+ found|not found/i.test(error.message)) return null;
  throw error;
}

/** The id of a decoded global ID, checked to name the expected type. */
export function idOf(globalId: { typename: string; id: string }, typename: string, field: string): string {
  if (globalId.typename !== typename) throw badInput(`${field} must be the ID of a ${typename}.`, [field]);
  return globalId.id;
}

builder.queryType({
  description: "What anyone may read (readers see published articles only), and what editors read to work.",
});
builder.mutationType({
  description:
    "Changes. Errors come as GraphQL errors with `extensions.code`: UNAUTHENTICATED (no valid token), FORBIDDEN " +
    "(signed in without the role), NOT_FOUND (missing, or hidden from this viewer), BAD_USER_INPUT (with " +
    "`extensions.fields`), CONFLICT (a concurrent change or a taken name), RATE_LIMITED; each field lists its own.",
});
builder.subscriptionType({
  description:
    "Live events, over WebSocket (graphql-transport-ws, the token in connectionParams.authorization) " +
    "or Server-Sent Events (graphql-sse); see docs/clients.md.",
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

builder.scalarType("DateTime", {
  description: "An instant, as an ISO-8601 string with an offset (2019-12-15T07:00:00.000Z).",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

function parseDateTime(value: unknown): Date {
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value)) {
    throw new GraphQLError("DateTime must be an ISO-8601 string with an offset, e.g. 2019-12-15T14:00:00+07:00.", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  const date = new Date(value);
  // JavaScript rolls 31 February over into March; a real calendar day does not.
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (Number.isNaN(date.getTime()) || month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    throw new GraphQLError(`"${value}" is not a real date and time.`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return date;
}

builder.scalarType("Date", {
  description: "A calendar day, YYYY-MM-DD, in the site's time zone.",
  serialize: (value) => value,
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : null),
});

function parseDay(value: unknown): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return value;
  }
  throw new GraphQLError("Date must be a real calendar day, YYYY-MM-DD.", { extensions: { code: "BAD_USER_INPUT" } });
}

builder.scalarType("File", {
  description: "A file sent with the GraphQL multipart request spec.",
  serialize: () => {
    throw new Error("File is an input-only scalar");
  },
  parseValue: (value) => {
    // Checked by shape, not class: Blob implementations differ between runtimes and fetch ponyfills.
    if (isUploadedFile(value)) return value as File;
    throw new GraphQLError("File must be sent as a multipart upload (GraphQL multipart request spec).", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  },
});

/** A list's page sizes: `defaultSize` items when neither first nor last is given, and at most MAX_PAGE_SIZE. */
export function pageSizes(defaultSize: number) {
  return { defaultSize, maxSize: (_args: unknown, ctx: Context) => ctx.app.config.MAX_PAGE_SIZE };
}

/**
 * The totalCount field of a prismaConnection with its `totalCount` option, given a
 * description (the plugin adds it without one; a field of the same name replaces it).
 */
export function totalCountField(description: string) {
  return (t: { int: (options: object) => unknown }) => ({
    totalCount: t.int({
      nullable: false,
      description,
      // Lets the plugin answer a totalCount-only selection with the count alone.
      extensions: { pothosPrismaTotalCount: true },
      resolve: (parent: { totalCount?: () => unknown }) => parent.totalCount?.(),
    }),
  });
}

export { Prisma };
