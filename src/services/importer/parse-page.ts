// The pure half of the importer: turns one article page of the old SharePoint 2013
// portal, saved by a browser as plain text, into structured data. No database,
// no file system: the caller reads the file and decides what to do with the result.
//
// What such a page looks like (prisma/seed/000_6aa2adaba41c4592.txt): ribbon lines,
// the category as a breadcrumb, the visit-counter widget, the category again as the
// web part heading, the title, the date line, the bold lead, the body paragraphs
// (images appear as their file name with a "(caption)" line), the byline, the
// per-article counter, SharePoint's item links and empty field labels of the content
// type "Tin Tức Mở Rộng", and finally the agency footer. Every line of content is one
// paragraph; blank lines carry no meaning, so they are dropped.
//
// The parser never throws: a page it cannot read comes back as { ok: false, errors }.
import { createHash } from "node:crypto";
import { sanitizeArticleBody } from "../article-html";
import { slugify } from "../vietnamese";
import { looksLikeVietnameseDateLine, parseVietnameseDateLine } from "./vietnamese-date";

/** The agency footer: site data, not article data (Decree 42/2022/NĐ-CP contact details). */
export interface SiteInfo {
  name: string | null;
  responsiblePerson: string | null;
  address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
}

export interface ParsedImage {
  /** As printed on the page, e.g. "3hôi nghị 24 cia thi tuy.jpg"; not a URL yet. */
  fileName: string;
  /** The "(...)" caption without its parentheses, or null when there is none. */
  caption: string | null;
}

export interface ParsedPage {
  /** Where the text came from (file name); informative only, not part of any key. */
  source: string;
  /** Stable identity of the article: section + local publish day + title, slugified. */
  sourceKey: string;
  /** sha256 hex of the canonical JSON of the article fields (counters excluded). */
  contentHash: string;
  site: SiteInfo;
  siteTotalVisits: number | null;
  section: string;
  title: string;
  publishedAt: Date;
  summary: string;
  /** Plain text of the body paragraphs, in order, figures and byline excluded. */
  paragraphs: string[];
  bodyHtml: string;
  images: ParsedImage[];
  byline: string | null;
  viewCount: number | null;
  articleType: string | null;
  pageCount: number | null;
  photoCount: number | null;
  /** Every content-type field label that carried a value on the page, label → value. */
  fields: Record<string, string>;
  /** Oddities that did not stop the import (weekday mismatch, non-numeric counts...). */
  warnings: string[];
}

export type ParseResult = { ok: true; page: ParsedPage } | { ok: false; errors: string[] };

// ---------------------------------------------------------------------------
// Text normalisation

// Spaces a browser's "save as text" leaves behind (&nbsp; mostly) that must
// compare equal to a plain space.
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;
// Characters with no visible effect that would otherwise break equality and hashes.
const INVISIBLES = /[\u00AD\u200B\u2060\uFEFF]/gu;
const OTHER_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;

/**
 * NFC first, so NFD input (macOS, some editors) yields identical text and hashes;
 * then every line break style to \n, odd spaces to one space, trimmed lines, and
 * no blank lines (they carry no structure in these pages).
 */
export function normalizePageLines(text: string): string[] {
  return text
    .normalize("NFC")
    .replace(/\r\n?|[\u0085\u2028\u2029]/gu, "\n")
    .replace(INVISIBLES, "")
    .replace(ODD_SPACES, " ")
    .replace(OTHER_CONTROLS, "")
    .split("\n")
    .map((line) => line.replace(/ {2,}/gu, " ").trim())
    .filter((line) => line !== "");
}

/** Lower case for comparisons; Vietnamese has no locale-specific case rules. */
const key = (line: string): string => line.toLowerCase();

// ---------------------------------------------------------------------------
// Rejecting what is not a saved page at all

const MAX_PAGE_CHARS = 10_000_000;

