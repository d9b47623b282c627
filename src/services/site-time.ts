// Calendar days in the site's time zone (SITE_TIMEZONE, Asia/Ho_Chi_Minh by
// default): "today", "this week" (from Monday) and "this month" are the site's,
// not the server's.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The YYYY-MM-DD day of an instant in a time zone. */
export function dayOf(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** The day `n` days after a YYYY-MM-DD day (n may be negative). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Monday of the week of a day. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The first instant of a YYYY-MM-DD day in a time zone (its local midnight). */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset at an instant: its wall-clock reading taken as UTC, minus the instant.
  const offsetAt = (t: number) => Date.parse(`${dayOf(new Date(t), timeZone)}T${timeOf(new Date(t), timeZone)}Z`) - t;
  let t = midnightUtc - offsetAt(midnightUtc);
  // Once more with the offset at the first guess: right across a change of offset.
  t = midnightUtc - offsetAt(t);
  return new Date(t);
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function timeOf(instant: Date, timeZone: string): string {
  let format = timeFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    timeFormatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** The month after a YYYY-MM month. */
export function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}
