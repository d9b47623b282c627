// Royalties (nhuận bút): a month computed by hand from a small scale, scales that
// never change once in force, articles that cannot be priced listed apart, the
// byline and category filters, the CSV and .xlsx downloads read back with
// parsers, who may see them, and an imported page that counts.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { codes, createTestApp, execute, gql, present, signIn, type TestApp } from "./support/app";
import { ok, parsed, refusal } from "./support/workflow";
import { importPageText } from "../src/services/importer/import-page";
import { FIXTURE_PAGE } from "../src/services/seed";
import {
  ApproveArticleDocument,
  AuditLogDocument,
  CreateArticleDocument,
  CreateCategoryDocument,
  DeleteRoyaltyScaleDocument,
  RoyaltyReportDocument,
  RoyaltyScalesDocument,
  SetRoyaltyScaleDocument,
  SubmitArticleDocument,
  type CreateArticleInput,
  type RoyaltyReportQuery,
  type RoyaltyReportQueryVariables,
  type RoyaltyUnpricedReason,
} from "../clients/generated/graphql";

let t: TestApp;
type Session = { user: { id: string; tokenVersion: number }; token: string };
let admin: Session;
let editor: Session;
let approver: Session;

/** Moves the clock; tokens live 12 hours, so every session signs in again at the new time. */
async function setClock(at: string | Date) {
  t.clock.set(at);
  for (const session of [admin, editor, approver]) {
    session.token = (await t.app.tokens.issue({ userId: session.user.id, tokenVersion: session.user.tokenVersion }, t.clock.now())).token;
  }
}
let categoryId: string;

const img = (n: number) => Array.from({ length: n }, (_, i) => `<p><img src="https://example.vn/${i}.jpg" alt="ảnh ${i}"></p>`).join("");

/** Written, submitted and approved now (the clock): first published now. */
async function publish(title: string, { photos = 0, ...input }: Partial<CreateArticleInput> & { photos?: number }) {
  const created = await ok(
    t,
    CreateArticleDocument,
    { input: { title, body: `<p>${title}</p>${img(photos)}`, categoryId, ...input } },
    { token: editor.token },
  );
  await ok(t, SubmitArticleDocument, { id: created.createArticle.id }, { token: editor.token });
  await ok(t, ApproveArticleDocument, { id: created.createArticle.id }, { token: approver.token });
  return created.createArticle;
}

const SCALE = {
  pointValue: 100_000,
  photoPoints: 0.5,
  extraPagePoints: 1.5,
  genres: [
    { genre: "Tin", points: 1 },
    { genre: "Bài", points: 2.5 },
    { genre: "Phóng sự", points: 4 },
  ],
  note: "Quyết định 12/QĐ-UBND",
};

beforeAll(async () => {
  t = await createTestApp({ seed: false, now: "2026-10-14T03:00:00.000Z" });
  admin = await signIn(t, "ADMIN", "Quản trị");
  editor = await signIn(t, "EDITOR", "Biên tập");
  approver = await signIn(t, "APPROVER", "Duyệt bài");
  categoryId = (await ok(t, CreateCategoryDocument, { input: { name: "Tin tức sự kiện" } }, { token: editor.token })).createCategory.id;

  // 14/10: before any scale.
  await publish("H: trước bảng hệ số", { articleType: "Tin", byline: "Hoài Phương" });
  // 15/10 10:00 (site time): the scale starts today.
  await setClock("2026-10-15T03:00:00.000Z");
  await ok(t, SetRoyaltyScaleDocument, { input: { validFrom: "2026-10-15", ...SCALE } }, { token: admin.token });
  await publish("A: tin một trang", { articleType: "Tin", pageCount: 1, byline: "Hoài Phương" });
  await publish("B: phóng sự ba trang hai ảnh", { articleType: "Phóng sự", pageCount: 3, photos: 2, byline: "Hoài Phương" });
  await publish("C: bài ba ảnh", { articleType: "Bài", photos: 3, byline: "Minh Khoa" });
  await publish("D: TIN viết hoa", { articleType: "TIN", byline: "minh khoa" });
  await publish("E: không có loại", { byline: "Lan" });
  await publish("F: loại ngoài bảng", { articleType: "Ảnh", photos: 4, byline: "Lan" });
  // A draft is never counted.
  await ok(t, CreateArticleDocument, { input: { title: "Bản nháp", body: "<p>x</p>", articleType: "Tin", byline: "Lan" } }, { token: editor.token });
  // 18/10: a scale from 20/10, set, then replaced while not yet in force.
  await setClock("2026-10-18T03:00:00.000Z");
  await ok(t, SetRoyaltyScaleDocument, { input: { validFrom: "2026-10-20", ...SCALE, pointValue: 200_000 } }, { token: admin.token });
  await ok(t, SetRoyaltyScaleDocument, { input: { validFrom: "2026-10-20", ...SCALE, pointValue: 150_000 } }, { token: admin.token });
  await setClock("2026-10-21T03:00:00.000Z");
  await publish("I: tin theo bảng mới", { articleType: "Tin", byline: "Hoài Phương" });
  // 31/10 17:30 UTC is 1/11 00:30 in Hà Nội: November.
  await setClock("2026-10-31T17:30:00.000Z");
  await publish("G: đầu tháng mười một", { articleType: "Tin", byline: "Hoài Phương" });
});
afterAll(() => t.close());

