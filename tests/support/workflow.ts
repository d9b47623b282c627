// Helpers for the editorial workflow tests: contract operations with a token,
// articles brought to a given state through the real API, and the database
// state a refused call must leave untouched.
import type { MediaKind } from "../../src/db/client";
import { codes, gql, type GraphQLResponse, type TestApp } from "./app";
import { contractOperation } from "./contract";

/** Runs a contract operation (the document the console sends) as `token` (anonymous without). */
export function run(t: TestApp, name: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse> {
  return gql(t, contractOperation(name), variables, { token });
}

/** Runs a contract operation and returns its data, failing on any error. */
export async function ok(t: TestApp, name: string, variables: Record<string, unknown> = {}, token?: string): Promise<Record<string, any>> {
  const response = await run(t, name, variables, token);
  if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
  return response.data!;
}

/** The single error code of a refused call. */
export async function refusal(t: TestApp, name: string, variables: Record<string, unknown>, token?: string) {
  const response = await run(t, name, variables, token);
  return codes(response).join(",") || "OK";
}

let n = 0;

/** A new DRAFT (0.1) written by `token`'s user. */
export async function draft(t: TestApp, token: string, input: Record<string, unknown> = {}) {
  const data = await ok(t, "CreateArticle", { input: { title: `Bài viết thử ${++n}`, body: "<p>Nội dung</p>", ...input } }, token);
  return data.createArticle as Record<string, any>;
}

/** An article submitted for approval. */
export async function pending(t: TestApp, token: string, input: Record<string, unknown> = {}) {
  const article = await draft(t, token, input);
  await ok(t, "SubmitArticle", { id: article.id }, token);
  return article;
}

/** An article approved (1.0) by `approverToken`. */
export async function approved(t: TestApp, token: string, approverToken: string, input: Record<string, unknown> = {}) {
  const article = await pending(t, token, input);
  const data = await ok(t, "ApproveArticle", { id: article.id }, approverToken);
  return { ...article, ...data.approveArticle } as Record<string, any>;
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
