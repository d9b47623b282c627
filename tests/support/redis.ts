// The shared Redis outlives every test run: a file that writes under its own
// key prefix removes those keys when it ends.
import type { Redis } from "ioredis";

/** Deletes every key that starts with `prefix`, a batch at a time (SCAN, never KEYS on a large database). */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}
