// Removes this run's template: the SQLite file and the PostgreSQL template
// database (tests/global-setup.ts).
import { rmSync } from "node:fs";
import pg from "pg";

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_RUN_DIR) rmSync(process.env.TEST_RUN_DIR, { recursive: true, force: true });
  const server = process.env.TEST_DATABASE_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!server || !template) return;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
