// The royalty report as files: CSV (UTF-8 with a byte order mark, so Excel reads
// the Vietnamese text as UTF-8 and not in the machine's code page) written by
// csv-stringify, and an .xlsx workbook written by ExcelJS with real numbers and
// dates, one sheet for the articles, one for the totals per byline, one for the
// articles that could not be priced.
import { stringify } from "csv-stringify/sync";
// ExcelJS (with its zip and stream dependencies) is loaded on the first .xlsx export,
// not by every process that builds the schema: it is a third of a second of start-up.
import type ExcelJS from "exceljs";
import type { RoyaltyReport, RoyaltyRow, UnpricedReason } from "./royalties";

/** The path and query of an export, parameters in a fixed order (what a download link signs). */
export function exportPath(format: ExportFormat, filter: { month: string; byline?: string | null; categoryId?: string | null }): string {
  const query = new URLSearchParams({ month: filter.month });
  if (filter.byline) query.set("byline", filter.byline);
  if (filter.categoryId) query.set("categoryId", Buffer.from(`Category:${filter.categoryId}`).toString("base64"));
  return `/exports/royalties.${format}?${query.toString()}`;
}

export type ExportFormat = "csv" | "xlsx";

const REASONS: Record<UnpricedReason, string> = {
  NO_SCALE: "Chưa có bảng hệ số cho ngày này",
  NO_GENRE: "Chưa ghi loại bài viết",
  GENRE_NOT_IN_SCALE: "Loại bài viết không có trong bảng hệ số",
};

const points = (hundredths: number | null) => (hundredths === null ? null : hundredths / 100);

