// The editorial workflow's mutations (../shared/contract/editor.graphql, issue #3).
// Who may call what is declared with auth scopes: a site role for createArticle,
// and for the others a scope function that answers from the viewer's effective
// role on that one article. An article the viewer may not see is NOT_FOUND,
// exactly as if it did not exist; the domain logic is in services/workflow.ts.
import { z } from "zod";
import type { Context } from "../../context";
import { notFound } from "../errors";
import {
  allows,
  approveArticle,
  articleAccess,
  createArticle,
  deleteArticle,
  rejectArticle,
  restoreArticle,
  restoreArticleVersion,
  submitArticle,
  unpublishArticle,
  updateArticle,
  type ArticleAction,
  type ContentInput,
  type WorkflowDeps,
} from "../../services/workflow";
import { builder, idOf } from "../builder";
import { SLUG } from "../categories/types";
import { ArticleRef } from "./types";

type GlobalId = { typename: string; id: string };

const deps = (ctx: Context): WorkflowDeps => ({ db: ctx.db, events: ctx.app.events, now: ctx.now, viewer: ctx.viewer! });

/**
 * The scope of an operation on one article: anonymous → UNAUTHENTICATED, an
 * article the viewer may not see → NOT_FOUND, not allowed → FORBIDDEN.
 */
const onArticle =
  <Args>(action: ArticleAction, idOfArgs: (args: Args) => GlobalId, field = "id") =>
  async (_root: unknown, args: Args, ctx: Context): Promise<boolean> => {
    if (!ctx.viewer) return false;
    const access = await articleAccess(ctx.db, ctx.viewer, idOf(idOfArgs(args), "Article", field), ctx.now);
    if (!access) throw notFound("The article");
    return allows(ctx.viewer, access, action);
  };

const text = (max: number) => z.string().max(max, `at most ${max} characters`);
const mediaIds = z.array(z.unknown()).max(100, "at most 100 items");

/** The content fields shared by CreateArticleInput and UpdateArticleInput. */
const contentFields = (t: PothosInputFieldBuilder) => ({
  slug: t.string({ validate: SLUG.nullish(), description: "Made from the title when not given; unique." }),
  summary: t.string({ validate: text(4000).nullish(), description: "The lead paragraph (sapo), plain text." }),
  categoryId: t.globalID(),
  coverImageId: t.globalID({ description: "An IMAGE media." }),
  alternateUrl: t.string({ validate: text(2000).nullish(), description: "An http(s) link shown instead of the body." }),
  publishAt: t.field({ type: "DateTime", description: "The publish date; in the future, approval schedules the article." }),
  expireAt: t.field({ type: "DateTime", description: "End of publication: readers stop seeing the article then." }),
  featured: t.boolean(),
  byline: t.string({ validate: text(300).nullish() }),
  articleType: t.string({ validate: text(200).nullish() }),
  pageCount: t.int({ validate: z.number().int().min(0).max(10_000).nullish() }),
  attachmentIds: t.globalIDList({ validate: mediaIds.nullish(), description: "Attached documents, in order." }),
  galleryIds: t.globalIDList({ validate: mediaIds.nullish(), description: "Photos and videos (IMAGE or VIDEO media), in order." }),
  comment: t.string({ validate: text(2000).nullish(), description: "Why this version was made (shown in the history)." }),
});
type PothosInputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const CreateArticleInput = builder.inputType("CreateArticleInput", {
  fields: (t) => ({
    title: t.string({ required: true, validate: text(500) }),
    body: t.string({ required: true, validate: text(2_000_000), description: "HTML; sanitised on write." }),
    ...contentFields(t),
  }),
});

const UpdateArticleInput = builder.inputType("UpdateArticleInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    expectedVersion: t.string({
      required: true,
      validate: text(20),
      description: "The version label the edit started from; if another change landed meanwhile the update fails with CONFLICT.",
    }),
    title: t.string({ validate: text(500).nullish() }),
    body: t.string({ validate: text(2_000_000).nullish(), description: "HTML; sanitised on write." }),
    ...contentFields(t),
  }),
});

interface RawContentInput {
  title?: string | null;
  body?: string | null;
  summary?: string | null;
  categoryId?: GlobalId | null;
  coverImageId?: GlobalId | null;
  alternateUrl?: string | null;
  publishAt?: Date | null;
  expireAt?: Date | null;
  featured?: boolean | null;
  byline?: string | null;
  articleType?: string | null;
  pageCount?: number | null;
  attachmentIds?: GlobalId[] | null;
  galleryIds?: GlobalId[] | null;
}

/** Decodes the input's global IDs, checking that each names the right type. */
function contentInput(input: RawContentInput): ContentInput {
  const one = (value: GlobalId | null | undefined, type: string, field: string) =>
    value == null ? value : idOf(value, type, `input.${field}`);
  const many = (values: GlobalId[] | null | undefined, field: string) =>
    values == null ? values : values.map((v) => idOf(v, "Media", `input.${field}`));
  return {
    ...input,
    categoryId: one(input.categoryId, "Category", "categoryId"),
    coverImageId: one(input.coverImageId, "Media", "coverImageId"),
    attachmentIds: many(input.attachmentIds, "attachmentIds"),
    galleryIds: many(input.galleryIds, "galleryIds"),
  } as ContentInput;
}