// The contract's RoyaltyReport asks for neither a priced row's unpricedReason nor an unpriced
// row's amount; this report asks the schema for both, to show that they are null.
const REPORT = `query($month: String!, $byline: String, $categoryId: ID) {
  royaltyReport(month: $month, byline: $byline, categoryId: $categoryId) {
    month from to articleCount unpricedCount points amount csvUrl xlsxUrl
    rows { title byline genre pages photos categoryName scaleValidFrom genrePoints photoPoints pagePoints points amount unpricedReason }
    unpriced { title byline genre unpricedReason amount }
    bylines { byline articleCount unpricedCount points amount }
  }
}`;

type Contract = RoyaltyReportQuery["royaltyReport"];
/** The answer to REPORT: the contract's fields it selects, and the two it adds. */
interface Report extends Omit<Contract, "rows" | "unpriced"> {
  rows: Array<Omit<Contract["rows"][number], "articleId" | "slug" | "firstPublishedAt"> & { unpricedReason: RoyaltyUnpricedReason | null }>;
  unpriced: Array<Pick<Contract["unpriced"][number], "title" | "byline" | "genre" | "unpricedReason"> & { amount: number | null }>;
}

const report = async (variables: RoyaltyReportQueryVariables, token = approver.token) => {
  const response = await gql<{ royaltyReport: Report }>(t, REPORT, variables, { token });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.royaltyReport;
};

