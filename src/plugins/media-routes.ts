// Serves stored files at /media/<storageKey>: the right Content-Type (the one
// sniffed at upload), nosniff, a sandboxing CSP, long-lived caching of public files
// (a key's bytes never change; a file no published article shows is served only
// with a valid signature, privately: src/services/media/access.ts), Content-Disposition with the original name (RFC 6266 with an
// RFC 5987 filename*), and single byte ranges so video can seek (RFC 9110 §14).
// A Yoga plugin, so it answers through yoga.fetch and through node:http alike.
import type { Plugin } from "graphql-yoga";
import type { App } from "../app";
import type { MediaKind } from "../db/client";
import { isPublicFile } from "../services/media/access";
import { isStorageKey, type ByteRange } from "../services/media/storage";

export const MEDIA_PATH = "/media/";

const ONE_YEAR = 365 * 24 * 3600;

export function mediaRoutes(app: App): Plugin {
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      if (!url.pathname.startsWith(MEDIA_PATH)) return;
      return (
        serveMedia(app, request, url.pathname.slice(MEDIA_PATH.length), url.searchParams, fetchAPI.Response)
          // Never a stack trace or a file path in the answer.
          .catch((error: unknown) => {
            console.error(`media: serving ${url.pathname} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
            return new fetchAPI.Response("Internal error\n", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
          })
          .then(endResponse)
      );
    },
  };
}

type ResponseClass = typeof Response;

async function serveMedia(app: App, request: Request, key: string, params: URLSearchParams, Response: ResponseClass): Promise<Response> {
  const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
    new Response(text, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store", ...headers },
    });
  if (request.method !== "GET" && request.method !== "HEAD") return plain(405, "Method not allowed\n", { allow: "GET, HEAD" });
  if (!isStorageKey(key)) return plain(404, "Not found\n");
  const media = await app.db.media.findUnique({
    where: { storageKey: key },
    select: { id: true, kind: true, contentType: true, fileName: true, createdAt: true, deletedAt: true },
  });
  if (!media || media.deletedAt) return plain(404, "Not found\n");
  const now = app.clock.now();
  const open = await isPublicFile(app.db, media.id, key, now);
  // Not public and no valid signature: the same answer as for a file that does not exist.
  if (!open && !app.mediaUrls.verify(key, params, now)) return plain(404, "Not found\n");
  const stored = await app.media.stat(key);
  if (!stored) return plain(404, "Not found\n");

  const etag = `"${key.slice(8, 40)}"`;
  const headers: Record<string, string> = {
    "content-type": media.contentType,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "cross-origin-resource-policy": "cross-origin",
    // A file that is not public may become so, or stop being shown: nobody keeps a copy.
    "cache-control": open ? `public, max-age=${ONE_YEAR}, immutable` : "private, no-store",
    ...(!open && { "referrer-policy": "no-referrer" }),
    "content-disposition": contentDisposition(dispositionFor(media.kind), media.fileName),
    "accept-ranges": "bytes",
    etag,
    "last-modified": media.createdAt.toUTCString(),
  };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });

  const rangeHeader = request.headers.get("range");
  const ifRange = request.headers.get("if-range");
  const range = rangeHeader && (!ifRange || ifRange === etag) ? parseRange(rangeHeader, stored.size) : null;
  if (range === "unsatisfiable") {
    return plain(416, "Range not satisfiable\n", { "content-range": `bytes */${stored.size}`, "accept-ranges": "bytes" });
  }
  const body = (part?: ByteRange) => (request.method === "HEAD" ? null : app.media.read(key, part));
  if (range) {
    headers["content-range"] = `bytes ${range.start}-${range.end}/${stored.size}`;
    headers["content-length"] = String(range.end - range.start + 1);
    return new Response(body(range), { status: 206, headers });
  }
  headers["content-length"] = String(stored.size);
  return new Response(body(), { status: 200, headers });
}

/** Documents download; pictures and video show in the browser. */
const dispositionFor = (kind: MediaKind) => (kind === "DOCUMENT" ? "attachment" : "inline");

/**
 * RFC 6266 Content-Disposition with both forms of the name: an ASCII fallback
 * ("Quyết định số 12.pdf" → "Quyet dinh so 12.pdf") for old clients, and the exact
 * UTF-8 name as RFC 5987 `filename*`, which every current browser prefers.
 */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const fallback = fileName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  // encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(fileName.normalize("NFC")).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/**
 * One byte range of a `Range: bytes=...` header (RFC 9110 §14.1.2): "a-b", "a-" or
 * "-n". Several ranges, other units or malformed values give null: the full
 * representation is then sent, which the RFC allows.
 */
export function parseRange(header: string, size: number): ByteRange | "unsatisfiable" | null {
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start) || start >= size) return "unsatisfiable";
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(end) || end < start) return last === "" ? "unsatisfiable" : null;
  return { start, end };
}
