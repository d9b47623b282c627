// Who may see and do what with articles: the role ladder of
// schema/operations/editor.graphql and SharePoint's item-level permissions.
// Row visibility is one Prisma `where`, built here and nowhere else; a viewer who
// may not see an article gets what they would get if it did not exist.
import type { Db, Prisma, Role } from "../db/client";

export interface Viewer {
  id: string;
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { READER: 0, CONTRIBUTOR: 1, EDITOR: 2, APPROVER: 3, ADMIN: 4 };
export const ROLES = Object.keys(RANK) as Role[];

export const atLeast = (role: Role | null | undefined, minimum: Role): boolean => role != null && RANK[role] >= RANK[minimum];

const rolesFrom = (minimum: Role): Role[] => ROLES.filter((r) => atLeast(r, minimum));

/** What every reader may see: the published version, due, not expired, not deleted. */
export function liveWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    deletedAt: null,
    publishedVersionId: { not: null },
    publishedAt: { lte: now },
    OR: [{ expireAt: null }, { expireAt: { gt: now } }],
  };
}

/** Articles the viewer may read (published ones) or work on (any version). */
export function readableArticleWhere(viewer: Viewer | null, now: Date): Prisma.ArticleWhereInput {
  const live = liveWhere(now);
  if (!viewer) return { AND: [live, { OR: [{ inheritsPermissions: true }, { isPublic: true }] }] };
  if (viewer.role === "ADMIN") return { deletedAt: null };
  const granted = (roles: Role[]): Prisma.ArticleWhereInput => ({
    inheritsPermissions: false,
    grants: { some: { userId: viewer.id, role: { in: roles } } },
  });
  const reading: Prisma.ArticleWhereInput = {
    AND: [live, { OR: [{ inheritsPermissions: true }, { isPublic: true }, granted(ROLES)] }],
  };
  return { OR: [reading, { AND: [{ deletedAt: null }, editableWhere(viewer)] }] };
}

/** Articles whose latest version the viewer may see and edit (not counting deletion). */
export function editableWhere(viewer: Viewer): Prisma.ArticleWhereInput {
  if (viewer.role === "ADMIN") return {};
  // Written so that it is never SQL NULL (a NULL createdById compares to NULL):
  // `NOT editableWhere(...)` must hold exactly for the rows this does not match.
  const own: Prisma.ArticleWhereInput = { AND: [{ createdById: { not: null } }, { createdById: viewer.id }] };
  const bySite: Prisma.ArticleWhereInput[] = atLeast(viewer.role, "EDITOR")
    ? [{ inheritsPermissions: true }]
    : viewer.role === "CONTRIBUTOR"
      ? [{ inheritsPermissions: true, ...own }]
      : [];
  const grant = (roles: Role[]) => ({ grants: { some: { userId: viewer.id, role: { in: roles } } } });
  return {
    OR: [...bySite, { inheritsPermissions: false, ...grant(rolesFrom("EDITOR")) }, { inheritsPermissions: false, ...own, ...grant(["CONTRIBUTOR"]) }],
  };
}

/** The facts about one article that decide a viewer's role on it. */
export interface ArticleAccessFacts {
  inheritsPermissions: boolean;
  createdById: string | null;
  /** The viewer's grant on this article, if any. */
  grantRole: Role | null;
}

/**
 * The viewer's effective role on one article: ADMIN always keeps control; an
 * inheriting article takes the site role; otherwise only the article's grant counts.
 */
export function effectiveRole(viewer: Viewer | null, facts: ArticleAccessFacts): Role | null {
  if (!viewer) return null;
  if (viewer.role === "ADMIN") return "ADMIN";
  return facts.inheritsPermissions ? viewer.role : facts.grantRole;
}

/** What an operation on one article needs from the viewer's effective role on it. */
export type ArticleAction =
  /** updateArticle, submitArticle, restoreArticleVersion, reading history and the latest version */
  | "edit"
  /** approveArticle, rejectArticle, unpublishArticle */
  | "approve"
  /** deleteArticle */
  | "delete";

/**
 * The role matrix of editor.graphql: CONTRIBUTOR edits and submits what they
 * created; EDITOR any article; APPROVER approves, rejects and unpublishes; ADMIN
 * deletes. On an article that stopped inheriting, only its own grant counts
 * (ADMIN always keeps control).
 */
