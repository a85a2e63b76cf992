/** Milestones: which an event reaches, once, for whom, and the congratulation's key. */
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/actions/action.js";
import { DEFAULT_MILESTONES } from "../../src/features/community/config.js";
import { milestonesReached, ordinal } from "../../src/features/community/milestones.js";
import { handleContribution } from "../../src/features/community/run.js";
import { type ContributionCounts, ZERO_COUNTS } from "../../src/features/community/store.js";
import { templates } from "../support/templates.js";
import { FakeCommunityPort } from "./fake-port.js";
import { contribution, makeDeps, presetConfig } from "./support.js";

const c = (patch: Partial<ContributionCounts>): ContributionCounts => ({
  ...ZERO_COUNTS,
  ...patch,
});
const names = (list: { name: string }[]) => list.map((m) => m.name);
const keys = (actions: Action[]) => actions.flatMap((a) => (a.type === "comment" ? [a.key] : []));

describe("milestonesReached", () => {
  it.each([
    ["pr-merged", c({ prsMerged: 1 }), ["merged-1"]],
    ["pr-merged", c({ prsMerged: 2 }), []],
    ["pr-merged", c({ prsMerged: 5 }), ["merged-5"]],
    ["pr-merged", c({ prsMerged: 10 }), ["merged-10"]],
    ["pr-merged", c({ prsMerged: 25 }), ["merged-25"]],
    ["pr-merged", c({ prsMerged: 26 }), []],
    ["review", c({ reviews: 1 }), ["review-1"]],
    ["review", c({ reviews: 1, prsMerged: 5 }), ["review-1"]],
    ["comment", c({ comments: 1 }), []],
    ["pr-opened", c({ prsOpened: 1, prsMerged: 1 }), []],
  ] as const)("%s with %j reaches %j", (kind, counts, expected) => {
    expect(names(milestonesReached(DEFAULT_MILESTONES, kind, counts))).toEqual(expected);
  });
});

describe("ordinal", () => {
  it.each([
    [1, "first"],
    [2, "2nd"],
    [3, "3rd"],
    [5, "5th"],
    [11, "11th"],
    [12, "12th"],
    [21, "21st"],
    [102, "102nd"],
    [113, "113th"],
  ])("%i is %s", (n, text) => {
    expect(ordinal(n, templates)).toBe(text);
  });
});

describe("milestone comments", () => {
  async function mergeMany(deps: ReturnType<typeof makeDeps>["deps"], login: string, n: number) {
    const actions: Action[] = [];
    for (let i = 0; i < n; i++) {
      actions.push(...(await handleContribution(deps, contribution("pr-merged", login))).actions);
    }
    return actions;
  }

  it("congratulates the 5th and 10th merge once each, on the item that reached it", async () => {
    const { deps } = makeDeps();
    const actions = await mergeMany(deps, "Ana", 10);
    expect(keys(actions)).toEqual([
      "welcome:first-merge:ana",
      "milestone:ana:merged-5",
      "milestone:ana:merged-10",
    ]);
    const fifth = actions.find((a) => a.type === "comment" && a.key.endsWith("merged-5"));
    expect(fifth?.type === "comment" && fifth.body).toContain(
      "@Ana, this is your 5th merged pull request in medic",
    );
  });

  it("congratulates the first merge when the first-merge welcome is off", async () => {
    const config = presetConfig("squad-journey", { welcome: { firstMerge: false } });
    const { deps } = makeDeps({ config });
    expect(keys(await mergeMany(deps, "ana", 1))).toEqual(["milestone:ana:merged-1"]);
  });

  it("congratulates a first review", async () => {
    const { deps } = makeDeps();
    const plan = await handleContribution(deps, contribution("review", "ana", { number: 77 }));
    expect(keys(plan.actions)).toEqual(["milestone:ana:review-1"]);
    expect(plan.target?.number).toBe(77);
  });

  it("records but does not mention a quiet person", async () => {
    const { deps, store } = makeDeps();
    store.seed("medic", "ana", { quiet: true, counts: c({ prsMerged: 4 }) });
    const plan = await handleContribution(deps, contribution("pr-merged", "ana"));
    expect(plan.actions).toEqual([]);
    expect(store.milestones.has("medic/ana:merged-5")).toBe(true);
  });

  it("never congratulates members, even on a fresh store", async () => {
    const port = new FakeCommunityPort({ members: ["staff"] });
    const { deps, store } = makeDeps({ port });
    expect(await mergeMany(deps, "staff", 5)).toEqual([]);
    expect(store.milestones.size).toBe(0);
    // Checked only at the two moments that could have earned a comment (1st and 5th merge).
    expect(port.requests.filter((r) => r === "isOrgMember")).toHaveLength(2);
  });

  it("follows a configured list", async () => {
    const config = presetConfig("squad-journey", {
      milestones: [{ name: "issues-2", kind: "issue-opened", count: 2 }],
    });
    const { deps } = makeDeps({ config });
    await handleContribution(deps, contribution("issue-opened", "ana"));
    const second = await handleContribution(deps, contribution("issue-opened", "ana"));
    expect(keys(second.actions)).toEqual(["milestone:ana:issues-2"]);
  });

  it("records a stage change with the event that earned it", async () => {
    const { deps, store } = makeDeps();
    const first = await handleContribution(deps, contribution("issue-opened", "ana"));
    expect(first.stage).toBeNull();
    const second = await handleContribution(deps, contribution("comment", "ana"));
    expect(second.stage).toEqual({ from: "initial-interaction", to: "onboarding" });
    expect(store.stageHistory).toEqual([
      { login: "ana", stage: "onboarding", reason: "rule:onboarding" },
    ]);
  });
});
