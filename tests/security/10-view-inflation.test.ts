// One client address cannot inflate an article's views: the visitor id is the
// client's own, so made-up ids used to count a view each. Counted views per address
// and article are bounded per window (VIEW_LIMIT_PER_ADDRESS_ARTICLE, default 20 per
// 30 minutes: generous, as many readers share one carrier's address). In memory here;
// 10-view-inflation.redis.test.ts shows the same bound across two instances on Redis.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTestApp, signIn, type TestApp } from "../support/app";
import { recordView } from "../support/visits";
import { approved, rawId } from "../support/workflow";

describe("views one address can add to one article", () => {
  let t: TestApp;
  let first: Record<string, any>;
  let second: Record<string, any>;
  beforeAll(async () => {
    t = await createTestApp({ config: { RESPONSE_CACHE: false } });
    const editor = (await signIn(t, "EDITOR")).token;
    const approver = (await signIn(t, "APPROVER")).token;
    first = await approved(t, editor, approver, { title: "Bài thứ nhất" });
    second = await approved(t, editor, approver, { title: "Bài thứ hai" });
  });
  afterAll(() => t.close());

  it("counts at most 20 views from one address, whatever visitor ids it makes up; the answer stays normal", async () => {
    const attacker = "203.0.113.10";
    let last = 0;
    for (let i = 0; i < 60; i++) last = await recordView(t, first.id, `made-up-${i}`, attacker);
    expect(last).toBe(20);
    // Without a visitor id as well.
    expect(await recordView(t, first.id, undefined, attacker)).toBe(20);
    await t.app.counters.flush();
    const stored = await t.app.db.article.findUniqueOrThrow({ where: { id: rawId(first.id) }, select: { viewCount: true } });
    expect(stored.viewCount).toBe(20);
  });

  it("leaves other addresses and other articles alone", async () => {
    expect(await recordView(t, first.id, "reader-a", "198.51.100.1")).toBe(21);
    expect(await recordView(t, first.id, "reader-b", "198.51.100.2")).toBe(22);
    expect(await recordView(t, second.id, "reader-c", "203.0.113.10")).toBe(1);
  });

  it("repeats of one visitor use none of the address's bound", async () => {
    const office = "192.0.2.50";
    for (let i = 0; i < 30; i++) expect(await recordView(t, second.id, "same-reader", office)).toBe(2);
    let last = 0;
    for (let i = 0; i < 25; i++) last = await recordView(t, second.id, `colleague-${i}`, office);
    // same-reader's view plus 19 colleagues: 20 from this office.
    expect(last).toBe(2 + 19);
  });

  it("is configurable, and 0 switches the bound off", async () => {
    const loose = await createTestApp({ config: { VIEW_LIMIT_PER_ADDRESS_ARTICLE: 0, VISIT_LIMIT_PER_ADDRESS: 0, RESPONSE_CACHE: false } });
    const strict = await createTestApp({ config: { VIEW_LIMIT_PER_ADDRESS_ARTICLE: 3, RESPONSE_CACHE: false } });
    try {
      for (const [app, expected] of [
        [loose, 40],
        [strict, 3],
      ] as const) {
        const editor = (await signIn(app, "EDITOR")).token;
        const approver = (await signIn(app, "APPROVER")).token;
        const article = await approved(app, editor, approver);
        let last = 0;
        for (let i = 0; i < 40; i++) last = await recordView(app, article.id, `v-${i}`, "203.0.113.20");
        expect(last).toBe(expected);
      }
    } finally {
      await loose.close();
      await strict.close();
    }
  });
});
