// The editors' console's administration screens in a real headless Chromium against
// a real server process (tests/support/console.ts): an administrator creates
// a user, a category and a topic and sets a royalty scale through the screens; the
// server's refusals (the last active administrator, a category that is not empty)
// are shown in the staff's language; an approver opens the month's royalty report
// and its CSV link answers with the report; a contributor changes their password and
// signs in with the new one; a READER and a CONTRIBUTOR see none of these screens.
// axe-core finds no serious or critical violation; screenshots go to docs/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import {
  ApproveArticleDocument,
  CreateArticleDocument,
  HomePageDocument,
  LoginDocument,
  SubmitArticleDocument,
  TopicPageDocument,
} from "../clients/generated/graphql";
import { present } from "./support/app";
import { CONSOLE_ADMIN as ADMIN, CONSOLE_PASSWORD as PASSWORD, screenshot, seriousViolations, startConsole, type ConsoleServer } from "./support/console";

const APPROVER = { email: "nhuanbut@kientuong.gov.vn", name: "Đỗ Thị Nhuận", password: "Duyet-nhuan-but-2026" };
const PRICED = "Kiến Tường ra quân làm thủy lợi nội đồng";
const UNPRICED = "Thông báo lịch tiếp công dân tháng này";

let server: ConsoleServer;
const users = {
  contributor: { email: "ctv2@kientuong.gov.vn", name: "Nguyễn Thị Cộng Tác", role: "CONTRIBUTOR" },
  reader: { email: "docgia2@kientuong.gov.vn", name: "Phạm Văn Đọc", role: "READER" },
} as const;
/** The month of this instant in the site's time zone (Asia/Ho_Chi_Minh), YYYY-MM. */
const siteMonth = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);

