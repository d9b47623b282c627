// SQL statements per request for each benchmark scenario, at 5, 20 and 100
// items, counted in-process on the benchmark database (response cache off, so
// every request reaches the resolvers). tests/sql-statements.test.ts asserts the
// same property on test data.
import { closeApp, createApp } from "../src/app";
import { testConfig } from "../src/env";
import { createPortalYoga } from "../src/yoga";
import { contractOperation } from "../tests/support/contract";
import { BIG_CATEGORY } from "./seed";

export interface StatementCount {
  name: string;
  /** For 5, 20 and 100 items; null where the scenario has no page size (then one count is repeated). */
  counts: Array<number | null>;
  constant: boolean;
}

export async function statementsPerScenario(databaseUrl: string, refs: { deepCursor: string; articleSlug: string }): Promise<StatementCount[]> {
  let statements = 0;
  // Buffered views are flushed only on close, never by a timer in the middle of a
  // counted request (the statements of a flush are not the request's).
  const app = await createApp(testConfig({ DATABASE_URL: databaseUrl, SEED_DEMO: false, RESPONSE_CACHE: false }), {
    onQuery: () => statements++,
    flushCountersOnTimer: false,
  });
  const yoga = createPortalYoga(app);
  try {
    const editor = await app.db.user.findFirstOrThrow({ where: { role: "EDITOR" }, orderBy: { id: "asc" } });
    const { token } = await app.tokens.issue({ userId: editor.id, tokenVersion: editor.tokenVersion });
    const count = async (operation: string, variables: Record<string, unknown>, auth = false) => {
      statements = 0;
      const response = await yoga.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(auth && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query: contractOperation(operation), operationName: operation, variables }),
      });
      const body = (await response.json()) as { errors?: Array<{ message: string }> };
      if (body.errors) return { n: statements, error: body.errors[0]!.message };
      return { n: statements, error: null };
    };
    const sizes = [5, 20, 100];
    const result: StatementCount[] = [];
    const add = (name: string, counts: number[]) => result.push({ name, counts, constant: counts.every((c) => c === counts[0]) });

    add("HomePage", [(await count("HomePage", {})).n]);
    const perSize = async (operation: string, vars: (n: number) => Record<string, unknown>, auth = false) => {
      const counts: number[] = [];
      for (const n of sizes) {
        const r = await count(operation, vars(n), auth);
        if (r.error) throw new Error(`${operation} (${n}): ${r.error}`);
        counts.push(r.n);
      }
      return counts;
    };
    add("CategoryPage", await perSize("CategoryPage", (n) => ({ slug: BIG_CATEGORY, first: n })));
    add("CategoryPage (deep)", await perSize("CategoryPage", (n) => ({ slug: BIG_CATEGORY, first: n, after: refs.deepCursor })));
    add("ArticlePage", [(await count("ArticlePage", { slug: refs.articleSlug })).n]);
    const search = await count("SearchArticles", { query: "kien tuong", first: 5 });
    if (!search.error) add("SearchArticles", await perSize("SearchArticles", (n) => ({ query: "kien tuong", first: n })));
    add("EditorArticles", await perSize("EditorArticles", (n) => ({ first: n }), true));
    return result;
  } finally {
    await closeApp(app);
  }
}
