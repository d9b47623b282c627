// Recording a view as a client at a given address and with a phone's user agent.
import { expect } from "@jest/globals";
import type { GraphQLResponse, TestApp } from "./app";
import { contractOperation } from "./contract";

const RECORD_VIEW = contractOperation("RecordArticleView");
const PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

export async function recordView(t: TestApp, articleId: string, visitorId: string | undefined, address: string) {
  const response = await t.yoga.fetch(
    "http://portal.test/graphql",
    {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", "user-agent": PHONE },
      body: JSON.stringify({ query: RECORD_VIEW, variables: { articleId, visitorId } }),
    },
    { clientAddress: address },
  );
  const body = (await response.json()) as GraphQLResponse;
  expect(body.errors).toBeUndefined();
  return body.data!.recordArticleView.viewCount as number;
}
