// Revoking tokens: every token carries its user's token version; raising the
// version makes all of that user's earlier tokens invalid at once (a lost
// laptop, a departing editor). Tokens also expire after JWT_TTL_SECONDS.
import { actorOf } from "../../context";
import { audit } from "../../services/audit";
import { builder, idOf } from "../builder";
import { notFound } from "../errors";
import { UserRef } from "./types";

builder.mutationField("signOutEverywhere", (t) =>
  t.boolean({
    authScopes: { signedIn: true },
    description: "Revokes every token of the signed-in user, this one included.",
    resolve: async (_root, _args, ctx) => {
      await ctx.db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: ctx.viewer!.id }, data: { tokenVersion: { increment: 1 } } });
        await audit(tx, actorOf(ctx), ctx.now, { action: "SIGN_OUT_EVERYWHERE", targetType: "User", targetId: ctx.viewer!.id });
      });
      return true;
    },
  }),
);

builder.mutationField("revokeUserTokens", (t) =>
  t.prismaField({
    type: UserRef,
    authScopes: { role: "ADMIN" },
    description: "ADMIN only: revokes every token of a user; they must sign in again.",
    args: { userId: t.arg.globalID({ required: true, for: UserRef, description: "The user's global ID." }) },
    resolve: async (query, _root, { userId }, ctx) => {
      const id = idOf(userId, "User", "userId");
      await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.user.updateMany({ where: { id }, data: { tokenVersion: { increment: 1 } } });
        if (count !== 1) throw notFound("The user");
        await audit(tx, actorOf(ctx), ctx.now, { action: "USER_TOKENS_REVOKE", targetType: "User", targetId: id });
      });
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
