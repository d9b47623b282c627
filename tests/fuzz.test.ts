// Schema-aware fuzzer: every query and mutation field of the schema, called with
// generated, well-typed arguments holding random and hostile values, as an
// anonymous reader and as every role. The server may refuse anything, but must
// never answer 5xx or INTERNAL_SERVER_ERROR. Seeded (FUZZ_SEED) and bounded
// (FUZZ_RUNS per field and role), so a failure is reproducible.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTestApp, signIn, type TestApp } from "./support/app";
import { operationFor, prng, type ValueSource } from "./support/generate";
import { schema } from "../src/schema/index";
import { ROLES } from "../src/services/access";

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

let t: TestApp;
const tokens: Array<[string, string | undefined]> = [["anonymous", undefined]];
const source: ValueSource = { ids: [] };
/** Answers with data and no error: proof the fuzzer gets past the door. */
let answered = 0;
let sent = 0;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) tokens.push([role, (await signIn(t, role)).token]);
  const gid = (type: string, id: string | number) => Buffer.from(`${type}:${id}`).toString("base64");
  const [articles, categories, users, media, topics] = await Promise.all([
    t.app.db.article.findMany({ select: { id: true }, take: 5 }),
    t.app.db.category.findMany({ select: { id: true }, take: 3 }),
    t.app.db.user.findMany({ select: { id: true }, take: 3 }),
    t.app.db.media.findMany({ select: { id: true }, take: 3 }),
    t.app.db.topic.findMany({ select: { id: true }, take: 3 }),
  ]);
  source.ids.push(
    ...articles.map((a) => gid("Article", a.id)),
    ...categories.map((c) => gid("Category", c.id)),
    ...users.map((u) => gid("User", u.id)),
    ...media.map((m) => gid("Media", m.id)),
    ...topics.map((m) => gid("Topic", m.id)),
  );
});
afterAll(() => t.close());

const roots = [
  ["query", schema.getQueryType()],
  ["mutation", schema.getMutationType()],
] as const;

describe("fuzzer", () => {
  for (const [kind, type] of roots) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      it(`${kind} ${field.name}: no 5xx, no INTERNAL_SERVER_ERROR`, async () => {
        const rng = prng(SEED ^ hash(`${kind}.${field.name}`));
        const failures: string[] = [];
        for (const session of tokens) {
          const who = session[0];
          for (let run = 0; run < RUNS; run++) {
            const token = session[1];
            const op = operationFor(kind, field, schema, rng, source);
            const response = await t.yoga.fetch("http://portal.test/graphql", {
              method: "POST",
              headers: {
                "content-type": "application/json",
                accept: "application/graphql-response+json",
                ...(token && { authorization: `Bearer ${token}` }),
              },
              body: JSON.stringify({ query: op.query, variables: op.variables }),
            });
            sent++;
            const text = await response.text();
            let body: { errors?: Array<{ message: string; extensions?: { code?: string } }> } = {};
            try {
              body = JSON.parse(text);
            } catch {
              failures.push(`${who}: not JSON (${response.status}): ${text.slice(0, 200)}`);
              continue;
            }
            if (!body.errors?.length) answered++;
            // The fuzzer's own session may have been ended by what it called (signOutEverywhere,
            // changePassword, a deactivation or reset of its user): sign in again as that role.
            if (token && body.errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED")) {
              session[1] = (await signIn(t, who as (typeof ROLES)[number])).token;
            }
            const internal = (body.errors ?? []).filter((e) => !e.extensions?.code || e.extensions.code === "INTERNAL_SERVER_ERROR");
            if (response.status >= 500 || internal.length) {
              failures.push(
                `${who} (HTTP ${response.status}): ${JSON.stringify(internal.map((e) => e.message))}\n  ${op.query}\n  ${JSON.stringify(op.variables).slice(0, 400)}`,
              );
            }
          }
        }
        expect(failures).toEqual([]);
      }, 120_000);
    }
  }

  it("reaches the resolvers for a good share of the operations", () => {
    expect(sent).toBeGreaterThan(0);
    expect(answered / sent).toBeGreaterThan(0.2);
  });
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
