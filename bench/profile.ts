// Prints each SQL statement of one benchmark operation with its duration, as the
// server runs it (in-process, response cache off): `npx tsx bench/profile.ts CategoryPage '{"slug":"tin-tuc-su-kien"}' [--editor]`.
import { closeApp, createApp } from "../src/app";
import { testConfig } from "../src/env";
import { createPortalYoga } from "../src/yoga";
import { contractOperation } from "../tests/support/contract";

const [operation = "HomePage", variables = "{}"] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const asEditor = process.argv.includes("--editor");
const app = await createApp(testConfig({ DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/bench/portal.db", SEED_DEMO: false, RESPONSE_CACHE: false }));
const log: Array<{ sql: string; ms: number }> = [];
app.db.$on("query", (e) => log.push({ sql: e.query, ms: e.duration }));
const yoga = createPortalYoga(app);
const editor = await app.db.user.findFirstOrThrow({ where: { role: "EDITOR" }, orderBy: { id: "asc" } });
const { token } = await app.tokens.issue({ userId: editor.id, tokenVersion: editor.tokenVersion });
for (let run = 0; run < 3; run++) {
  log.length = 0;
  const started = performance.now();
  const response = await yoga.fetch("http://bench/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(asEditor && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: contractOperation(operation), operationName: operation, variables: JSON.parse(variables) }),
  });
  const text = await response.text();
  const total = performance.now() - started;
  if (run < 2) continue;
  for (const q of log) console.log(`${String(q.ms).padStart(5)} ms  ${process.argv.includes("--full") ? q.sql : q.sql.slice(0, 400)}`);
  console.log(`${log.length} statements, ${total.toFixed(1)} ms in all, ${text.length} bytes`);
}
await closeApp(app);
