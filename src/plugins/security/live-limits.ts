// Live connections (docs/security-limits.md): a WebSocket or an SSE stream
// stays open for hours, so what one address may keep open is bounded. A graphql-ws
// socket counts once (its operations are capped by WS_MAX_OPERATIONS), an SSE
// subscription once for as long as its stream is open. The count is per instance.
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../../env";

export class LiveConnections {
  private readonly open = new Map<string, number>();
  constructor(private readonly limit: number) {}

  /** Takes a place for the address; false when it has all it may have. */
  acquire(address: string | null): boolean {
    if (!address || this.limit <= 0) return true;
    const count = this.open.get(address) ?? 0;
    if (count >= this.limit) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string | null): void {
    if (!address || this.limit <= 0) return;
    const count = (this.open.get(address) ?? 1) - 1;
    if (count <= 0) this.open.delete(address);
    else this.open.set(address, count);
  }

  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}

const registry = new WeakMap<object, LiveConnections>();

/** The one counter of an app, shared by the WebSocket server and the SSE plugin. */
export function liveConnections(owner: object, config: Config): LiveConnections {
  let live = registry.get(owner);
  if (!live) registry.set(owner, (live = new LiveConnections(config.LIVE_CONNECTIONS_PER_ADDRESS)));
  return live;
}

export function tooManyLive(limit: number): GraphQLError {
  return new GraphQLError(`At most ${limit} live connections per address: close one first.`, {
    extensions: { code: "RATE_LIMITED", retryAfter: 1, http: { status: 429 } },
  });
}

/** SSE subscriptions (over HTTP) take a place for as long as their stream is open. */
export function useLiveConnectionLimit(config: Config, live: LiveConnections): Plugin {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { transport?: string; clientAddress?: string | null };
      // A graphql-ws socket took its place when it connected.
      if (context.transport === "ws") return;
      const address = context.clientAddress ?? null;
      if (!live.acquire(address)) {
        setResultAndStopExecution({ errors: [tooManyLive(config.LIVE_CONNECTIONS_PER_ADDRESS)] });
        return;
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        live.release(address);
      };
      return {
        onSubscribeResult({ result }) {
          // An error result (no stream) frees its place at once.
          if (!(result && typeof result === "object" && Symbol.asyncIterator in result)) {
            release();
            return;
          }
          return { onEnd: release };
        },
        onSubscribeError: release,
      };
    },
  };
}
