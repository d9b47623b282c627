// The response cache is exact (docs/performance.md): seeded random walks of writes
// and reads, every answer of the cached server compared byte for byte with a
// server without the cache on the same data (tests/support/cache-model.ts).
// SQLite with `npm test`, PostgreSQL with `npm run test:postgres`; the
// two-instance PostgreSQL + Redis walk is tests/multi-instance/response-cache-model.test.ts.
// CACHE_MODEL_SEED=<n> replays one seed.
import { describe, expect, it } from "@jest/globals";
import { createScheduler } from "../src/services/scheduler";
import { createPortalYoga, type PortalYoga } from "../src/yoga";
import { createTestApp } from "./support/app";
import { checkWalks, seeds, type Send, type World } from "./support/cache-model";

const sender =
  (yoga: PortalYoga): Send =>
  async (query, variables, token) => {
    const response = await yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    return `${response.status} ${await response.text()}`;
  };

async function makeWorld(): Promise<World> {
  const t = await createTestApp();
  const scheduler = createScheduler({ db: t.app.db, clock: t.clock, events: t.app.events, intervalMs: 0, onChange: () => t.app.cache.changed() });
  return {
    app: t.app,
    clock: t.clock,
    cached: [sender(t.yoga)],
    reference: sender(createPortalYoga(t.app, [], { responseCache: false })),
    tick: async () => {
      await scheduler.tick();
    },
    flush: () => t.app.counters.flush(),
    hits: () => t.app.cache.stats.hits,
    close: () => t.close(),
  };
}

describe("response cache model", () => {
  it("answers every read exactly as a server without the cache, through random writes", async () => {
    const { reads, hits } = await checkWalks({ makeWorld, seeds: seeds([1, 2, 3]), length: 160, instances: 1 });
    // The walks exercised the cache, not only the database.
    expect(reads).toBeGreaterThan(100);
    expect(hits).toBeGreaterThan(10);
  }, 600_000);
});
