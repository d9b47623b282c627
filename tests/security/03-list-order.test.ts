// What a viewer can observe of a sorted list (values, order, cursors, page
// boundaries) comes only from the version of each article that viewer may read:
// an unsubmitted draft of someone else's article never shows through a cursor or
// moves a row.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Role } from "../../src/db/client";
import { writeVersion } from "../../src/services/versioning";
import { createTestApp, gql, signIn, type TestApp } from "../support/app";
import { approve, ARTICLE_CONTENT, createDraft } from "../support/live";

let t: TestApp;
const SECRET = "AAAA Bí mật nháp";

/** A new latest version (unsubmitted draft) over the published one, edited later than anything else. */
async function draftOver(articleId: string, title: string) {
  t.clock.advance(60_000);
  const at = t.clock.now();
  await t.app.db.$transaction(async (tx) => {
    const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, include: { currentVersion: true } });
    const version = await writeVersion(tx, {
      articleId,
      major: article.currentVersion!.major,
      minor: article.currentVersion!.minor + 1,
      status: "DRAFT",
      content: { ...ARTICLE_CONTENT, title },
      previous: null,
      comment: null,
      userId: null,
      at,
    });
    await tx.article.update({ where: { id: articleId }, data: { currentVersionId: version.id, status: "DRAFT", updatedAt: at } });
  });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.advance(-3_600_000);
  for (const title of ["Mmm tin công khai một", "Nnn tin công khai hai", "Ooo tin riêng"]) {
    t.clock.advance(60_000);
    const a = await createDraft(t.app, { title, at: t.clock.now(), isPublic: title !== "Ooo tin riêng" });
    await approve(t.app, a.id, t.clock.now(), t.clock.now());
    await draftOver(a.id, `${SECRET} ${title}`);
  }
  // A private article (its own permissions, public): only ADMIN or a grant may edit it.
  const own = await t.app.db.article.findFirstOrThrow({ where: { currentVersion: { title: `${SECRET} Ooo tin riêng` } } });
  await t.app.db.article.update({ where: { id: own.id }, data: { inheritsPermissions: false, isPublic: true } });
});
afterAll(() => t.close());

// Both directions, every order and the cursors: the schema's list, wider than any contract operation.
const LIST = `query($field: ArticleOrderField!, $direction: OrderDirection!, $first: Int, $after: String, $last: Int, $before: String) {
  articles(orderBy: { field: $field, direction: $direction }, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    edges { cursor node { id title updatedAt } }
  }
}`;

type Edge = { cursor: string; node: { id: string; title: string; updatedAt: string } };
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string | number | null, string];
const codePoints = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function page(token: string | undefined, variables: Record<string, unknown>) {
  const r = await gql(t, LIST, variables, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.articles as { totalCount: number; pageInfo: Record<string, any>; edges: Edge[] };
}

const viewers: Array<[string, Role | null]> = [
  ["anonymous", null],
  ["READER", "READER"],
  ["CONTRIBUTOR", "CONTRIBUTOR"],
  ["EDITOR", "EDITOR"],
  ["APPROVER", "APPROVER"],
  ["ADMIN", "ADMIN"],
];

describe.each(viewers)("%s", (_name, role) => {
  let token: string | undefined;
  beforeAll(async () => {
    token = role ? (await signIn(t, role)).token : undefined;
  });

  it("by TITLE: each cursor holds the title this viewer sees, and the order follows those titles", async () => {
    for (const direction of ["ASC", "DESC"]) {
      const { edges } = await page(token, { field: "TITLE", direction, first: 100 });
      expect(edges.length).toBeGreaterThan(3);
      for (const edge of edges) expect(decode(edge.cursor)).toEqual([edge.node.title, expect.any(String)]);
      const titles = edges.map((e) => e.node.title);
      const sorted = [...titles].sort(codePoints);
      expect(titles).toEqual(direction === "ASC" ? sorted : sorted.reverse());
      if (role !== "ADMIN" && role !== "EDITOR" && role !== "APPROVER") expect(JSON.stringify(edges)).not.toContain(SECRET);
    }
  });

  it("by UPDATED_AT: each cursor holds the last change this viewer sees, and the order follows it", async () => {
    const { edges } = await page(token, { field: "UPDATED_AT", direction: "DESC", first: 100 });
    for (const edge of edges) expect(decode(edge.cursor)[0]).toBe(edge.node.updatedAt);
    const times = edges.map((e) => e.node.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("pages forwards and backwards through the same order, whatever the page size", async () => {
    for (const field of ["TITLE", "UPDATED_AT"]) {
      const whole = (await page(token, { field, direction: "ASC", first: 100 })).edges.map((e) => e.node.id);
      const forwards: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const p = await page(token, { field, direction: "ASC", first: 2, after });
        forwards.push(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(forwards).toEqual(whole);
      const backwards: string[] = [];
      let before: string | null = null;
      for (let i = 0; i < 100; i++) {
        const p = await page(token, { field, direction: "ASC", last: 3, before });
        backwards.unshift(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasPreviousPage) break;
        before = p.pageInfo.startCursor;
      }
      expect(backwards).toEqual(whole);
    }
  });
});

describe("a contributor's list", () => {
  it("does not move when someone else's draft is edited", async () => {
    const { token } = await signIn(t, "CONTRIBUTOR");
    const before = await page(token, { field: "UPDATED_AT", direction: "DESC", first: 100 });
    const byTitle = await page(token, { field: "TITLE", direction: "ASC", first: 100 });
    const target = await t.app.db.article.findFirstOrThrow({ where: { currentVersion: { title: `${SECRET} Nnn tin công khai hai` } } });
    await draftOver(target.id, `${SECRET} sửa lần nữa`);
    const after = await page(token, { field: "UPDATED_AT", direction: "DESC", first: 100 });
    expect(after.edges).toEqual(before.edges);
    expect((await page(token, { field: "TITLE", direction: "ASC", first: 100 })).edges).toEqual(byTitle.edges);
  });
});
