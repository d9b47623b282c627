import { builder } from "../builder";
import { ROLES } from "../../services/access";

export const RoleEnum = builder.enumType("Role", {
  description: "Site roles, lowest to highest; each can do what the lower ones can.",
  values: {
    READER: { description: "Bạn đọc: a signed-in reader; reads what is public and what is granted to them." },
    CONTRIBUTOR: { description: "Cộng tác viên: writes articles and uploads media; edits their own drafts only." },
    EDITOR: { description: "Biên tập viên: edits every article, manages categories and media." },
    APPROVER: { description: "Người phê duyệt: approves, rejects, schedules and unpublishes articles." },
    ADMIN: { description: "Quản trị: everything, including users, permissions, the recycle bin and site details." },
  } satisfies Record<(typeof ROLES)[number], { description: string }>,
});

export const UserRef = builder.prismaNode("User", {
  description: "An account of the portal's staff or a signed-in reader. Anyone may see the name (as an author); the e-mail is private.",
  id: { field: "id", description: "The global ID (opaque; the same for every viewer)." },
  // Any user record may be named as an author; e-mail stays private.
  fields: (t) => ({
    name: t.exposeString("name", { description: "The display name." }),
    email: t.string({
      nullable: true,
      description: "Visible to the user and to administrators only.",
      resolve: (user, _args, ctx) =>
        ctx.viewer && (ctx.viewer.id === user.id || ctx.viewer.role === "ADMIN") ? user.email : null,
    }),
    role: t.expose("role", { type: RoleEnum, description: "The site-wide role (an article can grant more to one user)." }),
  }),
});
