// The audit trail (nhật ký thao tác), read by ADMIN. There is no mutation on it:
// events are written by the actions themselves (services/audit.ts) and the
// database refuses to change or delete them.
import { z } from "zod";
import type { Prisma } from "../../db/client";
import { AUDIT_ACTIONS } from "../../services/audit";
import { builder, idOf, pageSizes, totalCountField } from "../builder";
import { badInput } from "../errors";
import { RoleEnum, UserRef } from "../users/types";

const ACTION_DESCRIPTIONS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  SIGN_IN: "Signed in (đăng nhập).",
  SIGN_IN_FAILED: "A failed sign-in: unknown e-mail, wrong password or deactivated account (detail says which).",
  SIGN_OUT_EVERYWHERE: "Revoked all of one's own tokens.",
  PASSWORD_CHANGE: "Changed one's own password (đổi mật khẩu).",
  USER_CREATE: "Created a user account.",
  USER_UPDATE: "Changed a user's name or e-mail.",
  USER_ROLE_CHANGE: "Changed a user's role (phân quyền).",
  USER_DEACTIVATE: "Deactivated an account (khóa tài khoản).",
  USER_REACTIVATE: "Reactivated an account (mở khóa tài khoản).",
  USER_PASSWORD_RESET: "Reset a user's password to a generated one.",
  USER_TOKENS_REVOKE: "Revoked every token of a user.",
  ARTICLE_CREATE: "Created an article (version 0.1).",
  ARTICLE_UPDATE: "Saved a new version of an article.",
  ARTICLE_SUBMIT: "Submitted an article for approval (gửi duyệt).",
  ARTICLE_APPROVE: "Approved an article (duyệt bài).",
  ARTICLE_REJECT: "Rejected an article (trả bài).",
  ARTICLE_UNPUBLISH: "Unpublished an article (gỡ bài).",
  ARTICLE_RESTORE_VERSION: "Restored an old version of an article.",
  ARTICLE_DELETE: "Moved an article to the recycle bin.",
  ARTICLE_RESTORE: "Brought an article back from the recycle bin.",
  ARTICLE_PERMISSIONS: "Changed an article's permissions.",
  ARTICLE_TOPICS: "Changed an article's topics (dòng sự kiện).",
  CATEGORY_CREATE: "Created a category (chuyên mục).",
  CATEGORY_UPDATE: "Renamed or described a category.",
  CATEGORY_MOVE: "Moved a category in the tree.",
  CATEGORY_REORDER: "Reordered the subcategories of a parent.",
  CATEGORY_DELETE: "Deleted a category.",
  TOPIC_CREATE: "Created a topic (dòng sự kiện).",
  TOPIC_UPDATE: "Renamed or described a topic.",
  TOPIC_DELETE: "Deleted a topic.",
  SITE_UPDATE: "Changed the site's details (footer).",
  MEDIA_UPLOAD: "Uploaded a file or added an external video.",
  MEDIA_UPDATE: "Changed a media item's caption.",
  MEDIA_DELETE: "Deleted a media item.",
  ROYALTY_SCALE_SET: "Set a royalty scale (bảng hệ số nhuận bút).",
  ROYALTY_SCALE_DELETE: "Deleted a royalty scale not yet in force.",
};

export const AuditActionEnum = builder.enumType("AuditAction", {
  description: "What a recorded staff action was.",
  values: Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, { description: ACTION_DESCRIPTIONS[a] }])) as Record<
    (typeof AUDIT_ACTIONS)[number],
    { description: string }
  >,
});

const globalIdOf = (type: string | null, id: string | null) => (type && id ? Buffer.from(`${type}:${id}`).toString("base64") : null);

