import type { GraphQLResolveInfo } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { z } from "zod";
import type { Context } from "../../context";
import type { Prisma } from "../../db";
import { badInput } from "../../errors";
import { isStaff } from "../../services/access";
import {
  afterCursorWhere,
  contentRelation,
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
import { builder, idOf } from "../builder";
import { CategoryRef } from "../categories/types";
import { ApprovalStatusEnum, ArticleRef, articleVisibility } from "./types";

const ArticleOrderFieldEnum = builder.enumType("ArticleOrderField", {
  values: ["PUBLISHED_AT", "UPDATED_AT", "VIEW_COUNT", "TITLE"] as const,
});
const OrderDirectionEnum = builder.enumType("OrderDirection", { values: ["ASC", "DESC"] as const });

export const ArticleFilter = builder.inputType("ArticleFilter", {
  fields: (t) => ({
    search: t.string({
      description: "Full text over title, summary and body; accent-insensitive Vietnamese.",
      validate: z.string().max(10000),
    }),
    categorySlug: t.string({ validate: z.string().max(200) }),
    categoryId: t.globalID({ for: CategoryRef }),
    articleType: t.string({ validate: z.string().max(200) }),
    featured: t.boolean(),
    approvalStatus: t.field({ type: ApprovalStatusEnum }),
    publishedAfter: t.field({ type: "DateTime" }),
    publishedBefore: t.field({ type: "DateTime" }),
    deleted: t.boolean({ description: "ADMIN only: the recycle bin (deleted articles) instead of live ones." }),
  }),
});

export const ArticleOrder = builder.inputType("ArticleOrder", {
  fields: (t) => ({
    field: t.field({ type: ArticleOrderFieldEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, required: true }),
  }),
});

export const ArticleConnection = builder.connectionObject(
  {
    type: ArticleRef,
    name: "ArticleConnection",
    fields: (t) => ({
      totalCount: t.int({
        description: "Articles matching the filter that this viewer may see.",
        resolve: (connection) => (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
      }),
    }),
  },
  { name: "ArticleEdge" },
);

interface ListArgs extends PageArgs {
  filter?: (Omit<ArticleFilterInput, "categoryId"> & { categoryId?: { id: string } | null }) | null;
  orderBy?: { field: ArticleOrderField; direction: OrderDirection } | null;
}

/** Hook for the search module: turns `filter.search` into a restriction and a rank order. */
export type SearchPlanner = (
  ctx: Context,
  search: string,
) => Promise<{ where: Prisma.ArticleWhereInput; rank: Map<string, number> } | null>;
let searchPlanner: SearchPlanner | null = null;
export const setSearchPlanner = (planner: SearchPlanner) => {
  searchPlanner = planner;
};

/** One page of articles for the viewer, resolved with the Pothos selection of its nodes. */
export async function resolveArticleList(ctx: Context, info: GraphQLResolveInfo, args: ListArgs, scope: Prisma.ArticleWhereInput = {}) {
  const page = planPage(args, ctx.app.config.MAX_PAGE_SIZE);
  const categoryId = args.filter?.categoryId;
  const filter: ArticleFilterInput = {
    ...args.filter,
    categoryId: categoryId ? ("typename" in categoryId ? idOf(categoryId as { typename: string; id: string }, "Category", "filter.categoryId") : categoryId.id) : null,
  };
  const key = { field: args.orderBy?.field ?? "PUBLISHED_AT", direction: args.orderBy?.direction ?? "DESC" } as const;
  const where: Prisma.ArticleWhereInput = { AND: [scope, filterWhere(ctx.viewer, ctx.now, filter)] };
  const search = filter.search?.trim() ? filter.search : null;
  if (search) {
    if (!searchPlanner) throw badInput("Search is not available.", ["filter.search"]);
    const plan = await searchPlanner(ctx, search);
    if (!plan) return emptyConnection();
    (where.AND as Prisma.ArticleWhereInput[]).push(plan.where);
  }
  const pageWhere = page.cursor
    ? { AND: [where, afterCursorWhere(ctx.viewer, key, page.cursor, page.backwards)] }
    : where;
  const sortSelect = {
    id: true,
    publishedAt: true,
    updatedAt: true,
    viewCount: true,
    ...(key.field === "TITLE" && { [contentRelation(ctx.viewer)]: { select: { title: true } } }),
    ...(key.field === "UPDATED_AT" && !isStaff(ctx.viewer) && { publishedVersion: { select: { createdAt: true } } }),
  };
  const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"], select: sortSelect });
  const rows = page.take === 0 ? [] : await ctx.db.article.findMany({
    ...(query as object),
    where: pageWhere,
    orderBy: orderByFor(ctx.viewer, key, page.backwards),
    take: page.take + 1,
  });
  const hasMore = rows.length > page.take;
  const pageRows = rows.slice(0, page.take);
  if (page.backwards) pageRows.reverse();
  const edges = pageRows.map((row) => ({
    cursor: encodeCursor(sortValue(row as Record<string, unknown>, ctx.viewer, key.field), row.id),
    node: row,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backwards ? Boolean(args.before) : hasMore,
      hasPreviousPage: page.backwards ? hasMore : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => ctx.db.article.count({ where }),
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
    description: "Articles this viewer may see, newest first unless ordered otherwise.",
    args: {
      first: t.arg.int(),
      after: t.arg.string(),
      last: t.arg.int(),
      before: t.arg.string(),
      filter: t.arg({ type: ArticleFilter }),
      orderBy: t.arg({ type: ArticleOrder }),
    },
    resolve: (_root, args, ctx, info) => resolveArticleList(ctx, info, args) as never,
  }),
);

builder.prismaObjectFields(CategoryRef, (t) => ({
  articles: t.field({
    type: ArticleConnection,
    description: "This category's articles that the viewer may see, newest first.",
    args: { first: t.arg.int(), after: t.arg.string(), last: t.arg.int(), before: t.arg.string() },
    select: { id: true },
    resolve: (category, args, ctx, info) =>
      resolveArticleList(ctx, info, { ...args, filter: { categoryId: { id: category.id } } }) as never,
  }),
}));

builder.queryField("article", (t) =>
  t.prismaField({
    type: ArticleRef,
    nullable: true,
    description: "One article by id or slug; null for anything this viewer may not see.",
    args: {
      id: t.arg.globalID({ for: ArticleRef }),
      slug: t.arg.string({ validate: z.string().max(300) }),
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