/** The article after a workflow step, as the caller now sees it, with the selection the client asked for. */
const reload = (ctx: Context, query: object, id: string) => ctx.db.article.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationField("createArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "A new article at version 0.1, DRAFT (CONTRIBUTOR and above).",
    authScopes: { role: "CONTRIBUTOR" },
    args: { input: t.arg({ type: CreateArticleInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { slug, comment, ...content } = input;
      const id = await createArticle(deps(ctx), {
        ...(contentInput(content) as ContentInput & { title: string; body: string }),
        slug: slug ?? null,
        comment: comment ?? null,
      });
      return reload(ctx, query, id);
    },
  }),
);

builder.mutationField("updateArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "Saves a new minor version (DRAFT); readers keep the published version.",
    args: { input: t.arg({ type: UpdateArticleInput, required: true }) },
    authScopes: onArticle("edit", (args: { input: { id: GlobalId } }) => args.input.id, "input.id"),
    resolve: async (query, _root, { input }, ctx) => {
      const { id, expectedVersion, slug, comment, ...content } = input;
      const articleId = await updateArticle(deps(ctx), {
        ...contentInput(content),
        id: idOf(id, "Article", "input.id"),
        expectedVersion,
        slug: slug ?? null,
        comment: comment ?? null,
      });
      return reload(ctx, query, articleId);
    },
  }),
);

const byId = (args: { id: GlobalId }) => args.id;

builder.mutationField("submitArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "Sends the latest version for approval: DRAFT or REJECTED → PENDING.",
    args: { id: t.arg.globalID({ required: true }), comment: t.arg.string({ validate: text(2000).nullish() }) },
    authScopes: onArticle("edit", byId),
    resolve: async (query, _root, { id, comment }, ctx) => reload(ctx, query, await submitArticle(deps(ctx), idOf(id, "Article", "id"), comment)),
  }),
);

builder.mutationField("approveArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "PENDING → the next major version: APPROVED, or SCHEDULED while publishAt is in the future (APPROVER and above).",
    args: { id: t.arg.globalID({ required: true }), comment: t.arg.string({ validate: text(2000).nullish() }) },
    authScopes: onArticle("approve", byId),
    resolve: async (query, _root, { id, comment }, ctx) =>
      reload(ctx, query, (await approveArticle(deps(ctx), idOf(id, "Article", "id"), comment)).articleId),
  }),
);

builder.mutationField("rejectArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "PENDING → REJECTED, with the reason (APPROVER and above). Readers keep the last approved version.",
    args: {
      id: t.arg.globalID({ required: true }),
      comment: t.arg.string({ required: true, validate: text(2000).trim().min(1, "say why the version is rejected") }),
    },
    authScopes: onArticle("approve", byId),
    resolve: async (query, _root, { id, comment }, ctx) => reload(ctx, query, await rejectArticle(deps(ctx), idOf(id, "Article", "id"), comment)),
  }),
);

builder.mutationField("unpublishArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "Readers no longer see the article; its history is kept (APPROVER and above).",
    args: { id: t.arg.globalID({ required: true }) },
    authScopes: onArticle("approve", byId),
    resolve: async (query, _root, { id }, ctx) => reload(ctx, query, await unpublishArticle(deps(ctx), idOf(id, "Article", "id"))),
  }),
);

builder.mutationField("restoreArticleVersion", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "A new minor version (DRAFT) whose content equals the given version.",
    args: { id: t.arg.globalID({ required: true }), version: t.arg.string({ required: true, validate: text(20) }) },
    authScopes: onArticle("edit", byId),
    resolve: async (query, _root, { id, version }, ctx) =>
      reload(ctx, query, await restoreArticleVersion(deps(ctx), idOf(id, "Article", "id"), version)),
  }),
);

builder.mutationField("deleteArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "Moves the article to the recycle bin: gone for everyone but ADMIN (see articles(filter: { deleted: true })).",
    args: { id: t.arg.globalID({ required: true }) },
    authScopes: onArticle("delete", byId),
    resolve: async (query, _root, { id }, ctx) => reload(ctx, query, await deleteArticle(deps(ctx), idOf(id, "Article", "id"))),
  }),
);

builder.mutationField("restoreArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "ADMIN: brings a deleted article back from the recycle bin, in the state it was deleted in.",
    args: { id: t.arg.globalID({ required: true }) },
    authScopes: { role: "ADMIN" },
    resolve: async (query, _root, { id }, ctx) =>
      reload(ctx, query, await restoreArticle(deps(ctx), idOf(id, "Article", "id"))),
  }),
);
