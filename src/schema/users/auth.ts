import { z } from "zod";
import { builder } from "../builder";
import { conflict, unauthenticated } from "../errors";
import { decoyHash, hashPassword, verifyPassword } from "../../services/passwords";
import { RoleEnum, UserRef } from "./types";

const AuthPayload = builder.objectRef<{ token: string; expiresAt: Date; userId: string }>("AuthPayload").implement({
  description: "A signed-in session: send the token as `Authorization: Bearer <token>` (connectionParams.authorization on WebSocket).",
  fields: (t) => ({
    token: t.exposeString("token", { description: "A signed JWT; keep it secret. It stops working at expiresAt or when revoked." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the token expires (JWT_TTL_SECONDS after sign-in, 12 hours by default)." }),
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
    description:
      "Signs in with e-mail and password and returns a token. Errors: UNAUTHENTICATED (the same for an unknown e-mail " +
      "and a wrong password), RATE_LIMITED (too many attempts from one address or for one account), BAD_USER_INPUT.",
    args: {
      email: t.arg.string({ required: true, validate: z.string().trim().min(1).max(254), description: "The account's e-mail (case-insensitive)." }),
      password: t.arg.string({ required: true, validate: z.string().min(1).max(1024), description: "The password." }),
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
  description: "A new account.",
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1).max(200), description: "The display name (1 to 200 characters)." }),
    email: t.string({ required: true, validate: z.email().max(254), description: "The sign-in e-mail, unique (stored in lower case)." }),
    password: t.string({
      required: true,
      validate: z.string().min(8, "must be at least 8 characters").max(1024),
      description: "At least 8 characters; stored as a hash only.",
    }),
    role: t.field({ type: RoleEnum, required: true, description: "The site-wide role." }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.prismaField({
    type: UserRef,
    description: "ADMIN only: creates an account. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT (e-mail taken).",
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: CreateUserInput, required: true, description: "The new account." }) },
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
