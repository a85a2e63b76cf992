/** Dates and durations on the card. */
import { describe, expect, it } from "vitest";
import { DAY_MS, daysBetween, formatDuration, isoDate, parseDate } from "../../src/core/time.js";

describe("formatDuration", () => {
  it.each([
    [0, "less than a day"],
    [-5 * DAY_MS, "less than a day"],
    [DAY_MS - 1, "less than a day"],
    [DAY_MS, "1 day"],
    [3 * DAY_MS + 5_000, "3 days"],
    [13 * DAY_MS, "13 days"],
    [14 * DAY_MS, "2 weeks"],
    [20 * DAY_MS, "2 weeks"],
    [59 * DAY_MS, "8 weeks"],
    [60 * DAY_MS, "2 months"],
    [364 * DAY_MS, "12 months"],
    [365 * DAY_MS, "1 year"],
    [800 * DAY_MS, "2 years"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("isoDate", () => {
  it("gives the UTC calendar day of a Date or an ISO string", () => {
    expect(isoDate(new Date("2026-03-01T23:30:00-05:00"))).toBe("2026-03-02");
    expect(isoDate("2026-03-01")).toBe("2026-03-01");
  });

  it("refuses what is not a date", () => {
    expect(() => isoDate("soon")).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it.each([
    ["2026-01-05T09:00:00Z", "2026-01-05T23:00:00Z", 0],
    ["2026-01-05T23:00:00Z", "2026-01-06T01:00:00Z", 1],
    ["2026-01-05", "2026-01-12T12:00:00Z", 7],
    ["2026-02-27", "2026-03-01", 2],
    ["2026-03-01", "2026-02-27", -2],
  ])("%s → %s is %d calendar days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe("parseDate", () => {
  it("returns null for unreadable times", () => {
    expect(parseDate("yesterday")).toBeNull();
    expect(parseDate("2026-01-05T09:00:00Z")?.toISOString()).toBe("2026-01-05T09:00:00.000Z");
  });
});
