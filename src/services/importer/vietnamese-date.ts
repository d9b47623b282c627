// Parses the date line the old SharePoint portal prints under an article title,
// e.g. "Chủ Nhật, Ngày 15/12/2019, 14:00". The portal rendered local time in
// Vietnam (UTC+07:00, no daylight saving), so the instant is computed with that
// fixed offset rather than the host's time zone: imports must not depend on
// where they run.

/** Vietnam has used UTC+07:00 all year since 1975; no DST rules are needed. */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

/** Canonical weekday names, indexed like Date#getUTCDay() (0 = Sunday). */
export const VIETNAMESE_WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"] as const;

export type VietnameseDateResult =
  | {
      ok: true;
      /** The instant, converted from +07:00 local time. */
      date: Date;
      /** The local calendar day, YYYY-MM-DD (the day readers saw). */
      localDay: string;
      /** Set when the printed weekday disagrees with the date; not fatal. */
      warning: string | null;
    }
  | { ok: false; error: string };

// Spelling variants seen in Vietnamese sites: words ("Thứ Hai"), digits
// ("Thứ 2"), "Chủ nhật"/"CN". Keys are lower case; values index VIETNAMESE_WEEKDAYS.
const WEEKDAY_ALIASES: ReadonlyMap<string, number> = new Map([
  ["chủ nhật", 0],
  ["cn", 0],
  ["thứ hai", 1],
  ["thứ 2", 1],
  ["thứ ba", 2],
  ["thứ 3", 2],
  ["thứ tư", 3],
  ["thứ 4", 3],
  ["thứ năm", 4],
  ["thứ 5", 4],
  ["thứ sáu", 5],
  ["thứ 6", 5],
  ["thứ bảy", 6],
  ["thứ 7", 6],
]);

const WEEKDAY_PATTERN = "(chủ nhật|cn|thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7]))";

// A line that *claims* to be a date line: a weekday, then "Ngày" or a digit.
// Used to tell "the date is missing" from "the date is there but broken".
const LOOKS_LIKE_DATE_LINE = new RegExp(`^${WEEKDAY_PATTERN}\\s*[,\\-–]?\\s*(?:ngày|\\d)`, "u");

// Weekday, optional "Ngày", d/m/yyyy, optional time "14:00", "14h00" or "14g".
const DATE_LINE = new RegExp(
  `^${WEEKDAY_PATTERN}\\s*[,\\-–]?\\s*(?:ngày\\s*)?(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})` +
    `(?:\\s*[,\\-–]?\\s*(?:lúc\\s*)?(\\d{1,2})\\s*(?::\\s*(\\d{2})(?::(\\d{2}))?|[hg]\\s*(\\d{2})?))?\\s*$`,
  "u",
);

/** Lower-cases and NFC-normalises so NFD input and odd casing still match. */
function canonical(line: string): string {
  return line.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}

/** True if the line starts like a date line, valid or not. */
export function looksLikeVietnameseDateLine(line: string): boolean {
  return LOOKS_LIKE_DATE_LINE.test(canonical(line));
}

function isValidCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this month.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * Parses "Chủ Nhật, Ngày 15/12/2019, 14:00" into 2019-12-15T07:00:00Z.
 * Impossible dates and times fail; a weekday that disagrees with the date only
 * warns, because editors sometimes typed the line by hand and the date is what
 * the old site sorted by.
 */
export function parseVietnameseDateLine(line: string): VietnameseDateResult {
  const shown = line.trim();
  const invalid = (why: string): VietnameseDateResult => ({
    ok: false,
    error: `date line '${shown}' is not a valid date${why ? ` (${why})` : ""}`,
  });

  const match = DATE_LINE.exec(canonical(line));
  if (!match) return invalid("expected e.g. 'Chủ Nhật, Ngày 15/12/2019, 14:00'");

  const [, weekdayText = "", dayText = "", monthText = "", yearText = ""] = match;
  const day = Number(dayText);
  const month = Number(monthText);
  const year = Number(yearText);
  // Groups 5-7 are "14:00[:00]", group 8 the minutes of "14h00"/"14g".
  const hour = Number(match[5] ?? "0");
  const minute = Number(match[6] ?? match[8] ?? "0");
  const second = Number(match[7] ?? "0");

  if (!isValidCalendarDay(year, month, day)) return invalid("no such day");
  if (hour > 23 || minute > 59 || second > 59) return invalid("no such time of day");

  const localAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(localAsUtc - VIETNAM_UTC_OFFSET_MINUTES * 60_000);

  const printedWeekday = WEEKDAY_ALIASES.get(weekdayText);
  const actualWeekday = new Date(localAsUtc).getUTCDay();
  const warning =
    printedWeekday === undefined || printedWeekday === actualWeekday
      ? null
      : `date line '${shown}' says ${VIETNAMESE_WEEKDAYS[printedWeekday]} but ` +
        `${pad(day)}/${pad(month)}/${year} is a ${VIETNAMESE_WEEKDAYS[actualWeekday]}`;

  return { ok: true, date, localDay: `${year}-${pad(month)}-${pad(day)}`, warning };
}
