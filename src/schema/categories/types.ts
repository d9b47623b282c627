import { z } from "zod";
import { builder } from "../builder";
import { conflict, badInput } from "../errors";
import { slugify } from "../../services/vietnamese";

export const CategoryRef = builder.prismaNode("Category", {
  description: "Phân loại: a section of the portal (Tin tức - Sự kiện, Văn bản...); categories form a tree shown as the menu.",
  id: { field: "id", description: "The global ID (opaque; the same for every viewer)." },
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The address segment, unique (lower-case letters, digits, hyphens)." }),
    name: t.exposeString("name", { description: "The name shown in the menu." }),
    description: t.exposeString("description", { nullable: true, description: "An introduction shown on the category page." }),
    parent: t.relation("parent", { nullable: true, description: "The parent category; null at the top of the menu." }),
    children: t.relation("children", {
      description: "The sub-categories, in menu order.", query: { orderBy: [{ position: "asc" }, { name: "asc" }] } }),
    articleCount: t.int({
      description: "Articles in this category that the viewer may see.",
      resolve: (category, _args, ctx) => ctx.loaders.categoryArticleCount.load(category.id),
    }),
  }),
});

builder.queryField("categories", (t) =>
  t.prismaField({
    type: [CategoryRef],
    description: "Every category, in menu order.",
    resolve: (query, _root, _args, ctx) =>
      ctx.db.category.findMany({ ...query, orderBy: [{ position: "asc" }, { name: "asc" }, { id: "asc" }] }),
  }),
);

builder.queryField("category", (t) =>
  t.prismaField({
    type: CategoryRef,
    nullable: true,
    description: "One category by slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, validate: z.string().max(200), description: "The category's slug." }) },
    resolve: (query, _root, { slug }, ctx) => ctx.db.category.findUnique({ ...query, where: { slug } }),
  }),
);

export const SLUG = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens only");

const CreateCategoryInput = builder.inputType("CreateCategoryInput", {
  description: "A new category.",
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1).max(200), description: "The menu name (1 to 200 characters)." }),
    slug: t.string({ validate: SLUG.nullish(), description: "Made from the name when omitted; unique, lower-case letters, digits and single hyphens." }),
    description: t.string({ validate: z.string().trim().max(2000).nullish(), description: "An introduction (at most 2,000 characters)." }),
    parentId: t.globalID({ for: CategoryRef, description: "The parent category's global ID; omitted for a top-level one." }),
    position: t.int({ validate: z.number().int().min(0).max(100000).nullish(), description: "Menu order among its siblings, lowest first (default 0)." }),
  }),
});

builder.mutationField("createCategory", (t) =>
  t.prismaField({
    type: CategoryRef,
    description: "EDITOR and above: adds a category. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT (slug taken).",
    authScopes: { role: "EDITOR" },
    args: { input: t.arg({ type: CreateCategoryInput, required: true, description: "The new category." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const slug = input.slug ?? slugify(input.name);
      if (!slug) throw badInput("The name has no letters or digits to make a slug from; give a slug.", ["input.slug"]);
      if (await ctx.db.category.findUnique({ where: { slug }, select: { id: true } })) {
        throw conflict(`The slug "${slug}" is taken.`, { fields: ["input.slug"] });
      }
      if (input.parentId && !(await ctx.db.category.findUnique({ where: { id: input.parentId.id }, select: { id: true } }))) {
        throw badInput("The parent category does not exist.", ["input.parentId"]);
      }
      const category = await ctx.db.category.create({
        ...query,
        data: {
          name: input.name.trim(),
          slug,
          description: input.description?.trim() || null,
          parentId: input.parentId?.id ?? null,
          position: input.position ?? 0,
        },
      });
      return category;
    },
  }),
);
