import { actorOf, type Context } from "../../context";
import type { UserDeps } from "../../services/users";

export const userDeps = (ctx: Context): UserDeps => ({ db: ctx.db, provider: ctx.app.target.provider, actor: actorOf(ctx), now: ctx.now });