const nav = (page: Page) => page.getByRole("navigation", { name: "Chức năng" });
async function open(page: Page, link: string, heading = link) {
  await nav(page).getByRole("link", { name: link, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/** A page of its own; confirmations (delete, new password) are answered yes. */
const newPage = () => server.newPage({ acceptDialogs: true });

let adminPage: Page;
/** The reader's password, after the administrator gives them a new one. */
let readerPassword = PASSWORD;

beforeAll(async () => {
  server = await startConsole(Object.values(users));
}, 300_000);

afterAll(() => server?.close());

describe("the console's administration screens", () => {
  it("an administrator creates a user, and the last active administrator cannot lock themself", async () => {
    adminPage = await newPage();
    const page = adminPage;
    await server.signIn(page, ADMIN.email, ADMIN.password);
    expect(await nav(page).getByRole("link").allTextContents()).toEqual([
      "Bài viết",
      "Viết bài mới",
      "Phê duyệt",
      "Thống kê",
      "Dòng sự kiện",
      "Nhuận bút",
      "Bảng điểm nhuận bút",
      "Chuyên mục",
      "Người dùng",
      "Cài đặt trang",
    ]);
    await open(page, "Người dùng");
    await page.getByRole("row", { name: new RegExp(users.contributor.name) }).waitFor();

    await page.getByRole("button", { name: "Thêm người dùng" }).click();
    const dialog = page.getByRole("dialog", { name: "Thêm người dùng" });
    await dialog.getByLabel("Họ tên").fill(APPROVER.name);
    await dialog.getByLabel("Thư điện tử").fill(APPROVER.email);
    // The server's password policy, said in Vietnamese.
    await dialog.getByLabel("Mật khẩu ban đầu").fill("ngan-qua");
    await dialog.getByLabel("Vai trò").selectOption("APPROVER");
    await dialog.getByRole("button", { name: "Tạo tài khoản" }).click();
    await dialog.getByRole("alert").getByText("Mật khẩu phải có ít nhất 12 ký tự.").waitFor();
    await dialog.getByLabel("Mật khẩu ban đầu").fill(APPROVER.password);
    await dialog.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.getByText(`Đã tạo tài khoản ${APPROVER.name}.`).waitFor();
    const row = page.getByRole("row", { name: new RegExp(APPROVER.name) });
    expect(await row.textContent()).toContain("Người phê duyệt");

    // Search, accent-insensitive.
    await page.getByLabel("Tìm theo tên hoặc thư điện tử").fill("do thi nhuan");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.getByText("1 người dùng").waitFor();

    // The only active administrator cannot lock their own account.
    await page.getByLabel("Tìm theo tên hoặc thư điện tử").fill("");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.getByRole("button", { name: "Khóa tài khoản Quản trị viên" }).click();
    await page
      .getByRole("alert")
      .getByText(/quản trị viên cuối cùng còn hoạt động/)
      .waitFor();

    // Lock and unlock the reader; give them a new password, shown once.
    await page.getByRole("button", { name: `Khóa tài khoản ${users.reader.name}` }).click();
    await page.getByText(`Đã khóa tài khoản ${users.reader.name}.`).waitFor();
    await page.getByRole("button", { name: `Mở khóa tài khoản ${users.reader.name}` }).click();
    await page.getByText(`Đã mở khóa tài khoản ${users.reader.name}.`).waitFor();
    await page.getByRole("button", { name: `Cấp mật khẩu mới cho ${users.reader.name}` }).click();
    const shown = page.getByRole("region", { name: `Mật khẩu mới của ${users.reader.name}` });
    const generated = (await shown.locator("code").textContent())!;
    expect(generated.length).toBeGreaterThanOrEqual(12);
    expect((await server.api(LoginDocument, { email: users.reader.email, password: generated })).login.token).toBeTruthy();
    await shown.getByRole("button", { name: "Đã ghi lại, ẩn mật khẩu" }).click();
    expect(await page.getByText(generated).count()).toBe(0);
    readerPassword = generated;

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "nguoi-dung");
  });

  it("an administrator builds the category tree with the keyboard", async () => {
    const page = adminPage;
    await open(page, "Chuyên mục");
    const tree = page.getByRole("navigation", { name: "Cây chuyên mục" });
    await tree.getByRole("listitem").first().waitFor();

    await page.getByRole("button", { name: "Thêm chuyên mục", exact: true }).click();
    let dialog = page.getByRole("dialog", { name: "Thêm chuyên mục" });
    await dialog.getByLabel("Tên chuyên mục").fill("Cải cách hành chính");
    await dialog.getByLabel("Mô tả").fill("Thủ tục hành chính, một cửa, dịch vụ công");
    await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
    await page.getByText("Đã thêm chuyên mục “Cải cách hành chính”.").waitFor();

    await page.getByRole("button", { name: "Thêm chuyên mục con của “Cải cách hành chính”" }).click();
    dialog = page.getByRole("dialog", { name: "Thêm chuyên mục" });
    expect(await dialog.getByLabel("Chuyên mục cha").inputValue()).not.toBe("");
    await dialog.getByLabel("Tên chuyên mục").fill("Một cửa liên thông");
    await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
    await page.getByText("Đã thêm chuyên mục “Một cửa liên thông”.").waitFor();
    await page.getByRole("button", { name: "Thêm chuyên mục con của “Cải cách hành chính”" }).click();
    dialog = page.getByRole("dialog", { name: "Thêm chuyên mục" });
    await dialog.getByLabel("Tên chuyên mục").fill("Dịch vụ công trực tuyến");
    await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
    await page.getByText("Đã thêm chuyên mục “Dịch vụ công trực tuyến”.").waitFor();

    const children = async () =>
      (await tree.locator("li li .category-name strong").allTextContents()).filter((n) => n === "Một cửa liên thông" || n === "Dịch vụ công trực tuyến");
    expect(await children()).toEqual(["Một cửa liên thông", "Dịch vụ công trực tuyến"]);
    // Reordering with the keyboard: the focus stays on the moved category's button.
    await page.getByRole("button", { name: "Đưa “Dịch vụ công trực tuyến” lên" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Đã chuyển “Dịch vụ công trực tuyến” lên vị trí 1.").waitFor();
    expect(await children()).toEqual(["Dịch vụ công trực tuyến", "Một cửa liên thông"]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Đưa “Dịch vụ công trực tuyến” xuống");

    // Rename and describe.
    await page.getByRole("button", { name: "Sửa “Một cửa liên thông”" }).click();
    dialog = page.getByRole("dialog", { name: "Sửa “Một cửa liên thông”" });
    await dialog.getByLabel("Tên chuyên mục").fill("Bộ phận một cửa");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu chuyên mục “Bộ phận một cửa”.").waitFor();

    // Move to the top level.
    await page.getByRole("button", { name: "Chuyển “Dịch vụ công trực tuyến” sang chuyên mục cha khác" }).click();
    dialog = page.getByRole("dialog", { name: "Chuyển “Dịch vụ công trực tuyến”" });
    await dialog.getByLabel("Chuyên mục cha mới").selectOption("");
    await dialog.getByRole("button", { name: "Chuyển" }).click();
    await page.getByText("Đã chuyển “Dịch vụ công trực tuyến” lên cấp cao nhất.").waitFor();

    // A category with articles cannot be deleted: the server's count is shown.
    const seeded = present(
      (await server.api(HomePageDocument)).categories.find((c) => c.articleCount > 0),
      "a category with articles",
    );
    await page.getByRole("button", { name: `Xóa “${seeded.name}”`, exact: true }).click();
    await page
      .getByRole("alert")
      .getByText(new RegExp(`Chuyên mục chưa trống: còn ${seeded.articleCount} bài viết`))
      .waitFor();
    // An empty one can.
    await page.getByRole("button", { name: "Xóa “Dịch vụ công trực tuyến”" }).click();
    await page.getByText("Đã xóa chuyên mục “Dịch vụ công trực tuyến”.").waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "chuyen-muc", true);
  });

  it("an administrator creates a topic and sets a royalty scale", async () => {
    const page = adminPage;
    await open(page, "Dòng sự kiện");
    await page.getByRole("button", { name: "Thêm dòng sự kiện" }).click();
    const dialog = page.getByRole("dialog", { name: "Thêm dòng sự kiện" });
    await dialog.getByLabel("Tên dòng sự kiện").fill("Chuyển đổi số");
    await dialog.getByLabel("Mô tả").fill("Chính quyền số, kinh tế số, xã hội số");
    await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
    await page.getByText("Đã thêm dòng sự kiện “Chuyển đổi số”.").waitFor();
    await page.getByRole("row", { name: /Chuyển đổi số/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "dong-su-kien");

    await open(page, "Bảng điểm nhuận bút");
    await page.getByRole("button", { name: "Đặt bảng điểm mới" }).click();
    await page.getByLabel("Giá trị một điểm (đồng)").fill("50000");
    await page.getByLabel("Điểm mỗi ảnh").fill("1");
    await page.getByLabel("Điểm mỗi trang từ trang thứ hai").fill("2");
    await page.getByLabel("Loại bài viết 1", { exact: true }).fill("Tin");
    await page.getByLabel("Điểm của loại 1").fill("10");
    await page.getByLabel("Ghi chú").fill("Quyết định số 12/QĐ-UBND");
    await page.getByRole("button", { name: "Lưu bảng điểm" }).click();
    await page.getByText(/Đã lưu bảng điểm áp dụng từ/).waitFor();
    await page.getByText("Quyết định số 12/QĐ-UBND").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "bang-diem-nhuan-but");
  });

  it("an approver opens the month's royalty report and downloads it as CSV", async () => {
    // Two articles first published this month: one of a genre in the scale, one without a genre.
    const contributor = (await server.api(LoginDocument, { email: users.contributor.email, password: PASSWORD })).login.token;
    for (const [title, articleType] of [
      [PRICED, "Tin"],
      [UNPRICED, null],
    ] as const) {
      const { createArticle } = await server.api(
        CreateArticleDocument,
        { input: { title, body: "<p>Nội dung.</p>", articleType, byline: "Hoài Phương", pageCount: 2 } },
        contributor,
      );
      await server.api(SubmitArticleDocument, { id: createArticle.id }, contributor);
      await server.api(ApproveArticleDocument, { id: createArticle.id }, server.adminToken);
    }

    const page = await newPage();
    await server.signIn(page, APPROVER.email, APPROVER.password);
    expect(await nav(page).getByRole("link", { name: "Người dùng" }).count()).toBe(0);
    expect(await nav(page).getByRole("link", { name: "Chuyên mục" }).count()).toBe(0);
    await open(page, "Nhuận bút");
    await page.getByRole("textbox", { name: "Tháng", exact: true }).fill(siteMonth());
    await page.getByRole("button", { name: "Xem báo cáo" }).click();
    const rows = page.getByRole("region", { name: "Chi tiết bài viết" });
    const priced = rows.getByRole("row", { name: new RegExp(PRICED) });
    await priced.waitFor();
    // 10 points for "Tin" + 2 for the second page = 12 points × 50.000 đ.
    expect(await priced.textContent()).toContain("600.000 đ");
    const unpriced = page.getByRole("region", { name: /Chưa tính được nhuận bút/ });
    expect(await unpriced.getByRole("row", { name: new RegExp(UNPRICED) }).textContent()).toContain("Chưa ghi loại bài viết");
    expect(await rows.getByText(UNPRICED).count()).toBe(0);
    const byline = page.getByRole("region", { name: "Theo tác giả" }).getByRole("row", { name: /Hoài Phương/ });
    expect(await byline.textContent()).toContain("600.000 đ");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "nhuan-but", true);

    const csvHref = await page.getByRole("link", { name: "Tải về CSV" }).getAttribute("href");
    expect(csvHref).toMatch(new RegExp(`^/exports/royalties\\.csv\\?.*month=${siteMonth()}`));
    const csv = await fetch(new URL(csvHref!, server.url));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text).toContain(PRICED);
    expect(text).toContain("Hoài Phương");
    const xlsxHref = await page.getByRole("link", { name: "Tải về Excel (.xlsx)" }).getAttribute("href");
    const xlsx = await fetch(new URL(xlsxHref!, server.url));
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    // The approver reads the scales but cannot change them.
    await open(page, "Bảng điểm nhuận bút");
    await page.getByText("Quyết định số 12/QĐ-UBND").waitFor();
    expect(await page.getByRole("button", { name: /Đặt bảng điểm mới|Xóa bảng điểm/ }).count()).toBe(0);
  });

  it("an administrator lists one author's articles and attaches one to a topic", async () => {
    const page = adminPage;
    await open(page, "Bài viết");
    // The list's author filter (Người tạo: the account that created the article). The
    // accounts it offers come from a server-side search, accent-insensitive, so any
    // account can be picked however many there are.
    const authorOptionsBecome = (names: string[]) =>
      page.waitForFunction((expected) => {
        const select = [...document.querySelectorAll("label")].find((l) => l.textContent === "Người tạo")?.control;
        return JSON.stringify([...(select?.querySelectorAll("option") ?? [])].map((o) => o.textContent)) === expected;
      }, JSON.stringify(names));
    await page.getByLabel("Tìm tài khoản").fill("doc");
    await authorOptionsBecome(["Tất cả", "Bài của tôi", users.reader.name]);
    await page.getByLabel("Tìm tài khoản").fill("cong tac");
    await authorOptionsBecome(["Tất cả", "Bài của tôi", users.contributor.name]);
    await page.getByLabel("Người tạo").selectOption({ label: users.contributor.name });
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.getByText("2 bài viết", { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get("author")).toBeTruthy();
    expect(await page.getByRole("link", { name: UNPRICED }).count()).toBe(1);
    await page.getByRole("link", { name: PRICED }).click();
    await page.getByRole("heading", { level: 1, name: `Sửa bài viết: ${PRICED}` }).waitFor();
    const topics = page.getByRole("group", { name: "Dòng sự kiện" });
    await topics.getByLabel("Thêm vào dòng sự kiện").selectOption({ label: "Chuyển đổi số" });
    await topics.getByRole("button", { name: "Thêm" }).click();
    await topics.getByText("Đã thêm bài vào dòng sự kiện “Chuyển đổi số”.").waitFor();
    const topic = await server.api(TopicPageDocument, { slug: "chuyen-doi-so" });
    expect(JSON.stringify(topic)).toContain(PRICED);
  });

  it("a contributor changes their own password and signs in with the new one", async () => {
    const page = await newPage();
    await server.signIn(page, users.contributor.email);
    await page.getByRole("link", { name: /^Tài khoản:/ }).click();
    await page.getByRole("heading", { level: 1, name: "Tài khoản" }).waitFor();
    const form = page.getByRole("region", { name: "Đổi mật khẩu" });
    await form.getByLabel("Mật khẩu hiện tại").fill(PASSWORD);
    // One on the list of the most used passwords, then one long enough but easy to guess (the portal's own word).
    for (const [weak, said] of [
      ["password1234", "Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn mật khẩu khác."],
      ["matkhau12345", "Mật khẩu quá dễ đoán: hãy dùng một câu dài gồm nhiều từ không liên quan đến nhau."],
    ] as const) {
      await form.getByLabel(/^Mật khẩu mới/).fill(weak);
      await form.getByLabel("Nhập lại mật khẩu mới").fill(weak);
      await form.getByRole("button", { name: "Đổi mật khẩu" }).click();
      await form.getByText(said).first().waitFor();
      expect(await form.getByLabel(/^Mật khẩu mới/).getAttribute("aria-invalid")).toBe("true");
    }

    const next = "Cong-tac-vien-moi-2026";
    await form.getByLabel(/^Mật khẩu mới/).fill(next);
    await form.getByLabel("Nhập lại mật khẩu mới").fill(`${next}x`);
    await form.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await form.getByText("Mật khẩu nhập lại không khớp với mật khẩu mới.").first().waitFor();
    await form.getByLabel("Nhập lại mật khẩu mới").fill(next);
    await form.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await form.getByText("Đã đổi mật khẩu.", { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "doi-mat-khau", true);
    // This browser stays signed in with the new token.
    await nav(page).getByRole("link", { name: "Bài viết" }).click();
    await page.getByRole("heading", { level: 1, name: "Bài viết" }).waitFor();
    await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();

    await page.getByLabel("Thư điện tử").fill(users.contributor.email);
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page
      .getByRole("alert")
      .getByText(/thông tin đăng nhập không đúng/)
      .waitFor();
    await server.signIn(page, users.contributor.email, next);
  });

  it("a READER and a CONTRIBUTOR see none of the administration screens", async () => {
    for (const [who, password, links] of [
      [users.reader.email, readerPassword, ["Bài viết", "Thống kê"]],
      [users.contributor.email, "Cong-tac-vien-moi-2026", ["Bài viết", "Viết bài mới", "Thống kê"]],
    ] as const) {
      const page = await newPage();
      await server.signIn(page, who, password);
      expect(await nav(page).getByRole("link").allTextContents()).toEqual(links);
      for (const path of ["users", "categories", "topics", "royalties", "royalties/scales"]) {
        await page.goto(`${server.url}/admin/${path}`);
        await page.getByRole("heading", { level: 1, name: "Bài viết" }).waitFor();
      }
      // The account screen (and changing one's password) is everyone's.
      await page.goto(`${server.url}/admin/account`);
      await page.getByRole("heading", { level: 2, name: "Đổi mật khẩu" }).waitFor();
    }
  });

  it("loaded nothing from outside and broke no Content-Security-Policy rule", () => {
    expect(server.offsite).toEqual([]);
    expect(server.cspViolations).toEqual([]);
  });
});
