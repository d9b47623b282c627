// Two connections on one SQLite file (two instances, or the importer beside the
// server): a transaction whose snapshot another connection made stale fails with
// SQLITE_BUSY at once, whatever the busy timeout, and is run again.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Database from "better-sqlite3";
import { createTestApp, type TestApp } from "./support/app";
import { isSqliteBusy } from "../src/db/faults";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const onSqlite = () => t.app.target.provider === "sqlite";

describe("SQLite busy and locked", () => {
  it("retries a transaction that another connection's commit made stale", async () => {
    if (!onSqlite()) return expect(t.app.target.provider).toBe("postgres");
    const other = new Database((t.app.target as { file: string }).file, { timeout: 5000 });
    try {
      let attempts = 0;
      const result = await t.app.db.$transaction(async (tx) => {
        attempts++;
        const site = await tx.site.findUniqueOrThrow({ where: { id: 1 } });
        // Between our read and our write, the other connection commits.
        if (attempts === 1) other.prepare("UPDATE Site SET fax = ? WHERE id = 1").run("028 0000 0000");
        return tx.site.update({ where: { id: 1 }, data: { phone: `${site.fax ?? ""}|ours` } });
      });
      expect(attempts).toBe(2);
      // The retry saw the other connection's write: nothing was lost.
      expect(result.phone).toBe("028 0000 0000|ours");
      expect(other.prepare("SELECT fax, phone FROM Site WHERE id = 1").get()).toEqual({ fax: "028 0000 0000", phone: "028 0000 0000|ours" });
    } finally {
      other.close();
    }
  });

  it("gives up after a bounded number of attempts with the busy error", async () => {
    if (!onSqlite()) return expect(t.app.target.provider).toBe("postgres");
    const other = new Database((t.app.target as { file: string }).file, { timeout: 5000 });
    try {
      let attempts = 0;
      const failure = await t.app.db
        .$transaction(async (tx) => {
          attempts++;
          await tx.site.findUniqueOrThrow({ where: { id: 1 } });
          other.prepare("UPDATE Site SET fax = ? WHERE id = 1").run(`fax ${attempts}`);
          return tx.site.update({ where: { id: 1 }, data: { phone: "never" } });
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(isSqliteBusy(failure)).toBe(true);
      expect(attempts).toBe(5);
      expect(other.prepare("SELECT phone FROM Site WHERE id = 1").get()).not.toEqual({ phone: "never" });
    } finally {
      other.close();
    }
  });
});
