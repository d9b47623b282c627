// Trusted documents (docs/security.md). The operations of the client contract
// (schema/operations/*.graphql) are known at start-up, each under its name and
// the SHA-256 of its canonical text. Any client may send one by hash
// (`documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`) or by name
// (`documentId: "HomePage"`) instead of the text. With TRUSTED_DOCUMENTS_ONLY=true,
// anonymous readers and READERs may run only those operations (sent in any of
// these ways, the full text included); signed-in contributors and above, whose
// console builds its own queries, may send any.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import type { Config } from "../../env";
import { atLeast, type Viewer } from "../../services/access";

export interface TrustedDocuments {
  /** name or hash → canonical text */
  readonly byId: ReadonlyMap<string, string>;
  readonly hashes: ReadonlySet<string>;
  /** name → hash, for clients' build tools (docs/security.md). */
  readonly manifest: Record<string, string>;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** One operation and the fragments it uses, printed; fragments sorted by name. */
export function canonicalText(document: DocumentNode, operationName?: string | null): string | null {
  let operation: OperationDefinitionNode | null | undefined;
  try {
    operation = getOperationAST(document, operationName ?? undefined);
  } catch {
    return null;
  }
  if (!operation) return null;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (used.has(name) || !fragment) return;
        used.set(name, fragment);
        collect(fragment);
      },
    });
  collect(operation);
  const sorted = [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
  return [operation, ...sorted].map((d) => print(d)).join("\n\n");
}

export function loadTrustedDocuments(dir: string): TrustedDocuments {
  const files = readdirSync(dir).filter((f) => f.endsWith(".graphql"));
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: files.flatMap((f) => parse(readFileSync(join(dir, f), "utf8")).definitions),
  };
  const byId = new Map<string, string>();
  const hashes = new Set<string>();
  const manifest: Record<string, string> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
    const text = canonicalText(document, definition.name.value)!;
    const hash = sha256(text);
    byId.set(definition.name.value, text);
    byId.set(hash, text);
    hashes.add(hash);
    manifest[definition.name.value] = hash;
  }
  return { byId, hashes, manifest };
}

const refused = () =>
  new GraphQLError(
    "This server accepts only the portal's published operations from anonymous clients: send one of them (by documentId or its exact text).",
    { extensions: { code: "FORBIDDEN", http: { status: 403 } } },
  );

type Params = { query?: unknown; documentId?: unknown; extensions?: Record<string, unknown> } & Record<string, unknown>;

export function useTrustedDocuments(config: Config, documents: TrustedDocuments): Plugin {
  const trusted = new WeakMap<DocumentNode, Map<string, boolean>>();
  const isTrusted = (document: DocumentNode, operationName: string | null | undefined) => {
    let byOperation = trusted.get(document);
    if (!byOperation) trusted.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let answer = byOperation.get(key);
    if (answer === undefined) {
      const text = canonicalText(document, operationName);
      answer = text !== null && documents.hashes.has(sha256(text));
      byOperation.set(key, answer);
    }
    return answer;
  };
  const resolveDocument = (params: Params, fromUrl: string | null) => {
    const { documentId, ...rest } = params;
    if (typeof params.query === "string" && params.query !== "") return rest;
    const persisted = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
    const id = typeof documentId === "string" ? documentId : typeof persisted === "string" ? persisted : fromUrl;
    if (id === null) return rest;
    const query = documents.byId.get(id);
    if (!query) {
      throw new GraphQLError(`No trusted document has the id "${id.slice(0, 80)}".`, {
        extensions: { code: "NOT_FOUND", http: { status: 404 } },
      });
    }
    return { ...rest, query };
  };
  const check = (args: { document: DocumentNode; operationName?: string | null; contextValue: unknown }) => {
    if (!config.TRUSTED_DOCUMENTS_ONLY) return null;
    const viewer = (args.contextValue as { viewer?: Viewer | null }).viewer;
    if (atLeast(viewer?.role, "CONTRIBUTOR")) return null;
    return isTrusted(args.document, args.operationName) ? null : refused();
  };
  return {
    // Resolved as the request is parsed, before Yoga insists on a query string.
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        const parsed = await requestParser(request);
        if (parsed instanceof Response || Array.isArray(parsed)) return parsed;
        return resolveDocument(parsed as Params, new URL(request.url).searchParams.get("documentId")) as GraphQLParams;
      });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
