// The GraphQL-over-HTTP spec audits of the graphql-http package, against /graphql.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { serverAudits } from "graphql-http";
import { createTestApp, type TestApp } from "./support/app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("GraphQL over HTTP", () => {
  for (const audit of serverAudits({
    url: "http://portal.test/graphql",
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => (t.yoga.fetch as (url: string, init?: RequestInit) => Promise<Response>)(String(input), init),
  })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect({ status: result.status, reason: "reason" in result ? result.reason : undefined }).toEqual({
        status: "ok",
        reason: undefined,
      });
    });
  }
});