export const AuditEventRef = builder.prismaNode("AuditEvent", {
  id: { field: "id" },
  // Also through node(id:): only administrators read the trail.
  authScopes: { role: "ADMIN" },
  description: "One recorded staff action (nhật ký thao tác): who, when, from where, what, and the values before and after.",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime", description: "When it happened." }),
    action: t.field({ type: AuditActionEnum, description: "What was done.", resolve: (e) => e.action as (typeof AUDIT_ACTIONS)[number] }),
    actor: t.prismaField({
      type: UserRef,
      nullable: true,
      description: "Who did it (null: nobody signed in, as for a failed sign-in).",
      select: { actorId: true },
      resolve: (query, e, _args, ctx) => (e.actorId ? ctx.db.user.findUnique({ ...query, where: { id: e.actorId } }) : null),
    }),
    actorName: t.exposeString("actorName", { nullable: true, description: "The actor's name at the time." }),
    actorRole: t.expose("actorRole", { type: RoleEnum, nullable: true, description: "The actor's role at the time." }),
    address: t.exposeString("address", { nullable: true, description: "The client's address (IP) as seen behind trusted proxies." }),
    userAgent: t.exposeString("userAgent", { nullable: true, description: "The client's User-Agent." }),
    targetType: t.exposeString("targetType", { nullable: true, description: 'The kind of thing acted on ("Article", "User", "Category", ...).' }),
    targetId: t.string({
      nullable: true,
      description: "The global ID of the thing acted on (it may no longer exist).",
      select: { targetType: true, targetId: true },
      resolve: (e) => globalIdOf(e.targetType, e.targetId),
    }),
    articleId: t.string({
      nullable: true,
      description: "The global ID of the article concerned, if any.",
      select: { articleId: true },
      resolve: (e) => globalIdOf("Article", e.articleId),
    }),
    before: t.exposeString("before", { nullable: true, description: "JSON of the changed values before the action." }),
    after: t.exposeString("after", { nullable: true, description: "JSON of the changed values after the action." }),
    detail: t.exposeString("detail", {
      nullable: true,
      description: "JSON of anything else worth keeping (a comment, the reviewed version, why a sign-in failed).",
    }),
  }),
});

const AuditLogFilter = builder.inputType("AuditLogFilter", {
  description: "Which events to list; every given condition must hold.",
  fields: (t) => ({
    userId: t.globalID({ description: "Events of this actor." }),
    articleId: t.globalID({ description: "Events concerning this article." }),
    targetId: t.globalID({ description: "Events acting on this object (a user, a category, a media item, ...)." }),
    actions: t.field({ type: [AuditActionEnum], description: "Only these kinds of action.", validate: z.array(z.unknown()).max(100).nullish() }),
    from: t.field({ type: "DateTime", description: "From this instant (included)." }),
    to: t.field({ type: "DateTime", description: "Until this instant (excluded)." }),
  }),
});

type Filter =
  | {
      userId?: { typename: string; id: string } | null;
      articleId?: { typename: string; id: string } | null;
      targetId?: { typename: string; id: string } | null;
      actions?: string[] | null;
      from?: Date | null;
      to?: Date | null;
    }
  | null
  | undefined;

function auditWhere(filter: Filter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter?.userId) and.push({ actorId: idOf(filter.userId, "User", "filter.userId") });
  if (filter?.articleId) and.push({ articleId: idOf(filter.articleId, "Article", "filter.articleId") });
  if (filter?.targetId) and.push({ targetType: filter.targetId.typename, targetId: filter.targetId.id });
  if (filter?.actions?.length) and.push({ action: { in: filter.actions } });
  if (filter?.from && filter?.to && filter.to <= filter.from) throw badInput("filter.to must come after filter.from.", ["filter.to"]);
  if (filter?.from || filter?.to) and.push({ at: { ...(filter.from && { gte: filter.from }), ...(filter.to && { lt: filter.to }) } });
  return { AND: and };
}

builder.queryField("auditLog", (t) =>
  t.prismaConnection(
    {
      type: AuditEventRef,
      cursor: "id",
      description: "ADMIN: the audit trail, newest first, with filters (user, article, object, action, period). Read-only.",
      authScopes: { role: "ADMIN" },
      args: { filter: t.arg({ type: AuditLogFilter, description: "Conditions on the events." }) },
      ...pageSizes(50),
      totalCount: (_root, args, ctx) => ctx.db.auditEvent.count({ where: auditWhere(args.filter) }),
      resolve: (query, _root, args, ctx) => ctx.db.auditEvent.findMany({ ...query, where: auditWhere(args.filter), orderBy: [{ at: "desc" }, { id: "desc" }] }),
    },
    { name: "AuditEventConnection", description: "A page of audit events.", fields: totalCountField("Events matching the filter.") as never },
    { name: "AuditEventEdge", description: "An audit event in a page." },
  ),
);
