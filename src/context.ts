// The per-request context: small, read-only, new for every request.
import type { App } from "./app";
import { createLoaders, type Loaders } from "./schema/loaders";
import type { Viewer } from "./services/access";

export interface Context {
  readonly app: App;
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

export function createContext(
  app: App,
  viewer: Viewer | null,
  request: { requestId: string; clientAddress: string | null; userAgent: string | null },
): Context {
  const now = app.clock.now();
  // Taken before any database read of this request.
  const countersEpoch = app.counters.epoch();
  return {
    countersEpoch,
    app,
    db: app.db,
    viewer,
    now,
    loaders: createLoaders({ db: app.db, viewer, now, counters: app.counters, provider: app.target.provider }),
    ...request,
  };
}
