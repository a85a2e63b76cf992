/** Dates and durations as people read them on the card; pure, UTC throughout. */

export const DAY_MS = 86_400_000;

/** A Date from an ISO string or a Date; null when it is not a real instant. */
export function parseDate(value: Date | string): Date | null {
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

function requireDate(value: Date | string): Date {
  const date = parseDate(value);
  if (!date) throw new RangeError(`not a date: ${String(value)}`);
  return date;
}

/** `YYYY-MM-DD` in UTC, the calendar day GitHub shows in its timeline tooltips. */
export function isoDate(value: Date | string): string {
  return requireDate(value).toISOString().slice(0, 10);
}

/**
 * Calendar days (UTC) from `from` to `to`: how many midnights lie between them, so a span that
 * starts late on Monday and ends early on Tuesday counts as one day, as a chart would draw it.
 * Negative when `to` is before `from`.
 */
export function daysBetween(from: Date | string, to: Date | string): number {
  const start = Date.parse(isoDate(from));
  const end = Date.parse(isoDate(to));
  return Math.round((end - start) / DAY_MS);
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** "less than a day", "3 days", "2 weeks", "4 months", "1 year": rounded down, never precise. */
export function formatDuration(ms: number): string {
  const days = Math.floor(Math.max(0, ms) / DAY_MS);
  if (days < 1) return "less than a day";
  // Up to two weeks the day count matters (sprints are counted in days); beyond, it is noise.
  if (days < 14) return plural(days, "day");
  if (days < 60) return plural(Math.floor(days / 7), "week");
  if (days < 365) return plural(Math.floor(days / 30), "month");
  return plural(Math.floor(days / 365), "year");
}