export function allows(viewer: Viewer | null, facts: ArticleAccessFacts, action: ArticleAction): boolean {
  const role = effectiveRole(viewer, facts);
  switch (action) {
    case "edit":
      return atLeast(role, "EDITOR") || (role === "CONTRIBUTOR" && viewer !== null && facts.createdById === viewer.id);
    case "approve":
      return atLeast(role, "APPROVER");
    case "delete":
      return atLeast(role, "ADMIN");
  }
}

/**
 * The facts deciding the viewer's rights on an article, or null when the viewer
 * may not even see it (then every operation answers as if it did not exist).
 */
export async function articleAccess(db: Db, viewer: Viewer, articleId: string, now: Date): Promise<ArticleAccessFacts | null> {
  // ADMIN also sees the recycle bin, and so learns why a deleted article cannot move.
  const visible = viewer.role === "ADMIN" ? {} : readableArticleWhere(viewer, now);
  const row = await db.article.findFirst({
    where: { AND: [{ id: articleId }, visible] },
    select: { inheritsPermissions: true, createdById: true, grants: { where: { userId: viewer.id }, select: { role: true } } },
  });
  if (!row) return null;
  return { inheritsPermissions: row.inheritsPermissions, createdById: row.createdById, grantRole: row.grants[0]?.role ?? null };
}

/** Does the viewer's session have any editorial role at all (on the site or through a grant)? */
export function isStaff(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.role !== "READER";
}

/**
 * Articles whose version seen by this viewer matches `version`: the latest one
 * where the viewer may edit, the published one everywhere else. Lists, filters
 * and counts use this so that they agree with what the Article type shows.
 */
export function viewedVersionWhere(viewer: Viewer | null, version: Prisma.ArticleVersionWhereInput): Prisma.ArticleWhereInput {
  return seenVersionWhere(viewer, { currentVersion: { is: version } }, { publishedVersion: { is: version } });
}

/**
 * The one rule of which version a viewer sees, as a where: articles matching
 * `latest` where the viewer may edit them, `published` everywhere else.
 */
export function seenVersionWhere(viewer: Viewer | null, latest: Prisma.ArticleWhereInput, published: Prisma.ArticleWhereInput): Prisma.ArticleWhereInput {
  if (!viewer) return published;
  if (viewer.role === "ADMIN") return latest;
  const editable = editableWhere(viewer);
  return {
    OR: [{ AND: [editable, latest] }, { AND: [{ NOT: editable }, published] }],
  };
}

/**
 * Articles whose status, as this viewer sees it, is `status`: readers only ever
 * see APPROVED; where the viewer may edit, the latest version's status (a
 * SCHEDULED version whose time has come counts as APPROVED).
 */
export function viewedStatusWhere(
  viewer: Viewer | null,
  status: "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "SCHEDULED",
  now: Date,
): Prisma.ArticleWhereInput {
  const latest: Prisma.ArticleWhereInput =
    status === "SCHEDULED"
      ? { status: "SCHEDULED", scheduledVersion: { is: { publishAt: { gt: now } } } }
      : status === "APPROVED"
        ? { OR: [{ status: "APPROVED" }, { status: "SCHEDULED", NOT: { scheduledVersion: { is: { publishAt: { gt: now } } } } }] }
        : { status };
  if (!viewer) return status === "APPROVED" ? {} : { id: { in: [] } };
  if (viewer.role === "ADMIN") return latest;
  const editable = editableWhere(viewer);
  return status === "APPROVED" ? { OR: [{ AND: [editable, latest] }, { NOT: editable }] } : { AND: [editable, latest] };
}

/**
 * Version rows that are the version this viewer sees of an article matching
 * `articles` (the counterpart of viewedVersionWhere, for queries on versions).
 */
export function seenVersionOf(viewer: Viewer | null, articles: Prisma.ArticleWhereInput): Prisma.ArticleVersionWhereInput[] {
  if (!viewer) return [{ publishedOf: { is: articles } }];
  if (viewer.role === "ADMIN") return [{ currentOf: { is: articles } }];
  const editable = editableWhere(viewer);
  return [{ currentOf: { is: { AND: [articles, editable] } } }, { publishedOf: { is: { AND: [articles, { NOT: editable }] } } }];
}
