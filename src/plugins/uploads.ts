// The GraphQL multipart request spec (https://github.com/jaydenseric/graphql-multipart-request-spec),
// parsed with busboy under our own limits. Yoga's built-in parser would do, but it
// reduces a file name to its last path segment before we see it ("../../x.png" →
// "x.png") and has no per-file cap; here the name arrives as sent (and is refused by
// uploadMedia when it carries separators or control characters: issue #7), at most
// `maxFiles` files of at most `maxFileBytes` each are accepted, and every failure is
// a BAD_USER_INPUT answer rather than a server error.
import Busboy, { type BusboyInstance } from "@fastify/busboy";
import { Readable } from "node:stream";
import type { Plugin } from "graphql-yoga";
import { appError } from "../schema/errors";

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
}

const MAX_FIELD_BYTES = 2 * 1024 * 1024;

const invalid = (message: string, status = 400) => appError("BAD_USER_INPUT", message, { http: { status } });

export function multipartUploads(limits: MultipartLimits): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method === "POST" && /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
        setRequestParser((req) => parseMultipart(req, limits));
      }
    },
  };
}

type Operations = Record<string, unknown> | Record<string, unknown>[];

function parseMultipart(request: Request, limits: MultipartLimits): Promise<Operations> {
  const contentType = request.headers.get("content-type") ?? "";
  return new Promise((resolve, reject) => {
    if (!request.body) return reject(invalid("The multipart request has no body."));
    let parser: BusboyInstance;
    try {
      parser = Busboy({
        headers: { "content-type": contentType },
        preservePath: true,
        defCharset: "utf8",
        limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fields: 10, parts: limits.maxFiles + 10, fieldSize: MAX_FIELD_BYTES },
      });
    } catch {
      return reject(invalid("The multipart request has no boundary."));
    }
    // The body is the server's own stream class over node:http and a standard one through
    // yoga.fetch; both are async iterables of bytes.
    const source = Readable.from(request.body as unknown as AsyncIterable<Uint8Array>, { objectMode: false });
    const fields = new Map<string, string>();
    const files = new Map<string, File>();
    let pendingFiles = 0;
    let finished = false;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      // Drain what the client still sends, so it reads the answer instead of a reset connection.
      source.on("error", () => undefined).resume();
      reject(error);
    };
    const done = () => {
      if (settled || !finished || pendingFiles > 0) return;
      settled = true;
      try {
        resolve(assemble(fields, files));
      } catch (error) {
        reject(error as Error);
      }
    };
    parser.on("field", (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) return fail(invalid(`The multipart field "${name.slice(0, 50)}" is too large.`, 413));
      fields.set(name, value);
    });
    parser.on("file", (name, stream, fileName, _encoding, mimeType) => {
      pendingFiles++;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      stream.on("data", (chunk: Uint8Array<ArrayBuffer>) => chunks.push(chunk));
      stream.on("limit", () => fail(invalid("The file is too large.", 413)));
      stream.on("error", (error: Error) => fail(invalid(`The upload failed: ${error.message}`)));
      stream.on("end", () => {
        pendingFiles--;
        if (!stream.truncated) files.set(name, new File(chunks, fileName ?? "", { type: mimeType }));
        done();
      });
    });
    parser.on("filesLimit", () => fail(invalid(`At most ${limits.maxFiles} file(s) per request.`)));
    parser.on("fieldsLimit", () => fail(invalid("Too many multipart fields.")));
    parser.on("partsLimit", () => fail(invalid("Too many multipart parts.")));
    parser.on("error", (error: Error) => fail(invalid(`The multipart body is malformed: ${error.message}`)));
    parser.on("finish", () => {
      finished = true;
      done();
    });
    source.on("error", (error) => fail(error instanceof Error ? error : invalid("The request body could not be read.")));
    source.pipe(parser);
  });
}

/** `operations` with each file put where `map` says (the spec's "operations" and "map" fields). */
function assemble(fields: Map<string, string>, files: Map<string, File>): Operations {
  const operationsText = fields.get("operations");
  if (operationsText === undefined) throw invalid('The multipart field "operations" is missing.');
  let operations: unknown;
  let map: unknown;
  try {
    operations = JSON.parse(operationsText);
    map = JSON.parse(fields.get("map") ?? "{}");
  } catch {
    throw invalid('The multipart fields "operations" and "map" must be JSON.');
  }
  if (typeof operations !== "object" || operations === null) throw invalid('"operations" must be a JSON object or array.');
  if (typeof map !== "object" || map === null || Array.isArray(map)) throw invalid('"map" must be a JSON object.');
  for (const [fileField, paths] of Object.entries(map)) {
    const file = files.get(fileField);
    if (!file) throw invalid(`"map" names a file "${fileField.slice(0, 50)}" that was not sent.`);
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string")) throw invalid('"map" values must be arrays of paths.');
    for (const path of paths as string[]) place(operations as Record<string, unknown>, path, file);
  }
  return operations as Operations;
}

/** Sets `object.a.b.c` for the path "a.b.c", refusing prototype keys and paths outside the variables. */
function place(object: Record<string, unknown>, path: string, file: File): void {
  const keys = path.split(".");
  const variablesAt = Array.isArray(object) ? 1 : 0;
  if (keys[variablesAt] !== "variables" || keys.length <= variablesAt + 1) throw invalid(`"map" path "${path.slice(0, 80)}" must point into the variables.`);
  let current: Record<string, unknown> = object;
  keys.forEach((key, index) => {
    if (key === "__proto__" || key === "constructor" || key === "prototype") throw invalid(`"map" path "${path.slice(0, 80)}" is not allowed.`);
    if (index === keys.length - 1) {
      current[key] = file;
      return;
    }
    const next = current[key];
    if (typeof next !== "object" || next === null || !Object.hasOwn(current, key)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  });
}
