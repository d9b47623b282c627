import { createTestApp } from "../tests/support/app";
import { contractOperation } from "../tests/support/contract";
const t = await createTestApp();
for (const name of ["HomePage", "MobileFeed"]) {
  const q = contractOperation(name);
  const s = Date.now();
  for (let i = 0; i < 20; i++) await t.yoga.fetch("http://x/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: q, variables: { first: 20 } }) }).then((r) => r.text());
  console.log(name, (Date.now() - s) / 20, "ms");
}
await t.close();
