// ESLint: TypeScript-aware rules for the server, tests, scripts and console, and
// GraphQL-aware rules for the contract's operations (checked against the schema).
// `npm run lint`; `npm run check` runs it with the type checks and Prettier.
import js from "@eslint/js";
import graphqlPlugin from "@graphql-eslint/eslint-plugin";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "data/",
      "coverage/",
      "src/generated/",
      "clients/generated/",
      "admin/src/gql/",
      "admin/dist/",
      "admin/dist.*/",
      "prisma/migrations/",
    ],
  },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks what is left out on purpose (`{ password: _, ...rest }`).
      // The text checks name the control characters they refuse, on purpose.
      "no-control-regex": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests and benchmarks read GraphQL answers of operations called by name as untyped JSON.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["admin/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.{js,mjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["schema/operations/*.graphql"],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: "schema/schema.graphql", documents: "schema/operations/*.graphql" } },
    },
    plugins: { "@graphql-eslint": graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs["flat/operations-recommended"].rules,
      // The operations are the clients' own, as they send them: the server
      // cannot ask them to select `id` where their caches do not need it.
      "@graphql-eslint/require-selections": "off",
    },
  },
);
