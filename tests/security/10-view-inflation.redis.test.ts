// The bound of counted views per address and article (10-view-inflation.test.ts)
// across two instances sharing one Redis and one database: views sent alternately
// to each still add at most 20. `npm run test:redis -- tests/security/10-view-inflation.redis.test.ts`.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { createTestApp, signIn, type TestApp } from "../support/app";
import { approved, rawId } from "../support/workflow";
import { recordView } from "../support/visits";

const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `test-${randomUUID()}:`;
const shared = { REDIS_URL, REDIS_PREFIX: PREFIX, STATS_SECRET: "a-secret-every-instance-shares-0123456789", RESPONSE_CACHE: false };

describe("two instances on Redis", () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    a = await createTestApp({ config: shared });
    b = await createTestApp({ config: { ...shared, DATABASE_URL: a.app.config.DATABASE_URL } });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("share one bound per address and article", async () => {
    expect(a.app.counters.backendKind).toBe("redis");
    const editor = (await signIn(a, "EDITOR")).token;
    const approver = (await signIn(a, "APPROVER")).token;
    const article = await approved(a, editor, approver);
    const answers: number[] = [];
    for (let i = 0; i < 50; i++) answers.push(await recordView(i % 2 ? b : a, article.id, `made-up-${i}`, "203.0.113.30"));
    expect(Math.max(...answers)).toBe(20);
    // Concurrent calls cannot slip past it either.
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => recordView(i % 2 ? a : b, article.id, `burst-${i}`, "203.0.113.31")));
    expect(Math.max(...burst)).toBe(40);
    // Another address still counts, on either instance.
    expect(await recordView(b, article.id, "reader", "198.51.100.40")).toBe(41);
    await a.app.counters.flush();
    expect((await a.app.db.article.findUniqueOrThrow({ where: { id: rawId(article.id) } })).viewCount).toBe(41);
    // Only hashed addresses reach Redis.
    const keys = await redis.keys(`${PREFIX}views-per-address*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain("203.0.113");
  });
});
