// The read path issues a constant number of SQL statements, whatever the page
// size: relations are merged by Pothos/Prisma and the rest is batched by DataLoader.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTestApp, gql, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { articleRow } from "./support/factories";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function statementsFor(query: string, variables: Record<string, unknown> = {}) {
  t.statements.length = 0;
  const r = await gql(t, query, variables);
  expect(r.errors).toBeUndefined();
  return { count: t.statements.length, data: r.data! };
}

describe("SQL statements per request", () => {
  it("HomePage and CategoryPage cost the same for 5 and for 50 articles", async () => {
    const home5 = await statementsFor(contractOperation("HomePage"));
    const category5 = await statementsFor(contractOperation("CategoryPage"), { slug: "tin-tuc-su-kien", first: 5 });
    expect(category5.data.category.articles.edges).toHaveLength(2);

    for (let i = 0; i < 48; i++) await articleRow(t, { categorySlug: "tin-tuc-su-kien", featured: i % 3 === 0 });
    const home50 = await statementsFor(contractOperation("HomePage"));
    const category50 = await statementsFor(contractOperation("CategoryPage"), { slug: "tin-tuc-su-kien", first: 50 });
    expect(category50.data.category.articles.edges).toHaveLength(50);
    expect(home50.data.latest.edges).toHaveLength(10);

    expect(home50.count).toBe(home5.count);
    expect(category50.count).toBe(category5.count);
    // A hard ceiling, so a new per-row query cannot hide behind equal counts.
    expect(home50.count).toBeLessThanOrEqual(16);
    expect(category50.count).toBeLessThanOrEqual(8);
  });
});
