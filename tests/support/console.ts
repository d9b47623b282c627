// The editors' console (/admin) under test: the console built as `npm start`
// builds it, a real server process (`src/server.ts`) on SQLite or, under
// `npm run test:postgres`, PostgreSQL, with an administrator and the given users,
// and a headless Chromium (./browser.ts) whose pages reach nothing but this server.
// Shared by the console's browser tests; each file starts its own.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Role } from "../../src/db/client";
import { launchBrowser } from "./browser";
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { CreateUserDocument, LoginDocument } from "../../clients/generated/graphql";
import { createPostgresDatabase } from "./app";
import { httpGql, startServer, tempDataDir, type RunningServer } from "./processes";

/** Where the console's tests write their screenshots (the documentation shows them). */
export const SCREENSHOTS = join(process.cwd(), "docs", "screenshots");
/** The administrator the server creates at its first start (ADMIN_EMAIL, ADMIN_PASSWORD). */
export const CONSOLE_ADMIN = { email: "quantri@kientuong.gov.vn", password: "Quan-tri-2026-an-toan" };
/** The password of every user created by `startConsole`. */
export const CONSOLE_PASSWORD = "Mat-khau-thu-nghiem-2026";

export interface ConsoleUser {
  email: string;
  name: string;
  role: Role;
}

/** The variables and token of `api`: the variables may be left out when the operation has no required one. */
type ApiArguments<V> = Record<string, never> extends V ? [variables?: V, token?: string] : [variables: V, token?: string];

export interface ConsoleServer {
  /** The server's base address (http://127.0.0.1:<port>). */
  url: string;
  /** A token of the administrator. */
  adminToken: string;
  /** One contract operation over HTTP (a typed document of clients/generated); its data, or a thrown error with its message and code. */
  api<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, ...args: ApiArguments<NoInfer<V>>): Promise<R>;
  /**
   * A page in a context of its own (a user of its own), in Vietnamese and the site's
   * time zone. A request to another origin is refused and recorded (`offsite`), a
   * Content-Security-Policy report too (`cspViolations`). `acceptDialogs`: the
   * browser's confirmations are answered yes (otherwise dismissed).
   */
  newPage(options?: { acceptDialogs?: boolean }): Promise<Page>;
  /** Signs in through the sign-in screen and waits for the articles list. */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  offsite: string[];
  cspViolations: string[];
  /** Closes the browser and the server, and drops the PostgreSQL database. */
  close(): Promise<void>;
}

/** Builds the console, starts the server with the given users and the browser. */
export async function startConsole(users: ConsoleUser[]): Promise<ConsoleServer> {
  // What `npm start` does first: build the console when its sources changed.
  execFileSync(process.execPath, ["--import", "tsx", "scripts/admin-build.ts"], { stdio: "pipe", timeout: 240_000 });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const data = tempDataDir({ migrated: true });
  let databaseUrl = data.databaseUrl;
  let dropDatabase = async () => {};
  const pgServer = process.env.TEST_DATABASE_URL;
  if (pgServer && /^postgres(ql)?:\/\//i.test(pgServer)) ({ url: databaseUrl, drop: dropDatabase } = await createPostgresDatabase(pgServer));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const close = async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    await dropDatabase();
  };
  try {
    server = await startServer({
      DATABASE_URL: databaseUrl,
      DATA_DIR: data.dir,
      ADMIN_EMAIL: CONSOLE_ADMIN.email,
      ADMIN_PASSWORD: CONSOLE_ADMIN.password,
      ADMIN_NAME: "Quản trị viên",
      GRAPHIQL: "false",
      // Every page of every user comes from one loopback address here.
      RATE_LIMIT_REQUESTS: "0",
      LOGIN_LIMIT_PER_ADDRESS: "0",
      LOGIN_LIMIT_PER_ACCOUNT: "0",
      VISIT_LIMIT_PER_ADDRESS: "0",
      VIEW_LIMIT_PER_ADDRESS_ARTICLE: "0",
    });
    const url = server.url;
    const api: ConsoleServer["api"] = async (document, ...[variables, token]) => {
      const { body } = await httpGql(url, print(document), variables ?? {}, token);
      if (body.errors?.length) throw new Error(`${body.errors[0]!.message} (${body.errors[0]!.extensions?.code})`);
      return body.data;
    };
    const adminToken = (await api(LoginDocument, CONSOLE_ADMIN)).login.token;
    for (const user of users) {
      await api(CreateUserDocument, { input: { email: user.email, name: user.name, password: CONSOLE_PASSWORD, role: user.role } }, adminToken);
    }
    const started = await launchBrowser();
    browser = started;
    const offsite: string[] = [];
    const cspViolations: string[] = [];
    return {
      url,
      adminToken,
      api,
      offsite,
      cspViolations,
      close,
      newPage: async (options = {}) => {
        const context = await started.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
        contexts.push(context);
        // Nothing may come from outside: the console is served whole by this server.
        await context.route("**/*", (route) => {
          const target = route.request().url();
          if (target.startsWith(url) || target.startsWith("data:") || target.startsWith("blob:")) return route.continue();
          offsite.push(target);
          return route.abort();
        });
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        page.on("console", (message) => {
          if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
        });
        if (options.acceptDialogs) page.on("dialog", (dialog) => void dialog.accept());
        return page;
      },
      signIn: async (page, email, password = CONSOLE_PASSWORD) => {
        await page.goto(`${url}/admin/`);
        await page.getByLabel("Thư điện tử").fill(email);
        await page.getByLabel("Mật khẩu").fill(password);
        await page.getByRole("button", { name: "Đăng nhập" }).click();
        await page.getByRole("heading", { level: 1, name: "Bài viết" }).waitFor();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const axeSource = readFileSync(join(process.cwd(), "node_modules", "axe-core", "axe.min.js"), "utf8");

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is; the serious and critical findings. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  )) as { violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
}

/** A screenshot into docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = false) {
  // Caret blink and hover states would make the pictures differ from run to run.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, caret: "hide", animations: "disabled" });
}
