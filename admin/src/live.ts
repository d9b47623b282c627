// Live figures from the public API's subscriptions, over graphql-ws on the same
// /graphql path (same origin, so the page's connect-src 'self' covers it). The
// client reconnects by itself when the socket drops (randomised backoff) and
// subscribes again; a socket that stops answering pings is closed so that it
// does. A subscription the server ends (a restart, a session whose role changed)
// or refuses for a passing reason is tried again after a pause; one it refuses
// from the start for good is reported once.
import { createClient, type Client } from "graphql-ws/client";
import { useEffect, useState } from "react";
import { ApiError, GRAPHQL_PATH, loadSession, reportUnauthenticated, type GraphQLErrorShape } from "./api";
import type { TypedDocumentString } from "./gql/graphql";

/** How the live figures are doing: waiting for the first, live, trying again, or given up (the reason). */
export type LiveStatus = { state: "connecting" } | { state: "live" } | { state: "reconnecting" } | { state: "unavailable"; error: ApiError };

export interface LiveState<R> {
  data: R | null;
  /** When the last figures arrived. */
  receivedAt: Date | null;
  status: LiveStatus;
}

const PING_EVERY_MS = 20_000;
const PONG_WITHIN_MS = 10_000;
/** Pauses before subscribing again after the server ended or refused a subscription for a passing reason. */
const RESUBSCRIBE_MS = [2_000, 5_000, 15_000, 30_000];
/** Refusals worth trying again later; any other code is final for this page. */
const PASSING = new Set(["RATE_LIMITED", "INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", "NETWORK"]);

function socketUrl(): string {
  const url = new URL(GRAPHQL_PATH, window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

function liveClient(onSocket: (state: "connecting" | "reconnecting") => void): Client {
  let socket: WebSocket | null = null;
  let pongTimer: number | undefined;
  let everConnected = false;
  return createClient({
    url: socketUrl(),
    // The token of whoever is signed in when the socket opens.
    connectionParams: () => {
      const session = loadSession();
      return session ? { authorization: `Bearer ${session.token}` } : {};
    },
    lazy: true,
    keepAlive: PING_EVERY_MS,
    retryAttempts: Infinity,
    // A failed connection attempt (server down, network gone) is retried too, not only a closed socket.
    shouldRetry: () => true,
    on: {
      connecting: () => onSocket(everConnected ? "reconnecting" : "connecting"),
      connected: (s) => {
        socket = s as WebSocket;
        everConnected = true;
      },
      ping: (received) => {
        if (received) return;
        window.clearTimeout(pongTimer);
        pongTimer = window.setTimeout(() => {
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, "No pong");
        }, PONG_WITHIN_MS);
      },
      pong: (received) => {
        if (received) window.clearTimeout(pongTimer);
      },
      closed: () => {
        window.clearTimeout(pongTimer);
        socket = null;
        if (everConnected) onSocket("reconnecting");
      },
    },
  });
}

function errorOf(errors: readonly GraphQLErrorShape[]): ApiError {
  const first = errors[0];
  return new ApiError(first?.message ?? "Subscription refused", first?.extensions?.code ?? "INTERNAL_SERVER_ERROR", {}, [...errors]);
}

/**
 * The results of a subscription while the component is mounted: the latest
 * data, when it came, and the state of the connection. `enabled: false` keeps
 * the socket closed.
 */
export function useSubscription<R, V>(document: TypedDocumentString<R, V>, variables: V, enabled = true): LiveState<R> {
  const [state, setState] = useState<LiveState<R>>({ data: null, receivedAt: null, status: { state: "connecting" } });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let givenUp = false;
    let attempt = 0;
    /** Counts subscriptions: events of one that was replaced are ignored. */
    let generation = 0;
    let retryTimer: number | undefined;
    let unsubscribe: (() => void) | null = null;
    const setStatus = (status: LiveStatus) => setState((s) => (s.status.state === status.state && status.state !== "unavailable" ? s : { ...s, status }));
    const client = liveClient((socketState) => {
      if (!stopped && !givenUp) setStatus({ state: socketState });
    });
    const end = () => {
      generation++;
      unsubscribe?.();
      unsubscribe = null;
    };
    const again = () => {
      end();
      const wait = RESUBSCRIBE_MS[Math.min(attempt++, RESUBSCRIBE_MS.length - 1)]!;
      setStatus({ state: "reconnecting" });
      retryTimer = window.setTimeout(start, wait);
    };
    /** `midStream`: the error ended a subscription that had given figures (a session or role change, which a new subscription settles). */
    const failed = (error: ApiError, midStream: boolean) => {
      if (error.code === "UNAUTHENTICATED") reportUnauthenticated(error);
      if (PASSING.has(error.code) || (midStream && error.code !== "UNAUTHENTICATED")) return again();
      end();
      givenUp = true;
      setStatus({ state: "unavailable", error });
    };
    function start() {
      if (stopped) return;
      const id = ++generation;
      const current = () => !stopped && id === generation;
      let received = false;
      unsubscribe = client.subscribe<R>(
        { query: document.toString(), variables: JSON.parse(key) as Record<string, unknown> },
        {
          next: (result) => {
            if (!current()) return;
            if (result.errors?.length) return failed(errorOf(result.errors as GraphQLErrorShape[]), received);
            if (!result.data) return;
            received = true;
            attempt = 0;
            setState({ data: result.data as R, receivedAt: new Date(), status: { state: "live" } });
          },
          error: (error) => {
            if (!current()) return;
            // A list of GraphQL errors is the server's refusal; anything else, a connection that cannot be made.
            if (Array.isArray(error)) failed(errorOf(error as GraphQLErrorShape[]), false);
            else again();
          },
          // The server ended the subscription (it is shutting down): subscribe again after a pause.
          complete: () => {
            if (current()) again();
          },
        },
      );
    }
    start();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      end();
      void client.dispose();
    };
  }, [document, key, enabled]);
  return state;
}
