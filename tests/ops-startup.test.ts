// Start-up as an operator meets it: a bad or unusable setting stops the server
// with one line naming the variable and the reason, never a stack trace.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runScript, startServer, tempDataDir } from "./support/processes";

import { expect, test } from "@jest/globals";

async function startFailure(env: Record<string, string>) {
  const result = await runScript("src/server.ts", [], { PORT: "0", HOST: "127.0.0.1", ...env });
  const lines = result.stderr.trim().split("\n");
  return { ...result, lines };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at\s/m);

test.each([
  [
    "a DATABASE_URL of another kind",
    { DATABASE_URL: "mysql://root:hunter2@db/portal" },
    /^Configuration error: DATABASE_URL: expected file:<path> or postgresql:.*"mysql:\/\/root:\*\*\*@db\/portal"/,
  ],
  ["a port that is not a number", { PORT: "eighty" }, /^Configuration error: PORT: .*number/],
  ["an unknown log format", { LOG_FORMAT: "xml" }, /^Configuration error: LOG_FORMAT: .*"json"\|"pretty"/],
  ["a short metrics token", { METRICS_TOKEN: "short" }, /^Configuration error: METRICS_TOKEN: must be at least 16 characters$/],
  [
    "an unreachable PostgreSQL",
    { DATABASE_URL: "postgresql://portal:secret@127.0.0.1:1/portal" },
    /^The server could not start: DATABASE_URL: cannot open PostgreSQL database postgresql:\/\/portal:\*\*\*@127\.0\.0\.1:1\/portal: connection refused/,
  ],
])("%s: one line, exit 1, no secret", async (_name, env, expected) => {
  const { code, lines, stderr, stdout } = await startFailure(env);
  expect(code).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
  expect(stderr + stdout).not.toMatch(/hunter2|secret/);
  noStack(stderr);
});

test("a SQLite path that is a folder, or a file that is not a database: one line naming DATABASE_URL", async () => {
  const { dir } = tempDataDir();
  const folder = join(dir, "a-folder");
  mkdirSync(folder);
  const notDb = join(dir, "notes.txt");
  writeFileSync(notDb, "this is not a database, just some text that is long enough to have a header\n".repeat(10));
  for (const [url, reason] of [
    [`file:${folder}`, /cannot open or create the file/],
    [`file:${notDb}`, /file is not a database/],
  ] as const) {
    const { code, lines, stderr } = await startFailure({ DATABASE_URL: url, DATA_DIR: dir });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The server could not start: DATABASE_URL: SQLite database /);
    expect(lines[0]).toMatch(reason);
    noStack(stderr);
  }
});

test("a folder the server may not write: one line naming DATABASE_URL", async () => {
  // Permissions mean nothing to root: then the check is about a path under a file instead.
  const { dir } = tempDataDir();
  writeFileSync(join(dir, "plain-file"), "x");
  const { code, lines, stderr } = await startFailure({ DATABASE_URL: `file:${join(dir, "plain-file", "sub", "portal.db")}`, DATA_DIR: dir });
  expect(code).toBe(1);
  expect(lines).toEqual([
    expect.stringMatching(/^The server could not start: DATABASE_URL: cannot create the folder .*plain-file\/sub: a part of the path is not a folder$/),
  ]);
  noStack(stderr);
});

test("a port already in use: one line", async () => {
  const { dir, databaseUrl } = tempDataDir({ migrated: true });
  const server = await startServer({ DATABASE_URL: databaseUrl, DATA_DIR: dir, SEED_DEMO: "false" });
  try {
    const { code, lines } = await startFailure({ DATABASE_URL: databaseUrl, DATA_DIR: dir, SEED_DEMO: "false", PORT: String(server.port) });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^The server could not start: port \d+ on 127\.0\.0\.1 is already in use \(set PORT\)$/)]);
  } finally {
    await server.stop();
  }
});
