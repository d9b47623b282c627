// Lists of articles for a viewer: filters, orders and keyset (cursor) pagination.
// No OFFSET: a cursor holds the sort value and id of its row, so a page 5,000
// articles deep costs what the first page costs.
import type { Prisma } from "../db/client";
import { badInput } from "./errors";
import { editableWhere, isStaff, readableArticleWhere, viewedStatusWhere, viewedVersionWhere, type Viewer } from "./access";

export type ArticleOrderField = "PUBLISHED_AT" | "UPDATED_AT" | "VIEW_COUNT" | "TITLE";
export type OrderDirection = "ASC" | "DESC";

export interface ArticleFilterInput {
  search?: string | null;
  categorySlug?: string | null;
  categoryId?: string | null;
  articleType?: string | null;
  /** Articles carrying this topic (dòng sự kiện). */
  topicId?: string | null;
  topicSlug?: string | null;
  /** Articles created by this account (Article.createdById). */
  authorId?: string | null;
  featured?: boolean | null;
  approvalStatus?: "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "SCHEDULED" | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  /** ADMIN's recycle bin: deleted articles instead of live ones. */
  deleted?: boolean | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Which version's title a list sorts on: staff sort on the latest version, readers
 * (anonymous or READER) on the published one. Filters use viewedVersionWhere, which
 * is exact per row.
 */
export const contentRelation = (viewer: Viewer | null) => relationOf(defaultSeen(viewer));

/** Which version of a row a sort reads: the latest (where the viewer may edit) or the published one. */
export type Seen = "current" | "published";
export const relationOf = (seen: Seen) => (seen === "current" ? "currentVersion" : "publishedVersion");
const defaultSeen = (viewer: Viewer | null): Seen => (isStaff(viewer) ? "current" : "published");

/**
 * Sorting on a version's value (TITLE, UPDATED_AT) must read, for each row, the
 * version this viewer sees of it: otherwise the order and the cursors of a list
 * would reveal a draft the viewer may not read. An administrator sees the latest
 * version of every row, a reader the published one; any other staff member sees
 * the latest where they may edit and the published one elsewhere: their list is
 * fetched as those two parts, each sorted on its own version, and merged.
 */
export function seenParts(viewer: Viewer | null, field: ArticleOrderField): Array<{ seen: Seen; where: Prisma.ArticleWhereInput }> {
  const split = (field === "TITLE" || field === "UPDATED_AT") && viewer !== null && isStaff(viewer) && viewer.role !== "ADMIN";
  if (!split) return [{ seen: defaultSeen(viewer), where: {} }];
  const editable = editableWhere(viewer);
  return [
    { seen: "current", where: editable },
    { seen: "published", where: { NOT: editable } },
  ];
}

/** Orders two sort values as the databases do (code point order: SQLite's BINARY, PostgreSQL's C collation); nulls last. */
export function compareSortValues(a: CursorValue, b: CursorValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

export function filterWhere(viewer: Viewer | null, now: Date, filter: ArticleFilterInput = {}): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [];
  if (filter.deleted) {
    if (viewer?.role !== "ADMIN") throw badInput("Only administrators can list deleted articles.", ["deleted"]);
    and.push({ deletedAt: { not: null } });
  } else {
    and.push(readableArticleWhere(viewer, now));
  }
  const version: Prisma.ArticleVersionWhereInput = {};
  if (filter.categoryId) version.categoryId = filter.categoryId;
  if (filter.categorySlug) version.category = { is: { slug: filter.categorySlug } };
  if (filter.articleType) version.articleType = filter.articleType;
  if (filter.featured != null) version.featured = filter.featured;
  if (Object.keys(version).length) and.push(viewedVersionWhere(viewer, version));
  // Topics belong to the article itself, not to a version.
  if (filter.topicId) and.push({ topics: { some: { topicId: filter.topicId } } });
  if (filter.authorId) and.push({ createdById: filter.authorId });
  if (filter.topicSlug) and.push({ topics: { some: { topic: { is: { slug: filter.topicSlug } } } } });
  if (filter.approvalStatus) and.push(viewedStatusWhere(viewer, filter.approvalStatus, now));
  if (filter.publishedAfter || filter.publishedBefore) {
    and.push({ publishedAt: { ...(filter.publishedAfter && { gte: filter.publishedAfter }), ...(filter.publishedBefore && { lt: filter.publishedBefore }) } });
  }
  return { AND: and };
}

interface SortKey {
  field: ArticleOrderField;
  direction: OrderDirection;
}

type CursorValue = string | number | null;

/** The value of the sort column of a row, as stored in its cursor. */
export function sortValue(row: Record<string, unknown>, viewer: Viewer | null, field: ArticleOrderField, seen = defaultSeen(viewer)): CursorValue {
  switch (field) {
    case "PUBLISHED_AT":
      return row.publishedAt instanceof Date ? row.publishedAt.toISOString() : null;
    case "UPDATED_AT":
      return (seen === "current" ? (row.updatedAt as Date) : (row.publishedVersion as { createdAt: Date }).createdAt).toISOString();
    case "VIEW_COUNT":
      return row.viewCount as number;
    case "TITLE":
      return (row[relationOf(seen)] as { title: string } | null)?.title ?? null;
  }
}

export function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

export function decodeCursor(cursor: string, argName: string): { value: CursorValue; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[1] === "string" &&
      (parsed[0] === null || typeof parsed[0] === "string" || typeof parsed[0] === "number")
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw badInput(`"${cursor.slice(0, 60)}" is not a cursor from this list.`, [argName]);
}

/**
 * The Prisma orderBy for a sort key, id as the tie-breaker. Unpublished articles
 * (no publishedAt) come last; walking backwards flips everything, nulls included.
 */
export function orderByFor(viewer: Viewer | null, key: SortKey, backwards = false, seen = defaultSeen(viewer)): Prisma.ArticleOrderByWithRelationInput[] {
  const direction = backwards ? (key.direction === "ASC" ? "desc" : "asc") : key.direction === "ASC" ? "asc" : "desc";
  const sort = direction;
  const id = { id: sort } as const;
  switch (key.field) {
    case "PUBLISHED_AT":
      // Readers only ever list published rows (publishedAt set): a plain sort walks the
      // (publishedAt, id) index, where the nulls-last form makes the database sort every
      // matching row before taking a page (docs/performance.md).
      if (!viewer) return [{ publishedAt: sort }, id];
      return [{ publishedAt: { sort, nulls: backwards ? "first" : "last" } }, id];
    case "UPDATED_AT":
      // Readers sort on when the version they see was made: an unapproved edit must not move an article.
      return [seen === "current" ? { updatedAt: sort } : { publishedVersion: { createdAt: sort } }, id];
    case "VIEW_COUNT":
      return [{ viewCount: sort }, id];
    case "TITLE":
      return [{ [relationOf(seen)]: { title: sort } }, id];
  }
}

/** Rows strictly after (or, backwards, before) the cursor row in the list's order. */
export function afterCursorWhere(
  viewer: Viewer | null,
  key: SortKey,
  cursor: { value: CursorValue; id: string },
  backwards = false,
  seen = defaultSeen(viewer),
): Prisma.ArticleWhereInput {
  const beyond = (key.direction === "ASC") !== backwards ? "gt" : "lt";
  const idBeyond = { id: { [beyond]: cursor.id } };
  const column = (condition: object): Prisma.ArticleWhereInput => {
    switch (key.field) {
      case "PUBLISHED_AT":
        return { publishedAt: condition };
      case "UPDATED_AT":
        return seen === "current" ? { updatedAt: condition } : { publishedVersion: { is: { createdAt: condition } } };
      case "VIEW_COUNT":
        return { viewCount: condition };
      case "TITLE":
        return { [relationOf(seen)]: { is: { title: condition } } };
    }
  };
  const typed = (v: CursorValue) => ((key.field === "PUBLISHED_AT" || key.field === "UPDATED_AT") && v !== null ? new Date(v) : v);
  // Only staff lists hold unpublished rows (no publishedAt).
  const nullable = key.field === "PUBLISHED_AT" && viewer !== null;
  if (cursor.value === null) {
    // Nulls trail the list: among them only the id decides; walking back, every
    // non-null row comes before them.
    const amongNulls = { AND: [column({ equals: null }), idBeyond] };
    return backwards ? { OR: [amongNulls, { NOT: column({ equals: null }) }] } : amongNulls;
  }
  const value = typed(cursor.value);
  return {
    OR: [column({ [beyond]: value }), { AND: [column({ equals: value }), idBeyond] }, ...(nullable && !backwards ? [column({ equals: null })] : [])],
  };
}

export interface PagePlan {
  take: number;
  /** true when paging backwards (last/before): rows are fetched reversed, then flipped. */
  backwards: boolean;
  cursor: { value: CursorValue; id: string } | null;
}

export function planPage(args: PageArgs, maxPageSize: number, defaultPageSize = 20): PagePlan {
  for (const name of ["first", "last"] as const) {
    const n = args[name];
    if (n != null && (n < 0 || n > maxPageSize)) {
      throw badInput(`${name} must be between 0 and ${maxPageSize}.`, [name]);
    }
  }
  if (args.first != null && args.last != null) throw badInput("Pass first or last, not both.", ["first", "last"]);
  const backwards = args.last != null || (args.before != null && args.first == null);
  const take = (backwards ? args.last : args.first) ?? defaultPageSize;
  const cursorArg = backwards ? args.before : args.after;
  return { take, backwards, cursor: cursorArg ? decodeCursor(cursorArg, backwards ? "before" : "after") : null };
}
