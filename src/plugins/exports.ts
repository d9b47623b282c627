// Downloads of the royalty report: GET /exports/royalties.csv and
// /exports/royalties.xlsx with ?month=YYYY-MM[&byline=...][&categoryId=<Category ID>].
// For APPROVER and ADMIN, authenticated either by `Authorization: Bearer <token>`
// or by the short-lived `token` of a link from RoyaltyReport.csvUrl / xlsxUrl (a
// browser cannot send the header when it opens a link). A Yoga plugin, so it
// answers through yoga.fetch and node:http alike.
import type { Plugin } from "graphql-yoga";
import type { App } from "../app";
import { atLeast, type Viewer } from "../services/access";
import { royaltyCsv, royaltyXlsx, type ExportFormat } from "../services/royalty-export";
import { DomainError } from "../services/errors";
import { royaltyReport } from "../services/royalties";
import { viewerFrom } from "../context";

const PATHS = { "/exports/royalties.csv": "csv", "/exports/royalties.xlsx": "xlsx" } as const;
type Format = ExportFormat;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function exportRoutes(app: App): Plugin {
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      const format = PATHS[url.pathname as keyof typeof PATHS];
      if (!format) return;
      const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
        new fetchAPI.Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
      if (request.method !== "GET") return endResponse(plain(405, "Method not allowed", { allow: "GET" }));
      return serve(app, request, url, format)
        .then((file) => new fetchAPI.Response(new Uint8Array(file.body), { status: 200, headers: file.headers }))
        .catch((error: unknown) => {
          if (error instanceof HttpError) return plain(error.status, error.message);
          const code = (error as { extensions?: { code?: string } }).extensions?.code;
          if (code === "UNAUTHENTICATED") return plain(401, (error as Error).message, { "www-authenticate": "Bearer" });
          if (code === "BAD_USER_INPUT" || (error instanceof DomainError && error.kind === "INVALID")) return plain(400, (error as Error).message);
          app.logger.error({ err: error }, "royalty export failed");
          return plain(500, "Internal error");
        })
        .then(endResponse);
    },
  };
}

async function serve(app: App, request: Request, url: URL, format: Format) {
  const viewer = await exportViewer(app, request, url);
  if (!viewer) throw new HttpError(401, "Sign in first: send Authorization: Bearer <token>, or open a link from royaltyReport.");
  if (!atLeast(viewer.role, "APPROVER")) throw new HttpError(403, "Royalty reports are for approvers and administrators.");
  const month = url.searchParams.get("month") ?? "";
  const byline = url.searchParams.get("byline");
  const categoryParam = url.searchParams.get("categoryId");
  let categoryId: string | null = null;
  if (categoryParam) {
    const decoded = Buffer.from(categoryParam, "base64").toString("utf8");
    if (!decoded.startsWith("Category:")) throw new HttpError(400, "categoryId must be the ID of a Category.");
    categoryId = decoded.slice("Category:".length);
  }
  if (byline && byline.length > 300) throw new HttpError(400, "byline: at most 300 characters.");
  const report = await royaltyReport(app.db, app.config.SITE_TIMEZONE, { month, byline, categoryId });
  const name = `nhuan-but-${month}`;
  const common = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };
  if (format === "csv") {
    return {
      body: royaltyCsv(report, app.config.SITE_TIMEZONE),
      headers: { ...common, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
    };
  }
  const site = await app.db.site.findUnique({ where: { id: 1 }, select: { name: true } });
  return {
    body: await royaltyXlsx(report, app.config.SITE_TIMEZONE, site?.name ?? "Cổng thông tin điện tử"),
    headers: {
      ...common,
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}.xlsx"`,
    },
  };
}

/** The user of an export request: a download link's token (for exactly this resource), or the Authorization header. */
async function exportViewer(app: App, request: Request, url: URL): Promise<Viewer | null> {
  const token = url.searchParams.get("token");
  if (!token) return viewerFrom(app, request.headers.get("authorization"));
  const now = app.clock.now();
  const claims = await app.downloads.verify(token, now);
  const query = new URLSearchParams(url.searchParams);
  query.delete("token");
  if (!claims || claims.resource !== `${url.pathname}?${query.toString()}`) {
    throw new HttpError(401, "This download link is invalid or has expired: ask for a new one.");
  }
  const user = await app.db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, name: true, role: true, tokenVersion: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt || user.tokenVersion !== claims.tokenVersion) throw new HttpError(401, "This download link has been revoked.");
  return { id: user.id, name: user.name, role: user.role };
}