describe("the royalty report", () => {
  it("prices October by hand from the scale", async () => {
    const october = await report({ month: "2026-10" });
    expect(october.from).toBe("2026-09-30T17:00:00.000Z");
    expect(october.to).toBe("2026-10-31T17:00:00.000Z");
    expect(october.rows.map((r) => [r.title.slice(0, 1), r.points, r.amount, r.scaleValidFrom])).toEqual([
      // Tin, 1 page: 1 point × 100 000.
      ["A", 1, 100_000, "2026-10-15"],
      // Phóng sự 4 + 2 extra pages × 1.5 + 2 photos × 0.5 = 8 points.
      ["B", 8, 800_000, "2026-10-15"],
      // Bài 2.5 + 3 photos × 0.5 = 4 points (no page count: no extra page).
      ["C", 4, 400_000, "2026-10-15"],
      // "TIN" is the genre "Tin".
      ["D", 1, 100_000, "2026-10-15"],
      // From 20/10 the replaced scale: 1 point × 150 000.
      ["I", 1, 150_000, "2026-10-20"],
    ]);
    expect(october.rows[1]).toMatchObject({
      genre: "Phóng sự",
      pages: 3,
      photos: 2,
      genrePoints: 4,
      pagePoints: 3,
      photoPoints: 1,
      categoryName: "Tin tức sự kiện",
      unpricedReason: null,
    });
    // Listed apart: nobody is silently unpaid.
    expect(october.unpriced.map((r) => [r.title.slice(0, 1), r.unpricedReason, r.amount])).toEqual([
      ["H", "NO_SCALE", null],
      ["E", "NO_GENRE", null],
      ["F", "GENRE_NOT_IN_SCALE", null],
    ]);
    expect(october.bylines).toEqual([
      { byline: "Hoài Phương", articleCount: 3, unpricedCount: 1, points: 10, amount: 1_050_000 },
      { byline: "Lan", articleCount: 0, unpricedCount: 2, points: 0, amount: 0 },
      { byline: "Minh Khoa", articleCount: 2, unpricedCount: 0, points: 5, amount: 500_000 },
    ]);
    expect(october).toMatchObject({ articleCount: 5, unpricedCount: 3, points: 15, amount: 1_550_000 });
    const november = await report({ month: "2026-11" });
    expect(november.rows.map((r) => r.title)).toEqual(["G: đầu tháng mười một"]);
  });

  it("filters by byline (ignoring case and accents) and by category", async () => {
    const hp = await report({ month: "2026-10", byline: "hoai phuong" });
    expect(hp.rows.map((r) => r.title.slice(0, 1))).toEqual(["A", "B", "I"]);
    expect(hp.unpriced.map((r) => r.title.slice(0, 1))).toEqual(["H"]);
    expect(hp.amount).toBe(1_050_000);
    const other = (await ok(t, CreateCategoryDocument, { input: { name: "Văn hóa" } }, { token: editor.token })).createCategory.id;
    expect((await report({ month: "2026-10", categoryId: other })).rows).toEqual([]);
    expect((await report({ month: "2026-10", categoryId })).articleCount).toBe(5);
  });

  it("never changes a past month: scales apply from today on and never change once in force", async () => {
    await setClock("2026-11-02T03:00:00.000Z");
    const before = await report({ month: "2026-10" });
    const past = await execute(t, SetRoyaltyScaleDocument, { input: { validFrom: "2026-10-01", ...SCALE, pointValue: 1 } }, { token: admin.token });
    expect(codes(past)).toEqual(["BAD_USER_INPUT"]);
    expect(past.errors![0]!.extensions!.fields).toEqual(["input.validFrom"]);
    const scales = await ok(t, RoyaltyScalesDocument, {}, { token: approver.token });
    expect(scales.royaltyScales.map((s) => [s.validFrom, s.inForce, s.pointValue])).toEqual([
      ["2026-10-20", true, 150_000],
      ["2026-10-15", true, 100_000],
    ]);
    expect(scales.royaltyScales[1]?.genres).toEqual(SCALE.genres);
    const inForce = present(scales.royaltyScales[0], "the scale in force").id;
    expect(await refusal(t, DeleteRoyaltyScaleDocument, { id: inForce }, { token: admin.token })).toBe("CONFLICT");
    // A new scale from today leaves October as it was.
    await ok(t, SetRoyaltyScaleDocument, { input: { validFrom: "2026-11-02", ...SCALE, pointValue: 999_000 } }, { token: admin.token });
    expect(await refusal(t, SetRoyaltyScaleDocument, { input: { validFrom: "2026-11-02", ...SCALE } }, { token: admin.token })).toBe("CONFLICT");
    const future = await ok(t, SetRoyaltyScaleDocument, { input: { validFrom: "2026-12-01", ...SCALE } }, { token: admin.token });
    await ok(t, DeleteRoyaltyScaleDocument, { id: future.setRoyaltyScale.id }, { token: admin.token });
    const { csvUrl: _a, xlsxUrl: _b, ...was } = before;
    const { csvUrl: _c, xlsxUrl: _d, ...now } = await report({ month: "2026-10" });
    expect(now).toEqual(was);
    // Bad scales.
    for (const input of [
      { ...SCALE, validFrom: "2026-12-05", photoPoints: 0.125 },
      { ...SCALE, validFrom: "2026-12-05", genres: [] },
      {
        ...SCALE,
        validFrom: "2026-12-05",
        genres: [
          { genre: "Tin", points: 1 },
          { genre: "tin", points: 2 },
        ],
      },
      { ...SCALE, validFrom: "2026-12-05", pointValue: -1 },
    ]) {
      expect(await refusal(t, SetRoyaltyScaleDocument, { input }, { token: admin.token })).toBe("BAD_USER_INPUT");
    }
    const log = await ok(t, AuditLogDocument, { filter: { actions: ["ROYALTY_SCALE_SET", "ROYALTY_SCALE_DELETE"] } }, { token: admin.token });
    expect(log.auditLog.totalCount).toBe(6);
    const replaced = log.auditLog.edges.map((e) => e.node).find((e) => e.before && JSON.parse(e.before).pointValue === 200_000);
    expect(parsed(replaced?.after).pointValue).toBe(150_000);
  });

  it("is for APPROVER and ADMIN only; the scale is edited by ADMIN only", async () => {
    expect(codes(await execute(t, RoyaltyReportDocument, { month: "2026-10" }, { token: editor.token }))).toEqual(["FORBIDDEN"]);
    expect(codes(await execute(t, RoyaltyReportDocument, { month: "2026-10" }))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await execute(t, RoyaltyReportDocument, { month: "2026-13" }, { token: approver.token }))).toEqual(["BAD_USER_INPUT"]);
    expect(await refusal(t, SetRoyaltyScaleDocument, { input: { validFrom: "2026-12-24", ...SCALE } }, { token: approver.token })).toBe("FORBIDDEN");
    expect(await refusal(t, RoyaltyScalesDocument, {}, { token: editor.token })).toBe("FORBIDDEN");
    expect((await ok(t, RoyaltyReportDocument, { month: "2026-10" }, { token: admin.token })).royaltyReport.amount).toBe(1_550_000);
  });
});

