// Fan-out of one event to many subscribers over real sockets: the cost of an
// event does not grow with the number of subscribers (one execution per group
// of identical subscriptions, src/plugins/shared-subscriptions.ts). Its own app, so no
// other test's subscribers run statements while these are counted.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { signIn, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { approve, createDraft, LiveServer, type Inbox } from "./support/live";

const SUBSCRIPTION = contractOperation("ArticlePublished");

let live: LiveServer;
let t: TestApp;
beforeAll(async () => ({ t } = live = await LiveServer.start()));
afterAll(() => live.close());

const ws = (variables: Record<string, unknown> = {}, token?: string) => live.ws(SUBSCRIPTION, variables, token);
const sse = (variables: Record<string, unknown> = {}, token?: string) => live.sse(SUBSCRIPTION, variables, token);

const now = () => t.clock.now();
const ready = (...subscribers: Array<{ inbox: Inbox; categorySlug?: string }>) => live.ready(...subscribers);

describe("fan-out", () => {
  it("runs the same SQL statements for one event whether 2 or 12 subscribers listen", async () => {
    const { token } = await signIn(t, "EDITOR");
    const subscribers: Array<{ inbox: Inbox; categorySlug?: string }> = [await ws({ categorySlug: "kinh-te" }), await ws({ categorySlug: "kinh-te" }, token)];
    const statementsOfOneEvent = async (title: string) => {
      await ready(...subscribers);
      const draft = await createDraft(t.app, { title, categorySlug: "kinh-te", at: now() });
      t.statements.length = 0;
      await approve(t.app, draft.id, now(), now());
      for (const s of subscribers) expect((await s.inbox.next())!.data.articlePublished.title).toBe(title);
      return t.statements.length;
    };
    const few = await statementsOfOneEvent("Cho hai người");
    for (let i = 0; i < 10; i++) subscribers.push(i % 2 ? await ws({ categorySlug: "kinh-te" }) : await sse({ categorySlug: "kinh-te" }));
    expect(await statementsOfOneEvent("Cho mười hai người")).toBe(few);
  });

  it("keeps delivering to the others when the first subscriber of a shared execution leaves", async () => {
    const first = await ws({ categorySlug: "van-hoa-xa-hoi" });
    const second = await ws({ categorySlug: "van-hoa-xa-hoi" });
    await ready(first, second);
    await first.close();
    const draft = await createDraft(t.app, { title: "Vẫn nhận được", categorySlug: "van-hoa-xa-hoi", at: now() });
    await approve(t.app, draft.id, now(), now());
    expect((await second.inbox.next())!.data.articlePublished.title).toBe("Vẫn nhận được");
  });
});
