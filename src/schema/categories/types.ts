import { z } from "zod";
import { builder } from "../builder";
import { conflict, badInput } from "../errors";
import { slugify } from "../../services/vietnamese";

export const CategoryRef = builder.prismaNode("Category", {
  id: { field: "id" },
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    parent: t.relation("parent", { nullable: true }),
    children: t.relation("children", { query: { orderBy: [{ position: "asc" }, { name: "asc" }] } }),
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
    args: { slug: t.arg.string({ required: true, validate: z.string().max(200) }) },
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
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    slug: t.string({ validate: SLUG.nullish() }),
    description: t.string({ validate: z.string().trim().max(2000).nullish() }),
    parentId: t.globalID({ for: CategoryRef }),
    position: t.int({ validate: z.number().int().min(0).max(100000).nullish() }),
  }),
});

builder.mutationField("createCategory", (t) =>
  t.prismaField({
    type: CategoryRef,
    authScopes: { role: "EDITOR" },
    args: { input: t.arg({ type: CreateCategoryInput, required: true }) },
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
