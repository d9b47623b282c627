// The per-request context: small, read-only, new for every request.
import type { App } from "./app";
import { createLoaders, type Loaders } from "./schema/loaders";
import type { Viewer } from "./services/access";
import type { Actor } from "./services/audit";
import { unauthenticated } from "./schema/errors";
import { rememberSession } from "./plugins/security/live-auth";

/**
 * What resolvers may use of the application: its configuration and the few
 * services they call. Not the response cache, metrics, logger, Redis client or
 * shutdown hooks: those belong to the HTTP layer and its plugins.
 */
export type ResolverServices = Pick<App, "config" | "target" | "clock" | "tokens" | "downloads" | "events" | "counters" | "media" | "mediaUrls" | "shutdown">;

export interface Context {
  readonly app: ResolverServices;
  readonly db: App["db"];
  /** The signed-in user, or null for an anonymous reader. */
  readonly viewer: Viewer | null;
  /** "Now" for this request: one instant, so every field agrees. */
  readonly now: Date;
  readonly loaders: Loaders;
  readonly requestId: string;
  /** The client's address (for counters and rate limits), as seen behind trusted proxies. */
  readonly clientAddress: string | null;
  readonly userAgent: string | null;
  /** The counter buffer's epoch when the request began (see Counters.viewCountNow). */
  readonly countersEpoch: number | null;
}

/** What starts a request's own state; kept on the context (Yoga copies it, symbol keys included). */
const BEGIN = Symbol("begin");
type RequestState = Pick<Context, "now" | "countersEpoch" | "loaders">;

export function createContext(
  app: App,
  viewer: Viewer | null,
  request: { requestId: string; clientAddress: string | null; userAgent: string | null },
): Context {
  const begin = (): RequestState => {
    const now = app.clock.now();
    return {
      now,
      // Taken before any database read of this request.
      countersEpoch: app.counters.epoch(),
      loaders: createLoaders({ db: app.db, viewer, now, counters: app.counters, provider: app.target.provider }),
    };
  };
  const context: Context & { [BEGIN]: () => RequestState } = { app, db: app.db, viewer, ...begin(), ...request, [BEGIN]: begin };
  return context;
}

/**
 * A subscription keeps one context for its whole life, while each of its events
 * must be answered as a new request would be: its own "now", counter epoch and
 * loaders (whose caches would otherwise serve a category renamed or a count
 * changed since the client subscribed). Subscription resolvers call this first;
 * the events of one subscription are executed one after the other.
 */
export function beginEvent(ctx: Context): void {
  const begin = (ctx as Context & { [BEGIN]?: () => RequestState })[BEGIN];
  if (begin) Object.assign(ctx, begin());
}

/** Who is acting in this request, and from where: what an audit event records. */
export function actorOf(ctx: Context): Actor {
  return {
    id: ctx.viewer?.id ?? null,
    name: ctx.viewer?.name ?? null,
    role: ctx.viewer?.role ?? null,
    address: ctx.clientAddress,
    userAgent: ctx.userAgent,
  };
}

/** The signed-in user of an `Authorization: Bearer <token>` header, or null without one. */
export async function viewerFrom(app: App, authorization: string | null): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S{1,4096})\s*$/i.exec(authorization);
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  const claims = await app.tokens.verify(match[1]!, app.clock.now());
  if (!claims) throw unauthenticated("The token is invalid or has expired: sign in again.");
  const user = await app.db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, name: true, role: true, tokenVersion: true, deactivatedAt: true },
  });
  if (!user || user.tokenVersion !== claims.tokenVersion) throw unauthenticated("The token has been revoked: sign in again.");
  // Deactivation also raises the token version; this holds even for a token issued in the same instant.
  if (user.deactivatedAt) throw unauthenticated("This account is deactivated.");
  const viewer: Viewer = { id: user.id, name: user.name, role: user.role };
  // Live subscriptions check the session again before each event (src/plugins/security/live-auth.ts).
  rememberSession(viewer, { tokenVersion: claims.tokenVersion, expiresAt: claims.expiresAt ?? null });
  return viewer;
}
