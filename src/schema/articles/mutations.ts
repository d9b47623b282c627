// The editorial workflow's mutations (schema/operations/editor.graphql).
// Who may call what is declared with auth scopes: a site role for createArticle,
// and for the others a scope function that answers from the viewer's effective
// role on that one article. An article the viewer may not see is NOT_FOUND,
// exactly as if it did not exist; the domain logic is in services/workflow.ts.
import { z } from "zod";
import { actorOf, type Context } from "../../context";
import { notFound } from "../errors";
import { allows, articleAccess, type ArticleAction } from "../../services/access";
import {
  approveArticle,
  createArticle,
  deleteArticle,
  rejectArticle,
  restoreArticle,
  restoreArticleVersion,
  submitArticle,
  unpublishArticle,
  updateArticle,
  type ContentInput,
  type WorkflowDeps,
} from "../../services/workflow";
import { builder, idOf } from "../builder";
import { SLUG } from "../categories/types";
import { ArticleRef } from "./types";

type GlobalId = { typename: string; id: string };

const deps = (ctx: Context): WorkflowDeps => ({ db: ctx.db, events: ctx.app.events, now: ctx.now, viewer: ctx.viewer!, actor: actorOf(ctx) });

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
  categoryId: t.globalID({ description: "Phân loại: the category's global ID; null leaves the article uncategorised." }),
  coverImageId: t.globalID({ description: "An IMAGE media." }),
  alternateUrl: t.string({ validate: text(2000).nullish(), description: "An http(s) link shown instead of the body." }),
  publishAt: t.field({ type: "DateTime", description: "The publish date; in the future, approval schedules the article." }),
  expireAt: t.field({ type: "DateTime", description: "End of publication: readers stop seeing the article then." }),
  featured: t.boolean({ description: "Tin nổi bật: show it in the home page carousel (default false)." }),
  byline: t.string({ validate: text(300).nullish(), description: "Tác giả: the printed byline, free text (at most 300 characters)." }),
  articleType: t.string({ validate: text(200).nullish(), description: "Loại bài viết: the genre, free text (at most 200 characters)." }),
  pageCount: t.int({
    validate: z.number().int().min(0).max(10_000).nullish(),
    description: "Số trang: length in printed pages, 0 to 10,000 (royalty reports).",
  }),
  attachmentIds: t.globalIDList({ validate: mediaIds.nullish(), description: "Attached documents, in order." }),
  galleryIds: t.globalIDList({ validate: mediaIds.nullish(), description: "Photos and videos (IMAGE or VIDEO media), in order." }),
  comment: t.string({ validate: text(2000).nullish(), description: "Why this version was made (shown in the history)." }),
});
type PothosInputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const CreateArticleInput = builder.inputType("CreateArticleInput", {
  description: "A new article's content. Omitted optional fields are empty; the photo count is computed.",
  fields: (t) => ({
    title: t.string({ required: true, validate: text(500), description: "Tiêu đề: the headline, plain text (at most 500 characters)." }),
    body: t.string({ required: true, validate: text(2_000_000), description: "HTML; sanitised on write." }),
    ...contentFields(t),
  }),
});

const UpdateArticleInput = builder.inputType("UpdateArticleInput", {
  description: "Changes to an article's content: omitted fields keep their value; null clears an optional one.",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The article's global ID." }),
    expectedVersion: t.string({
      required: true,
      validate: text(20),
      description: "The version label the edit started from; if another change landed meanwhile the update fails with CONFLICT.",
    }),
    title: t.string({ validate: text(500).nullish(), description: "Tiêu đề: the new headline (cannot be null or empty)." }),
    body: t.string({ validate: text(2_000_000).nullish(), description: "HTML; sanitised on write." }),
    ...contentFields(t),
  }),
});

/** ContentInput as GraphQL gives it: the references still global IDs. */
type RawContentInput = Omit<ContentInput, "categoryId" | "coverImageId" | "attachmentIds" | "galleryIds"> & {
  categoryId?: GlobalId | null;
  coverImageId?: GlobalId | null;
  attachmentIds?: GlobalId[] | null;
  galleryIds?: GlobalId[] | null;
};

