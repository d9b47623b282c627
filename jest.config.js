// Tests run as native ES modules (node --experimental-vm-modules), transpiled by SWC;
// types are checked separately by `npm run typecheck`.
/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // Tests that need Redis (and PostgreSQL) run with `npm run test:redis` (jest.redis.config.js).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/multi-instance/", "\\.redis\\.test\\.ts$"],
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript" }, target: "es2022" },
        module: { type: "es6" },
      },
    ],
  },
  globalSetup: "<rootDir>/tests/global-setup.ts",
  globalTeardown: "<rootDir>/tests/global-teardown.ts",
  testTimeout: 30000,
  maxWorkers: 2,
};
