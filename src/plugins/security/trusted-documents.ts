// Trusted documents (docs/security.md, docs/clients.md). The operations of the
// client contract (schema/operations/*.graphql) are known at start-up, each under
// its name and under the id GraphQL Code Generator gave it in the persisted-documents
// manifest (clients/generated/persisted-documents.json: "sha256:<hex>", the
// GraphQL-over-HTTP persisted documents format). Any client may send one by id
// (`documentId`, GET or POST, with or without the "sha256:" prefix, or Apollo's
// `extensions.persistedQuery.sha256Hash`) or by name (`documentId: "HomePage"`)
// instead of the text. With TRUSTED_DOCUMENTS_ONLY=true,
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
import { refuseOperationsWhen } from "./refuse-operation";

export interface TrustedDocuments {
  /** name or hash → canonical text */
  readonly byId: ReadonlyMap<string, string>;
  readonly hashes: ReadonlySet<string>;
  /** operation name → its id in the persisted-documents manifest ("sha256:<hex>"). */
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
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
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

/**
 * The contract's operations (dir) under the ids of the codegen manifest. Every
 * manifest entry must be one of the contract's operations and every operation
 * must have an entry: a stale manifest stops the server at start-up.
 */
export function loadTrustedDocuments(dir: string, manifestFile: string): TrustedDocuments {
  const files = readdirSync(dir).filter((f) => f.endsWith(".graphql"));
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: files.flatMap((f) => parse(readFileSync(join(dir, f), "utf8")).definitions),
  };
  const byId = new Map<string, string>();
  const hashes = new Set<string>();
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
    const text = canonicalText(document, definition.name.value)!;
    const hash = sha256(text);
    byId.set(definition.name.value, text);
    hashes.add(hash);
    names.add(definition.name.value);
  }
  const manifest: Record<string, string> = {};
  const entries = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, string>;
  for (const [id, text] of Object.entries(entries)) {
    // Codegen prints the operation normalised (selections sorted), so the same
    // operation sent with that text is trusted too.
    const parsed = parse(text);
    const name = getOperationAST(parsed)?.name?.value;
    const canonical = canonicalText(parsed);
    if (!name || !names.has(name) || canonical === null || !/^sha256:[0-9a-f]{64}$/.test(id)) {
      throw new Error(`${manifestFile}: ${id} is not one of the operations in ${dir}: run npm run codegen`);
    }
    hashes.add(sha256(canonical));
    byId.set(id, text);
    byId.set(id.slice("sha256:".length), text);
    manifest[name] = id;
  }
  const missing = [...names].filter((name) => !manifest[name]);
  if (missing.length) throw new Error(`${manifestFile} lacks ${missing.join(", ")}: run npm run codegen`);
  return { byId, hashes, manifest };
}

const refused = () =>
  new GraphQLError("This server accepts only the portal's published operations from anonymous clients: send one of them (by documentId or its exact text).", {
    extensions: { code: "FORBIDDEN", http: { status: 403 } },
  });

type Params = { query?: unknown; documentId?: unknown; extensions?: Record<string, unknown> | null } & Record<string, unknown>;

/**
 * The text of the trusted document a request names instead of sending its text
 * (documentId, or Apollo's extensions.persistedQuery.sha256Hash), or null when it
 * sends text or names none. NOT_FOUND for an unknown id.
 */
export function persistedText(documents: TrustedDocuments, params: Params, fromUrl: string | null = null): string | null {
  if (typeof params.query === "string" && params.query !== "") return null;
  const persisted = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  const id = typeof params.documentId === "string" ? params.documentId : typeof persisted === "string" ? persisted : fromUrl;
  if (id === null) return null;
  const text = documents.byId.get(id);
  if (!text) {
    throw new GraphQLError(`No trusted document has the id "${id.slice(0, 80)}".`, {
      extensions: { code: "NOT_FOUND", http: { status: 404 } },
    });
  }
  return text;
}

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
    const { documentId: _documentId, ...rest } = params;
    const query = persistedText(documents, params, fromUrl);
    return query === null ? rest : { ...rest, query };
  };
  const check = (args: { document: DocumentNode; operationName?: string | null; contextValue?: unknown }) => {
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
    ...refuseOperationsWhen(check),
  };
}
