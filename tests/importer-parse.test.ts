// The pure half of the importer: one saved page of the old SharePoint portal in,
// structured article + site data out. The fixture is the real page the project
// starts from (prisma/seed/000_6aa2adaba41c4592.txt); every other case is
// derived from it here.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseSharePointPage, type ParsedPage, type ParseResult } from "../src/services/importer/parse-page";
import { looksLikeVietnameseDateLine, parseVietnameseDateLine } from "../src/services/importer/vietnamese-date";

const FIXTURE = readFileSync(new URL("../prisma/seed/000_6aa2adaba41c4592.txt", import.meta.url), "utf8");
const SOURCE = "000_6aa2adaba41c4592.txt";

const TITLE = "Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu Nghị quyết Thị ủy năm 2019";
const DATE_LINE = "Chủ Nhật, Ngày 15/12/2019, 14:00";
const SUMMARY =
  "Cơ cấu kinh tế dịch chuyển đúng hướng, tăng dần tỷ trọng giá trị sản xuất khu vực thương mại - " +
  "dịch vụ và khu vực công nghiệp - xây dựng, lần lượt là 15,3% và 12,6% so với cùng kỳ";

function parsed(text: string, source = SOURCE): ParsedPage {
  const result = parseSharePointPage(text, source);
  if (!result.ok) throw new Error(`expected a page, got errors: ${result.errors.join("; ")}`);
  return result.page;
}

function errorsOf(result: ParseResult): string[] {
  if (result.ok) throw new Error(`expected errors, got the page '${result.page.title}'`);
  return result.errors;
}

/** Replaces one exact line of the fixture (lines are LF-separated there). */
function replaceLine(text: string, line: string, replacement: string | null): string {
  const lines = text.split("\n");
  const i = lines.indexOf(line);
  if (i < 0) throw new Error(`fixture has no line '${line}'`);
  if (replacement === null) lines.splice(i, 1);
  else lines[i] = replacement;
  return lines.join("\n");
}

/** The fixture cut just before the first line that starts with `prefix`. */
function cutBefore(text: string, prefix: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`fixture has no line starting with '${prefix}'`);
  return lines.slice(0, i).join("\n");
}

describe("parseSharePointPage on the real fixture", () => {
  const page = parsed(FIXTURE);

  it("reads the heading: section, title, publish instant in +07:00", () => {
    expect(page.section).toBe("Tin tức sự kiện");
    expect(page.title).toBe(TITLE);
    expect(page.publishedAt.toISOString()).toBe("2019-12-15T07:00:00.000Z");
    expect(page.source).toBe(SOURCE);
  });

  it("reads the bold lead as the summary", () => {
    expect(page.summary).toBe(SUMMARY);
  });

  it("reads six body paragraphs, the byline and the counters", () => {
    expect(page.paragraphs).toHaveLength(6);
    expect(page.paragraphs[0]).toMatch(/^Ngày 12\/12\/2019, Ban thường vụ Thị ủy Kiến Tường tổ chức Hội nghị/u);
    expect(page.paragraphs[0]).toMatch(/bàn và quyết định một số công việc theo thẩm quyền….$/u);
    // The NBSP that opened this paragraph is gone, and NBSP + space became one space.
    expect(page.paragraphs[3]).toMatch(/^Lĩnh vực văn hóa - xã hội có nhiều tiến bộ/u);
    expect(page.paragraphs[2]).toContain("lần lượt là 15,3% và 12,6% so với cùng kỳ.");
    expect(page.paragraphs[1]).toContain('tỷ lệ Tổ chức cơ sở Đảng "hoàn thành tốt nhiệm vụ"');
    expect(page.paragraphs[5]).toMatch(/^Phát biểu kết luận Hội nghị Thị ủy lần thứ 24/u);
    expect(page.paragraphs[5]).toMatch(/xã hội và nhân dân\.\/\.$/u);
    expect(page.byline).toBe("Hoài Phương");
    expect(page.viewCount).toBe(157);
    expect(page.siteTotalVisits).toBe(258179);
  });

  it("turns the image line and its caption into one figure", () => {
    expect(page.images).toEqual([{ fileName: "3hôi nghị 24 cia thi tuy.jpg", caption: "Quang cảnh hội nghị" }]);
    expect(page.bodyHtml).toContain(
      '<figure><img src="3hôi nghị 24 cia thi tuy.jpg" alt="Quang cảnh hội nghị" />' + "<figcaption>Quang cảnh hội nghị</figcaption></figure>",
    );
    expect(page.paragraphs.join("\n")).not.toContain("Quang cảnh");
  });

  it("renders the body as sanitised paragraphs in page order", () => {
    const blocks = page.bodyHtml.split("\n");
    expect(blocks).toHaveLength(7);
    expect(blocks.map((b) => b.slice(0, 8))).toEqual(["<p>Ngày ", "<p>Sau p", "<p>Cụ th", "<p>Lĩnh ", "<figure>", "<p>Bên c", "<p>Phát "]);
    expect(page.bodyHtml.match(/<p>/gu)).toHaveLength(6);
    expect(page.bodyHtml).not.toContain("\u00a0");
    // Neither lead, byline nor page chrome leak into the body.
    expect(page.bodyHtml).not.toContain(`<p>${SUMMARY}</p>`);
    for (const outside of ["Hoài Phương", "Lượt người xem", "Manage Permissions", "Skip", "Tiêu đề"]) {
      expect(page.bodyHtml).not.toContain(outside);
    }
  });

  it("reads the agency footer", () => {
    expect(page.site).toEqual({
      name: "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG",
      responsiblePerson: "Ông Lê Quang Tửu - Chánh Văn phòng HĐND và UBND thị xã",
      address: "Số 12, đường 30/4, Phường 1, thị xã Kiến Tường, tỉnh Long An",
      phone: "(0272) 3841981 - (0272) 3840958",
      fax: "(072) 3841936",
      email: "ubndtxkientuong@longan.gov.vn",
    });
  });

  it("finds no field values: the saved page prints the content type's labels empty", () => {
    expect(page.fields).toEqual({});
    expect(page.articleType).toBeNull();
    expect(page.pageCount).toBeNull();
    expect(page.photoCount).toBeNull();
    expect(page.warnings).toEqual([]);
  });

  it("derives a readable source key and a sha256 content hash", () => {
    expect(page.sourceKey).toBe("tin-tuc-su-kien/2019-12-15/kien-tuong-thuc-hien-dat-va-vuot-22-24-chi-tieu-nghi-quyet-thi-uy-nam-2019");
    expect(page.contentHash).toMatch(/^[0-9a-f]{64}$/u);
  });
});

