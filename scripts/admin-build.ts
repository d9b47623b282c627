// Builds the editors' console (admin/) into admin/dist when its sources changed
// since the last build: `npm start` runs it first (prestart), so a fresh clone
// needs no third command. The sources' fingerprint (file contents, not times,
// which a clone does not keep) is kept in admin/dist/.source-hash.
//   tsx scripts/admin-build.ts           build if stale
//   tsx scripts/admin-build.ts --force   build anyway
// A build goes to a temporary folder first: a running server never serves half of one.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const adminDir = join(root, "admin");
export const ADMIN_DIST = join(adminDir, "dist");
const STAMP = ".source-hash";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !(dir === adminDir && (e.name === "dist" || e.name.startsWith("dist."))))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** What the build depends on: the console's sources and the installed versions of its packages. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of files(adminDir)) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages?: Record<string, { version?: string }> };
  for (const [name, entry] of Object.entries(lock.packages ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.startsWith("node_modules/")) hash.update(`${name}@${entry.version}\n`);
  }
  return hash.digest("hex");
}

export function isBuilt(): boolean {
  const stamp = join(ADMIN_DIST, STAMP);
  return existsSync(stamp) && readFileSync(stamp, "utf8").trim() === sourceHash();
}

export async function buildAdmin(options: { force?: boolean; quiet?: boolean } = {}): Promise<"built" | "fresh"> {
  const hash = sourceHash();
  const stamp = join(ADMIN_DIST, STAMP);
  if (!options.force && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash) return "fresh";
  const out = `${ADMIN_DIST}.${process.pid}-${Date.now()}`;
  const { build } = await import("vite");
  try {
    await build({
      configFile: join(adminDir, "vite.config.ts"),
      root: adminDir,
      logLevel: options.quiet ? "error" : "warn",
      build: { outDir: out, emptyOutDir: true },
    });
    writeFileSync(join(out, STAMP), `${hash}\n`);
    const old = `${ADMIN_DIST}.old-${process.pid}-${Date.now()}`;
    if (existsSync(ADMIN_DIST)) renameSync(ADMIN_DIST, old);
    renameSync(out, ADMIN_DIST);
    rmSync(old, { recursive: true, force: true });
  } finally {
    if (existsSync(out) && statSync(out).isDirectory()) rmSync(out, { recursive: true, force: true });
  }
  return "built";
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildAdmin({ force: process.argv.includes("--force") }).then(
    (outcome) => {
      if (outcome === "built") console.log(`Editors' console built into admin/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      else console.log("Editors' console: admin/dist is up to date");
    },
    (error: unknown) => {
      console.error(`The editors' console could not be built: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