function rejectNonText(raw: string): string | null {
  if (raw.trim() === "") return "the file is empty";
  if (raw.length > MAX_PAGE_CHARS) return `the file is too large to be one page (${raw.length} characters)`;
  if (raw.includes("\u0000")) return "the file contains binary data, not text";
  // UTF-8 bytes decoded as Latin-1/Windows-1252 turn "ứ" into "á»©" and so on. Checked
  // before the control-code ratio because Latin-1 decoding also yields C1 controls.
  const mojibake = raw.match(/Ã[\u0080-\u00BF]|á[»º]|Æ°|Ä‘/gu)?.length ?? 0;
  if (mojibake >= 3) return "the text looks like UTF-8 read with the wrong encoding ('á»'-style mojibake)";
  // Binary read as UTF-8 shows replacement characters and control codes.
  const suspicious = raw.match(/[\u0001-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/gu)?.length ?? 0;
  if (suspicious > Math.max(3, raw.length * 0.01)) return "the file contains binary data, not text";
  const tags = raw.match(/<\/?(?:html|head|body|div|span|p|a|table|tr|td|script|style|meta|link|img|br)\b[^>]*>/giu);
  if (/^\s*<(?:!doctype|html|head|body)\b/iu.test(raw) || (tags?.length ?? 0) >= 5) {
    return "the file is HTML, not a page saved as plain text";
  }
  return null;
}

// ---------------------------------------------------------------------------
// Recognising lines

// SharePoint chrome that a text save keeps: ribbon skip links, widget headings,
// item links (their label is printed twice: link text plus hidden text), the
// content-type footer and the media widget's tabs.
const CHROME_LINES = new Set([
  "skip ribbon commands",
  "skip to main content",
  "bỏ qua lệnh ruy-băng",
  "bỏ qua để tới nội dung chính",
  "turn on more accessible mode",
  "turn off more accessible mode",
  "sign in",
  "thống kê truy cập",
  "|",
  "ảnh",
  "video",
]);
const ITEM_LINKS = /^(?:manage permissions|version history)+$/u;
const CONTENT_TYPE_INFO = /^(?:content type:|version:|created at\b.*\bby\b|last modified at\b.*\bby\b)/u;

function isChrome(line: string): boolean {
  const k = key(line);
  return CHROME_LINES.has(k) || ITEM_LINKS.test(k) || CONTENT_TYPE_INFO.test(k);
}

// The display form of the content type "Tin Tức Mở Rộng", in page order.
const FIELD_LABELS = [
  "Tiêu đề",
  "Hình ảnh",
  "Hình ảnh mô tả",
  "Tóm tắt",
  "Nội dung",
  "Link thay thế nội dung",
  "Ngày xuất bản",
  "Tin nổi bật",
  "Tác giả",
  "Phân loại",
  "Loại bài viết",
  "Số Trang",
  "Số Ảnh",
  "Trạng thái",
  "Lịch sử",
  "Số lượt người đọc",
  "Approval Status",
  "Attachments",
] as const;
const LABEL_BY_KEY: ReadonlyMap<string, string> = new Map(FIELD_LABELS.map((l) => [key(l), l]));

/** "Số Trang" → the label; "Số Trang: 2" → the label and its inline value. */
function asFieldLabel(line: string): { label: string; inlineValue: string | null } | null {
  const bare = LABEL_BY_KEY.get(key(line));
  if (bare) return { label: bare, inlineValue: null };
  const colon = line.indexOf(":");
  if (colon <= 0) return null;
  const label = LABEL_BY_KEY.get(key(line.slice(0, colon).trim()));
  const value = line.slice(colon + 1).trim();
  return label ? { label, inlineValue: value === "" ? null : value } : null;
}

const SITE_VISITS = /^số lượt truy cập\s*:\s*([\d.,\s]*\d)?\s*$/u;
const ARTICLE_VIEWS = /^lượt người xem\s*:\s*([\d.,\s]*\d)?\s*$/u;

/** "258179", "258.179" or "258,179" (thousands separators vary) → 258179. */
function parseCount(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits.replace(/[.,\s]/gu, ""));
  return Number.isSafeInteger(n) ? n : null;
}

// Footer labels; "Điện thoại :" has a space before the colon on the real page.
const FOOTER_LABEL_PATTERN = "(chịu trách nhiệm(?: chính)?|địa chỉ|điện thoại|đt|fax|e-?mail|thư điện tử)\\s*:";
// Global for matchAll (which clones it, so its lastIndex never leaks between calls).
const FOOTER_LABEL = new RegExp(`(?<!\\p{L})${FOOTER_LABEL_PATTERN}`, "giu");
const FOOTER_LINE_START = new RegExp(`^${FOOTER_LABEL_PATTERN}`, "iu");

function footerFieldOf(label: string): keyof SiteInfo {
  const k = key(label);
  if (k.startsWith("chịu")) return "responsiblePerson";
  if (k === "địa chỉ") return "address";
  if (k === "fax") return "fax";
  if (k === "điện thoại" || k === "đt") return "phone";
  return "email";
}