describe("the downloads", () => {
  const fetchFile = (path: string, headers: Record<string, string> = {}) => t.yoga.fetch(`http://portal.test${path}`, { headers });

  it("serves the CSV with a UTF-8 byte order mark and the Vietnamese text intact", async () => {
    const { csvUrl } = await report({ month: "2026-10" });
    const response = await fetchFile(csvUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="nhuan-but-2026-10.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true });
    expect(rows[0]!.slice(0, 6)).toEqual(["STT", "Ngày xuất bản", "Tiêu đề", "Tác giả", "Chuyên mục", "Loại bài viết"]);
    expect(rows[2]).toEqual([
      "2",
      "15/10/2026",
      "B: phóng sự ba trang hai ảnh",
      "Hoài Phương",
      "Tin tức sự kiện",
      "Phóng sự",
      "3",
      "2",
      "4",
      "1",
      "3",
      "8",
      "800000",
      "",
    ]);
    const apart = rows.findIndex((r) => r[0] === "Bài chưa tính nhuận bút");
    expect(apart).toBe(6);
    expect(rows[apart + 3]![14 - 1]).toBe("Chưa ghi loại bài viết");
    expect(rows.at(-1)).toEqual(["", "Tổng cộng", "5", "3", "15", "1550000"]);
  });

  it("serves an .xlsx workbook whose cells hold the numbers, dates and names", async () => {
    const { xlsxUrl } = await report({ month: "2026-10", byline: "Hoài Phương" });
    const response = await fetchFile(xlsxUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Nhuận bút", "Chưa tính nhuận bút", "Theo tác giả"]);
    const sheet = workbook.getWorksheet("Nhuận bút")!;
    expect(sheet.getRow(1).getCell(3).value).toBe("Tiêu đề");
    const b = sheet.getRow(3);
    expect(b.getCell(3).value).toBe("B: phóng sự ba trang hai ảnh");
    expect(b.getCell(4).value).toBe("Hoài Phương");
    expect(b.getCell(6).value).toBe("Phóng sự");
    expect((b.getCell(2).value as Date).toISOString()).toBe("2026-10-15T00:00:00.000Z");
    expect(b.getCell(12).value).toBe(8);
    expect(b.getCell(13).value).toBe(800_000);
    expect(b.getCell(13).numFmt).toContain("#,##0");
    const total = sheet.getRow(5);
    expect([total.getCell(3).value, total.getCell(12).value, total.getCell(13).value]).toEqual(["Tổng cộng", 10, 1_050_000]);
    const apart = workbook.getWorksheet("Chưa tính nhuận bút")!;
    expect(apart.getRow(2).getCell(3).value).toBe("H: trước bảng hệ số");
    expect(apart.getRow(2).getCell(14).value).toBe("Chưa có bảng hệ số cho ngày này");
    const bylines = workbook.getWorksheet("Theo tác giả")!;
    expect(bylines.getRow(2).values).toEqual([undefined, "Hoài Phương", 3, 1, 10, 1_050_000]);
  });

  it("answers only approvers and administrators, with a valid link or header", async () => {
    const { csvUrl } = await report({ month: "2026-10" });
    const bare = "/exports/royalties.csv?month=2026-10";
    expect((await fetchFile(bare)).status).toBe(401);
    expect((await fetchFile(bare, { authorization: `Bearer ${editor.token}` })).status).toBe(403);
    expect((await fetchFile(bare, { authorization: `Bearer ${admin.token}` })).status).toBe(200);
    expect((await fetchFile("/exports/royalties.csv?month=2026-99", { authorization: `Bearer ${admin.token}` })).status).toBe(400);
    // A link is for its own report only, and expires.
    expect((await fetchFile(csvUrl.replace("month=2026-10", "month=2026-11"))).status).toBe(401);
    expect((await fetchFile(csvUrl.replace("token=", "token=x"))).status).toBe(401);
    t.clock.set(new Date(t.clock.now().getTime() + 301_000));
    expect((await fetchFile(csvUrl)).status).toBe(401);
  });
});

describe("imported pages", () => {
  it("carry genre, pages and photos into the report", async () => {
    await setClock("2026-11-20T03:00:00.000Z");
    const text = readFileSync(FIXTURE_PAGE, "utf8")
      .replace("Chủ Nhật, Ngày 15/12/2019, 14:00", "Thứ Sáu, Ngày 20/11/2026, 08:00")
      .replace(/^Loại bài viết\s*$/m, "Loại bài viết: Phóng sự")
      .replace(/^Số Trang\s*$/m, "Số Trang: 2")
      .replace(/^Số Ảnh\s*$/m, "Số Ảnh: 3");
    const outcome = await importPageText(t.app.db, text, "nhap-thu.txt", { now: t.clock.now() });
    expect(outcome.status).toBe("imported");
    const november = await report({ month: "2026-11" });
    const row = november.rows.find((r) => r.title.startsWith("Kiến Tường"));
    // Scale of 02/11: Phóng sự 4 + 1 extra page × 1.5 + 3 photos × 0.5 = 7 points × 999 000.
    expect(row).toMatchObject({ byline: "Hoài Phương", genre: "Phóng sự", pages: 2, photos: 3, points: 7, amount: 6_993_000 });
  });
});
