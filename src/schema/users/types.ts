import { builder } from "../builder";
import { ROLES } from "../../services/access";
import type { Context } from "../../context";

export const RoleEnum = builder.enumType("Role", {
  description: "Site roles, lowest to highest; each can do what the lower ones can.",
  values: {
    READER: { description: "Bạn đọc: a signed-in reader; reads what is public and what is granted to them." },
    CONTRIBUTOR: { description: "Cộng tác viên: writes articles and uploads media; edits their own drafts only." },
    EDITOR: { description: "Biên tập viên: edits every article, manages categories and media." },
    APPROVER: { description: "Người phê duyệt: approves, rejects, schedules and unpublishes articles; reads royalty reports (nhuận bút)." },
    ADMIN: {
      description: "Quản trị: everything, including users, permissions, the recycle bin, site details, the category tree, royalty scales and the audit trail.",
    },
  } satisfies Record<(typeof ROLES)[number], { description: string }>,
});

/** Accounts a request has just signed in to (`login`): their own details are shown in its answer. */
const signedInNow = new WeakMap<Context, Set<string>>();

/** `login` proved the password of `userId`: the answer may show that user's own details. */
export function markSignedIn(ctx: Context, userId: string): void {
  const ids = signedInNow.get(ctx) ?? new Set<string>();
  ids.add(userId);
  signedInNow.set(ctx, ids);
}

/** The viewer is this user (or has just signed in as them) or an administrator: who may see a user's account details. */
const selfOrAdmin = (ctx: Context, userId: string) =>
  (ctx.viewer !== null && (ctx.viewer.id === userId || ctx.viewer.role === "ADMIN")) || (signedInNow.get(ctx)?.has(userId) ?? false);

export const UserRef = builder.prismaNode("User", {
  description: "An account of the portal's staff or a signed-in reader. Anyone may see the name (as an author); the e-mail and role are private.",
  id: { field: "id", description: "The global ID (opaque; the same for every viewer)." },
  // Any user record may be named as an author; e-mail stays private.
  fields: (t) => ({
    name: t.exposeString("name", { description: "The display name." }),
    email: t.string({
      nullable: true,
      description: "E-mail, the sign-in name. Visible to the user and to administrators only.",
      resolve: (user, _args, ctx) => (selfOrAdmin(ctx, user.id) ? user.email : null),
    }),
    role: t.field({
      type: RoleEnum,
      nullable: true,
      description: "The site role (vai trò). Visible to the user and to administrators only: who is ADMIN is nobody else's business.",
      select: { role: true },
      resolve: (user, _args, ctx) => (selfOrAdmin(ctx, user.id) ? user.role : null),
    }),
    active: t.boolean({
      nullable: true,
      description: "False while the account is deactivated (đã khóa): it cannot sign in. Visible to the user and to administrators only.",
      select: { deactivatedAt: true },
      resolve: (user, _args, ctx) => (selfOrAdmin(ctx, user.id) ? user.deactivatedAt === null : null),
    }),
    deactivatedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the account was deactivated; null while active. Administrators only.",
      select: { deactivatedAt: true },
      resolve: (user, _args, ctx) => (ctx.viewer?.role === "ADMIN" ? user.deactivatedAt : null),
    }),
    createdAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the account was created. Visible to the user and to administrators only.",
      select: { createdAt: true },
      resolve: (user, _args, ctx) => (selfOrAdmin(ctx, user.id) ? user.createdAt : null),
    }),
  }),
});