function startsWithFooterLabel(line: string): boolean {
  return FOOTER_LINE_START.test(line);
}

/** An agency name is printed in capitals: "ỦY BAN NHÂN DÂN THỊ XÃ KIẾN TƯỜNG". */
function isCapitalisedName(line: string): boolean {
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 4 && line === line.toUpperCase() && line !== line.toLowerCase() && !isChrome(line);
}

const IMAGE_LINE = /^(.{1,240}?\.(?:jpe?g|png|gif|bmp|webp|tiff?))(?:\s*\((.+)\))?$/iu;
const CAPTION_LINE = /^\((.+)\)$/u;

function asImage(line: string): ParsedImage | null {
  const m = IMAGE_LINE.exec(line);
  if (!m?.[1]) return null;
  return { fileName: m[1].trim(), caption: m[2]?.trim() || null };
}

// ---------------------------------------------------------------------------
// Page regions

/** Where the article body ends: the first line of what follows it on the page. */
function findBodyEnd(lines: readonly string[], from: number): number | null {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const k = key(line);
    if (ARTICLE_VIEWS.test(k) || ITEM_LINKS.test(k) || CONTENT_TYPE_INFO.test(k)) return i;
    // Two field labels in a row: the content type's display form has begun.
    if (LABEL_BY_KEY.has(k) && LABEL_BY_KEY.has(key(lines[i + 1] ?? ""))) return i;
    if (key(line).startsWith("chịu trách nhiệm") && startsWithFooterLabel(line)) {
      // Page without item links: the footer follows the body, agency name first.
      return i > from && isCapitalisedName(lines[i - 1] ?? "") ? i - 1 : i;
    }
  }
  return null;
}

function parseFooter(tail: readonly string[]): SiteInfo {
  const site: SiteInfo = { name: null, responsiblePerson: null, address: null, phone: null, fax: null, email: null };
  const firstLabelled = tail.findIndex(startsWithFooterLabel);
  for (const line of firstLabelled < 0 ? [] : tail.slice(firstLabelled)) {
    if (!startsWithFooterLabel(line)) continue;
    // One line may hold several "Label: value" pairs separated by "*" or "-".
    const matches = [...line.matchAll(FOOTER_LABEL)];
    matches.forEach((m, i) => {
      const start = (m.index ?? 0) + m[0].length;
      const end = matches[i + 1]?.index ?? line.length;
      const value = line
        .slice(start, end)
        .replace(/^[\s:*|;,–-]+|[\s*|;,–-]+$/gu, "")
        .replace(/\.$/u, ""); // sentence full stop, not part of an address or e-mail
      const field = footerFieldOf(m[1] ?? "");
      if (value !== "" && site[field] === null) site[field] = value;
    });
  }
  // The name sits just above the labelled lines; without those, the last capitalised line.
  const before = firstLabelled < 0 ? tail : tail.slice(0, firstLabelled);
  const name = firstLabelled > 0 && isCapitalisedName(tail[firstLabelled - 1] ?? "") ? tail[firstLabelled - 1] : [...before].reverse().find(isCapitalisedName);
  site.name = name ?? null;
  return site;
}

/** Label → value for the content-type fields that carry a value on the page. */
function parseFields(tail: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  let current: string | null = null;
  for (const line of tail) {
    const k = key(line);
    if (CONTENT_TYPE_INFO.test(k) || startsWithFooterLabel(line)) break;
    const label = asFieldLabel(line);
    if (label) {
      current = label.inlineValue === null ? label.label : null;
      if (label.inlineValue !== null) fields[label.label] = label.inlineValue;
    } else if (current && !ITEM_LINKS.test(k) && !ARTICLE_VIEWS.test(k) && k !== "|") {
      fields[current] = fields[current] === undefined ? line : `${fields[current]} ${line}`;
    }
  }
  return fields;
}

/**
 * Section and title are the last two content lines above the date line: the
 * category is printed twice (breadcrumb, web part heading), the title once, so
 * a "title" equal to a category line means the real title is missing.
 */
function parseHeading(header: readonly string[]): { section: string | null; title: string | null } {
  const last = header[header.length - 1];
  if (last === undefined) return { section: null, title: null };
  const repeatsEarlierLine = header.slice(0, -1).some((l) => key(l) === key(last));
  if (repeatsEarlierLine) return { section: last, title: null };
  return { section: header[header.length - 2] ?? null, title: last };
}

