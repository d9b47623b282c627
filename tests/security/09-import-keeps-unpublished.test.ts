// An import may add a version; it never changes whether an article is published.
// Re-importing a changed page of an article an approver unpublished gives a draft
// for the editors, never a republication.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { createTestApp, signIn, type TestApp, execute } from "../support/app";
import { ok, globalId, recordPublications, settle } from "../support/workflow";
import { importPageText } from "../../src/services/importer/import-page";
import { FIXTURE_PAGE } from "../../src/services/seed";
import {
  ApproveArticleDocument,
  ArticlePageDocument,
  DeleteArticleDocument,
  SubmitArticleDocument,
  UnpublishArticleDocument,
} from "../../clients/generated/graphql";

const FIXTURE = readFileSync(FIXTURE_PAGE, "utf8");
const SLUG = "kien-tuong-thuc-hien-dat-va-vuot-22-24-chi-tieu-nghi-quyet-thi-uy-nam-2019";
const ORIGINAL = "Ngày 12/12/2019, Ban thường vụ Thị ủy Kiến Tường tổ chức";
const EDITED = FIXTURE.replace(ORIGINAL, "Ngày 12/12/2019, Ban Thường vụ Thị ủy Kiến Tường đã tổ chức");
const EDITED_AGAIN = FIXTURE.replace(ORIGINAL, "Ngày 12/12/2019, Ban Thường vụ Thị ủy Kiến Tường long trọng tổ chức");
const NOW = new Date("2026-11-29T03:00:00.000Z");
const LATER = new Date("2026-12-01T02:00:00.000Z");

const readerSees = async (t: TestApp) => {
  const r = await execute(t, ArticlePageDocument, { slug: SLUG });
  expect(r.errors).toBeUndefined();
  return r.data!.article;
};

describe("re-importing a page never republishes", () => {
  let t: TestApp;
  let articleId: string;
  let approver: string;
  beforeEach(async () => {
    t = await createTestApp({ seed: false, config: { RESPONSE_CACHE: false } });
    expect(EDITED).not.toBe(FIXTURE);
    const first = await importPageText(t.app.db, FIXTURE, "goc.txt", { now: NOW });
    articleId = first.articleId!;
    approver = (await signIn(t, "APPROVER")).token;
    await ok(t, UnpublishArticleDocument, { id: globalId("Article", articleId) }, { token: approver });
    expect(await readerSees(t)).toBeNull();
  });
  afterEach(() => t.close());

  it("a changed page of an unpublished article becomes a draft minor version, still unpublished", async () => {
    const publications = recordPublications(t);
    const dry = await importPageText(t.app.db, EDITED, "sua.txt", { now: LATER, dryRun: true });
    expect(dry).toMatchObject({ status: "updated", version: "1.1" });
    expect(dry.changes).toContain("as a draft: the article stays unpublished");

    const outcome = await importPageText(t.app.db, EDITED, "sua.txt", { now: LATER, events: t.app.events });
    expect(outcome).toMatchObject({ status: "updated", version: "1.1" });
    await settle();
    publications.stop();
    expect(publications.events).toEqual([]);

    const article = await t.app.db.article.findUniqueOrThrow({
      where: { id: articleId },
      include: { versions: { orderBy: [{ major: "asc" }, { minor: "asc" }] }, approvals: true },
    });
    expect(article.publishedVersionId).toBeNull();
    expect(article.publishedAt).toBeNull();
    expect(article.status).toBe("DRAFT");
    expect(article.versions.map((v) => [v.label, v.status])).toEqual([
      ["1.0", "APPROVED"],
      ["1.1", "DRAFT"],
    ]);
    expect(article.currentVersionId).toBe(article.versions[1]!.id);
    // No approval is invented for the imported content.
    expect(article.approvals.map((a) => a.versionLabel)).toEqual(["1.0"]);
    expect(await readerSees(t)).toBeNull();
  });

  it("stays unpublished through repeated and reverted imports", async () => {
    await importPageText(t.app.db, EDITED, "sua.txt", { now: LATER });
    expect((await importPageText(t.app.db, EDITED, "sua.txt", { now: LATER })).status).toBe("unchanged");
    expect(await importPageText(t.app.db, EDITED_AGAIN, "sua-2.txt", { now: LATER })).toMatchObject({ status: "updated", version: "1.2" });
    expect(await importPageText(t.app.db, FIXTURE, "goc.txt", { now: LATER })).toMatchObject({ status: "updated", version: "1.3" });
    const article = await t.app.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article.publishedVersionId).toBeNull();
    expect(await readerSees(t)).toBeNull();
  });

  it("the imported draft goes through approval like any edit, then a later import publishes as before", async () => {
    await importPageText(t.app.db, EDITED, "sua.txt", { now: LATER });
    const editor = (await signIn(t, "EDITOR")).token;
    await ok(t, SubmitArticleDocument, { id: globalId("Article", articleId) }, { token: editor });
    await ok(t, ApproveArticleDocument, { id: globalId("Article", articleId) }, { token: approver });
    const shown = await readerSees(t);
    expect(shown?.body).toContain("đã tổ chức");
    // Published again by an approver: a changed page now becomes the next published major version.
    const next = await importPageText(t.app.db, EDITED_AGAIN, "sua-2.txt", { now: LATER });
    expect(next.version).toMatch(/^\d+\.0$/);
    expect((await readerSees(t))?.body).toContain("long trọng");
  });

  it("a page of an unpublished article that is also in the recycle bin stays there, unpublished", async () => {
    const admin = (await signIn(t, "ADMIN")).token;
    await ok(t, DeleteArticleDocument, { id: globalId("Article", articleId) }, { token: admin });
    const outcome = await importPageText(t.app.db, EDITED, "sua.txt", { now: LATER });
    expect(outcome.status).toBe("updated");
    const article = await t.app.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article.deletedAt).not.toBeNull();
    expect(article.publishedVersionId).toBeNull();
    expect(await readerSees(t)).toBeNull();
  });
});
