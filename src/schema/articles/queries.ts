import type { GraphQLResolveInfo } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { z } from "zod";
import type { Context } from "../../context";
import type { Prisma } from "../../db/client";
import { badInput } from "../errors";
import { atLeast } from "../../services/access";
import {
  afterCursorWhere,
  compareSortValues,
  relationOf,
  seenParts,
  type Seen,
  encodeCursor,
  filterWhere,
  orderByFor,
  planPage,
  sortValue,
  type ArticleFilterInput,
  type ArticleOrderField,
  type OrderDirection,
  type PageArgs,
} from "../../services/article-list";
import { ALL, categoryKey, FEATURED } from "../../services/listing";
import { planSearch, type SearchPlan } from "../../services/search/plan";
import { builder, idOf } from "../builder";
import { CategoryRef } from "../categories/types";
import { ApprovalStatusEnum, ArticleRef, articleVisibility } from "./types";

const ArticleOrderFieldEnum = builder.enumType("ArticleOrderField", {
  description: "What an article list is sorted by; ties are broken by id, so pages never skip or repeat.",
  values: {
    PUBLISHED_AT: { description: "Ngày xuất bản: when the article became visible to readers (the default)." },
    UPDATED_AT: { description: "The last change this viewer can see (editors: the latest save)." },
    VIEW_COUNT: { description: "Lượt người xem: page views." },
    TITLE: { description: "The title, in code-point order." },
  } as const,
});
const OrderDirectionEnum = builder.enumType("OrderDirection", {
  description: "Sort direction.",
  values: {
    ASC: { description: "Smallest, oldest or A first." },
    DESC: { description: "Largest, newest or Z first." },
  } as const,
});

export const ArticleFilter = builder.inputType("ArticleFilter", {
  description: "Narrows an article list; every condition given must hold.",
  fields: (t) => ({
    search: t.string({
      description: "Full text over title, summary and body; accent-insensitive Vietnamese.",
      validate: z.string().max(10000),
    }),
    categorySlug: t.string({ description: "Only this category (by slug); an unknown slug gives an empty list.", validate: z.string().max(200) }),
    categoryId: t.globalID({ description: "Only this category (by global ID).", for: CategoryRef }),
    articleType: t.string({ description: "Only this genre (Loại bài viết), exactly.", validate: z.string().max(200) }),
    topicSlug: t.string({ description: "Only articles of this topic (dòng sự kiện), by its slug.", validate: z.string().max(200) }),
    topicId: t.globalID({ description: "Only articles of this topic (dòng sự kiện), by its global ID." }),
    authorId: t.globalID({ description: "Only articles created by this account (the article's createdBy), by its global ID." }),
    featured: t.boolean({ description: "true: only featured articles (Tin nổi bật); false: only the others." }),
    approvalStatus: t.field({
      type: ApprovalStatusEnum,
      description: "Only articles in this status as this viewer sees it (readers see APPROVED only).",
    }),
    publishedAfter: t.field({ type: "DateTime", description: "Published at or after this instant." }),
    publishedBefore: t.field({ type: "DateTime", description: "Published before this instant." }),
    deleted: t.boolean({ description: "ADMIN only: the recycle bin (deleted articles) instead of live ones." }),
  }),
});

export const ArticleOrder = builder.inputType("ArticleOrder", {
  description: "How to sort an article list.",
  fields: (t) => ({
    field: t.field({ type: ArticleOrderFieldEnum, required: true, description: "The sort key." }),
    direction: t.field({ type: OrderDirectionEnum, required: true, description: "Ascending or descending." }),
  }),
});

