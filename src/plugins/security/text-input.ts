// Text that no database column can hold: PostgreSQL refuses the NUL character
// (U+0000) in text, SQLite would store it and cut strings at it elsewhere. Any
// string variable carrying one is refused up front as the client's mistake,
// the same on both databases (and never an internal error).
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

const MAX_DEPTH = 64;

/** The path of the first string holding a NUL character, or null. */
function nulAt(value: unknown, path: string, depth: number): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

export function useTextInput(): Plugin {
  return {
    onParams({ params }) {
      const inVariables = nulAt(params.variables ?? {}, "", 0);
      // A NUL inside a string literal of the query: the raw character or its \u0000 escape.
      const inQuery = typeof params.query === "string" && /\u0000|\\u0000/.test(params.query);
      if (inVariables || inQuery) {
        throw new GraphQLError("Text may not contain the NUL character (U+0000).", {
          extensions: { code: "BAD_USER_INPUT", ...(inVariables && { fields: [inVariables] }), http: { status: 400 } },
        });
      }
    },
  };
}
