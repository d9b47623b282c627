// A headless Chromium for browser tests, driven by playwright-core. Debian's
// `chromium` package when it is installed (or CHROMIUM_PATH), otherwise the
// Chromium build that the @sparticuz/chromium npm package carries in its
// tarball, unpacked once per machine: `npm install && npm test` needs nothing
// else, and no test tool ever downloads a browser of its own.
// TEST_BROWSER=bundled forces the npm-carried build (CI runs both).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/** Flags for a test browser that must never reach the internet. */
const QUIET = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const DEBIAN = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export interface BrowserChoice {
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
  /** "debian" (a system package or CHROMIUM_PATH) or "bundled" (@sparticuz/chromium). */
  source: "debian" | "bundled";
}

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Unpacks @sparticuz/chromium's browser into a folder of its own (one per package
 * version), once: concurrent test workers wait on a lock directory instead of
 * racing, and a marker file says the unpacking finished.
 */
async function bundledChromium(): Promise<BrowserChoice> {
  const require = createRequire(import.meta.url);
  // The package exports no package.json: read it beside its entry point (build/index.js).
  const entry = require.resolve("@sparticuz/chromium");
  const manifest = join(dirname(entry), "..", "package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  const dir = join(tmpdir(), `portal-chromium-${version}`);
  const ready = join(dir, ".ready");
  const lock = `${dir}.lock`;
  const choice = (): BrowserChoice => ({
    executablePath: readFileSync(ready, "utf8"),
    args: [...sparticuzArgs, ...QUIET],
    // The machine's fonts and the package's own (Open Sans, Vietnamese included).
    env: { FONTCONFIG_FILE: join(dir, "fonts.conf") },
    source: "bundled",
  });
  // Not the package's own flags: they are made for AWS Lambda (--single-process,
  // which breaks a second page; --disable-web-security, which would hide what the
  // console's Content-Security-Policy refuses). No sandbox: CI runs as root.
  const sparticuzArgs = ["--disable-setuid-sandbox", "--disable-dev-shm-usage"];
  if (existsSync(ready)) return choice();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(ready)) return choice();
      // A lock left by a killed process: nothing unpacks for two minutes.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (!existsSync(ready)) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      // The package unpacks into os.tmpdir(): a child process with TMPDIR set to our
      // folder (a test sandbox's process.env does not reach node:os).
      const { stdout } = await run(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const { default: c } = await import(${JSON.stringify(pathToFileURL(entry).href)}); process.stdout.write(await c.executablePath());`,
        ],
        { env: { ...process.env, TMPDIR: dir }, maxBuffer: 1 << 20 },
      );
      // The package's fonts.conf names Lambda's folders: one of ours instead.
      writeFileSync(
        join(dir, "fonts.conf"),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
          `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
          `  <dir>${join(dir, "fonts", "fonts")}</dir>\n  <cachedir>${join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
      );
      writeFileSync(ready, stdout.trim());
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return choice();
}

/** Which Chromium the browser tests use on this machine, unpacking the bundled one if needed. */
export async function findChromium(): Promise<BrowserChoice> {
  const wanted = process.env.TEST_BROWSER ?? "auto";
  if (wanted !== "bundled") {
    const system = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : DEBIAN;
    const found = system.find((path) => existsSync(path));
    if (found) return { executablePath: found, args: QUIET, source: "debian" };
    if (wanted === "debian") throw new Error(`TEST_BROWSER=debian but no Chromium at ${system.join(", ")}`);
  }
  return bundledChromium();
}

/** Launches the test browser (see findChromium); close it in afterAll. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const choice = await findChromium();
  return chromium.launch({
    ...options,
    executablePath: choice.executablePath,
    args: [...choice.args, ...(options.args ?? [])],
    env: { ...process.env, ...choice.env, ...options.env } as Record<string, string>,
  });
}