describe("parseSharePointPage ignores how the text was saved", () => {
  const reference = parsed(FIXTURE);
  const variants: Array<[string, string]> = [
    ["CRLF line ends", FIXTURE.replace(/\n/gu, "\r\n")],
    ["lone CR line ends", FIXTURE.replace(/\n/gu, "\r")],
    ["NFD (decomposed) text", FIXTURE.normalize("NFD")],
    ["extra blank lines", `\n\n${FIXTURE.replace(/\n/gu, "\n\n\n")}\n\n`],
    ["blank lines that hold only spaces", FIXTURE.replace(/\n\n/gu, "\n \u00a0\t\n\n")],
    ["non-breaking spaces for spaces", FIXTURE.replace(/ /gu, "\u00a0")],
    ["runs of odd spaces", FIXTURE.replace(/ /gu, " \u2009\u202f ")],
    ["a byte order mark", `\ufeff${FIXTURE}`],
    ["all of it at once", `\ufeff${FIXTURE.normalize("NFD").replace(/ /gu, "\u00a0 ").replace(/\n/gu, "\r\n\r\n")}`],
  ];

  it.each(variants)("%s give the same page and content hash", (_name, text) => {
    const page = parsed(text);
    expect(page).toEqual(reference);
    expect(page.contentHash).toBe(reference.contentHash);
  });

  it("keeps the source key when the same page comes from another file name", () => {
    const page = parsed(FIXTURE, "copies/renamed-export.txt");
    expect(page.sourceKey).toBe(reference.sourceKey);
    expect(page.contentHash).toBe(reference.contentHash);
  });
});

