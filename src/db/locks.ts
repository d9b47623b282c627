// Serialising transactions that check a rule across several rows ("at least one
// active administrator", "no cycle in the category tree"). Row locks cannot do
// it: two transactions may each change a different row and both see the rule
// still hold. On PostgreSQL a transaction-scoped advisory lock makes them take
// turns; SQLite already runs one writing transaction at a time (a second one
// that read before the first committed fails with SQLITE_BUSY and is run again,
// src/db/faults.ts).
import type { Tx } from "../services/versioning";

const KEYS = {
  /** Changes to roles and activation of users. */
  users: 727_100_001,
  /** The shape of the category tree. */
  categories: 727_100_002,
  /** The royalty scales. */
  royaltyScales: 727_100_003,
} as const;

export type LockName = keyof typeof KEYS;

/** Holds the named lock until the transaction `tx` ends. */
export async function lockFor(tx: Tx, provider: "sqlite" | "postgres", name: LockName): Promise<void> {
  if (provider === "postgres") await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${KEYS[name]})::text`);
}
