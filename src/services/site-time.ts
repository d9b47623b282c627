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
