// The editors' console (/admin) in a real headless Chromium against a real server
// process (tests/support/console.ts: `src/server.ts` as `npm start` runs it, on
// SQLite or, under `npm run test:postgres`, PostgreSQL).
// The newsroom's day, end to end: a contributor writes an article with an image
// and submits it; an approver rejects it with a comment; the contributor sees the
// comment, fixes it and resubmits; the approver approves and the portal's HomePage
// shows it. Then two editors save at once (CONFLICT, nothing lost), a READER sees
// no editing control, sign-in works with the keyboard alone, and axe-core finds
// no serious or critical violation on the list, editor and approval screens.
// Screenshots of the main screens are written to docs/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Page, WebSocketRoute } from "playwright-core";
import { ArticleHistoryDocument, HomePageDocument, LoginDocument, RecordSiteVisitDocument } from "../clients/generated/graphql";
import { selected } from "./support/app";
import { CONSOLE_PASSWORD as PASSWORD, screenshot, seriousViolations, startConsole, type ConsoleServer } from "./support/console";
import { png } from "./support/media-files";

const TITLE = "Thị xã Kiến Tường khánh thành cầu Rạch Chanh";

let server: ConsoleServer;
const users = {
  contributor: { email: "ctv@kientuong.gov.vn", name: "Nguyễn Văn Cộng", role: "CONTRIBUTOR" },
  approver: { email: "duyet@kientuong.gov.vn", name: "Trần Thị Duyệt", role: "APPROVER" },
  editor: { email: "bientap@kientuong.gov.vn", name: "Lê Biên Tập", role: "EDITOR" },
  reader: { email: "docgia@kientuong.gov.vn", name: "Phạm Độc Giả", role: "READER" },
} as const;

/** The editor's body (Tiptap): a contenteditable textbox named by its label. */
const body = (page: Page) => page.getByRole("textbox", { name: "Nội dung" });

let contributorPage: Page;
let approverPage: Page;

beforeAll(async () => {
  server = await startConsole(Object.values(users));
}, 300_000);

afterAll(() => server?.close());