describe("contentHash and sourceKey", () => {
  const reference = parsed(FIXTURE);

  it("an edited body changes the hash but not the key", () => {
    const edited = parsed(FIXTURE.replace("đạt 148% dự toán tỉnh giao", "đạt 150% dự toán tỉnh giao"));
    expect(edited.contentHash).not.toBe(reference.contentHash);
    expect(edited.sourceKey).toBe(reference.sourceKey);
  });

  it("an edited lead or byline changes the hash", () => {
    expect(parsed(FIXTURE.replace("so với cùng kỳ\n", "so với cùng kỳ.\n")).contentHash).not.toBe(reference.contentHash);
    expect(parsed(replaceLine(FIXTURE, "Hoài Phương", "Minh Thư")).contentHash).not.toBe(reference.contentHash);
  });

  it("new counter values are not an edit", () => {
    const later = parsed(
      FIXTURE.replace("Số lượt truy cập: 258179", "Số lượt truy cập: 300000").replace("Lượt người xem: \u00a0 157", "Lượt người xem: 1.204"),
    );
    expect(later.siteTotalVisits).toBe(300000);
    expect(later.viewCount).toBe(1204);
    expect(later.contentHash).toBe(reference.contentHash);
  });

  it("another title or day is another article", () => {
    const retitled = parsed(replaceLine(FIXTURE, TITLE, "Kiến Tường: Tổng kết năm 2019"));
    expect(retitled.sourceKey).toBe("tin-tuc-su-kien/2019-12-15/kien-tuong-tong-ket-nam-2019");
    const redated = parsed(replaceLine(FIXTURE, DATE_LINE, "Thứ Hai, Ngày 16/12/2019, 08:30"));
    expect(redated.sourceKey).toBe(reference.sourceKey.replace("2019-12-15", "2019-12-16"));
    expect(redated.publishedAt.toISOString()).toBe("2019-12-16T01:30:00.000Z");
  });

  it("casing and spacing of the heading do not change the key", () => {
    const shouted = parsed(replaceLine(FIXTURE, TITLE, `  ${TITLE.toUpperCase()}  `));
    expect(shouted.sourceKey).toBe(reference.sourceKey);
  });
});

describe("parseSharePointPage on other pages of the same site", () => {
  it("reads content-type field values when the page has them", () => {
    const text = FIXTURE.replace("Tác giả\n\n", "Tác giả\n\nHoài Phương\n\n")
      .replace("Loại bài viết\n\n", "Loại bài viết\n\nTin\n\n")
      .replace("Số Trang\n\n", "Số Trang\n\n2\n\n")
      .replace("Số Ảnh\n\n", "Số Ảnh: 1\n\n");
    const page = parsed(text);
    expect(page.articleType).toBe("Tin");
    expect(page.pageCount).toBe(2);
    expect(page.photoCount).toBe(1);
    expect(page.fields).toEqual({ "Tác giả": "Hoài Phương", "Loại bài viết": "Tin", "Số Trang": "2", "Số Ảnh": "1" });
    expect(page.contentHash).not.toBe(parsed(FIXTURE).contentHash);
  });

  it("warns, without failing, on a count that is not a number", () => {
    const page = parsed(FIXTURE.replace("Số Trang\n\n", "Số Trang\n\nhai\n\n"));
    expect(page.pageCount).toBeNull();
    expect(page.warnings).toEqual(["field 'Số Trang' has value 'hai', which is not a whole number"]);
  });

  it("reads another section, several images, and no optional counters or byline", () => {
    let text = FIXTURE.split("Tin tức sự kiện").join("Thông báo");
    text = replaceLine(text, "Số lượt truy cập: 258179", null);
    text = replaceLine(text, TITLE, "Thông báo lịch tiếp công dân tháng 01/2020");
    text = replaceLine(text, DATE_LINE, "Thứ Sáu, Ngày 03/01/2020, 8h15");
    text = replaceLine(text, "Hoài Phương", null);
    text = replaceLine(text, "Lượt người xem: \u00a0 157", null);
    text = replaceLine(text, "(Quang cảnh hội nghị)", "IMG_1234.JPG (Ảnh: Lễ ký kết)\n\nbanner-2020.png");
    const page = parsed(text);
    expect(page.section).toBe("Thông báo");
    expect(page.title).toBe("Thông báo lịch tiếp công dân tháng 01/2020");
    expect(page.publishedAt.toISOString()).toBe("2020-01-03T01:15:00.000Z");
    expect(page.siteTotalVisits).toBeNull();
    expect(page.viewCount).toBeNull();
    expect(page.byline).toBeNull();
    expect(page.paragraphs).toHaveLength(6);
    expect(page.paragraphs[5]).toMatch(/nhân dân\.\/\.$/u);
    expect(page.images).toEqual([
      { fileName: "3hôi nghị 24 cia thi tuy.jpg", caption: null },
      { fileName: "IMG_1234.JPG", caption: "Ảnh: Lễ ký kết" },
      { fileName: "banner-2020.png", caption: null },
    ]);
    expect(page.bodyHtml).toContain('<figure><img src="3hôi nghị 24 cia thi tuy.jpg" alt="" /></figure>');
    expect(page.sourceKey).toBe("thong-bao/2020-01-03/thong-bao-lich-tiep-cong-dan-thang-01-2020");
    expect(page.site.email).toBe("ubndtxkientuong@longan.gov.vn");
  });

  it("reads a page without item links or field labels: the footer ends the body", () => {
    const lines = FIXTURE.split("\n");
    const from = lines.indexOf("Manage PermissionsManage Permissions");
    const to = lines.findIndex((l) => l.startsWith("ỦY BAN"));
    const page = parsed([...lines.slice(0, from), ...lines.slice(to)].join("\n"));
    expect(page.byline).toBe("Hoài Phương");
    expect(page.paragraphs).toHaveLength(6);
    expect(page.site.name).toBe("ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG");
  });

  it("keeps whatever footer parts the page has", () => {
    const page = parsed(cutBefore(FIXTURE, "Điện thoại"));
    expect(page.site).toEqual({
      name: "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG",
      responsiblePerson: "Ông Lê Quang Tửu - Chánh Văn phòng HĐND và UBND thị xã",
      address: "Số 12, đường 30/4, Phường 1, thị xã Kiến Tường, tỉnh Long An",
      phone: null,
      fax: null,
      email: null,
    });
  });

  it("escapes body text and never lets markup through", () => {
    const page = parsed(FIXTURE.replace("Bên cạnh những kết", '<script>alert("x")</script> <b>Bên</b> & <img src=x onerror=y> cạnh những kết'));
    expect(page.bodyHtml).not.toMatch(/<script|<b>|<img src=x|<[^>]*onerror/u);
    expect(page.bodyHtml).toContain('<p>&lt;script&gt;alert("x")&lt;/script&gt; &lt;b&gt;Bên&lt;/b&gt; &amp; ');
  });

  it("warns, without failing, when the weekday does not match the date", () => {
    const page = parsed(replaceLine(FIXTURE, DATE_LINE, "Thứ Hai, Ngày 15/12/2019, 14:00"));
    expect(page.publishedAt.toISOString()).toBe("2019-12-15T07:00:00.000Z");
    expect(page.warnings).toEqual(["date line 'Thứ Hai, Ngày 15/12/2019, 14:00' says Thứ Hai but 15/12/2019 is a Chủ Nhật"]);
  });
});

