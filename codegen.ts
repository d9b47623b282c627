// GraphQL Code Generator: typed documents, checked against schema/schema.graphql.
// - tests/generated/: the contract operations kept in schema/operations, used by the tests;
// - admin/src/gql/: the editors' console's own operations, written with graphql() in its
//   source, as typed document strings (no GraphQL parser is shipped to the browser).
// `npm run codegen` writes them; the test suite fails when they are stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const scalars = { DateTime: "string", Date: "string", File: "File", ID: "string" };

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  generates: {
    "tests/generated/": {
      documents: ["schema/operations/*.graphql"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
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
