// Categories (chuyên mục): the portal's menu, a tree. Readers list them and
// their articles; ADMIN manages the tree (services/taxonomy.ts holds the rules).
import { z } from "zod";
import { actorOf, type Context } from "../../context";
import { createCategory, deleteCategory, MENU_ORDER, moveCategory, reorderCategories, updateCategory, type TaxonomyDeps } from "../../services/taxonomy";
import { builder } from "../builder";

export const taxonomyDeps = (ctx: Context): TaxonomyDeps => ({ db: ctx.db, provider: ctx.app.target.provider, actor: actorOf(ctx), now: ctx.now });

export const CategoryRef = builder.prismaNode("Category", {
  description: "Phân loại: a section of the portal (Tin tức - Sự kiện, Văn bản...); categories form a tree shown as the menu.",
  id: { field: "id", description: "The global ID (opaque; the same for every viewer)." },
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The address segment, unique (lower-case letters, digits, hyphens)." }),
    name: t.exposeString("name", { description: "The name shown in the menu." }),
    description: t.exposeString("description", { nullable: true, description: "An introduction shown on the category page." }),
    position: t.exposeInt("position", { description: "Place among its siblings, from 0 (menu order)." }),
    parent: t.relation("parent", { nullable: true, description: "The parent category; null at the top of the menu." }),
    children: t.relation("children", {
      description: "The sub-categories, in menu order.",
      query: { orderBy: MENU_ORDER },
    }),
    articleCount: t.int({
      description: "Articles in this category that the viewer may see.",
      resolve: (category, _args, ctx) => ctx.loaders.categoryArticleCount.load(category.id),
    }),
  }),
});

builder.queryField("categories", (t) =>
  t.prismaField({
    type: [CategoryRef],
    description: "Every category, in menu order (parents' order first; use parent/children for the tree).",
    // The request's one read of the categories (src/schema/loaders.ts): article cards
    // on the same page take their category from it too. Relations (parent, children)
    // a client selects are loaded in one batch by the Prisma plugin.
    resolve: (_query, _root, _args, ctx) => ctx.loaders.allCategories(),
  }),
);

builder.queryField("category", (t) =>
  t.prismaField({
    type: CategoryRef,
    nullable: true,
    description: "One category by slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, validate: z.string().max(200), description: "The category's slug." }) },
    resolve: (_query, _root, { slug }, ctx) => ctx.loaders.categoryBySlug.load(slug),
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
    position: t.int({ validate: z.number().int().min(0).max(100000).nullish(), description: "Menu order among its siblings, from 0; omitted: last." }),
  }),
});

builder.mutationField("createCategory", (t) =>
  t.prismaField({
    type: CategoryRef,
    description: "EDITOR and above: adds a category. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT (slug taken).",
    authScopes: { role: "EDITOR" },
    args: { input: t.arg({ type: CreateCategoryInput, required: true, description: "The new category." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createCategory(taxonomyDeps(ctx), { ...input, parentId: input.parentId?.id ?? null });
      return ctx.db.category.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const UpdateCategoryInput = builder.inputType("UpdateCategoryInput", {
  description: "Changes to a category; omitted fields stay as they are.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: CategoryRef, description: "The category." }),
    name: t.string({ description: "The new name (the slug stays unless given).", validate: z.string().trim().min(1).max(200).nullish() }),
    slug: t.string({ description: "A new address, only when asked for: old links stop working.", validate: SLUG.nullish() }),
    description: t.string({ description: "A new description; an empty string clears it.", validate: z.string().trim().max(2000).nullish() }),
  }),
});

builder.mutationField("updateCategory", (t) =>
  t.prismaField({
    type: CategoryRef,
    description: "ADMIN: renames or describes a category; its slug changes only when one is given.",
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: UpdateCategoryInput, required: true, description: "What changes." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await updateCategory(taxonomyDeps(ctx), input.id.id, input);
      return ctx.db.category.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const MoveCategoryInput = builder.inputType("MoveCategoryInput", {
  description: "Where a category goes in the tree.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: CategoryRef, description: "The category to move." }),
    parentId: t.globalID({ for: CategoryRef, description: "The new parent; null or omitted: the top level." }),
    position: t.int({ description: "Place among the new siblings, from 0; omitted: last.", validate: z.number().int().min(0).max(100000).nullish() }),
  }),
});

builder.mutationField("moveCategory", (t) =>
  t.prismaField({
    type: CategoryRef,
    description: "ADMIN: moves a category under another parent (not under itself or its subcategories), at a position among its siblings.",
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: MoveCategoryInput, required: true, description: "The move." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await moveCategory(taxonomyDeps(ctx), input.id.id, input.parentId?.id ?? null, input.position ?? null);
      return ctx.db.category.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("reorderCategories", (t) =>
  t.prismaField({
    type: [CategoryRef],
    description: "ADMIN: puts the subcategories of one parent (or the top level) in the given order. Returns them in that order.",
    authScopes: { role: "ADMIN" },
    args: {
      parentId: t.arg.globalID({ for: CategoryRef, description: "The parent; null or omitted: the top level." }),
      ids: t.arg.globalIDList({
        required: true,
        for: CategoryRef,
        description: "Every subcategory of that parent, once each, in the new order.",
        validate: z.array(z.unknown()).max(1000),
      }),
    },
    resolve: async (query, _root, { parentId, ids }, ctx) => {
      const parent = parentId?.id ?? null;
      await reorderCategories(
        taxonomyDeps(ctx),
        parent,
        ids.map((i) => i.id),
      );
      return ctx.db.category.findMany({ ...query, where: { parentId: parent }, orderBy: [{ position: "asc" }, { id: "asc" }] });
    },
  }),
);

const DeletedCategory = builder.objectRef<{ id: string; slug: string }>("DeletedCategory").implement({
  description: "A category that was deleted.",
  fields: (t) => ({
    id: t.id({ description: "The global ID it had.", resolve: (c) => Buffer.from(`Category:${c.id}`).toString("base64") }),
    slug: t.exposeString("slug", { description: "The slug it had." }),
  }),
});

builder.mutationField("deleteCategory", (t) =>
  t.field({
    type: DeletedCategory,
    description:
      "ADMIN: deletes an empty category. One that still holds articles (recycle bin included) or subcategories is refused with CONFLICT and extensions.articleCount / childCount.",
    authScopes: { role: "ADMIN" },
    args: { id: t.arg.globalID({ required: true, for: CategoryRef, description: "The category." }) },
    resolve: async (_root, { id }, ctx) => {
      const deleted = await deleteCategory(taxonomyDeps(ctx), id.id);
      return deleted;
    },
  }),
);
