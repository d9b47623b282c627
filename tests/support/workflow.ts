// Helpers for the editorial workflow tests: contract operations (the typed documents
// of clients/generated) with a token, articles brought to a given state through the
// real API, and the database state a refused call must leave untouched.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { ApproveArticleDocument, CreateArticleDocument, SubmitArticleDocument, type CreateArticleInput } from "../../clients/generated/graphql";
import type { MediaKind } from "../../src/db/client";
import { codes, execute, present, type TestApp, type VariablesArgument } from "./app";
import { operationName } from "./contract";

/** Runs a contract operation and returns its typed data, failing on any error. */
export async function ok<R, V extends Record<string, unknown>>(
  t: TestApp,
  document: TypedDocumentNode<R, V>,
  ...args: VariablesArgument<NoInfer<V>>
): Promise<R> {
  const response = await execute(t, document, ...args);
  if (response.errors) throw new Error(`${operationName(document)}: ${JSON.stringify(response.errors)}`);
  if (!response.data) throw new Error(`${operationName(document)}: no data`);
  return response.data;
}

/** The error codes of a refused call, comma-separated ("OK" when it succeeded). */
export async function refusal<R, V extends Record<string, unknown>>(
  t: TestApp,
  document: TypedDocumentNode<R, V>,
  ...args: VariablesArgument<NoInfer<V>>
): Promise<string> {
  return codes(await execute(t, document, ...args)).join(",") || "OK";
}

/** An audit event's JSON field (before, after, detail), failing the test when it is null. */
export const parsed = (json: string | null | undefined, what = "a JSON field") => JSON.parse(present(json, what));

let n = 0;

/** A new DRAFT (0.1) written by `token`'s user. */
export async function draft(t: TestApp, token: string, input: Partial<CreateArticleInput> = {}) {
  const data = await ok(t, CreateArticleDocument, { input: { title: `Bài viết thử ${++n}`, body: "<p>Nội dung</p>", ...input } }, { token });
  return data.createArticle;
}

/** An article submitted for approval. */
export async function pending(t: TestApp, token: string, input: Partial<CreateArticleInput> = {}) {
  const article = await draft(t, token, input);
  await ok(t, SubmitArticleDocument, { id: article.id }, { token });
  return article;
}

/** An article approved (1.0) by `approverToken`: the created article with the approval's state. */
export async function approved(t: TestApp, token: string, approverToken: string, input: Partial<CreateArticleInput> = {}) {
  const article = await pending(t, token, input);
  const data = await ok(t, ApproveArticleDocument, { id: article.id }, { token: approverToken });
  return { ...article, ...data.approveArticle };
}

/** A Media row, as the upload module would have stored it. */
export async function media(t: TestApp, kind: MediaKind = "IMAGE", deleted = false) {
  const row = await t.app.db.media.create({
    data: {
      kind,
      storageKey: `test/${Math.random().toString(36).slice(2)}`,
      fileName: kind === "DOCUMENT" ? "ke-hoach.pdf" : "anh.jpg",
      contentType: kind === "DOCUMENT" ? "application/pdf" : "image/jpeg",
      size: 1234,
      deletedAt: deleted ? new Date() : null,
    },
  });
  return { ...row, gid: Buffer.from(`Media:${row.id}`).toString("base64") };
}

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const rawId = (gid: string) => Buffer.from(gid, "base64").toString("utf8").split(":").slice(1).join(":");

/** Everything the workflow may write about one article, to prove a refused call wrote nothing. */
export async function articleState(t: TestApp, gid: string) {
  const id = rawId(gid);
  const db = t.app.db;
  return {
    article: await db.article.findUnique({ where: { id } }),
    versions: await db.articleVersion.findMany({ where: { articleId: id }, orderBy: { label: "asc" } }),
    approvals: await db.approval.findMany({ where: { articleId: id } }),
    grants: await db.articleGrant.findMany({ where: { articleId: id } }),
  };
}

/** Lets in-process event listeners run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Collects the articlePublished events published on the app's event bus. */
export function recordPublications(t: TestApp) {
  const events: Array<{ articleId: string; categorySlug: string | null }> = [];
  const iterator = t.app.events.subscribe("articlePublished", "*")[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      events.push(next.value);
    }
  })();
  return { events, stop: () => iterator.return?.() };
}
