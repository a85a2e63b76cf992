/** Period keys: ISO weeks and months in the configured zone, across year ends and DST changes. */
import { describe, expect, it } from "vitest";
import {
  isoWeek,
  parsePeriod,
  periodContaining,
  previousPeriod,
  reportedPeriod,
} from "../../src/features/digest/period.js";

const key = (kind: "weekly" | "monthly", at: string, zone: string) =>
  periodContaining(kind, new Date(at), zone).key;

describe("digest periods", () => {
  it.each([
    // [instant, zone, week]: the same instant is a different week on either side of midnight.
    ["2026-11-29T22:30:00Z", "UTC", "weekly:2026-W48"],
    ["2026-11-29T22:30:00Z", "Africa/Nairobi", "weekly:2026-W49"],
    ["2026-11-30T07:00:00Z", "America/Los_Angeles", "weekly:2026-W48"],
    ["2026-11-30T07:00:00Z", "Pacific/Kiritimati", "weekly:2026-W49"],
    // Year ends: 2026 has 53 ISO weeks (it starts on a Thursday); 2024-12-30 is in 2025-W01.
    ["2026-12-31T12:00:00Z", "UTC", "weekly:2026-W53"],
    ["2027-01-03T12:00:00Z", "UTC", "weekly:2026-W53"],
    ["2027-01-04T00:00:00Z", "UTC", "weekly:2027-W01"],
    ["2024-12-30T09:00:00Z", "UTC", "weekly:2025-W01"],
    ["2021-01-03T09:00:00Z", "UTC", "weekly:2020-W53"],
  ])("%s in %s is %s", (at, zone, expected) => {
    expect(key("weekly", at, zone)).toBe(expected);
  });

  it("keys months by the local calendar", () => {
    expect(key("monthly", "2027-01-01T02:00:00Z", "America/New_York")).toBe("monthly:2026-12");
    expect(key("monthly", "2026-12-31T22:00:00Z", "Asia/Tokyo")).toBe("monthly:2027-01");
    expect(reportedPeriod("monthly", new Date("2027-01-01T09:00:00Z"), "UTC").key).toBe(
      "monthly:2026-12",
    );
  });

  it("reports the last complete period, the same all week", () => {
    for (const at of ["2026-11-30T00:00:00Z", "2026-12-02T12:00:00Z", "2026-12-06T23:59:59Z"]) {
      expect(reportedPeriod("weekly", new Date(at), "UTC").key).toBe("weekly:2026-W48");
    }
  });

  it("starts and ends at local midnight, DST included", () => {
    const nairobi = periodContaining("weekly", new Date("2026-11-25T12:00:00Z"), "Africa/Nairobi");
    expect([nairobi.start.toISOString(), nairobi.end.toISOString()]).toEqual([
      "2026-11-22T21:00:00.000Z",
      "2026-11-29T21:00:00.000Z",
    ]);
    expect([nairobi.firstDay, nairobi.lastDay]).toEqual(["2026-11-23", "2026-11-29"]);
    // Europe/Berlin moves to summer time on Sunday 29 March 2026: this week is 167 hours long.
    const berlin = periodContaining("weekly", new Date("2026-03-25T12:00:00Z"), "Europe/Berlin");
    expect([berlin.start.toISOString(), berlin.end.toISOString()]).toEqual([
      "2026-03-22T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
    ]);
    const march = periodContaining("monthly", new Date("2026-03-15T00:00:00Z"), "America/New_York");
    expect([march.start.toISOString(), march.end.toISOString()]).toEqual([
      "2026-03-01T05:00:00.000Z",
      "2026-04-01T04:00:00.000Z",
    ]);
  });

  it("steps back across year ends", () => {
    const w1 = parsePeriod("weekly", "2027-W01", "UTC");
    expect(w1 && previousPeriod(w1).key).toBe("weekly:2026-W53");
    const jan = parsePeriod("monthly", "monthly:2027-01", "UTC");
    expect(jan && previousPeriod(jan).key).toBe("monthly:2026-12");
  });

  it("parses what it prints and rejects weeks and months that do not exist", () => {
    expect(parsePeriod("weekly", "2026-W53", "UTC")?.firstDay).toBe("2026-12-28");
    expect(parsePeriod("weekly", "weekly:2026-W48", "UTC")?.firstDay).toBe("2026-11-23");
    expect(parsePeriod("weekly", "2027-W53", "UTC")).toBeNull();
    expect(parsePeriod("weekly", "2026-W00", "UTC")).toBeNull();
    expect(parsePeriod("weekly", "2026-11", "UTC")).toBeNull();
    expect(parsePeriod("monthly", "2026-13", "UTC")).toBeNull();
    expect(parsePeriod("monthly", "2026-W48", "UTC")).toBeNull();
    expect(isoWeek({ year: 2026, month: 1, day: 1 })).toEqual({ year: 2026, week: 1 });
  });
});