export const ArticleConnection = builder.connectionObject(
  {
    type: ArticleRef,
    name: "ArticleConnection",
    description: "One page of articles (cursor pagination: pass pageInfo.endCursor as `after`).",
    fields: (t) => ({
      totalCount: t.int({
        description: "Articles matching the filter that this viewer may see.",
        resolve: (connection) => (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
      }),
    }),
  },
  { name: "ArticleEdge", description: "One article of a page, with its cursor." },
);

/** The descriptions of an article list's Relay page arguments. */
const PAGE_ARGS = {
  first: "Page size counting forward (default 20, at most MAX_PAGE_SIZE: 100 by default).",
  after: "A cursor from this list: the page starts after that article.",
  last: "Page size counting backward from `before` (at most MAX_PAGE_SIZE).",
  before: "A cursor from this list: the page ends before that article.",
};

interface ListArgs extends PageArgs {
  filter?:
    | (Omit<ArticleFilterInput, "categoryId" | "topicId" | "authorId"> & {
        categoryId?: { id: string } | null;
        topicId?: { id: string } | null;
        authorId?: { id: string } | null;
      })
    | null;
  orderBy?: { field: ArticleOrderField; direction: OrderDirection } | null;
}

/** One page of articles for the viewer, resolved with the Pothos selection of its nodes. */
export async function resolveArticleList(ctx: Context, info: GraphQLResolveInfo, args: ListArgs, scope: Prisma.ArticleWhereInput = {}) {
  const page = planPage(args, ctx.app.config.MAX_PAGE_SIZE);
  const categoryId = args.filter?.categoryId;
  const topicId = args.filter?.topicId;
  const authorId = args.filter?.authorId;
  const filter: ArticleFilterInput = {
    ...args.filter,
    categoryId: categoryId
      ? "typename" in categoryId
        ? idOf(categoryId as { typename: string; id: string }, "Category", "filter.categoryId")
        : categoryId.id
      : null,
    topicId: topicId ? ("typename" in topicId ? idOf(topicId as { typename: string; id: string }, "Topic", "filter.topicId") : topicId.id) : null,
    authorId: authorId ? ("typename" in authorId ? idOf(authorId as { typename: string; id: string }, "User", "filter.authorId") : authorId.id) : null,
  };
  const key = { field: args.orderBy?.field ?? "PUBLISHED_AT", direction: args.orderBy?.direction ?? "DESC" } as const;
  const base: Prisma.ArticleWhereInput = { AND: [scope, filterWhere(ctx.viewer, ctx.now, filter)] };
  let where = base;
  const search = filter.search?.trim() ? filter.search : null;
  // The maintained count this list (without its search) is the total of, if any.
  const listKey = () => (Object.keys(scope).length ? null : maintainedListKey(ctx.viewer, { ...filter, search: null }));
  let plan: SearchPlan | null = null;
  if (search) {
    const scope = { db: ctx.db, provider: ctx.app.target.provider, viewer: ctx.viewer, maxResults: ctx.app.config.SEARCH_MAX_RESULTS, now: ctx.now };
    plan = await planSearch(scope, search, { deleted: Boolean(filter.deleted) });
    if (!plan) return emptyConnection();
    where = { AND: [base, plan.where] };
    // The contract's SearchArticles: best match first, then newest, unless the
    // client orders the matches itself (EditorArticles orders by last edit).
    if (!args.orderBy) return rankedPage(ctx, info, page, where, base, listKey(), plan);
  }
  const countAll = plan?.countAll;
  // Each part of the list is sorted on the version this viewer sees of its rows (seenParts).
  const parts = seenParts(ctx.viewer, key.field);
  // With two parts, the one likely to fill most of the page (for editors their
  // editable articles, for contributors the published ones) is read with the
  // page's whole selection; the other only with its sort values, and the few of
  // its rows that make the page are read in full afterwards.
  const mainPart = parts.length > 1 && !atLeast(ctx.viewer?.role, "EDITOR") ? 1 : 0;
  const sortSelectOf = (seen: Seen) => ({
    id: true,
    publishedAt: true,
    updatedAt: true,
    viewCount: true,
    ...(key.field === "TITLE" && { [relationOf(seen)]: { select: { title: true } } }),
    ...(key.field === "UPDATED_AT" && seen === "published" && { publishedVersion: { select: { createdAt: true } } }),
  });
  const fetched =
    page.take === 0
      ? []
      : await Promise.all(
          parts.map(async (part, index) => {
            const partWhere = parts.length > 1 ? { AND: [where, part.where] } : where;
            const pageWhere = page.cursor ? { AND: [partWhere, afterCursorWhere(ctx.viewer, key, page.cursor, page.backwards, part.seen)] } : partWhere;
            const full = index === mainPart;
            if (!full) {
              const light = await lightPart(ctx, key, partWhere, part.seen, page);
              return light.map(({ id, value }) => ({ row: { id } as { id: string }, value, full, seen: part.seen }));
            }
            const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"], select: sortSelectOf(part.seen) });
            const found = await ctx.db.article.findMany({
              ...(query as object),
              where: pageWhere,
              orderBy: orderByFor(ctx.viewer, key, page.backwards, part.seen),
              take: page.take + 1,
            });
            return found.map((row) => ({ row, value: sortValue(row as Record<string, unknown>, ctx.viewer, key.field, part.seen), full, seen: part.seen }));
          }),
        );
  const walked = fetched.flat();
  if (parts.length > 1) {
    // The order of the walk: the list's direction, reversed when paging backwards.
    const sign = (key.direction === "ASC") !== page.backwards ? 1 : -1;
    walked.sort((a, b) => sign * (compareSortValues(a.value, b.value) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)));
  }
  const rows = walked.slice(0, page.take + 1);
  const partial = rows.slice(0, page.take).filter((r) => !r.full);
  if (partial.length > 0) {
    const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"], select: sortSelectOf(partial[0]!.seen) });
    const complete = await ctx.db.article.findMany({ ...(query as object), where: { id: { in: partial.map((r) => r.row.id) } } });
    const byId = new Map(complete.map((row) => [row.id, row]));
    for (const r of partial) r.row = byId.get(r.row.id) ?? r.row;
  }
  const hasMore = rows.length > page.take;
  const pageRows = rows.slice(0, page.take);
  if (page.backwards) pageRows.reverse();
  const edges = pageRows.map(({ row, value }) => ({ cursor: encodeCursor(value, row.id), node: row }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, page.backwards, hasMore, Boolean(page.backwards ? args.before : args.after)),
    totalCount: () => {
      if (countAll) return countAll(base, listKey());
      // Anonymous readers' usual lists have maintained totals (src/services/listing.ts).
      const key = plan ? null : listKey();
      return key ? ctx.loaders.listingCount.load(key) : ctx.db.article.count({ where });
    },
  };
}

