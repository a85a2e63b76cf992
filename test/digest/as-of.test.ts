/** A digest of a past period says what it would have said at that period's end. */
import { describe, expect, it } from "vitest";
import { collectWeekly } from "../../src/features/digest/collect.js";
import { parsePeriod } from "../../src/features/digest/period.js";
import { digestWorld, MONDAY } from "./fixtures.js";

async function weekOf(key: string) {
  const d = await digestWorld();
  d.seed({
    title: "Offline maps",
    history: [
      ["inception", "2026-11-02T10:00:00Z", "uma-user"],
      ["convergence", "2026-11-25T10:00:00Z", "mia-maintainer"],
    ],
  });
  d.seed({ title: "Arrived later", history: [["inception", "2026-11-26T10:00:00Z", "uma-user"]] });
  d.seed({
    title: "Closed later",
    history: [["inception", "2026-11-03T10:00:00Z", "uma-user"]],
    closedAt: "2026-11-27T10:00:00Z",
  });
  const period = parsePeriod("weekly", key, "UTC");
  if (!period) throw new Error("bad period");
  return collectWeekly(d.source, [d.world.repo], {
    config: d.config,
    settings: d.digests.weekly,
    period,
    now: new Date(MONDAY),
  });
}

const titlesIn = (data: Awaited<ReturnType<typeof weekOf>>, phase: string) =>
  data.phases.find((p) => p.id === phase)?.features.items.map((f) => f.title) ?? [];

describe("a back-dated weekly digest", () => {
  it("lists the phases features were in at the period's end, not today's", async () => {
    const past = await weekOf("2026-W47");
    expect(titlesIn(past, "inception").sort()).toEqual(["Closed later", "Offline maps"]);
    expect(titlesIn(past, "convergence")).toEqual([]);
    expect(past.closed).toBe(0);
    expect(past.transitions.items).toEqual([]);
  });

  it("and the current week still shows today's", async () => {
    const now = await weekOf("2026-W48");
    expect(titlesIn(now, "convergence")).toEqual(["Offline maps"]);
    expect(titlesIn(now, "inception")).toEqual(["Arrived later"]);
    expect(now.closed).toBe(1);
  });
});
