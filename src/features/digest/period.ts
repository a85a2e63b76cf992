/**
 * Digest periods: ISO weeks and calendar months as a time zone sees them, with the keys
 * (`weekly:2026-W48`, `monthly:2026-11`) that make "one digest per period" checkable.
 */
import type { DigestKind } from "./config.js";

export interface Period {
  kind: DigestKind;
  /** `weekly:2026-W48` or `monthly:2026-11`: stored in the digest's marker. */
  key: string;
  /** `2026-W48` or `2026-11`. */
  label: string;
  timezone: string;
  /** First instant of the period (local midnight), inclusive. */
  start: Date;
  /** First instant of the next period, exclusive. */
  end: Date;
  /** Local calendar dates of the first and last day, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
}

/** A calendar date with no time zone; arithmetic on it runs in UTC, where days have 24 hours. */
interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const civilString = (d: CivilDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
const civilMs = (d: CivilDate) => Date.UTC(d.year, d.month - 1, d.day);

function civilFromMs(ms: number): CivilDate {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const addDays = (d: CivilDate, days: number) => civilFromMs(civilMs(d) + days * DAY_MS);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timezone: string): Intl.DateTimeFormat {
  let found = formatters.get(timezone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, found);
  }
  return found;
}

/** Wall-clock fields of `instant` in `timezone`. */
function wallClock(instant: Date, timezone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatter(timezone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The local calendar date of `instant` in `timezone`. */
function localDate(instant: Date, timezone: string): CivilDate {
  const { year = 0, month = 1, day = 1 } = wallClock(instant, timezone);
  return { year, month, day };
}

/** Milliseconds the zone is ahead of UTC at `ms`. */
function offsetAt(ms: number, timezone: string): number {
  const f = wallClock(new Date(ms), timezone);
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour, f.minute, f.second);
  return asUtc - (ms - (ms % 1000));
}

/**
 * The instant local midnight of `date` happens in `timezone`. Two passes settle the offset across
 * a DST change; where midnight itself is skipped (a few zones jump at 00:00) the first instant of
 * that day results.
 */
function localMidnight(date: CivilDate, timezone: string): Date {
  const guess = civilMs(date);
  let instant = guess - offsetAt(guess, timezone);
  instant = guess - offsetAt(instant, timezone);
  return new Date(instant);
}

/** ISO weekday, Monday 1 … Sunday 7. */
const isoWeekday = (d: CivilDate) => ((new Date(civilMs(d)).getUTCDay() + 6) % 7) + 1;

/** ISO 8601 week-numbering year and week of a date: the week belongs to the year of its Thursday. */
export function isoWeek(date: CivilDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return {
    year: thursday.year,
    week: Math.floor((civilMs(thursday) - civilMs(jan1)) / DAY_MS / 7) + 1,
  };
}

function build(kind: DigestKind, first: CivilDate, next: CivilDate, timezone: string): Period {
  const label =
    kind === "weekly"
      ? (({ year, week }) => `${pad(year, 4)}-W${pad(week)}`)(isoWeek(first))
      : `${pad(first.year, 4)}-${pad(first.month)}`;
  return {
    kind,
    key: `${kind}:${label}`,
    label,
    timezone,
    start: localMidnight(first, timezone),
    end: localMidnight(next, timezone),
    firstDay: civilString(first),
    lastDay: civilString(addDays(next, -1)),
  };
}

function periodFromFirstDay(kind: DigestKind, first: CivilDate, timezone: string): Period {
  const next =
    kind === "weekly"
      ? addDays(first, 7)
      : first.month === 12
        ? { year: first.year + 1, month: 1, day: 1 }
        : { year: first.year, month: first.month + 1, day: 1 };
  return build(kind, first, next, timezone);
}

/** The week (Monday to Sunday) or month that `instant` falls in, in `timezone`. */
export function periodContaining(kind: DigestKind, instant: Date, timezone: string): Period {
  const today = localDate(instant, timezone);
  const first =
    kind === "weekly"
      ? addDays(today, 1 - isoWeekday(today))
      : { year: today.year, month: today.month, day: 1 };
  return periodFromFirstDay(kind, first, timezone);
}

/** The period before `period`. */
export function previousPeriod(period: Period): Period {
  const lastDayBefore = civilFromMs(Date.parse(`${period.firstDay}T00:00:00Z`) - DAY_MS);
  return periodContaining(
    period.kind,
    localMidnight(lastDayBefore, period.timezone),
    period.timezone,
  );
}

/**
 * The period a digest run at `now` reports on: the last complete one, so a Monday-morning run
 * covers the week that just ended and every rerun that week finds the same key.
 */
export function reportedPeriod(kind: DigestKind, now: Date, timezone: string): Period {
  return previousPeriod(periodContaining(kind, now, timezone));
}

/**
 * `2026-W48`, `2026-11`, or either with its `weekly:`/`monthly:` prefix. Null when it is not a
 * real week or month of `kind` (e.g. `2026-W53`: 2026 has 53 weeks, 2027 does not).
 */
export function parsePeriod(kind: DigestKind, text: string, timezone: string): Period | null {
  const bare = text.trim().replace(new RegExp(`^${kind}:`), "");
  if (kind === "weekly") {
    const match = /^(\d{4})-W(\d{2})$/.exec(bare);
    if (!match) return null;
    const [year, week] = [Number(match[1]), Number(match[2])];
    const jan4 = { year, month: 1, day: 4 };
    const monday = addDays(jan4, 1 - isoWeekday(jan4) + (week - 1) * 7);
    const period = periodFromFirstDay(kind, monday, timezone);
    return period.label === bare ? period : null;
  }
  const match = /^(\d{4})-(\d{2})$/.exec(bare);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) return null;
  return periodFromFirstDay(kind, { year: Number(match[1]), month, day: 1 }, timezone);
}

/** Whether an ISO timestamp lies inside the period. */
export function inPeriod(period: Period, at: string): boolean {
  const ms = Date.parse(at);
  return ms >= period.start.getTime() && ms < period.end.getTime();
}
