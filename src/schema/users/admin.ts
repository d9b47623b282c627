// User administration in the API (quản lý người dùng): ADMIN lists and searches
// users, creates them (auth.ts), changes roles, deactivates and reactivates,
// resets passwords; every user changes their own password. The rules and the
// audit events live in services/users.ts.
import { z } from "zod";
import type { Prisma } from "../../db/client";
import { changeOwnPassword, changeUserRole, resetUserPassword, setUserActive, updateUser } from "../../services/users";
import { foldVietnamese } from "../../services/vietnamese";
import { builder, idOf, pageSizes, totalCountField } from "../builder";
import { AuthPayload } from "./auth";
import { userDeps } from "./deps";
import { RoleEnum, UserRef } from "./types";

const UserFilter = builder.inputType("UserFilter", {
  description: "Which users to list.",
  fields: (t) => ({
    search: t.string({
      description: 'Words of the name or e-mail, accent- and case-insensitive ("nguyen van" finds "Nguyễn Văn An").',
      validate: z.string().max(200),
    }),
    role: t.field({ type: RoleEnum, description: "Only users with this role." }),
    active: t.boolean({ description: "true: only active accounts; false: only deactivated ones." }),
  }),
});

type UserFilterShape = { search?: string | null; role?: string | null; active?: boolean | null } | null | undefined;

function userWhere(filter: UserFilterShape): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (filter?.role) and.push({ role: filter.role as Prisma.UserWhereInput["role"] });
  if (filter?.active != null) and.push({ deactivatedAt: filter.active ? null : { not: null } });
  const raw = filter?.search?.trim();
  if (raw) {
    // Every folded word must appear; accounts made before the folded column
    // existed still match on their e-mail as written.
    const words = foldVietnamese(raw).split(" ").filter(Boolean);
    and.push({ OR: [{ AND: words.map((w) => ({ searchText: { contains: w } })) }, { email: { contains: raw.toLowerCase() } }] });
  }
  return { AND: and };
}

builder.queryField("users", (t) =>
  t.prismaConnection(
    {
      type: UserRef,
      cursor: "id",
      description: "ADMIN: user accounts, by name, with search and filters.",
      authScopes: { role: "ADMIN" },
      args: { filter: t.arg({ type: UserFilter, description: "Search and filters." }) },
      ...pageSizes(20),
      totalCount: (_root, args, ctx) => ctx.db.user.count({ where: userWhere(args.filter) }),
      resolve: (query, _root, args, ctx) => ctx.db.user.findMany({ ...query, where: userWhere(args.filter), orderBy: [{ name: "asc" }, { id: "asc" }] }),
    },
    { name: "UserConnection", description: "A page of users.", fields: totalCountField("Users matching the filter.") as never },
    { name: "UserEdge", description: "A user in a page." },
  ),
);

const UpdateUserInput = builder.inputType("UpdateUserInput", {
  description: "Changes to a user's name or e-mail; omitted fields stay as they are.",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The user." }),
    name: t.string({ description: "Display name (họ tên).", validate: z.string().trim().min(1).max(200).nullish() }),
    email: t.string({ description: "E-mail, the sign-in name; unique.", validate: z.email().max(254).nullish() }),
  }),
});

builder.mutationField("updateUser", (t) =>
  t.prismaField({
    type: UserRef,
    description: "ADMIN: changes a user's name or e-mail.",
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: UpdateUserInput, required: true, description: "What changes." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await updateUser(userDeps(ctx), idOf(input.id, "User", "input.id"), input);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("changeUserRole", (t) =>
  t.prismaField({
    type: UserRef,
    description: "ADMIN: gives a user another role, at once. The last active ADMIN cannot be demoted (CONFLICT).",
    authScopes: { role: "ADMIN" },
    args: {
      id: t.arg.globalID({ required: true, description: "The user." }),
      role: t.arg({ type: RoleEnum, required: true, description: "The new role." }),
    },
    resolve: async (query, _root, { id, role }, ctx) => {
      const userId = await changeUserRole(userDeps(ctx), idOf(id, "User", "id"), role);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
);

builder.mutationField("deactivateUser", (t) =>
  t.prismaField({
    type: UserRef,
    description:
      "ADMIN: deactivates (khóa) an account: it can no longer sign in and its tokens stop working at once. The last active ADMIN cannot be deactivated (CONFLICT).",
    authScopes: { role: "ADMIN" },
    args: { id: t.arg.globalID({ required: true, description: "The user." }) },
    resolve: async (query, _root, { id }, ctx) => {
      const userId = await setUserActive(userDeps(ctx), idOf(id, "User", "id"), false);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
);

builder.mutationField("reactivateUser", (t) =>
  t.prismaField({
    type: UserRef,
    description: "ADMIN: reactivates (mở khóa) a deactivated account; it signs in again with its password.",
    authScopes: { role: "ADMIN" },
    args: { id: t.arg.globalID({ required: true, description: "The user." }) },
    resolve: async (query, _root, { id }, ctx) => {
      const userId = await setUserActive(userDeps(ctx), idOf(id, "User", "id"), true);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
);

const PasswordReset = builder.objectRef<{ userId: string; password: string }>("PasswordReset").implement({
  description: "A generated password (mật khẩu mới), shown this once: it is stored only as a hash.",
  fields: (t) => ({
    user: t.prismaField({
      type: UserRef,
      description: "The user whose password was reset.",
      resolve: (query, reset, _args, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: reset.userId } }),
    }),
    password: t.exposeString("password", { description: "The new password; give it to the user, who should change it." }),
  }),
});

builder.mutationField("resetUserPassword", (t) =>
  t.field({
    type: PasswordReset,
    description: "ADMIN: gives a user a new generated password, returned once; their tokens stop working.",
    authScopes: { role: "ADMIN" },
    args: { id: t.arg.globalID({ required: true, description: "The user." }) },
    resolve: (_root, { id }, ctx) => resetUserPassword(userDeps(ctx), idOf(id, "User", "id")),
  }),
);

builder.mutationField("changePassword", (t) =>
  t.field({
    type: AuthPayload,
    description: "Changes the signed-in user's own password (đổi mật khẩu). Every token they hold stops working; the answer carries a new one.",
    authScopes: { signedIn: true },
    args: {
      currentPassword: t.arg.string({ required: true, description: "The password in use now.", validate: z.string().min(1).max(1024) }),
      newPassword: t.arg.string({
        required: true,
        description: "At least 12 characters, not a common password, not the e-mail or name.",
        validate: z.string().max(1024),
      }),
    },
    resolve: async (_root, { currentPassword, newPassword }, ctx) => {
      const userId = ctx.viewer!.id;
      const { tokenVersion } = await changeOwnPassword(userDeps(ctx), userId, currentPassword, newPassword);
      const { token, expiresAt } = await ctx.app.tokens.issue({ userId, tokenVersion }, ctx.now);
      return { token, expiresAt, userId };
    },
  }),
);
