// Prints the depth, cost, tokens and length of every contract operation, as the
// query limits measure them (docs/security.md): the defaults leave room above these.
// Run: npx tsx scripts/query-costs.ts
import { readFileSync } from "node:fs";
import { parse, validate, buildSchema, Lexer, Source, TokenKind } from "graphql";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { loadTrustedDocuments } from "../src/plugins/security/trusted-documents";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));
const docs = loadTrustedDocuments("schema/operations", "clients/generated/persisted-documents.json");
for (const name of Object.keys(docs.manifest)) {
  const text = docs.byId.get(name)!;
  let cost = 0,
    depth = 0;
  validate(schema, parse(text), [
    costLimitRule({ maxCost: 1e9, onAccept: [(_c, d) => (cost = d.n)] }),
    maxDepthRule({ n: 1000, onAccept: [(_c, d) => (depth = d.n)] }),
  ]);
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  console.log(name.padEnd(24), "cost", cost, "depth", depth, "tokens", tokens, "len", text.length);
}
