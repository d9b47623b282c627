// Generated files are committed and must match their sources: the printed SDL,
// the provider variants of the Prisma schema, their migrations, and the typed documents.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "@jest/globals";

const run = promisify(execFile);
// Each check as `npx <command>` would run it, on this Node, without npx's own start-up.
const tsx = (script: string) => ["--import", "tsx", script];
const check = async (args: string[]) => {
  try {
    await run(process.execPath, args, { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: "file::memory:" } });
    return "fresh";
  } catch (error) {
    return `stale: ${(error as { stderr?: string }).stderr?.trim().split("\n").slice(-3).join(" ")}`;
  }
};

describe("generated files", () => {
  it("schema/schema.graphql is the printed Pothos schema", async () => {
    expect(await check([...tsx("scripts/print-schema.ts"), "--check"])).toBe("fresh");
  });
  it("the Prisma provider variants match prisma/schema.base.prisma", async () => {
    expect(await check([...tsx("scripts/prisma-variants.ts"), "--check"])).toBe("fresh");
  });
  it("the typed documents of the contract operations match the schema (codegen)", async () => {
    expect(await check(["node_modules/.bin/graphql-codegen", "--config", "codegen.ts", "--check"])).toBe("fresh");
  });
  it("docs/clients.md quotes the client recipes as they are", async () => {
    expect(await check([...tsx("scripts/docs-snippets.ts"), "--check"])).toBe("fresh");
  });
  it("every schema change has its migration, for both providers", async () => {
    expect(await check([...tsx("scripts/db-migration.ts"), "--check"])).toBe("fresh");
  });
});