/** Relay's pageInfo of a page read `backwards` or not, with more rows beyond it or not, from a cursor or not. */
function pageInfoOf(edges: Array<{ cursor: string }>, backwards: boolean, hasMore: boolean, fromCursor: boolean) {
  return {
    hasNextPage: backwards ? fromCursor : hasMore,
    hasPreviousPage: backwards ? hasMore : fromCursor,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

/**
 * The sort values and ids of one part of a list, in one statement: read from the
 * version table when the value is a version's (its title, or when the published
 * version was made), from the article otherwise (its last save).
 */
async function lightPart(
  ctx: Context,
  key: { field: ArticleOrderField; direction: "ASC" | "DESC" },
  where: Prisma.ArticleWhereInput,
  seen: Seen,
  page: ReturnType<typeof planPage>,
): Promise<Array<{ id: string; value: string | number | null }>> {
  if (key.field === "UPDATED_AT" && seen === "current") {
    const pageWhere = page.cursor ? { AND: [where, afterCursorWhere(ctx.viewer, key, page.cursor, page.backwards, seen)] } : where;
    const rows = await ctx.db.article.findMany({
      where: pageWhere,
      orderBy: orderByFor(ctx.viewer, key, page.backwards, seen),
      take: page.take + 1,
      select: { id: true, updatedAt: true },
    });
    return rows.map((row) => ({ id: row.id, value: row.updatedAt.toISOString() }));
  }
  const column = key.field === "TITLE" ? "title" : "createdAt";
  const sort = (key.direction === "ASC") !== page.backwards ? "asc" : "desc";
  const beyond = sort === "asc" ? "gt" : "lt";
  const of: Prisma.ArticleVersionWhereInput = seen === "current" ? { currentOf: { is: where } } : { publishedOf: { is: where } };
  const cursor = page.cursor;
  const typed = cursor && column === "createdAt" && typeof cursor.value === "string" ? new Date(cursor.value) : cursor?.value;
  const after: Prisma.ArticleVersionWhereInput | null = cursor
    ? typed === null
      ? { id: { in: [] } }
      : { OR: [{ [column]: { [beyond]: typed } }, { [column]: typed, articleId: { [beyond]: cursor.id } }] }
    : null;
  const rows = await ctx.db.articleVersion.findMany({
    where: after ? { AND: [of, after] } : of,
    orderBy: [{ [column]: sort }, { articleId: sort }],
    take: page.take + 1,
    select: { articleId: true, title: true, createdAt: true },
  });
  return rows.map((row) => ({ id: row.articleId, value: column === "title" ? row.title : row.createdAt.toISOString() }));
}

/** The maintained count that is this list's total, when there is one: anonymous, all, one category, or featured. */
function maintainedListKey(viewer: Context["viewer"], filter: ArticleFilterInput): string | null {
  if (viewer) return null;
  const given = Object.entries(filter).filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (given.length === 0) return ALL;
  if (given.length !== 1) return null;
  const [name, value] = given[0]!;
  if (name === "categoryId" && typeof value === "string") return categoryKey(value);
  if (name === "featured" && value === true) return FEATURED;
  return null;
}

/**
 * A page of search results in rank order. The ranked ids are at most
 * SEARCH_MAX_RESULTS, so the visible ones are found in one query. A cursor holds
 * its row's id and rank position: the page continues after that row where it now
 * ranks, or, if it no longer matches, after the position it had.
 */
async function rankedPage(
  ctx: Context,
  info: GraphQLResolveInfo,
  page: ReturnType<typeof planPage>,
  where: Prisma.ArticleWhereInput,
  base: Prisma.ArticleWhereInput,
  listKey: string | null,
  plan: SearchPlan,
) {
  const visible = new Set((await ctx.db.article.findMany({ where, select: { id: true } })).map((row) => row.id));
  let ids = plan.ranked.filter((id) => visible.has(id));
  // Positions count only what this viewer may see, so a cursor never reveals a hidden match.
  const position = new Map(ids.map((id, index) => [id, index]));
  if (page.cursor) {
    if (typeof page.cursor.value !== "number") throw badInput("This cursor is not from a search result list.", [page.backwards ? "before" : "after"]);
    const at = position.get(page.cursor.id) ?? page.cursor.value;
    ids = ids.filter((id) => (page.backwards ? position.get(id)! < at : position.get(id)! > at));
  }
  const hasMore = ids.length > page.take;
  const pageIds = page.backwards ? ids.slice(Math.max(0, ids.length - page.take)) : ids.slice(0, page.take);
  const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"], select: { id: true } });
  const rows = pageIds.length === 0 ? [] : await ctx.db.article.findMany({ ...(query as object), where: { id: { in: pageIds } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const edges = pageIds.filter((id) => byId.has(id)).map((id) => ({ cursor: encodeCursor(position.get(id)!, id), node: byId.get(id)! }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, page.backwards, hasMore, Boolean(page.cursor)),
    totalCount: async () => (plan.countAll ? plan.countAll(base, listKey) : visible.size),
  };
}

function emptyConnection() {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: async () => 0,
  };
}

builder.queryField("articles", (t) =>
  t.field({
    type: ArticleConnection,
    description:
      "Articles this viewer may see, newest published first unless ordered otherwise; with filter.search, best " +
      "match first. BAD_USER_INPUT for a page size beyond MAX_PAGE_SIZE, both first and last, or a foreign cursor.",
    args: {
      first: t.arg.int({ description: PAGE_ARGS.first }),
      after: t.arg.string({ description: PAGE_ARGS.after }),
      last: t.arg.int({ description: PAGE_ARGS.last }),
      before: t.arg.string({ description: PAGE_ARGS.before }),
      filter: t.arg({ type: ArticleFilter, description: "Conditions every listed article meets." }),
      orderBy: t.arg({ type: ArticleOrder, description: "The sort order (default: PUBLISHED_AT DESC)." }),
    },
    resolve: (_root, args, ctx, info) => resolveArticleList(ctx, info, args) as never,
  }),
);

builder.prismaObjectFields(CategoryRef, (t) => ({
  articles: t.field({
    type: ArticleConnection,
    description: "This category's articles that the viewer may see, newest first.",
    args: {
      first: t.arg.int({ description: PAGE_ARGS.first }),
      after: t.arg.string({ description: PAGE_ARGS.after }),
      last: t.arg.int({ description: PAGE_ARGS.last }),
      before: t.arg.string({ description: PAGE_ARGS.before }),
    },
    select: { id: true },
    resolve: (category, args, ctx, info) => resolveArticleList(ctx, info, { ...args, filter: { categoryId: { id: category.id } } }) as never,
  }),
}));

builder.queryField("article", (t) =>
  t.prismaField({
    type: ArticleRef,
    nullable: true,
    description: "One article by id or slug; null for anything this viewer may not see.",
    args: {
      id: t.arg.globalID({ for: ArticleRef, description: "The article's global ID (give this or slug, not both)." }),
      slug: t.arg.string({ description: "The article's slug (give this or id, not both).", validate: z.string().max(300) }),
    },
    resolve: async (query, _root, { id, slug }, ctx) => {
      if (!id === !slug) throw badInput("Give exactly one of id and slug.", ["id", "slug"]);
      return ctx.db.article.findFirst({
        ...query,
        where: { AND: [id ? { id: idOf(id, "Article", "id") } : { slug: slug! }, articleVisibility(ctx)] },
      });
    },
  }),
);
