// Version history and approval decisions (SharePoint's "Version History";
// editor.graphql ArticleHistory and CompareVersions). History shows drafts, so
// only those who may edit the article (and so see its latest version) read it.
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Context } from "../../context";
import { badInput } from "../errors";
import { allows } from "../../services/access";
import { diffContent, contentValueText, loadContent, newestFirst, parseLabel, type ContentField } from "../../services/versioning";
import { ApprovalStatusEnum, ArticleRef } from "../articles/types";
import { builder } from "../builder";

const ApprovalDecisionEnum = builder.enumType("ApprovalDecision", {
  description: "An approver's decision on a pending version.",
  values: {
    APPROVED: { description: "Duyệt: the version became the next major version (published or scheduled)." },
    REJECTED: { description: "Từ chối: sent back with a comment." },
  } as const,
});

export const ArticleVersionRef = builder.prismaObject("ArticleVersion", {
  description: "A full snapshot of an article's content at one save.",
  fields: (t) => ({
    label: t.exposeString("label", { description: '"major.minor": 0.1, 0.2, 1.0, 1.1...' }),
    isMajor: t.boolean({ description: "An approved version (x.0).", select: { minor: true }, resolve: (v) => v.minor === 0 }),
    approvalStatus: t.expose("status", { type: ApprovalStatusEnum, description: "This version's status when it was last decided on." }),
    comment: t.exposeString("comment", { nullable: true, description: "The note saved with this version (why it was made)." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When this version was saved." }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who saved it; null once that account is gone." }),
    changedFields: t.stringList({
      description: "The content fields this version changed, compared with the one before it.",
      select: { changedFields: true },
      resolve: (v) => JSON.parse(v.changedFields) as string[],
    }),
    title: t.exposeString("title", { description: "Tiêu đề in this version." }),
    summary: t.exposeString("summary", { nullable: true, description: "Tóm tắt (sapo) in this version." }),
    body: t.exposeString("body", { description: "Nội dung in this version: sanitised HTML." }),
    alternateUrl: t.exposeString("alternateUrl", { nullable: true, description: "Link thay thế nội dung in this version." }),
    publishAt: t.expose("publishAt", { type: "DateTime", nullable: true, description: "The requested publish date in this version." }),
    expireAt: t.expose("expireAt", { type: "DateTime", nullable: true, description: "The end of publication in this version." }),
    featured: t.exposeBoolean("featured", { description: "Tin nổi bật in this version." }),
    byline: t.exposeString("byline", { nullable: true, description: "Tác giả (byline) in this version." }),
    articleType: t.exposeString("articleType", { nullable: true, description: "Loại bài viết in this version." }),
    pageCount: t.exposeInt("pageCount", { nullable: true, description: "Số trang in this version." }),
    photoCount: t.exposeInt("photoCount", { description: "Số ảnh in this version." }),
    category: t.relation("category", { nullable: true, description: "Phân loại in this version." }),
    coverImage: t.relation("coverImage", { nullable: true, description: "Hình ảnh (lead image) in this version." }),
  }),
});

builder.prismaObject("Approval", {
  description: "An approver's decision on one version.",
  fields: (t) => ({
    decision: t.expose("decision", { type: ApprovalDecisionEnum, description: "Approved or rejected." }),
    comment: t.exposeString("comment", { nullable: true, description: "The approver's comment (always given for a rejection)." }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", description: "When the decision was made." }),
    decidedBy: t.relation("decidedBy", { nullable: true, description: "The approver; null once that account is gone." }),
    version: t.exposeString("versionLabel", { description: "The label of the version the decision applied to (the new major for an approval)." }),
    reviewedVersion: t.exposeString("reviewedVersionLabel", {
      nullable: true,
      description:
        'The label of the version the approver reviewed (the pending one, e.g. "0.2", that an approval turned into `version`); null on decisions older than this record.',
    }),
  }),
});

const FieldChange = builder.objectRef<{ field: string; before: string | null; after: string | null }>("FieldChange").implement({
  description: "One field that differs between two versions; IDs are global IDs, dates ISO-8601.",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The field's name as in the input types (title, body, categoryId...)." }),
    before: t.exposeString("before", { nullable: true, description: "Its value in `from`, as text; null when empty." }),
    after: t.exposeString("after", { nullable: true, description: "Its value in `to`, as text; null when empty." }),
  }),
});

/** History shows drafts: only viewers who may edit the article (and so see its latest version) read it. */
async function mayReadHistory(article: { id: string }, ctx: Context): Promise<boolean> {
  if (!ctx.viewer) return false;
  const facts = await ctx.loaders.articleAccessFacts.load(article.id);
  if (!facts) return false;
  const grantRole = !facts.inheritsPermissions && ctx.viewer.role !== "ADMIN" ? await ctx.loaders.viewerGrant.load(article.id) : null;
  return allows(ctx.viewer, { ...facts, grantRole }, "edit");
}

const ID_TYPES: Partial<Record<ContentField, string>> = {
  categoryId: "Category",
  coverImageId: "Media",
  galleryIds: "Media",
  attachmentIds: "Media",
};

/** Values as clients know them: database ids become global IDs. */
function shown(field: ContentField, value: unknown): string | null {
  const type = ID_TYPES[field];
  if (!type || value == null) return contentValueText(value);
  return Array.isArray(value) ? JSON.stringify(value.map((id: string) => encodeGlobalID(type, id))) : encodeGlobalID(type, String(value));
}

builder.prismaObjectFields(ArticleRef, (t) => ({
  versions: t.relatedConnection(
    "versions",
    {
      cursor: "id",
      description: "Every version, newest first (editors of this article only).",
      totalCount: true,
      query: { orderBy: newestFirst },
      authScopes: (article, _args, ctx) => mayReadHistory(article, ctx),
    },
    {
      name: "ArticleVersionConnection",
      description: "One page of an article's versions, newest first.",
      // The plugin's own totalCount field, described (same extension, same value).
      fields: (c) => ({
        totalCount: c.int({
          description: "How many versions the article has.",
          extensions: { pothosPrismaTotalCount: true },
          resolve: (parent) => (parent as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    { name: "ArticleVersionEdge", description: "One version of a page, with its cursor." },
  ),
  approvals: t.relation("approvals", {
    description: "Every approval decision, newest first, with the version it applied to (editors of this article only).",
    query: { orderBy: [{ decidedAt: "desc" }, { id: "desc" }] },
    authScopes: (article, _args, ctx) => mayReadHistory(article, ctx),
  }),
  compareVersions: t.field({
    type: [FieldChange],
    description: "The fields that differ between two versions of this article (editors of this article only).",
    args: {
      from: t.arg.string({ required: true, description: 'The older version\'s label, e.g. "1.0"; BAD_USER_INPUT if the article has none such.' }),
      to: t.arg.string({ required: true, description: 'The newer version\'s label, e.g. "1.1".' }),
    },
    select: { id: true },
    authScopes: (article, _args, ctx) => mayReadHistory(article, ctx),
    resolve: async (article, { from, to }, ctx) => {
      const find = async (label: string, arg: string) => {
        const parsed = parseLabel(label.slice(0, 20));
        const version = parsed
          ? await ctx.db.articleVersion.findUnique({
              where: { articleId_major_minor: { articleId: article.id, major: parsed.major, minor: parsed.minor } },
              select: { id: true },
            })
          : null;
        if (!version) throw badInput(`This article has no version "${label.slice(0, 20)}".`, [arg]);
        return loadContent(ctx.db, version.id);
      };
      const [before, after] = [await find(from, "from"), await find(to, "to")];
      return diffContent(before, after, shown);
    },
  }),
}));
