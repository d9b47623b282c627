// Text no column should hold (docs/security-limits.md): PostgreSQL refuses the
// NUL character (U+0000) in text, SQLite would store it and cut strings at it
// elsewhere, and the other control characters, noncharacters, lone surrogates and
// the replacement character (the mark of text decoded from broken bytes) only
// ever arrive by mistake or malice. They are refused however they are written:
// the checks read the values a request carries once decoded (string literals of
// the parsed query, whatever escape wrote them, and the variables' values), on
// every transport, before any resolver. Tab, line feed and carriage return are
// text. A body or query string that is not valid UTF-8 is refused as a whole
// (400) before it is parsed, rather than stored with replacement characters.
import { GraphQLError, visit, type DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { refuseOperationsWhen } from "./refuse-operation";

const MAX_DEPTH = 64;

// C0 controls but tab, LF and CR; DEL and C1 controls; noncharacters; the
// replacement character; a surrogate not part of a pair.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/** The first forbidden character of a text, as U+XXXX, or null. */
export function forbiddenCharacter(text: string): string | null {
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  return `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The path and character of the first string value holding a forbidden character, or null. */
function forbiddenIn(value: unknown, path: string, depth: number): { path: string; character: string } | null {
  if (typeof value === "string") {
    const character = forbiddenCharacter(value);
    return character ? { path, character } : null;
  }
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return null;
  // An uploaded file is bytes, not text.
  if (typeof File !== "undefined" && value instanceof File) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = forbiddenIn(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

function refused(character: string, field: string | null): GraphQLError {
  const what = character === "U+0000" ? "the NUL character (U+0000)" : `the control or invalid character ${character}`;
  return new GraphQLError(`Text may not contain ${what}.`, {
    extensions: { code: "BAD_USER_INPUT", ...(field && { fields: [field] }), http: { status: 400 } },
  });
}

/** The string literals of a parsed document (block strings and every escape form decoded by the parser). */
function forbiddenInDocument(document: DocumentNode): { path: string | null; character: string } | null {
  let found: { path: string | null; character: string } | null = null;
  let argument: string | null = null;
  visit(document, {
    Argument: {
      enter(node) {
        argument = node.name.value;
      },
      leave() {
        argument = null;
      },
    },
    StringValue(node) {
      if (found) return false;
      const character = forbiddenCharacter(node.value);
      if (character) found = { path: argument, character };
      return undefined;
    },
  });
  // A name cannot hold such characters (the lexer refuses them); only values can.
  return found;
}

export function useTextInput(): Plugin {
  const checked = new WeakMap<DocumentNode, { path: string | null; character: string } | null>();
  const check = (args: { document: DocumentNode; variableValues?: Record<string, unknown> | null }) => {
    let inDocument = checked.get(args.document);
    if (inDocument === undefined) checked.set(args.document, (inDocument = forbiddenInDocument(args.document)));
    if (inDocument) return refused(inDocument.character, inDocument.path);
    const inVariables = forbiddenIn(args.variableValues ?? {}, "", 0);
    return inVariables ? refused(inVariables.character, inVariables.path) : null;
  };
  return {
    // HTTP: the query string of a GET must be valid UTF-8 once percent-decoded.
    onRequestParse({ request, url }) {
      if (request.method !== "GET") return;
      for (const part of url.search.slice(1).split("&")) {
        try {
          decodeURIComponent(part.replace(/\+/g, " "));
        } catch {
          throw invalidEncoding();
        }
      }
    },
    ...refuseOperationsWhen(check),
  };
}

export function invalidEncoding(): GraphQLError {
  return new GraphQLError("The request is not valid UTF-8.", { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
}

const strict = new TextDecoder("utf-8", { fatal: true });

/** Throws BAD_USER_INPUT (400) unless the bytes are valid UTF-8. */
export function assertUtf8(bytes: Uint8Array): void {
  try {
    strict.decode(bytes);
  } catch {
    throw invalidEncoding();
  }
}
