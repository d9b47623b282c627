// Revoking tokens: every token carries its user's token version; raising the
// version makes all of that user's earlier tokens invalid at once (a lost
// laptop, a departing editor). Tokens also expire after JWT_TTL_SECONDS.
import { builder, idOf } from "../builder";
import { UserRef } from "./types";

builder.mutationField("signOutEverywhere", (t) =>
  t.boolean({
    authScopes: { signedIn: true },
    description: "Revokes every token of the signed-in user, this one included.",
    resolve: async (_root, _args, ctx) => {
      await ctx.db.user.update({ where: { id: ctx.viewer!.id }, data: { tokenVersion: { increment: 1 } } });
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
    resolve: (query, _root, { userId }, ctx) =>
      ctx.db.user.update({ ...query, where: { id: idOf(userId, "User", "userId") }, data: { tokenVersion: { increment: 1 } } }),
  }),
);
