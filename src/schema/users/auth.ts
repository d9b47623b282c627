import { z } from "zod";
import { actorOf } from "../../context";
import { builder } from "../builder";
import { unauthenticated } from "../errors";
import { audit } from "../../services/audit";
import { decoyHash, verifyPassword } from "../../services/passwords";
import { createUser } from "../../services/users";
import { userDeps } from "./deps";
import { markSignedIn, RoleEnum, UserRef } from "./types";

export const AuthPayload = builder.objectRef<{ token: string; expiresAt: Date; userId: string }>("AuthPayload").implement({
  description: "A signed-in session: send the token as `Authorization: Bearer <token>` (connectionParams.authorization on WebSocket).",
  fields: (t) => ({
    token: t.exposeString("token", { description: "A signed JWT; keep it secret. It stops working at expiresAt or when revoked." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the token expires (JWT_TTL_SECONDS after sign-in, 12 hours by default)." }),
    user: t.prismaField({
      type: "User",
      description: "The signed-in user.",
      resolve: (query, payload, _args, ctx) => {
        // The caller has just proved this account's password: its e-mail and role are theirs to see.
        markSignedIn(ctx, payload.userId);
        return ctx.db.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } });
      },
    }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user, or null for an anonymous reader.",
    resolve: (query, _root, _args, ctx) => (ctx.viewer ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null),
  }),
);

builder.mutationField("login", (t) =>
  t.field({
    type: AuthPayload,
    description:
      "Signs in with e-mail and password and returns a token. Errors: UNAUTHENTICATED (the same for an unknown e-mail " +
      "and a wrong password), RATE_LIMITED (too many attempts from one address or for one account), BAD_USER_INPUT. Every attempt, failed or not, is in the audit trail (a deactivated account answers like a wrong password).",
    args: {
      email: t.arg.string({ required: true, validate: z.string().trim().min(1).max(254), description: "The account's e-mail (case-insensitive)." }),
      password: t.arg.string({ required: true, validate: z.string().min(1).max(1024), description: "The password." }),
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
  description: "A new account.",
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1).max(200), description: "The display name (1 to 200 characters)." }),
    email: t.string({ required: true, validate: z.email().max(254), description: "The sign-in e-mail, unique (stored in lower case)." }),
    password: t.string({
      required: true,
      validate: z.string().max(1024),
      description: "At least 12 characters, not a common password, not the e-mail or name; stored as a hash only.",
    }),
    role: t.field({ type: RoleEnum, required: true, description: "The site-wide role." }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.prismaField({
    type: UserRef,
    description: "ADMIN only: creates an account (active). Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT (e-mail taken).",
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: CreateUserInput, required: true, description: "The new account." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createUser(userDeps(ctx), input);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
