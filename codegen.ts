// GraphQL Code Generator: typed documents for the contract operations kept in
// schema/operations, used by the tests and the client recipes (clients/,
// docs/clients.md), and the persisted-documents manifest of those operations
// (clients/generated/persisted-documents.json: "sha256:<hex>" → document), which
// the server loads as its trusted documents. `npm run codegen` writes them; the
// test suite fails when they are stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["schema/operations/*.graphql"],
  generates: {
    "clients/generated/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // Each typed document carries its id (document.__meta__.hash); the text stays, so
        // a client can fall back to sending it.
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", File: "File", ID: "string" },
      },
    },
  },
  hooks: { afterOneFileWrite: [] },
};

export default config;
