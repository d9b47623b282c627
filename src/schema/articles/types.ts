// The Article type. Its content comes from a version: the latest one for those
// who may edit the article, the published one for everybody else
// (schema/operations/editor.graphql: "Editors see the latest version's content
// on Article; readers see the published one").
import type { Context } from "../../context";
import type { ApprovalStatus, Category, User } from "../../db/client";
import { allows, readableArticleWhere, type Viewer } from "../../services/access";
import { builder, nodeCondition } from "../builder";
import { CategoryRef } from "../categories/types";
import { MediaRef } from "../media/types";
import { UserRef } from "../users/types";

export const ApprovalStatusEnum = builder.enumType("ApprovalStatus", {
  description: "Where a version stands in content approval (Trạng thái phê duyệt).",
  values: {
    DRAFT: { description: "Bản nháp: saved, not sent for approval; only its editors see it." },
    PENDING: { description: "Chờ duyệt: sent for approval; an APPROVER approves or rejects it." },
    APPROVED: { description: "Đã duyệt: published; readers see this version." },
    REJECTED: { description: "Bị từ chối: sent back with the approver's comment; readers keep the last approved version." },
    SCHEDULED: { description: "Hẹn giờ đăng: approved with publishAt in the future; readers see it from then." },
  } as const,
});

type VersionRelation = "currentVersion" | "publishedVersion";

/** The versions a viewer's query must load: anonymous readers never need the latest one. */
const versionRelations = (viewer: Viewer | null): VersionRelation[] => (viewer ? ["currentVersion", "publishedVersion"] : ["publishedVersion"]);

/** What deciding the viewer's view of one article needs from the row. */
const accessSelect = { id: true, inheritsPermissions: true, createdById: true } as const;

interface ViewableArticle {
  id: string;
  inheritsPermissions: boolean;
  createdById: string | null;
  currentVersion?: Record<string, unknown> | null;
  publishedVersion?: Record<string, unknown> | null;
}

/** `f(value)`, synchronously when the value is not a promise. */
const then = <A, B>(value: A | Promise<A>, f: (a: A) => B): B | Promise<B> => (value instanceof Promise ? value.then(f) : f(value));

/**
 * Does this viewer see the latest version of this article (rather than the published one)?
 * Synchronous unless the viewer's grant on the article must be loaded: most of a list's
 * fields then resolve without a promise each (docs/performance.md).
 */
export function seesLatest(article: Pick<ViewableArticle, "id" | "inheritsPermissions" | "createdById">, ctx: Context): boolean | Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  const facts = { inheritsPermissions: article.inheritsPermissions, createdById: article.createdById };
  if (article.inheritsPermissions || viewer.role === "ADMIN") return allows(viewer, { ...facts, grantRole: null }, "edit");
  return ctx.loaders.viewerGrant.load(article.id).then((grantRole) => allows(viewer, { ...facts, grantRole }, "edit"));
}

function versionFor<T>(article: ViewableArticle, latest: boolean): T {
  const version = latest ? article.currentVersion : article.publishedVersion;
  // Row visibility guarantees the version exists; an article still being created has none.
  if (!version) throw new Error(`article ${article.id} has no version for this viewer`);
  return version as T;
}

function viewOf<T>(article: ViewableArticle, ctx: Context): T | Promise<T> {
  return then(seesLatest(article, ctx), (latest) => versionFor<T>(article, latest));
}

/** A Prisma selection of `fields` on whichever version(s) the viewer may need. */
function versionSelect(ctx: Context, fields: Record<string, unknown>) {
  const select: Record<string, unknown> = { ...accessSelect };
  for (const relation of versionRelations(ctx.viewer)) select[relation] = { select: { id: true, ...fields } };
  return select;
}

