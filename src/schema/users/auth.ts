import { z } from "zod";
import { actorOf } from "../../context";
import { builder } from "../builder";
import { unauthenticated } from "../errors";
import { audit } from "../../services/audit";
import { decoyHash, verifyPassword } from "../../services/passwords";
import { createUser } from "../../services/users";
import { userDeps } from "./deps";
import { RoleEnum, UserRef } from "./types";

export const AuthPayload = builder.objectRef<{ token: string; expiresAt: Date; userId: string }>("AuthPayload").implement({
  description: "A signed-in session: the bearer token to send and whose it is.",
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the token stops working." }),
    user: t.prismaField({
      type: "User",
      description: "The signed-in user.",
      resolve: (query, payload, _args, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } }),
    }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user, or null for an anonymous reader.",
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
);

builder.mutationField("login", (t) =>
  t.field({
    type: AuthPayload,
    description: "Signs in (đăng nhập) with e-mail and password. Every attempt, failed or not, is in the audit trail.",
    args: {
      email: t.arg.string({ required: true, description: "The account's e-mail.", validate: z.string().trim().min(1).max(254) }),
      password: t.arg.string({ required: true, description: "The account's password.", validate: z.string().min(1).max(1024) }),
    },
    resolve: async (_root, { email, password }, ctx) => {
      const address = email.trim().toLowerCase();
      const user = await ctx.db.user.findUnique({ where: { email: address } });
      // The same answer, and about the same time, for an unknown e-mail, a wrong
      // password and a deactivated account.
      const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !valid || user.deactivatedAt) {
        await audit(ctx.db, actorOf(ctx), ctx.now, {
          action: "SIGN_IN_FAILED",
          targetType: user ? "User" : null,
          targetId: user?.id ?? null,
          detail: { email: address.slice(0, 254), reason: !user ? "unknown e-mail" : !valid ? "wrong password" : "deactivated" },
        });
        throw unauthenticated("Wrong e-mail or password.");
      }
      const { token, expiresAt } = await ctx.app.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }, ctx.now);
      await audit(ctx.db, { ...actorOf(ctx), id: user.id, name: user.name, role: user.role }, ctx.now, {
        action: "SIGN_IN",
        targetType: "User",
        targetId: user.id,
      });
      return { token, expiresAt, userId: user.id };
    },
  }),
);

const CreateUserInput = builder.inputType("CreateUserInput", {
  description: "A new user account.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Display name (họ tên).", validate: z.string().trim().min(1).max(200) }),
    email: t.string({ required: true, description: "E-mail, the sign-in name; unique.", validate: z.email().max(254) }),
    password: t.string({
      required: true,
      description: "At least 12 characters, not a common password, not the e-mail or name.",
      validate: z.string().max(1024),
    }),
    role: t.field({ type: RoleEnum, required: true, description: "The site role." }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.prismaField({
    type: UserRef,
    description: "ADMIN: creates a user account (active).",
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: CreateUserInput, required: true, description: "The new account." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createUser(userDeps(ctx), input);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
