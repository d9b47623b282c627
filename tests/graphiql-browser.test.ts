// GraphiQL in a real headless Chromium (tests/support/browser.ts: Debian's package or
// the one @sparticuz/chromium carries), served by the server itself with no internet: open it, run the preloaded
// HomePage operation, see the demo article in the result pane.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { createTestApp, type TestApp } from "./support/app";
import { launchBrowser } from "./support/browser";

let t: TestApp;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  server = createServer((req, res) => t.yoga.handle(req, res, {}));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

describe("GraphiQL", () => {
  it("runs the preloaded HomePage operation offline", async () => {
    // GraphiQL's editors only render the lines in view: a tall window shows the whole result.
    const page = await browser.newPage({ viewport: { width: 1400, height: 7000 } });
    const offsite: string[] = [];
    // Nothing may come from outside: a government intranet has no internet.
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    await page.goto(`${base}/graphql`, { headers: { accept: "text/html" } } as never);
    const editor = page.locator(".graphiql-query-editor");
    await editor.waitFor({ timeout: 20_000 });
    expect(await editor.innerText()).toMatch(/query\s+HomePage/);
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window");
    // The editor draws spaces as no-break spaces and wraps long lines.
    const shown = async () => (await result.innerText()).replace(/\s+/g, " ");
    await page.waitForFunction(() => document.querySelector(".result-window")?.textContent?.replace(/\s+/g, " ").includes("Hoài Phương"), null, {
      timeout: 20_000,
    });
    const text = await shown();
    expect(text).toContain('"byline": "Hoài Phương"');
    expect(text).toContain('"viewCount": 157');
    expect(text).toContain('"totalVisits": 258179');
    expect(text).toMatch(/Kiến Tường: Thực hiện đạt và vượt/);
    expect(offsite).toEqual([]);
    await page.close();
  });
});
