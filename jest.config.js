// Tests run as native ES modules (node --experimental-vm-modules), transpiled by SWC;
// types are checked separately by `npm run typecheck`. One project per suite;
// TEST_SUITE picks one (the npm scripts set it): `npm test` (sqlite, the default),
// `npm run test:postgres`, `npm run test:redis` (what needs PostgreSQL and Redis:
// several server processes sharing both, the Redis buffers, both failing under a
// running server). Paths after `--` narrow any of them to some files.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const rootDir = dirname(fileURLToPath(import.meta.url));
const MULTI_INSTANCE = "<rootDir>/tests/multi-instance/";
const REDIS = "\\.redis\\.test\\.ts$";

const project = {
  rootDir,
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
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
};

/** @type {import('jest').Config} */
export default {
  rootDir,
  globalSetup: "<rootDir>/tests/global-setup.ts",
  globalTeardown: "<rootDir>/tests/global-teardown.ts",
  // A guard against a hung test, not a measure of speed: on a loaded machine (CI,
  // another suite running beside) the heaviest cases take several times longer.
  testTimeout: 120_000,
  maxWorkers: 2,
  // A worker that has run several files tears down a large heap (each file loads
  // the app's module graph anew, Prisma's WebAssembly included) after its last
  // test: on a busy machine that alone can outlast jest's default 500 ms and read
  // as "failed to exit gracefully", though nothing is left open by then. A
  // handle that really stays open still shows past this.
  workerGracefulExitTimeout: 5000,
  projects: suite(process.env.TEST_SUITE ?? "sqlite", [
    // Everything that needs no Redis, on SQLite (or on TEST_DATABASE_URL).
    { ...project, displayName: "sqlite", testMatch: ["**/*.test.ts"], testPathIgnorePatterns: ["/node_modules/", MULTI_INSTANCE, REDIS] },
    // The same on PostgreSQL, less what only concerns SQLite.
    {
      ...project,
      displayName: "postgres",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", MULTI_INSTANCE, REDIS, "\\.sqlite\\.test\\.ts$"],
    },
    { ...project, displayName: "redis", testMatch: ["**/tests/multi-instance/**/*.test.ts", "**/*.redis.test.ts"] },
  ]),
};

function suite(name, projects) {
  const chosen = projects.filter((p) => p.displayName === name);
  if (chosen.length === 0) throw new Error(`TEST_SUITE=${name}: expected one of ${projects.map((p) => p.displayName).join(", ")}`);
  return chosen;
}