/** The columns of an article row, in order: Vietnamese headings, then the value of a row. */
function articleColumns(timeZone: string) {
  const day = (d: Date) => new Intl.DateTimeFormat("vi-VN", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(d);
  return [
    { header: "Ngày xuất bản", value: (r: RoyaltyRow) => day(r.firstPublishedAt) },
    { header: "Tiêu đề", value: (r: RoyaltyRow) => r.title },
    { header: "Tác giả", value: (r: RoyaltyRow) => r.byline ?? "" },
    { header: "Chuyên mục", value: (r: RoyaltyRow) => r.categoryName ?? "" },
    { header: "Loại bài viết", value: (r: RoyaltyRow) => r.genre ?? "" },
    { header: "Số trang", value: (r: RoyaltyRow) => r.pages ?? "" },
    { header: "Số ảnh", value: (r: RoyaltyRow) => r.photos },
    { header: "Điểm loại bài", value: (r: RoyaltyRow) => points(r.genrePoints) ?? "" },
    { header: "Điểm ảnh", value: (r: RoyaltyRow) => points(r.photoPoints) ?? "" },
    { header: "Điểm trang", value: (r: RoyaltyRow) => points(r.pagePoints) ?? "" },
    { header: "Tổng điểm", value: (r: RoyaltyRow) => points(r.points) ?? "" },
    { header: "Thành tiền (đồng)", value: (r: RoyaltyRow) => r.amount ?? "" },
    { header: "Ghi chú", value: (r: RoyaltyRow) => (r.unpricedReason ? REASONS[r.unpricedReason] : "") },
  ];
}

/** CSV: the priced articles, then those not priced, then the totals per byline and the grand total. */
export function royaltyCsv(report: RoyaltyReport, timeZone: string): Buffer {
  const columns = articleColumns(timeZone);
  const records: Array<Array<string | number>> = [["STT", ...columns.map((c) => c.header)]];
  report.rows.forEach((row, i) => records.push([i + 1, ...columns.map((c) => c.value(row))]));
  if (report.unpriced.length) {
    // Listed apart, so nobody is silently unpaid.
    records.push([]);
    records.push(["Bài chưa tính nhuận bút"]);
    records.push(["STT", ...columns.map((c) => c.header)]);
    report.unpriced.forEach((row, i) => records.push([i + 1, ...columns.map((c) => c.value(row))]));
  }
  records.push([]);
  records.push(["", "Tác giả", "Số bài", "Chưa tính", "Tổng điểm", "Thành tiền (đồng)"]);
  for (const b of report.bylines) records.push(["", b.byline ?? "(không ghi tác giả)", b.articleCount, b.unpricedCount, b.points / 100, b.amount]);
  records.push(["", "Tổng cộng", report.articleCount, report.unpricedCount, report.points / 100, report.amount]);
  return Buffer.from(stringify(records, { bom: true, record_delimiter: "windows" }), "utf8");
}

const MONEY = '#,##0" ₫"';
const POINTS = "0.##";

/** The .xlsx workbook. */
export async function royaltyXlsx(report: RoyaltyReport, timeZone: string, siteName: string): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = siteName;
  workbook.created = report.to;
  const title = `Nhuận bút tháng ${report.month.slice(5)}/${report.month.slice(0, 4)}`;

  const articleSheet = (name: string) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = [
      { header: "STT", key: "n", width: 6 },
      { header: "Ngày xuất bản", key: "date", width: 14, style: { numFmt: "dd/mm/yyyy" } },
      { header: "Tiêu đề", key: "title", width: 60 },
      { header: "Tác giả", key: "byline", width: 24 },
      { header: "Chuyên mục", key: "category", width: 22 },
      { header: "Loại bài viết", key: "genre", width: 16 },
      { header: "Số trang", key: "pages", width: 9 },
      { header: "Số ảnh", key: "photos", width: 8 },
      { header: "Điểm loại bài", key: "genrePoints", width: 12, style: { numFmt: POINTS } },
      { header: "Điểm ảnh", key: "photoPoints", width: 10, style: { numFmt: POINTS } },
      { header: "Điểm trang", key: "pagePoints", width: 10, style: { numFmt: POINTS } },
      { header: "Tổng điểm", key: "points", width: 10, style: { numFmt: POINTS } },
      { header: "Thành tiền (đồng)", key: "amount", width: 16, style: { numFmt: MONEY } },
      { header: "Ghi chú", key: "note", width: 36 },
    ];
    sheet.getRow(1).font = { bold: true };
    return sheet;
  };
  // Excel has no time zones: the date cell is the site's calendar day at midnight.
  const localDay = (d: Date) => {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
    return new Date(`${parts}T00:00:00Z`);
  };
  const addRows = (sheet: ExcelJS.Worksheet, rows: RoyaltyRow[]) =>
    rows.forEach((r, i) => {
      sheet.addRow({
        n: i + 1,
        date: localDay(r.firstPublishedAt),
        title: r.title,
        byline: r.byline ?? "",
        category: r.categoryName ?? "",
        genre: r.genre ?? "",
        pages: r.pages,
        photos: r.photos,
        genrePoints: points(r.genrePoints),
        photoPoints: points(r.photoPoints),
        pagePoints: points(r.pagePoints),
        points: points(r.points),
        amount: r.amount,
        note: r.unpricedReason ? REASONS[r.unpricedReason] : null,
      });
    });
  const sheet = articleSheet("Nhuận bút");
  addRows(sheet, report.rows);
  const total = sheet.addRow({ title: "Tổng cộng", points: report.points / 100, amount: report.amount });
  total.font = { bold: true };
  // Listed apart, so nobody is silently unpaid.
  addRows(articleSheet("Chưa tính nhuận bút"), report.unpriced);

  const byBylines = workbook.addWorksheet("Theo tác giả");
  byBylines.columns = [
    { header: "Tác giả", key: "byline", width: 28 },
    { header: "Số bài", key: "count", width: 9 },
    { header: "Chưa tính", key: "unpriced", width: 10 },
    { header: "Tổng điểm", key: "points", width: 11, style: { numFmt: POINTS } },
    { header: "Thành tiền (đồng)", key: "amount", width: 18, style: { numFmt: MONEY } },
  ];
  byBylines.getRow(1).font = { bold: true };
  for (const b of report.bylines) {
    byBylines.addRow({ byline: b.byline ?? "(không ghi tác giả)", count: b.articleCount, unpriced: b.unpricedCount, points: b.points / 100, amount: b.amount });
  }
  const grand = byBylines.addRow({
    byline: "Tổng cộng",
    count: report.articleCount,
    unpriced: report.unpricedCount,
    points: report.points / 100,
    amount: report.amount,
  });
  grand.font = { bold: true };

  workbook.title = title;
  workbook.subject = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
