import { createTestApp } from "../tests/support/app";
const t = await createTestApp();
const body = `{"query": "{ site { name } }", "variables": {"v": ${"[".repeat(50_000)}${"]".repeat(50_000)}}}`;
const r = await t.yoga.fetch("http://x/graphql", { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json" }, body });
console.log(r.status, (await r.text()).slice(0, 300));
await t.close();