describe("parseSharePointPage rejects what it cannot read, without throwing", () => {
  it("a missing title", () => {
    expect(errorsOf(parseSharePointPage(replaceLine(FIXTURE, TITLE, null), SOURCE))).toEqual(["no title found above the date line"]);
  });

  it("a missing date line", () => {
    expect(errorsOf(parseSharePointPage(replaceLine(FIXTURE, DATE_LINE, null), SOURCE))).toEqual([
      "no date line found under the title (expected e.g. 'Chủ Nhật, Ngày 15/12/2019, 14:00')",
    ]);
  });

  it.each([
    ["Thứ Hai, Ngày 32/13/2019", "no such day"],
    ["Chủ Nhật, Ngày 31/02/2019, 14:00", "no such day"],
    ["Chủ Nhật, Ngày 15/12/2019, 24:30", "no such time of day"],
    ["Chủ Nhật, Ngày mười lăm tháng 12", "expected e.g. 'Chủ Nhật, Ngày 15/12/2019, 14:00'"],
  ])("an unparsable date line '%s'", (line, why) => {
    expect(errorsOf(parseSharePointPage(replaceLine(FIXTURE, DATE_LINE, line), SOURCE))).toEqual([`date line '${line}' is not a valid date (${why})`]);
  });

  it("a page truncated in the middle of the body", () => {
    expect(errorsOf(parseSharePointPage(FIXTURE.slice(0, Math.floor(FIXTURE.length / 2)), SOURCE))).toEqual([
      "the article has no end (no 'Lượt người xem' line, item links or agency footer): the page looks truncated",
    ]);
  });

  it("a page truncated before the footer", () => {
    expect(errorsOf(parseSharePointPage(cutBefore(FIXTURE, "ỦY BAN"), SOURCE))).toEqual([
      "no agency footer found (name, address, phone, e-mail): the page looks truncated",
    ]);
  });

  it("a page with a lead but no body", () => {
    const lines = FIXTURE.split("\n");
    const text = [...lines.slice(0, lines.indexOf(DATE_LINE) + 2), ...lines.slice(lines.indexOf("Hoài Phương") + 1)];
    expect(errorsOf(parseSharePointPage(text.join("\n"), SOURCE))).toEqual(["no body paragraphs found after the lead paragraph"]);
  });

  it("a page cut right after the date line", () => {
    const text = FIXTURE.slice(0, FIXTURE.indexOf(DATE_LINE) + DATE_LINE.length);
    expect(errorsOf(parseSharePointPage(text, SOURCE))).toEqual([
      "the article has no end (no 'Lượt người xem' line, item links or agency footer): the page looks truncated",
      "no lead paragraph (summary) found after the date line",
    ]);
  });

  it("every cut of the page before its footer is refused", () => {
    const lines = FIXTURE.split("\n");
    const footer = lines.findIndex((l) => l.startsWith("ỦY BAN"));
    for (let n = 0; n < footer; n++) {
      const result = parseSharePointPage(lines.slice(0, n).join("\n"), SOURCE);
      expect(result.ok).toBe(false);
    }
  });

  const NOT_PAGE = [
    "the text is not a saved page of the portal: none of its landmarks were found " +
      "(ribbon lines, 'Số lượt truy cập', a date line, 'Lượt người xem', the agency footer)",
  ];

  it("plain text that is not such a page", () => {
    const text = "Lorem ipsum dolor sit amet.\nNgày 12/12/2019, một câu văn bình thường.\n\nHết.";
    expect(errorsOf(parseSharePointPage(text, "notes.txt"))).toEqual(NOT_PAGE);
  });

  it("an HTML file", () => {
    const html = `<!DOCTYPE html><html><head><title>${TITLE}</title></head><body><p>${SUMMARY}</p></body></html>`;
    expect(errorsOf(parseSharePointPage(html, "page.aspx"))).toEqual(["the file is HTML, not a page saved as plain text"]);
  });

  it.each([
    ["an empty file", ""],
    ["a file of blank lines", "\r\n \u00a0\n\t\n"],
  ])("%s", (_name, text) => {
    expect(errorsOf(parseSharePointPage(text, SOURCE))).toEqual(["the file is empty"]);
  });

  it("binary garbage", () => {
    // A deterministic byte soup (linear congruential generator), read as UTF-8 like a text file would be.
    const bytes = Buffer.alloc(4096);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = seed >> 23;
    }
    expect(errorsOf(parseSharePointPage(bytes.toString("utf8"), "image.bin"))).toEqual(["the file contains binary data, not text"]);
  });

  it("UTF-8 read with the wrong encoding", () => {
    const mojibake = Buffer.from(FIXTURE, "utf8").toString("latin1");
    expect(errorsOf(parseSharePointPage(mojibake, SOURCE))).toEqual(["the text looks like UTF-8 read with the wrong encoding ('á»'-style mojibake)"]);
  });

  it("input that is not a string at all", () => {
    expect(errorsOf(parseSharePointPage(null as unknown as string, SOURCE))).toEqual(["the input is not text"]);
  });
});

