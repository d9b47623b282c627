// Serves the editors' console (admin/, built into admin/dist by scripts/admin-build.ts)
// at /admin, from the same origin as the API it talks to. Every page of the app
// (/admin, /admin/articles/..., deep links) answers the same index.html; the
// hashed assets under /admin/assets/ are cached for a year. The console runs
// under a strict Content-Security-Policy: scripts, styles, images and connections
// from this origin only, no inline script or style, no frame, no plugin.
// A Yoga plugin, so it answers through yoga.fetch and through node:http alike.
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "graphql-yoga";

export const ADMIN_PATH = "/admin";

export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const defaultDist = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "admin", "dist");

export function adminRoutes(options: { dist?: string } = {}): Plugin {
  const dist = normalize(options.dist ?? defaultDist);
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      const { pathname } = url;
      if (pathname !== ADMIN_PATH && !pathname.startsWith(`${ADMIN_PATH}/`)) return;
      return serve(dist, request, pathname, fetchAPI.Response)
        .catch(() => new fetchAPI.Response("Internal error\n", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } }))
        .then(endResponse);
    },
  };
}

async function serve(dist: string, request: Request, pathname: string, Response: typeof globalThis.Response): Promise<Response> {
  const common = {
    "x-content-type-options": "nosniff",
    "content-security-policy": ADMIN_CSP,
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
  };
  const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
    new Response(text, { status, headers: { ...common, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
  if (request.method !== "GET" && request.method !== "HEAD") return plain(405, "Method not allowed\n", { allow: "GET, HEAD" });
  if (pathname === ADMIN_PATH) return new Response(null, { status: 308, headers: { ...common, location: `${ADMIN_PATH}/` } });

  let relativePath: string;
  try {
    relativePath = decodeURIComponent(pathname.slice(ADMIN_PATH.length + 1));
  } catch {
    return plain(400, "Bad request\n");
  }
  const isAsset = extname(relativePath) !== "";
  // A page of the app (no file extension): the app's shell, which routes in the browser.
  const file = normalize(join(dist, isAsset ? relativePath : "index.html"));
  if (!file.startsWith(dist + sep) || relativePath.includes("\0") || relativePath.split("/").some((part) => part.startsWith("."))) {
    return plain(404, "Not found\n");
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (!isAsset) {
      return plain(
        503,
        "Trang quản trị chưa được dựng: chạy `npm run admin:build` (npm start tự làm việc này).\nThe editors' console is not built: run `npm run admin:build`.\n",
      );
    }
    return plain(404, "Not found\n");
  }
  const hashed = relativePath.startsWith("assets/");
  const headers = {
    ...common,
    "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": String(info.size),
    // Hashed file names never change; the shell is revalidated so a new build shows at once.
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    "last-modified": info.mtime.toUTCString(),
  };
  const since = request.headers.get("if-modified-since");
  if (!hashed && since && Date.parse(since) >= Math.floor(info.mtimeMs / 1000) * 1000) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : await readFile(file), { status: 200, headers });
}
