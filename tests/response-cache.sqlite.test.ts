// SQLite only (npm run test:postgres leaves *.sqlite.test.ts out): the response
// cache sees commits of other processes on the same file through SQLite's
// data_version. PostgreSQL has no such counter; docs/performance.md says what to do there.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Database from "better-sqlite3";
import { createTestApp, type TestApp, execute } from "./support/app";
import { HomePageDocument } from "../clients/generated/graphql";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const home = () => execute(t, HomePageDocument);

describe("response cache and other processes", () => {
  it("drops everything when another connection (the import command) commits", async () => {
    await home();
    const hits = t.app.cache.stats.hits;
    await home();
    expect(t.app.cache.stats.hits).toBe(hits + 1);
    const other = new Database(t.app.config.DATABASE_URL.replace(/^file:/, ""));
    other.prepare(`UPDATE "Site" SET "name" = ? WHERE "id" = 1`).run("Tên cơ quan từ tiến trình khác");
    other.close();
    // Looked for at most once per RESPONSE_CACHE_EXTERNAL_CHECK_MS (1 s by default).
    t.clock.advance(t.app.config.RESPONSE_CACHE_EXTERNAL_CHECK_MS);
    expect((await home()).data!.site.name).toBe("Tên cơ quan từ tiến trình khác");
  });
});