describe("parseVietnameseDateLine", () => {
  it("reads local time at +07:00", () => {
    expect(parseVietnameseDateLine(DATE_LINE)).toEqual({
      ok: true,
      date: new Date("2019-12-15T07:00:00.000Z"),
      localDay: "2019-12-15",
      warning: null,
    });
  });

  it("is independent of Unicode form and casing, and accepts common spellings", () => {
    const cases: Array<[string, string]> = [
      [DATE_LINE.normalize("NFD"), "2019-12-15T07:00:00.000Z"],
      ["CHỦ NHẬT, NGÀY 15/12/2019, 14:00", "2019-12-15T07:00:00.000Z"],
      ["Thứ 2, ngày 16/12/2019 lúc 8h30", "2019-12-16T01:30:00.000Z"],
      ["Thứ Bảy, Ngày 29/02/2020", "2020-02-28T17:00:00.000Z"],
      ["Thứ Tư, Ngày 01/01/2020, 00:00", "2019-12-31T17:00:00.000Z"],
    ];
    for (const [line, iso] of cases) {
      const result = parseVietnameseDateLine(line);
      expect(result.ok && result.date.toISOString()).toBe(iso);
      expect(result.ok && result.warning).toBeNull();
    }
  });

  it("refuses impossible days and times", () => {
    const impossible = ["Thứ Sáu, Ngày 29/02/2019", "Thứ Hai, Ngày 31/04/2019", "Thứ Hai, Ngày 00/01/2019", "Chủ Nhật, Ngày 15/12/2019, 14:60"];
    for (const line of impossible) {
      expect(parseVietnameseDateLine(line).ok).toBe(false);
    }
  });

  it("tells date lines from body sentences that start with a date", () => {
    expect(looksLikeVietnameseDateLine("Thứ Hai, Ngày 32/13/2019")).toBe(true);
    expect(looksLikeVietnameseDateLine("Ngày 12/12/2019, Ban thường vụ Thị ủy Kiến Tường tổ chức")).toBe(false);
    expect(looksLikeVietnameseDateLine("Tin tức sự kiện")).toBe(false);
  });
});
