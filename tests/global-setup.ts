// Builds one migrated SQLite database per test run; every test file copies it
// (tests/support/database.ts), so a file never sees another's data.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

export default function globalSetup(): void {
  const dir = join(process.cwd(), "data", "test");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const template = join(dir, "template.db");
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  process.env.TEST_TEMPLATE_DB = template;
}
