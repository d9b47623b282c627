// Topics (dòng sự kiện): running stories that group articles across categories.
// Readers list topics and a topic's articles like a category's, and filter
// article lists by topic; EDITOR manages topics and attaches them to articles
// (services/taxonomy.ts holds the rules).
import { z } from "zod";
import { createTopic, deleteTopic, setArticleTopics, updateTopic } from "../../services/taxonomy";
import { foldVietnamese } from "../../services/vietnamese";
import { allows, articleAccess } from "../../services/access";
import { ArticleConnection, resolveArticleList } from "../articles/queries";
import { ArticleRef } from "../articles/types";
import { builder, idOf, pageSizes, totalCountField } from "../builder";
import { SLUG, taxonomyDeps } from "../categories/types";
import { notFound } from "../errors";

export const TopicRef = builder.prismaNode("Topic", {
  id: { field: "id" },
  description: "A topic (dòng sự kiện): a running story whose articles may be in any category.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The topic's address; stays the same unless changed on purpose." }),
    name: t.exposeString("name", { description: "The topic's name." }),
    description: t.exposeString("description", { nullable: true, description: "A line about the topic." }),
    articleCount: t.int({
      description: "Articles of this topic that the viewer may see.",
      resolve: (topic, _args, ctx) => ctx.loaders.topicArticleCount.load(topic.id),
    }),
    articles: t.field({
      type: ArticleConnection,
      description: "This topic's articles that the viewer may see, newest first.",
      args: {
        first: t.arg.int({ description: "Page size (forward)." }),
        after: t.arg.string({ description: "Cursor to continue after." }),
        last: t.arg.int({ description: "Page size (backward)." }),
        before: t.arg.string({ description: "Cursor to continue before." }),
      },
      select: { id: true },
      resolve: (topic, args, ctx, info) => resolveArticleList(ctx, info, { ...args, filter: { topicId: { id: topic.id } } }) as never,
    }),
  }),
});

builder.prismaObjectFields(ArticleRef, (t) => ({
  topics: t.field({
    type: [TopicRef],
    description: "The topics (dòng sự kiện) of the article, in order.",
    select: { id: true },
    resolve: (article, _args, ctx) => ctx.loaders.articleTopics.load(article.id),
  }),
}));

builder.queryField("topics", (t) =>
  t.prismaConnection(
    {
      type: TopicRef,
      cursor: "id",
      description: "Topics (dòng sự kiện), by name.",
      args: { search: t.arg.string({ description: "Words of the name, accent-insensitive.", validate: z.string().max(200) }) },
      ...pageSizes(20),
      totalCount: (_root, args, ctx) => ctx.db.topic.count({ where: topicWhere(args.search) }),
      resolve: (query, _root, args, ctx) => ctx.db.topic.findMany({ ...query, where: topicWhere(args.search), orderBy: [{ name: "asc" }, { id: "asc" }] }),
    },
    { name: "TopicConnection", description: "A page of topics.", fields: totalCountField("Topics matching the search.") as never },
    { name: "TopicEdge", description: "A topic in a page." },
  ),
);

/** Slugs are the folded name: searching them is accent-insensitive. */
function topicWhere(search: string | null | undefined) {
  const words = search ? foldVietnamese(search).split(" ").filter(Boolean) : [];
  return words.length ? { AND: words.map((w) => ({ OR: [{ slug: { contains: w } }, { name: { contains: w } }] })) } : {};
}

builder.queryField("topic", (t) =>
  t.prismaField({
    type: TopicRef,
    nullable: true,
    description: "One topic by its slug, or null.",
    args: { slug: t.arg.string({ required: true, description: "The topic's slug.", validate: z.string().max(200) }) },
    resolve: (query, _root, { slug }, ctx) => ctx.db.topic.findUnique({ ...query, where: { slug } }),
  }),
);

const TopicInput = builder.inputType("CreateTopicInput", {
  description: "A new topic.",
  fields: (t) => ({
    name: t.string({ required: true, description: "The topic's name.", validate: z.string().trim().min(1).max(200) }),
    slug: t.string({ description: "The address; made from the name when not given. Unique.", validate: SLUG.nullish() }),
    description: t.string({ description: "A line about the topic.", validate: z.string().trim().max(2000).nullish() }),
  }),
});

const UpdateTopicInput = builder.inputType("UpdateTopicInput", {
  description: "Changes to a topic; omitted fields stay as they are.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: TopicRef, description: "The topic." }),
    name: t.string({ description: "The new name (the slug stays unless given).", validate: z.string().trim().min(1).max(200).nullish() }),
    slug: t.string({ description: "A new address, only when asked for: old links stop working.", validate: SLUG.nullish() }),
    description: t.string({ description: "A new description; an empty string clears it.", validate: z.string().trim().max(2000).nullish() }),
  }),
});

builder.mutationField("createTopic", (t) =>
  t.prismaField({
    type: TopicRef,
    description: "Creates a topic (EDITOR and above).",
    authScopes: { role: "EDITOR" },
    args: { input: t.arg({ type: TopicInput, required: true, description: "The new topic." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createTopic(taxonomyDeps(ctx), input);
      return ctx.db.topic.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("updateTopic", (t) =>
  t.prismaField({
    type: TopicRef,
    description: "Renames or describes a topic (EDITOR and above); its slug changes only when one is given.",
    authScopes: { role: "EDITOR" },
    args: { input: t.arg({ type: UpdateTopicInput, required: true, description: "What changes." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await updateTopic(taxonomyDeps(ctx), input.id.id, input);
      return ctx.db.topic.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const DeletedTopic = builder.objectRef<{ id: string; slug: string }>("DeletedTopic").implement({
  description: "A topic that was deleted.",
  fields: (t) => ({
    id: t.id({ description: "The global ID it had.", resolve: (c) => Buffer.from(`Topic:${c.id}`).toString("base64") }),
    slug: t.exposeString("slug", { description: "The slug it had." }),
  }),
});

builder.mutationField("deleteTopic", (t) =>
  t.field({
    type: DeletedTopic,
    description: "Deletes a topic (EDITOR and above); its articles stay and simply lose it.",
    authScopes: { role: "EDITOR" },
    args: { id: t.arg.globalID({ required: true, for: TopicRef, description: "The topic." }) },
    resolve: async (_root, { id }, ctx) => {
      const deleted = await deleteTopic(taxonomyDeps(ctx), id.id);
      return deleted;
    },
  }),
);

builder.mutationField("setArticleTopics", (t) =>
  t.prismaField({
    type: ArticleRef,
    description:
      "Replaces the topics of an article, in order (whoever may edit the article). Topics belong to the article, not to a version: readers see the change at once.",
    args: {
      id: t.arg.globalID({ required: true, description: "The article." }),
      topicIds: t.arg.globalIDList({
        required: true,
        for: TopicRef,
        description: "The topics, in order; empty removes them all.",
        validate: z.array(z.unknown()).max(50, "at most 50 topics"),
      }),
    },
    authScopes: async (_root, args, ctx) => {
      if (!ctx.viewer) return false;
      const access = await articleAccess(ctx.db, ctx.viewer, idOf(args.id, "Article", "id"), ctx.now);
      if (!access) throw notFound("The article");
      return allows(ctx.viewer, access, "edit");
    },
    resolve: async (query, _root, { id, topicIds }, ctx) => {
      const articleId = await setArticleTopics(
        taxonomyDeps(ctx),
        idOf(id, "Article", "id"),
        topicIds.map((t) => t.id),
      );
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id: articleId } });
    },
  }),
);
