// Readiness for load balancers and orchestrators: GET /ready answers 200 when
// this instance can serve (database and, when configured, Redis reachable) and
// 503 otherwise, or once it has begun shutting down, so traffic moves elsewhere
// before the instance stops. Liveness is Yoga's own GET /health.
import { useReadinessCheck, type Plugin } from "graphql-yoga";
import type { App } from "../app";

type Check = "ok" | "unreachable" | "not configured" | "shutting down";

const CHECK_TIMEOUT_MS = 2000;

async function probe(run: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([run(), timeout]);
    return "ok";
  } catch {
    return "unreachable";
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(app: App): Promise<{ ready: boolean; database: Check; redis: Check }> {
  if (app.shutdown.signal.aborted) return { ready: false, database: "shutting down", redis: "shutting down" };
  const [database, redis] = await Promise.all([
    probe(() => app.db.$queryRawUnsafe("SELECT 1")),
    app.redis ? probe(() => app.redis!.ping()) : Promise.resolve<Check>("not configured"),
  ]);
  return { ready: database === "ok" && redis !== "unreachable", database, redis };
}

export function useReady(app: App): Plugin {
  return useReadinessCheck({
    endpoint: "/ready",
    check: async ({ fetchAPI }) => {
      const state = await readiness(app);
      return fetchAPI.Response.json(state, { status: state.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
    },
  });
}
