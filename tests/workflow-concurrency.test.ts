// Optimistic concurrency: updateArticle carries the version the edit
// started from; of concurrent edits from one version exactly one lands, the
// others get CONFLICT and write nothing. Every workflow step is one transaction.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { codes, createTestApp, execute, signIn, type TestApp } from "./support/app";
import { approved, draft, ok, pending, rawId } from "./support/workflow";
import { ApproveArticleDocument, RestoreArticleVersionDocument, SubmitArticleDocument, UpdateArticleDocument } from "../clients/generated/graphql";

let t: TestApp;
let editors: string[];
let approver: string;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  editors = [];
  for (let i = 0; i < 10; i++) editors.push((await signIn(t, "EDITOR")).token);
  approver = (await signIn(t, "APPROVER")).token;
});
afterAll(() => t.close());

const versionsOf = (gid: string) =>
  t.app.db.articleVersion.findMany({ where: { articleId: rawId(gid) }, orderBy: [{ major: "asc" }, { minor: "asc" }], select: { label: true, title: true } });

describe("concurrent updates", () => {
  it("ten updates from one version: one success, nine CONFLICT, one new version", async () => {
    const article = await draft(t, editors[0]!);
    const results = await Promise.all(
      editors.map((token, i) => execute(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "0.1", title: `Sửa lần ${i}` } }, { token })),
    );
    const outcome = results.map((r) => codes(r)[0] ?? "OK");
    expect(outcome.filter((c) => c === "OK")).toHaveLength(1);
    expect(outcome.filter((c) => c === "CONFLICT")).toHaveLength(9);
    const winner = results.find((r) => !r.errors)!.data!.updateArticle;
    expect(winner.version).toBe("0.2");
    const versions = await versionsOf(article.id);
    expect(versions.map((v) => v.label)).toEqual(["0.1", "0.2"]);
    expect(versions[1]!.title).toBe(winner.title);
    const row = await t.app.db.article.findUniqueOrThrow({ where: { id: rawId(article.id) }, include: { currentVersion: true } });
    expect(row.currentVersion!.label).toBe("0.2");
    // The losers were told which version is current now.
    const conflict = results.find((r) => r.errors)!.errors![0]!;
    expect(conflict.extensions).toMatchObject({ code: "CONFLICT", currentVersion: "0.2" });
  });

  it("a stale expectedVersion is a CONFLICT that writes nothing", async () => {
    const article = await draft(t, editors[0]!);
    await ok(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "0.1", title: "Bản 0.2" } }, { token: editors[0]! });
    const stale = await execute(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "0.1", title: "Ghi đè" } }, { token: editors[1]! });
    expect(codes(stale)).toEqual(["CONFLICT"]);
    expect((await versionsOf(article.id)).map((v) => v.title)).toEqual([article.title, "Bản 0.2"]);
  });

  it("concurrent approvals, submissions and restores each land once", async () => {
    const toApprove = await pending(t, editors[0]!);
    const approvals = await Promise.all([0, 1, 2, 3, 4].map(() => execute(t, ApproveArticleDocument, { id: toApprove.id }, { token: approver })));
    expect(approvals.filter((r) => !r.errors)).toHaveLength(1);
    expect(approvals.filter((r) => r.errors).every((r) => ["BAD_USER_INPUT", "CONFLICT"].includes(codes(r)[0]))).toBe(true);
    expect((await versionsOf(toApprove.id)).map((v) => v.label)).toEqual(["0.1", "1.0"]);
    expect(await t.app.db.approval.count({ where: { articleId: rawId(toApprove.id) } })).toBe(1);

    const toSubmit = await draft(t, editors[0]!);
    const submissions = await Promise.all(editors.slice(0, 5).map((token) => execute(t, SubmitArticleDocument, { id: toSubmit.id }, { token })));
    expect(submissions.filter((r) => !r.errors)).toHaveLength(1);

    const toRestore = await approved(t, editors[0]!, approver);
    await ok(t, UpdateArticleDocument, { input: { id: toRestore.id, expectedVersion: "1.0", title: "Bản 1.1" } }, { token: editors[0]! });
    const restores = await Promise.all(
      editors.slice(0, 5).map((token) => execute(t, RestoreArticleVersionDocument, { id: toRestore.id, version: "0.1" }, { token })),
    );
    // A restore carries no expected version: on an embedded database the restores
    // queue up and all land; where they truly race, the losers get CONFLICT.
    // Either way each success is one new minor version and no label is written twice.
    const landed = restores.filter((r) => !r.errors).length;
    expect(landed).toBeGreaterThanOrEqual(1);
    expect(restores.filter((r) => r.errors).every((r) => codes(r)[0] === "CONFLICT")).toBe(true);
    const labels = (await versionsOf(toRestore.id)).map((v) => v.label);
    expect(labels).toEqual(["0.1", "1.0", "1.1", ...Array.from({ length: landed }, (_, i) => `1.${i + 2}`)]);
  });
});
