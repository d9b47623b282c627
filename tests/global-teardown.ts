// Drops the PostgreSQL template database of this run (tests/global-setup.ts).
import pg from "pg";

export default async function globalTeardown(): Promise<void> {
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
