// The maintained list counts (src/services/listing.ts): category article counts
// and list totals change in the same transaction as the writes that change them,
// through the API's mutations and the scheduler, agree with a recount after each,
// follow time (publish dates, end of publication) before the scheduler runs, and
// `npm run admin -- counts:check` finds and repairs drift.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { checkListing } from "../src/services/listing";
import { createScheduler } from "../src/services/scheduler";
import { createTestApp, gql, signIn, type TestApp, execute, present } from "./support/app";
import { runScript } from "./support/processes";
import { approved, ok } from "./support/workflow";
import {
  ApproveArticleDocument,
  CategoryPageDocument,
  DeleteArticleDocument,
  FilteredArticlesDocument,
  HomePageDocument,
  SetArticlePermissionsDocument,
  SubmitArticleDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
} from "../clients/generated/graphql";

let t: TestApp;
let editor: string;
let approver: string;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  editor = (await signIn(t, "EDITOR")).token;
  approver = (await signIn(t, "APPROVER")).token;
  admin = (await signIn(t, "ADMIN")).token;
});
afterAll(() => t.close());

const SLUG = "tin-tuc-su-kien";
/** What readers are shown: the menu's count, the category page's total, the home page's featured list length. */
async function shown() {
  const home = await execute(t, HomePageDocument);
  const page = await execute(t, CategoryPageDocument, { slug: SLUG, first: 1 });
  const all = await ok(t, FilteredArticlesDocument, { first: 1 });
  const featured = await ok(t, FilteredArticlesDocument, { first: 1, filter: { featured: true } });
  return {
    menu: present(
      home.data!.categories.find((c) => c.slug === SLUG),
      "the category in the menu",
    ).articleCount,
    category: present(page.data!.category, "the category").articles.totalCount,
    all: all.articles.totalCount,
    featured: featured.articles.totalCount,
  };
}

/** The same numbers counted row by row, as signed-in lists still are (the reference). */
async function recounted() {
  const now = t.clock.now();
  const live = {
    deletedAt: null,
    publishedVersionId: { not: null },
    publishedAt: { lte: now },
    OR: [{ expireAt: null }, { expireAt: { gt: now } }],
    AND: [{ OR: [{ inheritsPermissions: true }, { isPublic: true }] }],
  };
  const category = await t.app.db.article.count({ where: { ...live, publishedVersion: { is: { category: { is: { slug: SLUG } } } } } });
  return {
    menu: category,
    category,
    all: await t.app.db.article.count({ where: live }),
    featured: await t.app.db.article.count({ where: { ...live, publishedVersion: { is: { featured: true } } } }),
  };
}

async function expectExact() {
  expect(await shown()).toEqual(await recounted());
  expect(await checkListing(t.app.db)).toEqual({ drift: [], articles: 0 });
}

describe("maintained list counts", () => {
  it("follow every workflow step that changes what readers may list", async () => {
    await expectExact();
    const categoryId = present((await execute(t, CategoryPageDocument, { slug: SLUG, first: 1 })).data!.category, "the category").id;
    const before = await shown();
    const article = await approved(t, editor, approver, { categoryId, featured: true });
    expect(await shown()).toEqual({ menu: before.menu + 1, category: before.category + 1, all: before.all + 1, featured: before.featured + 1 });
    await expectExact();

    // A new published version in no category and not featured moves it out of both lists.
    const label = (
      await t.app.db.article.findUniqueOrThrow({
        where: { id: Buffer.from(article.id, "base64").toString().split(":")[1]! },
        select: { currentVersion: { select: { label: true } } },
      })
    ).currentVersion!.label;
    await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: label, categoryId: null, featured: false } }, { token: editor });
    await ok(t, SubmitArticleDocument, { id: article.id }, { token: editor });
    await ok(t, ApproveArticleDocument, { id: article.id }, { token: approver });
    expect(await shown()).toEqual({ ...before, all: before.all + 1 });
    await expectExact();

    await ok(t, SetArticlePermissionsDocument, { input: { articleId: article.id, inherit: false, public: false } }, { token: admin });
    expect(await shown()).toEqual(before);
    await expectExact();
    await ok(t, SetArticlePermissionsDocument, { input: { articleId: article.id, inherit: true } }, { token: admin });
    await ok(t, DeleteArticleDocument, { id: article.id }, { token: admin });
    expect(await shown()).toEqual(before);
    await expectExact();
    // The contract has no restoreArticle (ADMIN's recycle bin): the schema's mutation.
    const restored = await gql(t, `mutation ($id: ID!) { restoreArticle(id: $id) { id } }`, { id: article.id }, { token: admin });
    expect(restored.errors).toBeUndefined();
    expect((await shown()).all).toBe(before.all + 1);
    await ok(t, UnpublishArticleDocument, { id: article.id }, { token: approver });
    expect(await shown()).toEqual(before);
    await expectExact();
  });

  it("follow publish dates and ends of publication at their instant, and the scheduler's passes", async () => {
    const categoryId = present((await execute(t, CategoryPageDocument, { slug: SLUG, first: 1 })).data!.category, "the category").id;
    const before = await shown();
    const now = t.clock.now().getTime();
    await approved(t, editor, approver, { categoryId, publishAt: new Date(now + 3_600_000).toISOString(), expireAt: new Date(now + 7_200_000).toISOString() });
    expect(await shown()).toEqual(before);
    const scheduler = createScheduler({ db: t.app.db, clock: t.clock, events: t.app.events, intervalMs: 0, onChange: () => t.app.cache.changed() });
    t.clock.advance(3_600_000);
    await scheduler.tick();
    expect(await shown()).toEqual({ ...before, menu: before.menu + 1, category: before.category + 1, all: before.all + 1 });
    await expectExact();
    // Past its end of publication readers no longer see it, before the scheduler withdraws it...
    t.clock.advance(3_600_000);
    await t.app.cache.changed();
    expect(await shown()).toEqual(before);
    expect(await shown()).toEqual(await recounted());
    // ...and after.
    await scheduler.tick();
    await expectExact();
  });

  it("are checked against a recount and repaired by the admin command", async () => {
    await t.app.db.listingCount.update({ where: { key: "all" }, data: { count: { increment: 5 } } });
    const env = { DATABASE_URL: t.app.config.DATABASE_URL, DATA_DIR: t.app.config.DATA_DIR, JWT_SECRET: "admin-test-secret-admin-test-secret-0123" };
    const check = await runScript("scripts/admin.ts", ["counts:check"], env);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^all: stored \d+, recounted \d+$/m);
    const repair = await runScript("scripts/admin.ts", ["counts:check", "--repair"], env);
    expect(repair.code).toBe(0);
    expect(repair.stdout).toContain("Repaired.");
    expect(await checkListing(t.app.db)).toEqual({ drift: [], articles: 0 });
    const again = await runScript("scripts/admin.ts", ["counts:check"], env);
    expect(again).toMatchObject({ code: 0, stdout: "The list counts match a recount.\n" });
  });
});
