// GET /ready: 200 when the database answers `SELECT 1` and Redis (when
// configured) answers PING, 503 otherwise. Load balancers take an instance out
// while a dependency is away; the instance reconnects by itself and comes back.
import type { Plugin } from "graphql-yoga";
import type { App } from "../app";

const TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function readiness(app: App): Promise<{ ready: boolean; checks: Record<string, "ok" | "unavailable"> }> {
  const checks: Record<string, "ok" | "unavailable"> = {};
  const probe = async (name: string, run: () => Promise<unknown>) => {
    try {
      await within(run(), TIMEOUT_MS);
      checks[name] = "ok";
    } catch {
      checks[name] = "unavailable";
    }
  };
  await Promise.all([
    probe("database", () => app.db.$queryRawUnsafe("SELECT 1")),
    ...(app.redis ? [probe("redis", () => app.redis!.ping())] : []),
  ]);
  return { ready: Object.values(checks).every((c) => c === "ok"), checks };
}

export function useReadiness(app: App): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== "/ready") return;
      const { ready, checks } = await readiness(app);
      endResponse(
        new fetchAPI.Response(JSON.stringify({ status: ready ? "ready" : "unavailable", checks }), {
          status: ready ? 200 : 503,
          headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
        }),
      );
    },
  };
}
