/** Collection: one request per page of 100, closed issues only when they changed in the period. */
import { describe, expect, it } from "vitest";
import { collectWeekly, WeeklyCollector } from "../../src/features/digest/collect.js";
import { reportedPeriod } from "../../src/features/digest/period.js";
import { TopList } from "../../src/features/digest/top-list.js";
import { digestWorld, MONDAY } from "./fixtures.js";

const period = reportedPeriod("weekly", new Date(MONDAY), "UTC");

async function collect(d: Awaited<ReturnType<typeof digestWorld>>) {
  return collectWeekly(d.source, [d.world.repo], {
    config: d.config,
    settings: d.digests.weekly,
    period,
    now: new Date(MONDAY),
  });
}

describe("digest collection", () => {
  it("reads 100 issues a request: 250 open and 120 recently closed take 3 + 2 pages", async () => {
    const d = await digestWorld();
    for (let i = 0; i < 250; i += 1)
      d.seed({
        title: `Open ${i}`,
        history: [["building", "2026-10-01T10:00:00Z", "mia-maintainer"]],
      });
    for (let i = 0; i < 120; i += 1) {
      d.seed({
        title: `Done ${i}`,
        history: [["release", "2026-10-01T10:00:00Z", "mia-maintainer"]],
        closedAt: "2026-11-25T10:00:00Z",
      });
    }
    for (let i = 0; i < 30; i += 1) {
      d.seed({
        title: `Old ${i}`,
        history: [["release", "2026-01-01T10:00:00Z", "mia-maintainer"]],
        closedAt: "2026-02-01T10:00:00Z",
      });
    }
    d.world.github
      .as("uma-user")
      .openIssue(d.world.repo, { title: "Not a feature", labels: ["bug"] });
    const data = await collect(d);
    expect(data.reads.requests).toBe(5);
    expect(data.phases.find((p) => p.id === "building")?.features.total).toBe(250);
    expect(data.phases.find((p) => p.id === "building")?.features.items).toHaveLength(15);
    expect(data.closed).toBe(120);
  });

  it("costs one request per state for an empty repository", async () => {
    const d = await digestWorld();
    expect((await collect(d)).reads.requests).toBe(2);
  });

  it("finds the card among the first five comments, and counts features shown without one", async () => {
    const d = await digestWorld();
    d.seed({
      title: "Card third",
      history: [["building", "2026-11-24T10:00:00Z", "mia-maintainer"]],
      lead: "amara-dev",
      commentsBefore: 2,
    });
    d.seed({
      title: "Card sixth",
      history: [["building", "2026-11-24T10:00:00Z", "mia-maintainer"]],
      lead: "amara-dev",
      commentsBefore: 5,
    });
    d.seed({
      title: "No card",
      history: [["building", "2026-11-24T10:00:00Z", "mia-maintainer"]],
      noCard: true,
    });
    const data = await collect(d);
    const building = data.phases.find((p) => p.id === "building")?.features.items ?? [];
    expect(building.map((f) => [f.title, f.lead])).toEqual([
      ["Card third", "amara-dev"],
      ["Card sixth", null],
      ["No card", null],
    ]);
    expect(data.withoutCard).toBe(2);
  });

  it("asks for phase, recognition and blocked labels", () => {
    return digestWorld().then((d) => {
      expect(WeeklyCollector.query(d.config, period).labels).toEqual([
        "phase: inception",
        "phase: convergence",
        "phase: building",
        "phase: testing",
        "phase: release",
        "phase: measure",
        "phase: sunset",
        "enhancement",
        "blocked",
      ]);
    });
  });

  it("keeps the best items of a ranking and counts the rest", () => {
    const top = new TopList<number>(3, (a, b) => a > b);
    for (const n of [5, 1, 9, 7, 3, 9]) top.add(n);
    expect(top.result()).toEqual({ items: [9, 9, 7], total: 6, more: 3 });
  });
});
