// The hand-written baseline of the benchmark (docs/performance.md): node:http and
// better-sqlite3, no GraphQL engine, no ORM. It answers the benchmark's contract
// operations (recognised by operationName; the query text is not parsed) with
// byte-for-byte the JSON the GraphQL server gives for them, so the two can be
// compared on the same data. It reads what the server reads (visibility, the
// viewer's version, grants, token checks) and nothing more.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Database from "better-sqlite3";
import { jwtVerify } from "jose";
import { parseDatabaseUrl } from "../src/db/url";
import { addDays, dayOf, monthStart, weekStart } from "../src/services/site-time";
import { parseSearchQuery, toFts5Match } from "../src/services/search/query";

type Row = Record<string, any>;
type Viewer = { id: string; name: string; role: string };

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const cursorOf = (value: string | number | null, id: string) => Buffer.from(JSON.stringify([value, id])).toString("base64url");
/** Prisma's SQLite text form of a DateTime, for comparisons in SQL. */
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const iso = (stored: string | null) => (stored === null ? null : new Date(stored).toISOString());
const mediaUrl = (m: { storageKey: string | null; externalUrl: string | null; id: string }) => m.externalUrl ?? `/media/${m.storageKey ?? m.id}`;

export function createBaseline(databaseFile: string, jwtSecret: string, timeZone = "Asia/Ho_Chi_Minh") {
  const db = new Database(databaseFile, { readonly: false, fileMustExist: true });
  db.pragma("journal_mode = WAL");
  const key = new TextEncoder().encode(jwtSecret);

  const LIVE = `a."deletedAt" IS NULL AND a."publishedVersionId" IS NOT NULL AND a."publishedAt" <= @now AND (a."expireAt" IS NULL OR a."expireAt" > @now)`;
  const PUBLIC = `${LIVE} AND (a."inheritsPermissions" = 1 OR a."isPublic" = 1)`;
  const CARD = `a."id", a."slug", a."publishedAt", a."viewCount", v."title", v."summary", v."featured", v."byline", v."alternateUrl",
    m."id" AS "mId", m."storageKey" AS "mKey", m."externalUrl" AS "mExt", m."width" AS "mWidth", m."height" AS "mHeight", m."description" AS "mDesc",
    c."id" AS "cId", c."slug" AS "cSlug", c."name" AS "cName"`;
  const CARD_FROM = `"Article" a JOIN "ArticleVersion" v ON v."id" = a."publishedVersionId"
    LEFT JOIN "Media" m ON m."id" = v."coverImageId" LEFT JOIN "Category" c ON c."id" = v."categoryId"`;

  const stmt = {
    site: db.prepare(`SELECT "name", "responsiblePerson", "address", "phone", "fax", "email", "totalVisits" FROM "Site" WHERE "id" = 1`),
    visits: db.prepare(`SELECT COALESCE(SUM("visits"), 0) AS n FROM "SiteDailyStat" WHERE "day" >= ? AND "day" <= ?`),
    featured: db.prepare(`SELECT ${CARD} FROM ${CARD_FROM} WHERE ${PUBLIC} AND v."featured" = 1 ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT @take`),
    latest: db.prepare(`SELECT ${CARD} FROM ${CARD_FROM} WHERE ${PUBLIC} ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT @take`),
    categories: db.prepare(`SELECT "id", "slug", "name" FROM "Category" ORDER BY "position" ASC, "name" ASC, "id" ASC`),
    categoryCounts: db.prepare(
      `SELECT v."categoryId" AS id, COUNT(*) AS n FROM "ArticleVersion" v JOIN "Article" a ON a."publishedVersionId" = v."id" WHERE ${PUBLIC} GROUP BY v."categoryId"`,
    ),
    category: db.prepare(`SELECT "id", "name", "description" FROM "Category" WHERE "slug" = ?`),
    categoryPage: db.prepare(
      `SELECT ${CARD} FROM ${CARD_FROM} WHERE ${PUBLIC} AND v."categoryId" = @category ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT @take`,
    ),
    categoryPageAfter: db.prepare(
      `SELECT ${CARD} FROM ${CARD_FROM} WHERE ${PUBLIC} AND v."categoryId" = @category
       AND (a."publishedAt" < @after OR (a."publishedAt" = @after AND a."id" < @afterId))
       ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT @take`,
    ),
    categoryTotal: db.prepare(
      `SELECT COUNT(*) AS n FROM "Article" a JOIN "ArticleVersion" v ON v."id" = a."publishedVersionId" WHERE ${PUBLIC} AND v."categoryId" = @category`,
    ),
    article: db.prepare(
      `SELECT ${CARD}, v."id" AS "versionId", v."body", v."articleType", v."pageCount", v."photoCount", v."label", v."createdAt" AS "versionCreatedAt",
        u."id" AS "uId", u."name" AS "uName"
       FROM ${CARD_FROM} LEFT JOIN "User" u ON u."id" = a."createdById" WHERE a."slug" = @slug AND ${PUBLIC}`,
    ),
    versionMedia: db.prepare(
      `SELECT l."role", m."id", m."fileName", m."storageKey", m."externalUrl", m."contentType", m."size", m."description", m."kind"
       FROM "ArticleVersionMedia" l JOIN "Media" m ON m."id" = l."mediaId" WHERE l."versionId" = ? ORDER BY l."role" ASC, l."position" ASC`,
    ),
    user: db.prepare(`SELECT "id", "name", "role", "tokenVersion" FROM "User" WHERE "id" = ?`),
  };

  /** Rows an EDITOR or APPROVER may see: published ones, and every inheriting or granted one they may edit. */
  const STAFF_READABLE = `(${LIVE} AND (a."inheritsPermissions" = 1 OR a."isPublic" = 1 OR (a."inheritsPermissions" = 0 AND EXISTS
      (SELECT 1 FROM "ArticleGrant" g WHERE g."articleId" = a."id" AND g."userId" = @uid))))
    OR (a."deletedAt" IS NULL AND (a."inheritsPermissions" = 1
      OR (a."inheritsPermissions" = 0 AND EXISTS (SELECT 1 FROM "ArticleGrant" g WHERE g."articleId" = a."id" AND g."userId" = @uid AND g."role" IN ('EDITOR', 'APPROVER', 'ADMIN')))
      OR (a."inheritsPermissions" = 0 AND a."createdById" = @uid AND EXISTS (SELECT 1 FROM "ArticleGrant" g WHERE g."articleId" = a."id" AND g."userId" = @uid AND g."role" = 'CONTRIBUTOR'))))`;
  const editorStmt = {
    page: db.prepare(
      `SELECT a."id", a."slug", a."status", a."publishedAt", a."viewCount", a."createdAt", a."updatedAt", a."inheritsPermissions", a."createdById",
        a."currentVersionId", a."publishedVersionId", sv."publishAt" AS "scheduledFor",
        cu."id" AS "cuId", cu."name" AS "cuName", uu."id" AS "uuId", uu."name" AS "uuName",
        (SELECT g."role" FROM "ArticleGrant" g WHERE g."articleId" = a."id" AND g."userId" = @uid) AS "grantRole"
       FROM "Article" a LEFT JOIN "ArticleVersion" sv ON sv."id" = a."scheduledVersionId"
       LEFT JOIN "User" cu ON cu."id" = a."createdById" LEFT JOIN "User" uu ON uu."id" = a."updatedById"
       WHERE ${STAFF_READABLE} ORDER BY a."updatedAt" DESC, a."id" DESC LIMIT @take`,
    ),
    pageAfter: db.prepare(
      `SELECT a."id", a."slug", a."status", a."publishedAt", a."viewCount", a."createdAt", a."updatedAt", a."inheritsPermissions", a."createdById",
        a."currentVersionId", a."publishedVersionId", sv."publishAt" AS "scheduledFor",
        cu."id" AS "cuId", cu."name" AS "cuName", uu."id" AS "uuId", uu."name" AS "uuName",
        (SELECT g."role" FROM "ArticleGrant" g WHERE g."articleId" = a."id" AND g."userId" = @uid) AS "grantRole"
       FROM "Article" a LEFT JOIN "ArticleVersion" sv ON sv."id" = a."scheduledVersionId"
       LEFT JOIN "User" cu ON cu."id" = a."createdById" LEFT JOIN "User" uu ON uu."id" = a."updatedById"
       WHERE (${STAFF_READABLE}) AND (a."updatedAt" < @after OR (a."updatedAt" = @after AND a."id" < @afterId))
       ORDER BY a."updatedAt" DESC, a."id" DESC LIMIT @take`,
    ),
    total: db.prepare(`SELECT COUNT(*) AS n FROM "Article" a WHERE ${STAFF_READABLE}`),
  };

  const card = (r: Row) => ({
    id: gid("Article", r.id),
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    publishedAt: iso(r.publishedAt),
    featured: r.featured === 1,
    byline: r.byline,
    viewCount: r.viewCount,
    alternateUrl: r.alternateUrl,
    coverImage: r.mId
      ? { url: mediaUrl({ id: r.mId, storageKey: r.mKey, externalUrl: r.mExt }), width: r.mWidth, height: r.mHeight, description: r.mDesc }
      : null,
    category: r.cId ? { id: gid("Category", r.cId), slug: r.cSlug, name: r.cName } : null,
  });
  const edges = (rows: Row[]) => ({ edges: rows.map((r) => ({ node: card(r) })) });

  function homePage(now: Date) {
    const p = { now: sqlDate(now) };
    const site = stmt.site.get() as Row;
    const today = dayOf(now, timeZone);
    const visits = (from: string, to: string) => (stmt.visits.get(from, to) as Row).n as number;
    const counts = new Map((stmt.categoryCounts.all(p) as Row[]).map((r) => [r.id, r.n]));
    return {
      site: {
        name: site.name,
        responsiblePerson: site.responsiblePerson,
        address: site.address,
        phone: site.phone,
        fax: site.fax,
        email: site.email,
        statistics: {
          totalVisits: site.totalVisits,
          online: 0,
          today: visits(today, today),
          yesterday: visits(addDays(today, -1), addDays(today, -1)),
          thisWeek: visits(weekStart(today), today),
          thisMonth: visits(monthStart(today), today),
        },
      },
      featured: edges(stmt.featured.all({ ...p, take: 5 }) as Row[]),
      latest: edges(stmt.latest.all({ ...p, take: 10 }) as Row[]),
      categories: (stmt.categories.all() as Row[]).map((c) => ({ id: gid("Category", c.id), slug: c.slug, name: c.name, articleCount: counts.get(c.id) ?? 0 })),
    };
  }

  function categoryPage(now: Date, vars: Row) {
    const category = stmt.category.get(vars.slug) as Row | undefined;
    if (!category) return { category: null };
    const first = vars.first ?? 20;
    const p = { now: sqlDate(now), category: category.id, take: first + 1 };
    let rows: Row[];
    if (vars.after) {
      const [value, id] = JSON.parse(Buffer.from(vars.after, "base64url").toString("utf8"));
      rows = stmt.categoryPageAfter.all({ ...p, after: sqlDate(new Date(value)), afterId: id }) as Row[];
    } else {
      rows = stmt.categoryPage.all(p) as Row[];
    }
    const page = rows.slice(0, first);
    const cursors = page.map((r) => cursorOf(iso(r.publishedAt), r.id));
    return {
      category: {
        id: gid("Category", category.id),
        name: category.name,
        description: category.description,
        articles: {
          totalCount: (stmt.categoryTotal.get(p) as Row).n,
          pageInfo: { hasNextPage: rows.length > first, endCursor: cursors.at(-1) ?? null },
          edges: page.map((r, i) => ({ cursor: cursors[i], node: card(r) })),
        },
      },
    };
  }

  function articlePage(now: Date, vars: Row) {
    const r = stmt.article.get({ now: sqlDate(now), slug: vars.slug }) as Row | undefined;
    if (!r) return { article: null };
    const media = stmt.versionMedia.all(r.versionId) as Row[];
    return {
      article: {
        ...card(r),
        body: r.body,
        articleType: r.articleType,
        pageCount: r.pageCount,
        photoCount: r.photoCount,
        version: r.label,
        updatedAt: iso(r.versionCreatedAt),
        author: r.uId ? { id: gid("User", r.uId), name: r.uName } : null,
        attachments: media
          .filter((m) => m.role === "ATTACHMENT")
          .map((m) => ({ id: gid("Media", m.id), fileName: m.fileName, url: mediaUrl(m as never), contentType: m.contentType, size: m.size })),
        gallery: media
          .filter((m) => m.role === "GALLERY")
          .map((m) => ({ id: gid("Media", m.id), url: mediaUrl(m as never), description: m.description, kind: m.kind })),
      },
    };
  }

  /**
   * Full-text search, anonymous, first page, with the search module's SQL shape
   * (src/services/search/engine.ts): the contentless FTS5 table over folded
   * version text, its key table, rank tiers (whole query in the title, then in
   * title and summary, then anywhere), newest first within a tier. The cursor is
   * the row's position among the visible matches.
   */
  function searchArticles(now: Date, vars: Row) {
    const parsed = parseSearchQuery(String(vars.query ?? ""));
    const first = vars.first ?? 20;
    if (!parsed) return { articles: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } };
    const p = {
      now: sqlDate(now),
      match: toFts5Match(parsed),
      title: toFts5Match(parsed, ["searchTitle"]),
      head: toFts5Match(parsed, ["searchTitle", "searchSummary"]),
      take: first + 1,
    };
    const matches = `FROM "ArticleVersionFts" f JOIN "ArticleVersionSearchKey" k ON k."key" = f."rowid"
      JOIN ${CARD_FROM.replace(`ON v."id" = a."publishedVersionId"`, `ON v."id" = a."publishedVersionId" AND v."id" = k."versionId"`)}
      WHERE "ArticleVersionFts" MATCH @match AND ${PUBLIC}`;
    const rows = db
      .prepare(
        `SELECT ${CARD},
           CASE WHEN f."rowid" IN (SELECT "rowid" FROM "ArticleVersionFts" WHERE "ArticleVersionFts" MATCH @title) THEN 0
                WHEN f."rowid" IN (SELECT "rowid" FROM "ArticleVersionFts" WHERE "ArticleVersionFts" MATCH @head) THEN 1
                ELSE 2 END AS "tier"
         ${matches} ORDER BY "tier", a."publishedAt" DESC, a."id" LIMIT @take`,
      )
      .all(p) as Row[];
    const total = db.prepare(`SELECT COUNT(*) AS n ${matches}`).get({ now: p.now, match: p.match }) as Row;
    const page = rows.slice(0, first);
    return {
      articles: {
        totalCount: total.n,
        pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursorOf(page.length - 1, page.at(-1)!.id) : null },
        edges: page.map((r) => ({ node: card(r) })),
      },
    };
  }

  /** EditorArticles for a site EDITOR or APPROVER: the latest version of what they may edit, newest change first. */
  function editorArticles(now: Date, viewer: Viewer, vars: Row) {
    if (viewer.role !== "EDITOR" && viewer.role !== "APPROVER") throw new Error("the baseline answers EditorArticles for editors and approvers only");
    const first = vars.first ?? 50;
    const p = { now: sqlDate(now), uid: viewer.id, take: first + 1 };
    let rows: Row[];
    if (vars.after) {
      const [value, id] = JSON.parse(Buffer.from(vars.after, "base64url").toString("utf8"));
      rows = editorStmt.pageAfter.all({ ...p, after: sqlDate(new Date(value)), afterId: id }) as Row[];
    } else {
      rows = editorStmt.page.all(p) as Row[];
    }
    const page = rows.slice(0, first);
    const seesLatest = (r: Row) =>
      r.inheritsPermissions === 1 || ["EDITOR", "APPROVER", "ADMIN"].includes(r.grantRole) || (r.grantRole === "CONTRIBUTOR" && r.createdById === viewer.id);
    const versionIds = page.map((r) => (seesLatest(r) ? r.currentVersionId : r.publishedVersionId));
    const versions = new Map(
      (
        db
          .prepare(
            `SELECT v."id", v."title", v."summary", v."body", v."alternateUrl", v."publishAt", v."featured", v."byline", v."articleType", v."pageCount",
              v."photoCount", v."label", v."createdAt", c."id" AS "cId", c."slug" AS "cSlug", m."id" AS "mId", m."storageKey" AS "mKey", m."externalUrl" AS "mExt",
              m."description" AS "mDesc"
             FROM "ArticleVersion" v LEFT JOIN "Category" c ON c."id" = v."categoryId" LEFT JOIN "Media" m ON m."id" = v."coverImageId"
             WHERE v."id" IN (${versionIds.map(() => "?").join(",") || "NULL"})`,
          )
          .all(...versionIds) as Row[]
      ).map((v) => [v.id, v]),
    );
    const edges = page.map((r, i) => {
      const latest = seesLatest(r);
      const v = versions.get(versionIds[i])!;
      const status = !latest ? "APPROVED" : r.status === "SCHEDULED" && r.scheduledFor && new Date(r.scheduledFor) <= now ? "APPROVED" : r.status;
      return {
        node: {
          id: gid("Article", r.id),
          slug: r.slug,
          title: v.title,
          summary: v.summary,
          body: v.body,
          alternateUrl: v.alternateUrl,
          publishAt: iso(v.publishAt),
          publishedAt: iso(r.publishedAt),
          featured: v.featured === 1,
          byline: v.byline,
          articleType: v.articleType,
          pageCount: v.pageCount,
          photoCount: v.photoCount,
          approvalStatus: status,
          version: v.label,
          viewCount: r.viewCount,
          createdAt: iso(r.createdAt),
          createdBy: r.cuId ? { id: gid("User", r.cuId), name: r.cuName } : null,
          updatedAt: latest ? iso(r.updatedAt) : iso(v.createdAt),
          updatedBy: r.uuId ? { id: gid("User", r.uuId), name: r.uuName } : null,
          category: v.cId ? { id: gid("Category", v.cId), slug: v.cSlug } : null,
          coverImage: v.mId ? { id: gid("Media", v.mId), url: mediaUrl({ id: v.mId, storageKey: v.mKey, externalUrl: v.mExt }), description: v.mDesc } : null,
          inheritsPermissions: r.inheritsPermissions === 1,
        },
      };
    });
    const last = page.at(-1);
    return {
      articles: {
        totalCount: (editorStmt.total.get(p) as Row).n,
        pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursorOf(iso(last.updatedAt), last.id) : null },
        edges,
      },
    };
  }

  async function viewerOf(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const token = /^Bearer\s+(\S{1,4096})\s*$/i.exec(authorization)?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ["HS256"], audience: "portal" });
      const user = stmt.user.get(payload.sub) as Row | undefined;
      return user && user.tokenVersion === payload.ver ? { id: user.id, name: user.name, role: user.role } : null;
    } catch {
      return null;
    }
  }

  async function answer(body: Row, authorization: string | undefined): Promise<Row> {
    const now = new Date();
    const vars = body.variables ?? {};
    switch (body.operationName) {
      case "HomePage":
        return homePage(now);
      case "CategoryPage":
        return categoryPage(now, vars);
      case "ArticlePage":
        return articlePage(now, vars);
      case "SearchArticles":
        return searchArticles(now, vars);
      case "EditorArticles": {
        const viewer = await viewerOf(authorization);
        if (!viewer) throw new Error("EditorArticles needs an editor's token");
        return editorArticles(now, viewer, vars);
      }
      default:
        throw new Error(`the baseline does not answer ${String(body.operationName)}`);
    }
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const data = await answer(JSON.parse(Buffer.concat(chunks).toString("utf8")), req.headers.authorization);
        const text = JSON.stringify({ data });
        res.writeHead(200, { "content-type": "application/graphql-response+json; charset=utf-8", "content-length": Buffer.byteLength(text) });
        res.end(text);
      } catch (error) {
        res.writeHead(400, { "content-type": "text/plain" });
        res.end(error instanceof Error ? error.message : String(error));
      }
    });
  };
  return { handler, close: () => db.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = parseDatabaseUrl(process.env.DATABASE_URL ?? "file:./data/bench/portal.db");
  if (target.provider !== "sqlite") throw new Error("The baseline reads a SQLite file.");
  const secret = process.env.JWT_SECRET;
  if (!secret) throw new Error("JWT_SECRET must be set (the same as the server's).");
  const baseline = createBaseline(target.file, secret, process.env.SITE_TIMEZONE);
  const server = createServer(baseline.handler);
  const port = Number(process.env.PORT ?? 4001);
  server.keepAliveTimeout = 60_000;
  server.listen(port, "127.0.0.1", () => console.log(`Baseline on http://127.0.0.1:${port}/graphql`));
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}