// A byline is a name or two ("Hoài Phương", "Tin, ảnh: Minh Thư"), not a sentence.
function looksLikeByline(line: string, previous: string | undefined): boolean {
  if (asImage(line) || CAPTION_LINE.test(line)) return false;
  const words = line.split(" ").length;
  const sentenceEnd = /[.!?;…]$/u.test(line);
  // Vietnamese articles close with "./."; what follows it is the signature.
  const afterClosingMark = previous?.endsWith("./.") ?? false;
  return !sentenceEnd && line.length <= 80 && (afterClosingMark ? words <= 12 : words <= 6);
}

type Block = { kind: "p"; text: string } | { kind: "figure"; image: ParsedImage };

/** Body lines → paragraphs and figures; a "(caption)" line belongs to the image above it. */
function toBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const image = asImage(line);
    if (!image) {
      blocks.push({ kind: "p", text: line });
      continue;
    }
    const captionLine = image.caption === null ? CAPTION_LINE.exec(lines[i + 1] ?? "") : null;
    if (captionLine?.[1]) {
      image.caption = captionLine[1].trim();
      i++;
    }
    blocks.push({ kind: "figure", image });
  }
  return blocks;
}

const escapeHtml = (s: string): string => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

function toHtml(blocks: readonly Block[]): string {
  const html = blocks.map((b) => {
    if (b.kind === "p") return `<p>${escapeHtml(b.text)}</p>`;
    const caption = b.image.caption ?? "";
    const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : "";
    return `<figure><img src="${escapeHtml(b.image.fileName)}" alt="${escapeHtml(caption)}">${figcaption}</figure>`;
  });
  // The page's text becomes HTML here; the stored body follows the one article policy.
  return sanitizeArticleBody(html.join("\n"));
}

// ---------------------------------------------------------------------------
// Identity and change detection

