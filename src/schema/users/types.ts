import { builder } from "../builder";
import { ROLES } from "../../services/access";

export const RoleEnum = builder.enumType("Role", {
  description: "Site roles, lowest to highest; each can do what the lower ones can.",
  values: ROLES,
});

export const UserRef = builder.prismaNode("User", {
  id: { field: "id" },
  // Any user record may be named as an author; e-mail stays private.
  fields: (t) => ({
    name: t.exposeString("name"),
    email: t.string({
      nullable: true,
      description: "Visible to the user and to administrators only.",
      resolve: (user, _args, ctx) =>
        ctx.viewer && (ctx.viewer.id === user.id || ctx.viewer.role === "ADMIN") ? user.email : null,
    }),
    role: t.expose("role", { type: RoleEnum }),
  }),
});
