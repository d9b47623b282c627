// Limits on what one request may ask for (docs/security.md): body size, query
// length, and, through GraphQL Armor, depth, cost, aliases, tokens and directives.
// Everything here runs before any resolver; a refusal is QUERY_TOO_COMPLEX.
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { GraphQLArmorRejectCallback } from "@escape.tech/graphql-armor-types";
import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../../env";
import { assertUtf8 } from "./text-input";

export function tooComplex(message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "QUERY_TOO_COMPLEX", http: { status } } });
}

/** GraphQL Armor, its refusals reported with the contract's code. */
export function useQueryLimits(config: Config): Plugin {
  // Validation rules report through the validation context; the token limit runs
  // inside the parser, which has none, so it throws.
  const reject: GraphQLArmorRejectCallback = (context, error) => {
    const refusal = tooComplex(error.message.replace(/^Syntax Error: /, ""));
    if (context) context.reportError(refusal);
    else throw refusal;
  };
  const callbacks = { onReject: [reject], propagateOnRejection: false };
  return EnvelopArmorPlugin({
    maxDepth: { n: config.MAX_QUERY_DEPTH, ...callbacks },
    costLimit: { maxCost: config.MAX_QUERY_COST, ...callbacks },
    maxAliases: { n: config.MAX_ALIASES, ...callbacks },
    maxTokens: { n: config.MAX_TOKENS, ...callbacks },
    maxDirectives: { n: config.MAX_DIRECTIVES, ...callbacks },
    // "Did you mean ...?" hints reveal the schema when introspection is off.
    blockFieldSuggestion: { enabled: !config.INTROSPECTION },
  }) as Plugin;
}

/** The query text itself: refused before it is parsed at all. */
export function useQueryLength(config: Config): Plugin {
  return {
    onParams({ params }) {
      if (typeof params.query === "string" && params.query.length > config.MAX_QUERY_LENGTH) {
        throw tooComplex(`The query is longer than ${config.MAX_QUERY_LENGTH} characters.`, 413);
      }
    },
  };
}

/**
 * The request body: a declared Content-Length over the limit is refused at once;
 * a body without one (chunked) is read only up to the limit. Uploads (multipart)
 * are left to the media module, which knows its per-kind file size limits.
 */
export function useBodyLimit(config: Config): Plugin {
  const limit = config.MAX_BODY_BYTES;
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.method !== "POST") return;
      if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/")) return;
      const declared = Number(request.headers.get("content-length") ?? NaN);
      if (declared > limit) throw bodyTooLarge(limit);
      if (!requestParser) return;
      // The body is read only up to the limit, then handed to Yoga's own parser in a
      // request made with Yoga's fetch API (its error answers stay those of the spec).
      setRequestParser(async (original) => {
        const bytes = await readAtMost(original, limit);
        // Bytes that are not UTF-8 are refused, never decoded into replacement characters.
        assertUtf8(bytes);
        const copy = new fetchAPI.Request(original.url, { method: "POST", headers: original.headers, body: bytes as unknown as BodyInit });
        return requestParser(copy);
      });
    },
  };
}

function bodyTooLarge(limit: number): GraphQLError {
  return tooComplex(`The request body is larger than ${limit} bytes.`, 413);
}

async function readAtMost(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * `first`/`last` written in the query are checked at validation, for every
 * connection field: over MAX_PAGE_SIZE or negative is BAD_USER_INPUT (the
 * resolvers check values passed in variables). Such a query is wrong rather than
 * expensive, so its cost refusal, which multiplies by the page size, is dropped.
 */
export function usePageSizeRule(config: Config): Plugin {
  const max = config.MAX_PAGE_SIZE;
  const rule = (context: ValidationContext): ASTVisitor => ({
    Argument(node) {
      const name = node.name.value;
      if ((name !== "first" && name !== "last") || node.value.kind !== Kind.INT) return;
      const n = Number(node.value.value);
      if (n < 0 || n > max) {
        context.reportError(
          new GraphQLError(`${name} must be between 0 and ${max}.`, {
            nodes: [node],
            extensions: { code: "BAD_USER_INPUT", fields: [name] },
          }),
        );
      }
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
      return ({ result, setResult }) => {
        if (!result.some((e) => e.extensions?.code === "BAD_USER_INPUT")) return;
        setResult(result.filter((e) => e.extensions?.code !== "QUERY_TOO_COMPLEX"));
      };
    },
  };
}
