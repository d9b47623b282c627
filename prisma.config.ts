// The Prisma command line on driver adapters and the WebAssembly engines, so
// nothing is downloaded (DESIGN.md §1). The variant follows DATABASE_URL.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { parseDatabaseUrl } from "./src/db/url";

const target = parseDatabaseUrl(process.env.DATABASE_URL || undefined);
process.env.DATABASE_URL = target.url;
const variant = target.provider;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${variant}/schema.prisma`,
  migrations: { path: `prisma/${variant}/migrations` },
  async adapter() {
    if (target.provider === "postgres") return new PrismaPg({ connectionString: target.url });
    if (target.file !== ":memory:") mkdirSync(dirname(target.file), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.file });
  },
});