export const ArticleRef = builder.prismaNode("Article", {
  description:
    "A news article (Tin tức). Readers see its published version only, and only while it is live; those who may " +
    "edit it see its latest version. Anything a viewer may not see answers exactly like something that does not exist.",
  id: { field: "id", description: "The global ID (opaque; the same for every viewer)." },
  // `node(id:)` and `nodes` see exactly what lists show this viewer.
  findUnique: nodeCondition("Article", (id: string, ctx: Context) => ({ id, AND: [articleVisibility(ctx)] })),
  fields: (t) => {
    const content = <K extends string>(field: K) => ({
      select: (_args: unknown, ctx: Context) => versionSelect(ctx, { [field]: true }),
    });
    const fromView =
      <V>(field: string) =>
      (article: unknown, _args: unknown, ctx: Context) =>
        then(viewOf<Record<string, V>>(article as ViewableArticle, ctx), (version) => version[field] as V);
    return {
      slug: t.exposeString("slug", {
        description: "The article's address segment (/tin-tuc/<slug>), unique; made from the title, fixed once published.",
      }),
      title: t.string({ description: "Tiêu đề: the headline, plain text (at most 500 characters).", ...content("title"), resolve: fromView<string>("title") }),
      summary: t.string({
        nullable: true,
        description: "Tóm tắt: the bold lead paragraph (sapo), plain text.",
        ...content("summary"),
        resolve: fromView<string | null>("summary"),
      }),
      body: t.string({
        description: "Nội dung: the body, as HTML sanitised on write (safe to insert as is).",
        ...content("body"),
        resolve: fromView<string>("body"),
      }),
      alternateUrl: t.string({
        nullable: true,
        description: "Link thay thế nội dung: when set, the article opens this http(s) address instead of its body.",
        ...content("alternateUrl"),
        resolve: fromView<string | null>("alternateUrl"),
      }),
      publishAt: t.field({
        type: "DateTime",
        nullable: true,
        description: "The requested publish date; in the future, the article is scheduled.",
        ...content("publishAt"),
        resolve: fromView<Date | null>("publishAt"),
      }),
      expireAt: t.field({
        type: "DateTime",
        nullable: true,
        description: "End of publication, if any.",
        ...content("expireAt"),
        resolve: fromView<Date | null>("expireAt"),
      }),
      publishedAt: t.field({
        type: "DateTime",
        nullable: true,
        description: "When the published version became visible to readers.",
        select: { publishedAt: true },
        resolve: (article) => article.publishedAt,
      }),
      featured: t.boolean({ description: "Tin nổi bật: shown in the home page carousel.", ...content("featured"), resolve: fromView<boolean>("featured") }),
      byline: t.string({ nullable: true, description: "The free-text byline (Tác giả).", ...content("byline"), resolve: fromView<string | null>("byline") }),
      articleType: t.string({
        nullable: true,
        description: "Loại bài viết: the genre (news, report, interview...), free text used by the royalty reports.",
        ...content("articleType"),
        resolve: fromView<string | null>("articleType"),
      }),
      pageCount: t.int({
        nullable: true,
        description: "Số trang: length in printed pages, for the royalty reports.",
        ...content("pageCount"),
        resolve: fromView<number | null>("pageCount"),
      }),
      photoCount: t.int({
        description: "Số ảnh: photos in the article (cover and gallery images), for the royalty reports.",
        ...content("photoCount"),
        resolve: fromView<number>("photoCount"),
      }),
      approvalStatus: t.field({
        type: ApprovalStatusEnum,
        description: "Readers only ever see APPROVED; editors see the latest version's status.",
        select: () => ({ ...accessSelect, status: true, scheduledVersion: { select: { publishAt: true } } }),
        resolve: (article, _args, ctx) =>
          then(seesLatest(article, ctx), (latest) =>
            latest ? effectiveStatus(article.status, article.scheduledVersion?.publishAt ?? null, ctx.now) : ("APPROVED" as const),
          ),
      }),
      version: t.string({
        description: 'The label of the version this viewer sees ("0.1", "1.0", ...).',
        ...content("label"),
        resolve: fromView<string>("label"),
      }),
      viewCount: t.int({
        description: "Page views (Lượt người xem).",
        select: { id: true, viewCount: true },
        // Flushed views plus those still in the counter buffer (src/services/counters).
        resolve: (article, _args, ctx) =>
          ctx.app.counters.viewCountNow(article.id, article.viewCount, ctx.countersEpoch) ?? ctx.loaders.articleViewCount.load(article.id),
      }),
      category: t.field({
        type: CategoryRef,
        nullable: true,
        description: "Phân loại: the section the article is filed in; null when uncategorised.",
        // Joined into the article's statement on PostgreSQL; on SQLite from the request's
        // one read of the categories (the menu), not a statement per list.
        select: (_args, ctx, nested) => versionSelect(ctx, joinsRelations(ctx) ? { category: nested(true) } : { categoryId: true }),
        resolve: async (article, _args, ctx) => {
          const version = await viewOf<{ category?: Category | null; categoryId?: string | null }>(article as ViewableArticle, ctx);
          if (joinsRelations(ctx)) return version.category ?? null;
          return version.categoryId ? ctx.loaders.category.load(version.categoryId) : null;
        },
      }),
      coverImage: t.field({
        type: MediaRef,
        nullable: true,
        description: "Hình ảnh: the lead image (an IMAGE media); its description is the caption and alt text.",
        // Selected with the version: one statement per list, whatever its size.
        select: (_args, ctx, nested) => versionSelect(ctx, { coverImage: nested(true) }),
        resolve: (article, _args, ctx) => then(viewOf<{ coverImage: never }>(article as ViewableArticle, ctx), (v) => v.coverImage),
      }),
      attachments: t.field({
        type: [MediaRef],
        description: "Attached documents, in order.",
        select: (_args, ctx) => versionSelect(ctx, {}),
        resolve: async (article, _args, ctx) =>
          ctx.loaders.versionMedia.load(`${(await viewOf<{ id: string }>(article as ViewableArticle, ctx)).id}:ATTACHMENT`),
      }),
      gallery: t.field({
        type: [MediaRef],
        description: "Photos and videos, in order.",
        select: (_args, ctx) => versionSelect(ctx, {}),
        resolve: async (article, _args, ctx) => ctx.loaders.versionMedia.load(`${(await viewOf<{ id: string }>(article as ViewableArticle, ctx)).id}:GALLERY`),
      }),
      author: t.field({
        type: UserRef,
        nullable: true,
        description: "The account that wrote the article (see byline for the printed name).",
        select: (_args, ctx, nested) => accountSelect(ctx, "createdBy", nested),
        resolve: (article, _args, ctx) => accountOf(article, "createdBy", ctx),
      }),
      createdAt: t.expose("createdAt", { type: "DateTime", description: "When the article was first saved (version 0.1)." }),
      createdBy: t.field({
        type: UserRef,
        nullable: true,
        description: "The account that created the article; null once that account is gone.",
        select: (_args, ctx, nested) => accountSelect(ctx, "createdBy", nested),
        resolve: (article, _args, ctx) => accountOf(article, "createdBy", ctx),
      }),
      updatedAt: t.field({
        type: "DateTime",
        description: "Last change of what this viewer sees.",
        select: (_args, ctx) => ({ ...versionSelect(ctx, { createdAt: true }), updatedAt: true }),
        resolve: (article, _args, ctx) =>
          then(seesLatest(article, ctx), (latest) =>
            latest ? article.updatedAt : versionFor<{ createdAt: Date }>(article as ViewableArticle, false).createdAt,
          ),
      }),
      updatedBy: t.field({
        type: UserRef,
        nullable: true,
        description:
          "The account that saved the version this viewer sees: the latest one for its editors, the published one for readers (a draft's author stays private).",
        select: (_args, ctx, nested) => ({ ...versionSelect(ctx, accountSelect(ctx, "createdBy", nested)), ...accountSelect(ctx, "updatedBy", nested) }),
        resolve: async (article, _args, ctx) =>
          (await seesLatest(article, ctx))
            ? accountOf(article, "updatedBy", ctx)
            : accountOf(versionFor<Record<string, unknown>>(article as ViewableArticle, false), "createdBy", ctx),
      }),
      inheritsPermissions: t.exposeBoolean("inheritsPermissions", {
        description: "true while the site roles apply; false when an ADMIN gave the article its own permissions.",
      }),
    };
  },
});

