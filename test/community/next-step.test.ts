/** The next step: one comment when a person reaches a later stage, never twice, never to the quiet. */
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/actions/action.js";
import { handleContribution } from "../../src/features/community/run.js";
import { FakeCommunityPort } from "./fake-port.js";
import { MemoryCommunityStore } from "./memory-store.js";
import { contribution, makeDeps, presetConfig } from "./support.js";

// Low bars, so three comments make a person "sustained".
const config = presetConfig("squad-journey", {
  welcome: { firstIssue: false, firstPullRequest: false, firstMerge: false },
  stages: {
    onboarding: { days: 90, contributions: 1 },
    engagement: { days: 90, contributions: 2 },
    sustainedEngagement: { days: 180, contributions: 3, prsMerged: 0 },
  },
  nextStep: { enabled: true },
});
const nextSteps = (actions: Action[]) =>
  actions.filter((a) => a.type === "comment" && a.key.startsWith("next-step:"));

async function reachSustained(store = new MemoryCommunityStore(), port = new FakeCommunityPort()) {
  const { deps } = makeDeps({
    config,
    store,
    port,
    squads: [
      {
        title: "Offline sync status",
        url: "https://github.com/medic/cht-core/issues/3",
        ref: { owner: "medic", repo: "cht-core", number: 3 },
        state: { phase: "inception", lead: "lena", members: [] },
      },
    ],
  });
  const deps2 = { ...deps, governanceRoles: ["squad lead"] };
  await handleContribution(deps2, contribution("comment", "ana"));
  await handleContribution(deps2, contribution("comment", "ana"));
  const third = contribution("comment", "ana");
  const plan = await handleContribution(deps2, third);
  return { deps: deps2, plan, third, store };
}

describe("the next step", () => {
  it("suggests a squad seeking members and a governance role once the person is sustained", async () => {
    const { plan } = await reachSustained();
    expect(plan.stage).toEqual({ from: "engagement", to: "sustained-engagement" });
    const [step] = nextSteps(plan.actions);
    expect(step).toMatchObject({ key: "next-step:ana:sustained-engagement" });
    const body = step?.type === "comment" ? step.body : "";
    expect(body).toContain("**sustained** contributors");
    expect(body).toContain("[Offline sync status](https://github.com/medic/cht-core/issues/3)");
    expect(body).toContain("`squad lead`");
    expect(body).not.toMatch(/(^|\s)@ana/);
  });

  it("is planned again for the same contribution (a lost write), never for a later one", async () => {
    const { deps, third } = await reachSustained();
    expect(nextSteps((await handleContribution(deps, third)).actions)).toHaveLength(1);
    const later = await handleContribution(deps, contribution("comment", "ana"));
    expect(nextSteps(later.actions)).toEqual([]);
  });

  it("says nothing to someone who asked for quiet, or to a member of the organization", async () => {
    const quietStore = new MemoryCommunityStore();
    await quietStore.setQuiet("medic", "ana", true);
    expect(nextSteps((await reachSustained(quietStore)).plan.actions)).toEqual([]);
    const member = new FakeCommunityPort({ members: ["ana"] });
    expect(nextSteps((await reachSustained(undefined, member)).plan.actions)).toEqual([]);
  });

  it("is off by default", async () => {
    const { deps } = makeDeps({ config: presetConfig("squad-journey") });
    expect(deps.config.nextStep.enabled).toBe(false);
  });
});