/** JSON with object keys sorted at every level, so equal data gives equal bytes. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

function sourceKeyOf(section: string, localDay: string, title: string): string {
  // A title of symbols only would slugify to nothing; its hash still identifies it.
  // Whole, not cut to a URL's length: the key must tell long titles apart.
  const slug = (s: string): string => slugify(s, Infinity) || `h-${sha256(s).slice(0, 16)}`;
  return `${slug(section)}/${localDay}/${slug(title)}`;
}

// Counters change on every visit; they are not an edit of the article.
const VOLATILE_FIELDS = new Set(["Số lượt người đọc"]);

// ---------------------------------------------------------------------------
// The parser

function optionalCount(fields: Record<string, string>, label: string, warnings: string[]): number | null {
  const value = fields[label];
  if (value === undefined) return null;
  const n = /^\d[\d.,\s]*$/u.test(value) ? parseCount(value) : null;
  if (n === null) warnings.push(`field '${label}' has value '${value}', which is not a whole number`);
  return n;
}

function parseLines(lines: readonly string[], source: string): ParseResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const keys = lines.map(key);

  const dateIdx = lines.findIndex(looksLikeVietnameseDateLine);
  const visitsIdx = keys.findIndex((k) => SITE_VISITS.test(k));
  const bodyEnd = findBodyEnd(lines, dateIdx < 0 ? 0 : dateIdx + 1);
  const tail = bodyEnd === null ? [] : lines.slice(bodyEnd);
  const site = parseFooter(tail);
  const hasFooter = Object.values(site).some((v) => v !== null);

  const isPortalPage = dateIdx >= 0 || visitsIdx >= 0 || bodyEnd !== null || keys.includes("skip to main content");
  if (!isPortalPage) {
    return {
      ok: false,
      errors: [
        "the text is not a saved page of the portal: none of its landmarks were found " +
          "(ribbon lines, 'Số lượt truy cập', a date line, 'Lượt người xem', the agency footer)",
      ],
    };
  }

  const siteTotalVisits = visitsIdx < 0 ? null : parseCount(SITE_VISITS.exec(keys[visitsIdx] ?? "")?.[1]);
  const viewIdx = keys.findIndex((k, i) => i > dateIdx && ARTICLE_VIEWS.test(k));
  const viewCount = viewIdx < 0 ? null : parseCount(ARTICLE_VIEWS.exec(keys[viewIdx] ?? "")?.[1]);
  const fields = parseFields(tail);

  // Date line, and above it the heading.
  let publishedAt: Date | null = null;
  let localDay = "";
  let heading: { section: string | null; title: string | null } = { section: null, title: null };
  if (dateIdx < 0) {
    errors.push("no date line found under the title (expected e.g. 'Chủ Nhật, Ngày 15/12/2019, 14:00')");
  } else {
    const parsed = parseVietnameseDateLine(lines[dateIdx] ?? "");
    if (parsed.ok) {
      publishedAt = parsed.date;
      localDay = parsed.localDay;
      if (parsed.warning) warnings.push(parsed.warning);
    } else {
      errors.push(parsed.error);
    }
    const header = lines.slice(0, dateIdx).filter((l) => !isChrome(l) && !SITE_VISITS.test(key(l)));
    heading = parseHeading(header);
  }
  const title = heading.title ?? fields["Tiêu đề"] ?? null;
  const section = heading.section ?? fields["Phân loại"] ?? null;
  if (dateIdx >= 0 && title === null) errors.push("no title found above the date line");
  if (dateIdx >= 0 && section === null) errors.push("no section (category) line found above the title");

  // Lead, body and byline.
  if (bodyEnd === null) {
    errors.push("the article has no end (no 'Lượt người xem' line, item links or agency footer): the page looks truncated");
  } else if (!hasFooter) {
    errors.push("no agency footer found (name, address, phone, e-mail): the page looks truncated");
  }
  const content = dateIdx < 0 ? [] : lines.slice(dateIdx + 1, bodyEnd ?? lines.length);
  const leadIdx = content.findIndex((l) => !asImage(l) && !CAPTION_LINE.test(l));
  const summary = leadIdx < 0 ? (fields["Tóm tắt"] ?? null) : (content[leadIdx] ?? null);
  const bodyLines = leadIdx < 0 ? content : [...content.slice(0, leadIdx), ...content.slice(leadIdx + 1)];
  const last = bodyLines[bodyLines.length - 1];
  const hasByline = last !== undefined && bodyLines.length > 1 && looksLikeByline(last, bodyLines[bodyLines.length - 2]);
  const byline = hasByline ? (last ?? null) : (fields["Tác giả"] ?? null);
  const blocks = toBlocks(hasByline ? bodyLines.slice(0, -1) : bodyLines);
  if (dateIdx >= 0 && summary === null) errors.push("no lead paragraph (summary) found after the date line");
  if (dateIdx >= 0 && summary !== null && blocks.length === 0) {
    errors.push("no body paragraphs found after the lead paragraph");
  }

  if (errors.length > 0 || publishedAt === null || title === null || section === null || summary === null) {
    return { ok: false, errors: errors.length > 0 ? errors : ["the page could not be parsed"] };
  }

  const images = blocks.flatMap((b) => (b.kind === "figure" ? [b.image] : []));
  const paragraphs = blocks.flatMap((b) => (b.kind === "p" ? [b.text] : []));
  const bodyHtml = toHtml(blocks);
  const articleType = fields["Loại bài viết"] ?? null;
  const pageCount = optionalCount(fields, "Số Trang", warnings);
  const photoCount = optionalCount(fields, "Số Ảnh", warnings);

  const stableFields = Object.fromEntries(Object.entries(fields).filter(([label]) => !VOLATILE_FIELDS.has(label)));
  const contentHash = sha256(
    canonicalJson({
      section,
      title,
      publishedAt,
      summary,
      bodyHtml,
      images,
      byline,
      articleType,
      pageCount,
      photoCount,
      fields: stableFields,
    }),
  );

  return {
    ok: true,
    page: {
      source,
      sourceKey: sourceKeyOf(section, localDay, title),
      contentHash,
      site,
      siteTotalVisits,
      section,
      title,
      publishedAt,
      summary,
      paragraphs,
      bodyHtml,
      images,
      byline,
      viewCount,
      articleType,
      pageCount,
      photoCount,
      fields,
      warnings,
    },
  };
}

/**
 * Parses one article page of the old portal saved as text. Never throws: anything
 * that is not a complete page comes back as { ok: false, errors } with one sentence
 * per problem.
 */
export function parseSharePointPage(text: string, source: string): ParseResult {
  try {
    if (typeof text !== "string") return { ok: false, errors: ["the input is not text"] };
    const rejected = rejectNonText(text);
    if (rejected) return { ok: false, errors: [rejected] };
    return parseLines(normalizePageLines(text), String(source));
  } catch (error) {
    // A parser bug must not abort a batch import; report it against this file.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`internal error while parsing the page: ${reason}`] };
  }
}