/** Decodes the input's global IDs, checking that each names the right type. */
function contentInput(input: RawContentInput): ContentInput {
  const one = (value: GlobalId | null | undefined, type: string, field: string) => (value == null ? value : idOf(value, type, `input.${field}`));
  const many = (values: GlobalId[] | null | undefined, field: string) => (values == null ? values : values.map((v) => idOf(v, "Media", `input.${field}`)));
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
    description:
      "A new article at version 0.1, DRAFT, seen only by its editors until approved (CONTRIBUTOR and above). " +
      "Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT (fields named), CONFLICT (slug taken).",
    authScopes: { role: "CONTRIBUTOR" },
    args: { input: t.arg({ type: CreateArticleInput, required: true, description: "The article's content." }) },
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
    description:
      "Saves a new minor version (DRAFT); readers keep the published version. Errors: UNAUTHENTICATED, NOT_FOUND, " +
      "FORBIDDEN, BAD_USER_INPUT, CONFLICT (another save landed since expectedVersion: extensions.currentVersion; or slug taken).",
    args: { input: t.arg({ type: UpdateArticleInput, required: true, description: "The article and the changed fields." }) },
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

/** How a workflow mutation on one article can fail. */
const STEP_ERRORS = "Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, BAD_USER_INPUT (not in a state that allows it), CONFLICT (a concurrent change).";

/**
 * A mutation whose only argument is the article's ID: one workflow step on it,
 * allowed to whoever may do `who` to the article (or to ADMIN alone), answered
 * with the article as it now stands.
 */
const articleStep = (
  name: string,
  description: string,
  who: ArticleAction | { role: "ADMIN" },
  run: (deps: WorkflowDeps, articleId: string) => Promise<string>,
) =>
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: ArticleRef,
      description: description + STEP_ERRORS,
      args: { id: t.arg.globalID({ required: true, description: "The article's global ID." }) },
      authScopes: typeof who === "string" ? onArticle(who, byId) : who,
      resolve: async (query, _root, { id }, ctx) => reload(ctx, query, await run(deps(ctx), idOf(id, "Article", "id"))),
    }),
  );

builder.mutationField("submitArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "Sends the latest version for approval: DRAFT or REJECTED → PENDING." + STEP_ERRORS,
    args: {
      id: t.arg.globalID({ required: true, description: "The article's global ID." }),
      comment: t.arg.string({ validate: text(2000).nullish(), description: "A note for the approver (at most 2,000 characters)." }),
    },
    authScopes: onArticle("edit", byId),
    resolve: async (query, _root, { id, comment }, ctx) => reload(ctx, query, await submitArticle(deps(ctx), idOf(id, "Article", "id"), comment)),
  }),
);

builder.mutationField("approveArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "PENDING → the next major version: APPROVED, or SCHEDULED while publishAt is in the future (APPROVER and above)." + STEP_ERRORS,
    args: {
      id: t.arg.globalID({ required: true, description: "The article's global ID." }),
      comment: t.arg.string({ validate: text(2000).nullish(), description: "The approver's comment, kept in the history (at most 2,000 characters)." }),
      expectedVersion: t.arg.string({
        validate: text(20).nullish(),
        description:
          'The version label the approver reviewed (e.g. "0.2"): if another version was submitted meanwhile, the approval fails with CONFLICT and nothing is written. The approval record names the reviewed version.',
      }),
    },
    authScopes: onArticle("approve", byId),
    resolve: async (query, _root, { id, comment, expectedVersion }, ctx) =>
      reload(ctx, query, (await approveArticle(deps(ctx), idOf(id, "Article", "id"), comment, expectedVersion)).articleId),
  }),
);

builder.mutationField("rejectArticle", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "PENDING → REJECTED, with the reason (APPROVER and above). Readers keep the last approved version." + STEP_ERRORS,
    args: {
      id: t.arg.globalID({ required: true, description: "The article's global ID." }),
      comment: t.arg.string({
        required: true,
        validate: text(2000).trim().min(1, "say why the version is rejected"),
        description: "Why the version is rejected: shown to its authors (required, at most 2,000 characters).",
      }),
    },
    authScopes: onArticle("approve", byId),
    resolve: async (query, _root, { id, comment }, ctx) => reload(ctx, query, await rejectArticle(deps(ctx), idOf(id, "Article", "id"), comment)),
  }),
);

articleStep("unpublishArticle", "Readers no longer see the article; its history is kept (APPROVER and above).", "approve", unpublishArticle);

builder.mutationField("restoreArticleVersion", (t) =>
  t.prismaField({
    type: ArticleRef,
    description: "A new minor version (DRAFT) whose content equals the given version." + STEP_ERRORS,
    args: {
      id: t.arg.globalID({ required: true, description: "The article's global ID." }),
      version: t.arg.string({ required: true, validate: text(20), description: 'The label of the version to copy, e.g. "1.0".' }),
    },
    authScopes: onArticle("edit", byId),
    resolve: async (query, _root, { id, version }, ctx) => reload(ctx, query, await restoreArticleVersion(deps(ctx), idOf(id, "Article", "id"), version)),
  }),
);

articleStep(
  "deleteArticle",
  "Moves the article to the recycle bin: gone for everyone but ADMIN (see articles(filter: { deleted: true })).",
  "delete",
  deleteArticle,
);

articleStep("restoreArticle", "ADMIN: brings a deleted article back from the recycle bin, in the state it was deleted in.", { role: "ADMIN" }, restoreArticle);
