/** Journey stages from windowed counts: table tests, the windows read, and thriving candidates. */
import { describe, expect, it } from "vitest";
import {
  contributionsOf,
  nextStage,
  stageFor,
  stageOf,
  thrivingCandidates,
  windowsToRead,
} from "../../src/features/community/stages.js";
import { type ContributionCounts, ZERO_COUNTS } from "../../src/features/community/store.js";
import { templates } from "../support/templates.js";
import { MemoryCommunityStore } from "./memory-store.js";
import { NOW, ORG, presetConfig } from "./support.js";

const stages = presetConfig("squad-journey").stages;
const c = (patch: Partial<ContributionCounts>): ContributionCounts => ({
  ...ZERO_COUNTS,
  ...patch,
});

describe("stageFor with the same counts in every window", () => {
  it.each([
    [c({}), "initial-interaction"],
    [c({ issuesOpened: 1 }), "initial-interaction"],
    [c({ issuesOpened: 1, comments: 1 }), "onboarding"],
    [c({ issuesOpened: 1, comments: 2 }), "engagement"],
    // Merges are not contributions of their own: the pull request counted when opened.
    [c({ prsOpened: 1, prsMerged: 1, comments: 1 }), "onboarding"],
    [c({ comments: 10 }), "engagement"],
    [c({ prsOpened: 2, prsMerged: 2, comments: 8 }), "sustained-engagement"],
    [c({ prsOpened: 20, prsMerged: 5, reviews: 2, comments: 3 }), "sustained-engagement"],
    [c({ prsOpened: 20, prsMerged: 5, reviews: 3, comments: 2 }), "thriving"],
    [c({ comments: 100 }), "engagement"],
  ])("%j is %s", (counts, expected) => {
    expect(stageFor(stages, () => counts)).toBe(expected);
  });
});

describe("stageFor with windows", () => {
  const within = (table: Record<number, ContributionCounts>) => (days: number) =>
    table[days] ?? ZERO_COUNTS;

  it("needs the contributions inside the window, not all time", () => {
    const active = c({ prsOpened: 3, prsMerged: 3, comments: 9 });
    expect(stageFor(stages, within({ 180: active, 90: c({ comments: 1 }) }))).toBe(
      "sustained-engagement",
    );
    expect(stageFor(stages, within({ 365: active, 180: c({ comments: 2 }) }))).toBe(
      "initial-interaction",
    );
  });
});

describe("windowsToRead", () => {
  it.each([
    [c({ issuesOpened: 1 }), []],
    [c({ issuesOpened: 2 }), [90]],
    [c({ prsOpened: 10, prsMerged: 2 }), [180, 90]],
    [c({ prsOpened: 25, prsMerged: 5, reviews: 3 }), [365, 180, 90]],
  ])("totals %j read %j", (totals, days) => {
    expect(windowsToRead(stages, totals)).toEqual(days);
  });
});

describe("nextStage", () => {
  it.each([
    ["initial-interaction", "onboarding", false, "onboarding"],
    ["engagement", "engagement", false, null],
    ["thriving", "engagement", false, null],
    ["thriving", "engagement", true, "engagement"],
    ["made-up", "onboarding", false, "onboarding"],
  ] as const)("%s → %s (demote %s) records %s", (current, computed, demote, expected) => {
    expect(nextStage(current, computed, demote)).toBe(expected);
  });
});

describe("stageOf against the store", () => {
  it("counts only events inside each window", async () => {
    const store = new MemoryCommunityStore();
    const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
    const record = (kind: "comment" | "issue-opened", at: Date, id: string) =>
      store.recordContribution({ org: ORG, repo: "r", login: "ana", kind, githubId: id, at });
    await record("comment", daysAgo(200), "old-1");
    await record("comment", daysAgo(150), "old-2");
    const { counts } = await record("issue-opened", daysAgo(1), "new-1");
    expect(contributionsOf(counts)).toBe(3);
    const person = { org: ORG, login: "ana", totals: counts, now: NOW };
    expect(await stageOf(store, stages, person)).toBe("initial-interaction");
    await record("comment", daysAgo(2), "new-2");
    const later = { ...person, totals: c({ issuesOpened: 1, comments: 3 }) };
    expect(await stageOf(store, stages, later)).toBe("onboarding");
  });

  it("asks the store nothing for a newcomer", async () => {
    const store = new MemoryCommunityStore();
    await stageOf(store, stages, { org: ORG, login: "new", totals: c({ comments: 1 }), now: NOW });
    expect(store.calls).toBe(0);
  });
});

describe("thrivingCandidates", () => {
  it("lists thriving people, most merged first, active ones only when asked", async () => {
    const store = new MemoryCommunityStore();
    const seen = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
    store.seed(ORG, "zoe", {
      stage: "thriving",
      counts: c({ prsMerged: 9, reviews: 4 }),
      lastContributionAt: seen(3),
    });
    store.seed(ORG, "bo", {
      stage: "thriving",
      counts: c({ prsMerged: 12, reviews: 1 }),
      lastContributionAt: seen(400),
    });
    store.seed(ORG, "al", {
      stage: "engagement",
      counts: c({ prsMerged: 30 }),
      lastContributionAt: seen(1),
    });
    store.seed("other", "cy", {
      stage: "thriving",
      counts: c({ prsMerged: 50 }),
      lastContributionAt: seen(1),
    });

    const all = await thrivingCandidates(store, ORG, templates);
    expect(all.map((p) => p.login)).toEqual(["bo", "zoe"]);
    expect(all[1]?.reason).toBe("9 merged PRs, 4 reviews, 0 issues opened");
    const active = await thrivingCandidates(store, ORG, templates, { activeSince: seen(365) });
    expect(active.map((p) => p.login)).toEqual(["zoe"]);
    const outside = await thrivingCandidates(store, ORG, templates, {
      isInsider: async (l) => l === "bo",
    });
    expect(outside.map((p) => p.login)).toEqual(["zoe"]);
  });
});
