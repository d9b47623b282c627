// GraphQL Code Generator: typed documents, checked against schema/schema.graphql.
// - clients/generated/: the contract operations kept in schema/operations, used by
//   the tests and the client recipes (clients/recipes, docs/clients.md), and the
//   persisted-documents manifest of those operations (persisted-documents.json:
//   "sha256:<hex>" → document), which the server loads as its trusted documents;
// - admin/src/gql/: the editors' console's own operations, written with graphql() in its
//   source, as typed document strings (no GraphQL parser is shipped to the browser).
// `npm run codegen` writes them; the test suite fails when they are stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const scalars = { DateTime: "string", Date: "string", File: "File", ID: "string" };

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  generates: {
    "clients/generated/": {
      documents: ["schema/operations/*.graphql"],
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // Each typed document carries its id (document.__meta__.hash); the text stays, so
        // a client can fall back to sending it.
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
    },
    "admin/src/gql/": {
      documents: ["admin/src/**/*.{ts,tsx}", "!admin/src/gql/**"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { documentMode: "string", useTypeImports: true, enumsAsTypes: true, scalars },
    },
  },
  hooks: { afterOneFileWrite: [] },
};

export default config;
