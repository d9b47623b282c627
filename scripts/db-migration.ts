// Makes a migration for both providers from the change to prisma/schema.base.prisma.
//   npm run db:migration -- <name>     write prisma/<variant>/migrations/<stamp>_<name>
//   npm run db:migration -- --check    exit 1 when the schema has changes no migration holds
// Each variant keeps `schema.migrated.prisma`, the schema its migrations produce, and
// the new migration is the difference from it (prisma migrate diff, no database needed).
// Hand-written SQL (full-text indexes, triggers) is appended to a migration by hand.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const name = args.find((a) => !a.startsWith("--"));
if (!check && !name?.match(/^[a-z0-9_]+$/)) {
  console.error("usage: npm run db:migration -- <name in snake_case> | --check");
  process.exit(2);
}
// Both commands on this Node, without npx's start-up: tsx, and Prisma's command line.
execFileSync(process.execPath, ["--import", "tsx", join(root, "scripts/prisma-variants.ts"), ...(check ? ["--check"] : [])], { stdio: "inherit" });
const prisma = createRequire(import.meta.url).resolve("prisma/build/index.js");

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
let pending = false;
for (const variant of ["sqlite", "postgres"]) {
  const dir = join(root, "prisma", variant);
  const snapshot = join(dir, "schema.migrated.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(process.execPath, [prisma, "migrate", "diff", ...from, "--to-schema-datamodel", join(dir, "schema.prisma"), "--script"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "file::memory:" },
  });
  if (!/^\s*(CREATE|ALTER|DROP|PRAGMA|INSERT|UPDATE|DELETE)/im.test(sql)) continue;
  pending = true;
  if (check) {
    console.error(`prisma/${variant}: the schema has changes that no migration holds: npm run db:migration -- <name>`);
    continue;
  }
  const folder = join(dir, "migrations", `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), sql);
  copyFileSync(join(dir, "schema.prisma"), snapshot);
  console.log(`wrote ${folder}/migration.sql`);
}
process.exit(check && pending ? 1 : 0);