describe("the editors' console", () => {
  it("is served at /admin with a strict Content-Security-Policy", async () => {
    const response = await fetch(`${server.url}/admin/articles`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = await response.text();
    // No inline script: every <script> has a src on this origin.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc="\/admin\/)[^>]*>/);
    expect((await fetch(`${server.url}/admin/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/admin/assets/missing.js`)).status).toBe(404);
  });

  it("signs in with the keyboard alone", async () => {
    contributorPage = await server.newPage();
    const page = contributorPage;
    await page.goto(`${server.url}/admin/`);
    await page.getByRole("heading", { level: 1, name: "Đăng nhập" }).waitFor();
    await screenshot(page, "dang-nhap");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("email");
    await page.keyboard.type(users.contributor.email);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("password");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Bài viết" }).waitFor();
    expect(await page.getByRole("link", { name: new RegExp(`Tài khoản: ${users.contributor.name}`) }).count()).toBe(1);
    // Focus moves to the new page's heading, so a screen reader announces where the user is.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Bài viết");
  });

  it("a contributor writes an article with an image and submits it with a comment", async () => {
    const page = contributorPage;
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "danh-sach-bai-viet");
    await page.getByRole("link", { name: "Viết bài mới" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Viết bài mới" }).waitFor();
    await page.getByRole("textbox", { name: "Tiêu đề", exact: true }).fill(TITLE);
    await page.getByLabel("Tóm tắt").fill("Cây cầu nối hai bờ kênh Rạch Chanh đưa vào sử dụng sau 18 tháng thi công.");
    await body(page).click();
    await page.keyboard.type("Sáng nay, UBND thị xã tổ chức lễ khánh thành cầu Rạch Chanh.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Cầu dài 120 mét, rộng 7 mét.");
    await page.getByLabel("Loại bài viết").fill("Tin");
    await page.getByLabel("Số Trang").fill("2");
    await page.getByLabel("Tác giả").fill("Hoài Phương");
    await page.getByLabel("Tin nổi bật").check();
    const cover = page.getByRole("group", { name: "Tải ảnh đại diện" });
    await cover.getByLabel("Chọn tệp").setInputFiles({ name: "cau-rach-chanh.png", mimeType: "image/png", buffer: png(320, 200) });
    await cover.getByLabel("Chú thích (mô tả ảnh)").fill("Cầu Rạch Chanh ngày khánh thành");
    await cover.getByRole("button", { name: "Tải lên" }).click();
    await page.getByRole("img", { name: "Cầu Rạch Chanh ngày khánh thành" }).waitFor();
    const gallery = page.getByRole("group", { name: "Thêm ảnh hoặc video" });
    await gallery.getByLabel("Chọn tệp").setInputFiles({ name: "le-cat-bang.png", mimeType: "image/png", buffer: png(300, 200) });
    await gallery.getByLabel("Chú thích (mô tả ảnh)").fill("Lễ cắt băng");
    await gallery.getByRole("button", { name: "Tải lên" }).click();
    await page.getByRole("list", { name: "Thư viện ảnh/video" }).getByText("le-cat-bang.png").waitFor();
    await page.getByLabel("Ghi chú phiên bản").fill("Bản đầu tiên");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu phiên bản 0.1.").waitFor();
    await page.getByRole("heading", { level: 1, name: `Sửa bài viết: ${TITLE}` }).waitFor();
    expect(await page.getByLabel("Số Ảnh").inputValue()).toBe("1");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "soan-bai", true);

    await page.getByRole("button", { name: "Gửi duyệt" }).click();
    const dialog = page.getByRole("dialog", { name: "Gửi duyệt" });
    await dialog.getByLabel("Lời nhắn cho người phê duyệt").fill("Nhờ chị duyệt giúp tin khánh thành cầu.");
    await dialog.getByRole("button", { name: "Gửi", exact: true }).click();
    await page.getByText("Đã gửi phiên bản 0.1 đi phê duyệt.").waitFor();
    await expect(page.locator(".meta .status").textContent()).resolves.toBe("Chờ phê duyệt");
  });

  it("an approver rejects it with a comment", async () => {
    approverPage = await server.newPage();
    const page = approverPage;
    await server.signIn(page, users.approver.email);
    await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Phê duyệt" }).click();
    await page.getByRole("heading", { level: 1, name: "Phê duyệt" }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(TITLE) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Nhờ chị duyệt giúp tin khánh thành cầu.");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "hang-doi-phe-duyet");
    await row.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { level: 1, name: `Phê duyệt: ${TITLE}` }).waitFor();
    await page.getByText("Cầu dài 120 mét, rộng 7 mét.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "phe-duyet-bai", true);
    // Rejecting needs a reason.
    await page.getByRole("button", { name: "Từ chối" }).click();
    await page.getByText("Hãy ghi lý do từ chối để người viết sửa.").waitFor();
    await page.getByLabel("Ý kiến").fill("Cần ghi rõ tổng vốn đầu tư của công trình.");
    await page.getByRole("button", { name: "Từ chối" }).click();
    await page.getByText(`Đã từ chối “${TITLE}” (phiên bản 0.1).`).waitFor();
    await page.getByText("Không có bài viết nào chờ phê duyệt.").waitFor();
  });

  it("the contributor sees the comment, fixes the article and resubmits it", async () => {
    const page = contributorPage;
    await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Bài viết" }).click();
    await page.getByLabel("Trạng thái").selectOption("REJECTED");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.getByRole("link", { name: TITLE }).click();
    const rejection = page.getByRole("region", { name: "Bài viết bị từ chối" });
    await rejection.waitFor();
    expect(await rejection.textContent()).toContain("Cần ghi rõ tổng vốn đầu tư của công trình.");
    expect(await rejection.textContent()).toContain(users.approver.name);
    await body(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Tổng vốn đầu tư 25 tỷ đồng từ ngân sách tỉnh.");
    await page.getByRole("button", { name: "Gửi duyệt" }).click();
    const dialog = page.getByRole("dialog", { name: "Gửi duyệt" });
    await dialog.getByText("Thay đổi chưa lưu sẽ được lưu trước khi gửi.").waitFor();
    await dialog.getByLabel("Lời nhắn cho người phê duyệt").fill("Đã bổ sung vốn đầu tư.");
    await dialog.getByRole("button", { name: "Gửi", exact: true }).click();
    await page.getByText("Đã gửi phiên bản 0.2 đi phê duyệt.").waitFor();
  });

  it("the approver approves it and the portal's HomePage shows it", async () => {
    const page = approverPage;
    await page.reload();
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByText("Tổng vốn đầu tư 25 tỷ đồng từ ngân sách tỉnh.").waitFor();
    await page.getByLabel("Ý kiến").fill("Đồng ý đăng.");
    await page.getByRole("button", { name: "Phê duyệt", exact: true }).click();
    await page.getByText(`Đã phê duyệt và xuất bản “${TITLE}” (phiên bản 1.0).`).waitFor();

    const home = await server.api(HomePageDocument);
    const titles = JSON.stringify(home);
    expect(titles).toContain(TITLE);
  });

  it("a second editor's concurrent save meets the CONFLICT screen and loses nothing", async () => {
    const editorPage = await server.newPage();
    await server.signIn(editorPage, users.editor.email);
    const page = contributorPage;
    // Both open version 1.0.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: `Sửa bài viết: ${TITLE}` }).waitFor();
    await editorPage.getByRole("link", { name: TITLE }).click();
    await editorPage.getByRole("heading", { level: 1, name: `Sửa bài viết: ${TITLE}` }).waitFor();

    // The editor saves first: a new title, version 1.1.
    const newTitle = `${TITLE} sau 18 tháng thi công`;
    await editorPage.getByRole("textbox", { name: "Tiêu đề", exact: true }).fill(newTitle);
    await editorPage.getByRole("button", { name: "Lưu", exact: true }).click();
    await editorPage.getByText("Đã lưu phiên bản 1.1.").waitFor();

    // The contributor, still on 1.0, writes a paragraph and saves.
    const mine = "Người dân hai bờ kênh không còn phải đi đò qua sông.";
    await body(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(mine);
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    const conflict = page.getByRole("alert", { name: "Bài viết đã được người khác sửa trong lúc bạn làm việc" });
    await conflict.waitFor();
    const shown = (await conflict.textContent())!;
    expect(shown).toContain(users.editor.name);
    expect(shown).toContain("1.1");
    expect(shown).toContain("Tiêu đề");
    expect(shown).toContain(newTitle);
    // The contributor's text is still in the editor.
    expect(await body(page).textContent()).toContain(mine);
    await screenshot(page, "xung-dot-khi-luu");

    await conflict.getByRole("button", { name: "Tải lại bản mới nhất, giữ nội dung của tôi" }).click();
    expect(await body(page).textContent()).toContain(mine);
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu phiên bản 1.2.").waitFor();

    const { login } = await server.api(LoginDocument, { email: users.editor.email, password: PASSWORD });
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const history = await server.api(ArticleHistoryDocument, { id: decodeURIComponent(id) }, login.token);
    const versions = selected(history.node, "the article").versions.edges.map((e) => e.node);
    expect(versions.map((v) => v.label).slice(0, 3)).toEqual(["1.2", "1.1", "1.0"]);
    expect(versions[0]?.body).toContain(mine);
    expect(versions[1]?.title).toBe(newTitle);

    // The history shows both saves side by side.
    await page.getByRole("link", { name: "Lịch sử phiên bản" }).click();
    await page.getByRole("heading", { level: 1, name: `Lịch sử phiên bản: ${TITLE}` }).waitFor();
    await page.getByLabel("Phiên bản 1.0 làm bản A").check();
    await page.getByLabel("Phiên bản 1.2 làm bản B").check();
    const compare = page.getByRole("region", { name: "So sánh phiên bản 1.0 và 1.2" });
    expect(await compare.locator("ins").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("không còn phải đi đò")]));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "lich-su-phien-ban", true);
  });

  it("a READER sees no editing controls", async () => {
    const page = await server.newPage();
    await server.signIn(page, users.reader.email);
    const nav = page.getByRole("navigation", { name: "Chức năng" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Bài viết", "Thống kê"]);
    expect(await page.getByRole("link", { name: "Viết bài mới" }).count()).toBe(0);
    expect(await page.getByLabel("Trạng thái").count()).toBe(0);
    await page.getByRole("link", { name: /Kiến Tường: Thực hiện đạt và vượt/ }).click();
    await page.getByRole("article", { name: "Xem trước bài viết" }).waitFor();
    expect(await page.getByRole("textbox").count()).toBe(0);
    expect(await page.getByRole("button", { name: /Lưu|Gửi duyệt|Phê duyệt|Từ chối|Khôi phục/ }).count()).toBe(0);
    // Addresses of screens it may not use lead back to the list.
    for (const path of ["articles/new", "approvals", "site"]) {
      await page.goto(`${server.url}/admin/${path}`);
      await page.getByRole("heading", { level: 1, name: "Bài viết" }).waitFor();
      expect(await page.getByRole("button", { name: /Lưu|Phê duyệt/ }).count()).toBe(0);
    }
  });

  it("statistics: visits per day, most read, online now", async () => {
    const page = contributorPage;
    await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Thống kê" }).click();
    await page.getByRole("heading", { level: 1, name: "Thống kê" }).waitFor();
    await page.getByRole("img", { name: /Biểu đồ lượt truy cập 30 ngày/ }).waitFor();
    await page.getByRole("heading", { name: "Bài đọc nhiều nhất" }).waitFor();
    await screenshot(page, "thong-ke", true);
  });

  it("statistics: the online, today and total figures change without a reload when someone visits the site", async () => {
    const page = await server.newPage();
    await server.signIn(page, users.reader.email);
    await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Thống kê" }).click();
    await page.getByRole("heading", { level: 1, name: "Thống kê" }).waitFor();
    // The note says "Cập nhật trực tiếp" once live figures have come (case matters: other notes say "cập nhật trực tiếp").
    await page
      .getByRole("status")
      .filter({ hasText: /^Cập nhật trực tiếp/ })
      .waitFor();
    const figure = (name: string) =>
      page
        .locator(".stat-cards div")
        .filter({ has: page.getByText(name, { exact: true }) })
        .locator("dd");
    const online = page.locator('.stat-cards dd[aria-live="polite"]');
    const read = async () => ({
      online: (await online.textContent())!.replace(/\D/g, ""),
      today: (await figure("Hôm nay").textContent())!.replace(/\D/g, ""),
      total: (await figure("Tổng số lượt truy cập").textContent())!.replace(/\D/g, ""),
    });
    const before = await server.api(HomePageDocument);
    const shown = await read();
    expect(shown).toEqual({
      online: String(before.site.statistics.online),
      today: String(before.site.statistics.today),
      total: String(before.site.statistics.totalVisits),
    });
    // Marks this document: a reload would lose the mark.
    await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
    await server.api(RecordSiteVisitDocument, { visitorId: `khach-truc-tiep-${Date.now()}` });
    const expected = {
      online: String(before.site.statistics.online + 1),
      today: String(before.site.statistics.today + 1),
      total: String(before.site.statistics.totalVisits + 1),
    };
    await page.waitForFunction(
      (text) => document.querySelector('.stat-cards dd[aria-live="polite"]')?.textContent?.replace(/\D/g, "") === text,
      expected.online,
    );
    expect(await read()).toEqual(expected);
    expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
    expect(await online.textContent()).toContain("Đang truy cập");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("statistics: the live figures come back by themselves after the connection drops", async () => {
    const page = await server.newPage();
    // The console's socket goes through the test, which can cut it.
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      socket.connectToServer();
      sockets.push(socket);
    });
    await server.signIn(page, users.reader.email);
    await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Thống kê" }).click();
    const live = page.getByRole("status").filter({ hasText: /^Cập nhật trực tiếp/ });
    await live.waitFor();
    // Every socket so far is cut (the one in use among them), as a server restart or a network drop would.
    const cut = sockets.length;
    for (const socket of sockets) await socket.close({ code: 1012, reason: "Service Restart" });
    await page.waitForFunction(() => document.querySelector(".live-note")?.textContent?.startsWith("Mất kết nối"));
    await live.waitFor();
    // A new socket, opened by the console itself: the page was not reloaded.
    expect(sockets.length).toBeGreaterThan(cut);
    const before = await server.api(HomePageDocument);
    await server.api(RecordSiteVisitDocument, { visitorId: `sau-khi-mat-ket-noi-${Date.now()}` });
    const expected = new Intl.NumberFormat("vi-VN").format(before.site.statistics.totalVisits + 1);
    await page
      .locator(".stat-cards div")
      .filter({ has: page.getByText("Tổng số lượt truy cập", { exact: true }) })
      .locator("dd", { hasText: expected })
      .waitFor();
  });

  it("loaded nothing from outside and broke no Content-Security-Policy rule", () => {
    expect(server.offsite).toEqual([]);
    expect(server.cspViolations).toEqual([]);
  });
});
