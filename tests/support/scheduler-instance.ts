// Another server instance's scheduler, in its own process (tests only, started by
// startScript of ./processes.ts): connects to the same database, says "ready",
// waits for "go" on stdin, runs one tick at the given instant and prints what it
// promoted and announced, as JSON.
import { createDb, prepareDb } from "../../src/db/client";
import { createEvents } from "../../src/services/events";
import { createScheduler } from "../../src/services/scheduler";

async function main() {
  const [databaseUrl, now] = process.argv.slice(2) as [string, string];
  const { db, target } = createDb(databaseUrl);
  await prepareDb(db, target);
  const events = createEvents();
  const announced: string[] = [];
  const iterator = events.subscribe("articlePublished", "*")[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      announced.push(next.value.articleId);
    }
  })();
  const scheduler = createScheduler({ db, clock: { now: () => new Date(now) }, events, intervalMs: 0 });
  process.stdout.write("ready\n");
  await new Promise((resolve) => process.stdin.once("data", resolve));
  const result = await scheduler.tick();
  await new Promise((resolve) => setImmediate(resolve));
  process.stdout.write(`${JSON.stringify({ ...result, announced })}\n`);
  await iterator.return?.();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
