// The tests that need the Redis and PostgreSQL servers: several server processes
// sharing one database, one event bus and one counter buffer. `npm run test:redis`;
// `npm test` runs none of them.
import base from "./jest.config.js";

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ["**/tests/multi-instance/**/*.test.ts", "**/*.redis.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  maxWorkers: 1,
};
