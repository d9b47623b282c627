// The tests that need a Redis server (REDIS_URL, default redis://127.0.0.1:6379):
// several instances sharing one buffer. `npm run test:redis`; `npm test` runs none of them.
import base from "./jest.config.js";

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ["**/*.redis.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  maxWorkers: 1,
};
