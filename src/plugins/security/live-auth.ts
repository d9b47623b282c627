// Live subscriptions outlive the check made when they began: a socket or an SSE
// stream opened with a token stays open for hours. Before each event goes out to
// a signed-in subscriber, its session is checked again: the token must not have
// expired, the user must still exist with the same token version (sign-out
// everywhere, a password change and deactivation raise it), not be deactivated,
// and keep the role it subscribed with. Otherwise the subscriber gets one error
// (UNAUTHENTICATED, or FORBIDDEN for a changed role) instead of the event, and
// its subscription ends; the client subscribes again with what it now has.
// The user is read once per event fan-out, however many of its subscriptions
// receive the event (the lookups of one turn of the event loop are shared).
import { GraphQLError } from "graphql";
import { isAsyncIterable, Repeater, type Plugin } from "graphql-yoga";
import type { ExecutionResult } from "graphql";
import type { App } from "../../app";
import type { Role } from "../../db/client";
import type { Viewer } from "../../services/access";

export interface Session {
  tokenVersion: number;
  expiresAt: Date | null;
}

const sessions = new WeakMap<Viewer, Session>();

export function rememberSession(viewer: Viewer, session: Session): void {
  sessions.set(viewer, session);
}

interface UserState {
  role: Role;
  tokenVersion: number;
  deactivatedAt: Date | null;
}

export function useLiveAuthorization(app: App): Plugin {
  let batch: Map<string, Promise<UserState | null>> | null = null;
  const userState = (id: string) => {
    if (!batch) {
      batch = new Map();
      setImmediate(() => (batch = null));
    }
    let state = batch.get(id);
    if (!state) {
      state = app.db.user.findUnique({ where: { id }, select: { role: true, tokenVersion: true, deactivatedAt: true } });
      batch.set(id, state);
    }
    return state;
  };

  const problemOf = async (viewer: Viewer, session: Session): Promise<GraphQLError | null> => {
    if (session.expiresAt && app.clock.now().getTime() >= session.expiresAt.getTime()) {
      return unauthenticated("The token has expired: sign in again and subscribe again.");
    }
    const user = await userState(viewer.id);
    if (!user || user.tokenVersion !== session.tokenVersion) return unauthenticated("The token has been revoked: sign in again and subscribe again.");
    if (user.deactivatedAt) return unauthenticated("This account is deactivated.");
    if (user.role !== viewer.role) {
      return new GraphQLError("Your role has changed: subscribe again.", { extensions: { code: "FORBIDDEN" } });
    }
    return null;
  };

  return {
    onSubscribe({ args }) {
      const viewer = (args.contextValue as { viewer?: Viewer | null }).viewer;
      const session = viewer ? sessions.get(viewer) : undefined;
      if (!viewer || !session) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return;
          setResult(guarded(result as AsyncIterable<ExecutionResult>, () => problemOf(viewer, session)) as never);
        },
      };
    },
  };
}

/** The source's results, each one let through only while `problem` finds none. */
function guarded(source: AsyncIterable<ExecutionResult>, problem: () => Promise<GraphQLError | null>): AsyncIterable<ExecutionResult> {
  return new Repeater<ExecutionResult>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    let stopped = false;
    const ended = stop.then(() => {
      stopped = true;
      return { done: true as const, value: undefined };
    });
    try {
      while (!stopped) {
        const next = await Promise.race([iterator.next(), ended]);
        if (next.done) break;
        const error = await problem();
        if (error) {
          await push({ errors: [error] });
          break;
        }
        await push(next.value);
      }
      stop();
    } catch (error) {
      stop(error);
    } finally {
      await iterator.return?.();
    }
  });
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}
