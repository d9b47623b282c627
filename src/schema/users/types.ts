import { builder } from "../builder";
import { ROLES } from "../../services/access";
import type { Context } from "../../context";

export const RoleEnum = builder.enumType("Role", {
  description: "Site roles (vai trò), lowest to highest; each can do what the lower ones can.",
  values: Object.fromEntries(
    ROLES.map((role) => [
      role,
      {
        description: {
          READER: "Reader (bạn đọc): published content only, plus articles granted to them.",
          CONTRIBUTOR: "Contributor (cộng tác viên): writes articles and edits or submits their own.",
          EDITOR: "Editor (biên tập viên): edits and submits any article, manages media and topics.",
          APPROVER: "Approver (người duyệt bài): approves, rejects and unpublishes; reads royalty reports.",
          ADMIN: "Administrator (quản trị viên): everything, including users, categories, permissions and the audit trail.",
        }[role],
      },
    ]),
  ) as Record<(typeof ROLES)[number], { description: string }>,
});

/** The viewer is this user or an administrator: who may see a user's account details. */
const selfOrAdmin = (ctx: Context, userId: string) => ctx.viewer !== null && (ctx.viewer.id === userId || ctx.viewer.role === "ADMIN");

export const UserRef = builder.prismaNode("User", {
  id: { field: "id" },
  description: "A user account (tài khoản). Any user may be named as an author; account details stay private.",
  // Any user record may be named as an author; e-mail stays private.
  fields: (t) => ({
    name: t.exposeString("name", { description: "Display name (họ tên)." }),
    email: t.string({
      nullable: true,
      description: "E-mail, the sign-in name. Visible to the user and to administrators only.",
      resolve: (user, _args, ctx) => (selfOrAdmin(ctx, user.id) ? user.email : null),
    }),
    role: t.expose("role", { type: RoleEnum, description: "The site role (vai trò)." }),
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
