import { z } from "zod";
import { builder } from "../builder";
import { conflict, unauthenticated } from "../errors";
import { decoyHash, hashPassword, verifyPassword } from "../../services/passwords";
import { RoleEnum, UserRef } from "./types";

const AuthPayload = builder.objectRef<{ token: string; expiresAt: Date; userId: string }>("AuthPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token"),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    user: t.prismaField({
      type: "User",
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
    args: {
      email: t.arg.string({ required: true, validate: z.string().trim().min(1).max(254) }),
      password: t.arg.string({ required: true, validate: z.string().min(1).max(1024) }),
    },
    resolve: async (_root, { email, password }, ctx) => {
      const user = await ctx.db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
      // The same answer, and about the same time, for an unknown e-mail and a wrong password.
      const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !valid) throw unauthenticated("Wrong e-mail or password.");
      const { token, expiresAt } = await ctx.app.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }, ctx.now);
      return { token, expiresAt, userId: user.id };
    },
  }),
);

const CreateUserInput = builder.inputType("CreateUserInput", {
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    email: t.string({ required: true, validate: z.email().max(254) }),
    password: t.string({ required: true, validate: z.string().min(8, "must be at least 8 characters").max(1024) }),
    role: t.field({ type: RoleEnum, required: true }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.prismaField({
    type: UserRef,
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const email = input.email.trim().toLowerCase();
      if (await ctx.db.user.findUnique({ where: { email }, select: { id: true } })) {
        throw conflict(`A user with e-mail ${email} already exists.`, { fields: ["input.email"] });
      }
      return ctx.db.user.create({
        ...query,
        data: { name: input.name.trim(), email, role: input.role, passwordHash: await hashPassword(input.password) },
      });
    },
  }),
);
