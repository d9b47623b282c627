// The GraphQL multipart request spec (https://github.com/jaydenseric/graphql-multipart-request-spec),
// parsed with busboy under our own limits. Yoga's built-in parser would do, but it
// reduces a file name to its last path segment before we see it ("../../x.png" →
// "x.png") and has no per-file cap; here the name arrives as sent (and is refused by
// uploadMedia when it carries separators or control characters), at most
// `maxFiles` files of at most `maxFileBytes` each are accepted, and every failure is
// a BAD_USER_INPUT answer rather than a server error.
// Who sends the request is decided from its headers before any part is read: an
// anonymous or READER request is refused without reading its body (and its
// connection closed, so the rest is never read either). An accepted request takes
// an upload slot (UPLOADS_IN_FLIGHT_PER_USER, UPLOADS_IN_FLIGHT) until it is
// answered, and its files are streamed to temporary files on disk, never held in
// memory, and removed once the request is answered.
import Busboy, { type BusboyInstance } from "@fastify/busboy";
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, openAsBlob, rmSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { appError } from "../schema/errors";

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
}

export interface MultipartOptions extends MultipartLimits {
  /** Who may upload, from the request's headers alone: the user's id, or a thrown refusal. */
  authorize(request: Request): Promise<string>;
  slots: UploadSlots;
  /** Where files are written while their request runs. */
  tempDir: string;
}

/** Uploads in flight, per user and in total. */
export class UploadSlots {
  private readonly byUser = new Map<string, number>();
  private total = 0;
  constructor(
    private readonly perUser: number,
    private readonly overall: number,
  ) {}

  /** A release function, or null when the user or the server has all it may have. */
  acquire(user: string): (() => void) | null {
    const mine = this.byUser.get(user) ?? 0;
    if (mine >= this.perUser || this.total >= this.overall) return null;
    this.byUser.set(user, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byUser.get(user) ?? 1) - 1;
      if (left <= 0) this.byUser.delete(user);
      else this.byUser.set(user, left);
    };
  }

  get inFlight(): number {
    return this.total;
  }
}

const slotsOf = new WeakMap<object, UploadSlots>();

/** The upload slots of an app (one per app, whatever the number of its servers). */
export function uploadSlots(app: object, limits: { UPLOADS_IN_FLIGHT_PER_USER: number; UPLOADS_IN_FLIGHT: number }): UploadSlots {
  let slots = slotsOf.get(app);
  if (!slots) slotsOf.set(app, (slots = new UploadSlots(limits.UPLOADS_IN_FLIGHT_PER_USER, limits.UPLOADS_IN_FLIGHT)));
  return slots;
}

/** A refusal with its HTTP status; `close`: it also closes the connection, so the body the client is still sending is never read. */
function refusal(error: unknown, close: boolean): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const code = error.extensions?.code;
  const status = code === "UNAUTHENTICATED" ? 401 : code === "FORBIDDEN" ? 403 : undefined;
  const http = (error.extensions?.http ?? {}) as { status?: number; headers?: Record<string, string> };
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, http: { ...http, ...(status && { status }), headers: { ...http.headers, ...(close && { connection: "close" }) } } },
  });
}

const MAX_FIELD_BYTES = 2 * 1024 * 1024;
/** Refused uploads up to this declared size are read (and dropped) before the answer; larger ones close the connection. */
const SMALL_REFUSED_BODY_BYTES = 64 * 1024;

const invalid = (message: string, status = 400) => appError("BAD_USER_INPUT", message, { http: { status } });

export function multipartUploads(options: MultipartOptions): Plugin {
  // What each request must undo once answered: its slot, its temporary files.
  const cleanups = new WeakMap<Request, Array<() => void>>();
  const cleanUp = (request: Request) => {
    for (const undo of cleanups.get(request) ?? []) undo();
    cleanups.delete(request);
  };
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method === "POST" && /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
        setRequestParser(async (req) => {
          let user: string;
          try {
            user = await options.authorize(req);
          } catch (error) {
            // A small body is read and dropped, so that every client (fetch
            // included, which would see a broken pipe) reads the refusal; a
            // large or unsized one is never read: the connection closes.
            const declared = Number(req.headers.get("content-length") ?? NaN);
            if (declared <= SMALL_REFUSED_BODY_BYTES) {
              await req.arrayBuffer().catch(() => undefined);
              throw refusal(error, false);
            }
            throw refusal(error, true);
          }
          const release = options.slots.acquire(user);
          if (!release) {
            throw new GraphQLError("Too many uploads in progress: try again when one has finished.", {
              extensions: { code: "RATE_LIMITED", retryAfter: 5, http: { status: 429, headers: { "retry-after": "5", connection: "close" } } },
            });
          }
          const undo = [release];
          cleanups.set(request, undo);
          if (req !== request) cleanups.set(req, undo);
          return parseMultipart(req, options, (path) => undo.push(() => rmSync(path, { force: true })));
        });
      }
    },
    onResponse({ request }) {
      cleanUp(request);
    },
  };
}

type Operations = Record<string, unknown> | Record<string, unknown>[];

function parseMultipart(request: Request, limits: MultipartOptions, onTempFile: (path: string) => void): Promise<Operations> {
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
      // Straight to disk: memory holds a chunk at a time, whatever the file's size.
      mkdirSync(limits.tempDir, { recursive: true });
      const path = join(limits.tempDir, randomUUID());
      onTempFile(path);
      stream.on("limit", () => fail(invalid("The file is too large.", 413)));
      pipeline(stream, createWriteStream(path, { flags: "wx", mode: 0o600 }))
        .then(async () => {
          if (!stream.truncated) {
            const blob = await openAsBlob(path, { type: mimeType });
            files.set(name, new File([blob], fileName ?? "", { type: mimeType }));
          }
          pendingFiles--;
          done();
        })
        .catch((error: Error) => fail(invalid(`The upload failed: ${error.message}`)));
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
