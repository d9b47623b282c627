// GraphQL Code Generator: typed documents for the contract operations kept in
// schema/operations (a copy of ../shared/contract), used by the tests.
// `npm run codegen` writes them; the test suite fails when they are stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["schema/operations/*.graphql"],
  generates: {
    "tests/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
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