/**
 * The rows an article or version names (its category; the accounts of author,
 * createdBy, updatedBy). On PostgreSQL they are joined into the statement that
 * reads the articles (Prisma's relationJoins); on SQLite, where each relation is a
 * statement of its own, they come from the request's loaders: one statement for
 * every row of a request.
 */
const joinsRelations = (ctx: Context) => ctx.app.target.provider === "postgres";

type AccountRelation = "createdBy" | "updatedBy";

function accountSelect(ctx: Context, relation: AccountRelation, nested: (selection: true) => unknown): Record<string, unknown> {
  return joinsRelations(ctx) ? { [relation]: nested(true) } : { [`${relation}Id`]: true };
}

function accountOf(row: object, relation: AccountRelation, ctx: Context): User | null | Promise<User | null> {
  const fields = row as Record<string, unknown>;
  if (joinsRelations(ctx)) return (fields[relation] as User | null | undefined) ?? null;
  const id = fields[`${relation}Id`] as string | null;
  return id ? ctx.loaders.user.load(id) : null;
}

/** The status an editor sees: an approved, scheduled version turns APPROVED once due. */
export function effectiveStatus(status: ApprovalStatus, scheduledFor: Date | null, now: Date): ApprovalStatus {
  if (status === "SCHEDULED" && scheduledFor && scheduledFor <= now) return "APPROVED";
  return status;
}

export const articleVisibility = (ctx: Context) => readableArticleWhere(ctx.viewer, ctx.now);
