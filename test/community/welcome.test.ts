/** Welcome decisions through `handleContribution`: who, when, once, and how many requests. */
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/actions/action.js";
import { handleContribution } from "../../src/features/community/run.js";
import { FakeCommunityPort } from "./fake-port.js";
import { MemoryCommunityStore } from "./memory-store.js";
import { contribution, makeDeps, presetConfig } from "./support.js";

const keys = (actions: Action[]) => actions.flatMap((a) => (a.type === "comment" ? [a.key] : []));

describe("who is welcomed", () => {
  it("welcomes a newcomer's first issue once, and not their second", async () => {
    const { deps, store } = makeDeps();
    const first = await handleContribution(deps, contribution("issue-opened", "Ana"));
    expect(keys(first.actions)).toEqual(["welcome:first-issue:ana"]);
    expect(first.target).toMatchObject({ owner: "medic", repo: "cht-core" });
    expect(store.welcomes.size).toBe(1);
    const second = await handleContribution(deps, contribution("issue-opened", "ana"));
    expect(second.actions).toEqual([]);
  });

  it.each([
    ["OWNER", {}, []],
    ["MEMBER", {}, []],
    ["COLLABORATOR", {}, []],
    // A private member reads as CONTRIBUTOR: only the port can tell.
    ["CONTRIBUTOR", { members: ["ana"] }, ["isCollaborator", "isOrgMember"]],
    ["NONE", { collaborators: ["ana"] }, ["isCollaborator"]],
  ])("never welcomes association %s with %j (requests %j)", async (association, answers, requests) => {
    const port = new FakeCommunityPort(answers);
    const { deps, store } = makeDeps({ port });
    const plan = await handleContribution(
      deps,
      contribution("issue-opened", "ana", { association }),
    );
    expect(plan.actions).toEqual([]);
    expect(port.requests).toEqual(requests);
    expect(store.welcomes.size).toBe(0);
  });

  it.each([
    ["dependabot[bot]", "Bot"],
    ["renovate[bot]", undefined],
    ["some-app", "Bot"],
    ["ghost", "User"],
  ])("never welcomes or records %s (type %s)", async (login, type) => {
    const { deps, store, port } = makeDeps();
    const input = contribution("issue-opened", login);
    input.author.type = type;
    const plan = await handleContribution(deps, input);
    expect(plan.actions).toEqual([]);
    expect(store.events.size).toBe(0);
    expect(port.requests).toEqual([]);
  });

  it("asks GitHub nothing about someone the store already knows", async () => {
    const { deps, port } = makeDeps();
    await handleContribution(deps, contribution("issue-opened", "ana"));
    port.requests.length = 0;
    await handleContribution(deps, contribution("issue-opened", "ana"));
    await handleContribution(deps, contribution("comment", "ana"));
    expect(port.requests).toEqual([]);
  });

  it("skips someone who asked for quiet", async () => {
    const { deps, store } = makeDeps();
    store.seed("medic", "ana", { quiet: true });
    const plan = await handleContribution(deps, contribution("issue-opened", "ana"));
    expect(plan.actions).toEqual([]);
    expect(store.welcomes.size).toBe(0);
  });

  it("plans a redelivered event's welcome again, under the same once-key", async () => {
    // The executor posts a once-keyed comment only while it is missing: a welcome whose write
    // failed goes out on redelivery, one that was posted is not posted twice.
    const { deps } = makeDeps();
    const input = contribution("issue-opened", "ana");
    const first = await handleContribution(deps, input);
    const again = await handleContribution(deps, input);
    expect(keys(again.actions)).toEqual(keys(first.actions));
    expect(keys(again.actions)).toEqual(["welcome:first-issue:ana"]);
    expect(again.notes[0]).toMatch(/already recorded/);
  });
});

describe("once per person under concurrency", () => {
  it("welcomes one of 20 concurrent first issues", async () => {
    const { deps, store } = makeDeps();
    const plans = await Promise.all(
      Array.from({ length: 20 }, () =>
        handleContribution(deps, contribution("issue-opened", "ana")),
      ),
    );
    expect(plans.flatMap((p) => keys(p.actions))).toEqual(["welcome:first-issue:ana"]);
    expect(store.events.size).toBe(20);
  });

  it("lets the claim settle it even when every caller's counts say first", async () => {
    // As after a backfill race: the counts cannot be trusted to pick one caller.
    const store = new MemoryCommunityStore();
    const record = store.recordContribution.bind(store);
    store.recordContribution = async (event) => ({
      ...(await record(event)),
      counts: { issuesOpened: 1, prsOpened: 0, prsMerged: 0, reviews: 0, comments: 0 },
    });
    const { deps } = makeDeps({ store });
    const plans = await Promise.all(
      Array.from({ length: 20 }, () =>
        handleContribution(deps, contribution("issue-opened", "ana")),
      ),
    );
    expect(plans.flatMap((p) => keys(p.actions))).toHaveLength(1);
  });

  it("welcomes 20 different newcomers each once", async () => {
    const { deps } = makeDeps();
    const plans = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        handleContribution(deps, contribution("issue-opened", `person-${i}`)),
      ),
    );
    expect(new Set(plans.flatMap((p) => keys(p.actions))).size).toBe(20);
  });
});

describe("switches", () => {
  const cases = [
    ["issue-opened", "firstIssue", "welcome:first-issue:ana"],
    ["pr-opened", "firstPullRequest", "welcome:first-pr:ana"],
    ["pr-merged", "firstMerge", "welcome:first-merge:ana"],
  ] as const;

  it.each(cases)("%s is welcomed while %s is on", async (kind, _switch, key) => {
    const { deps } = makeDeps();
    const plan = await handleContribution(deps, contribution(kind, "ana"));
    expect(keys(plan.actions)).toEqual([key]);
  });

  it.each(cases)("%s is not welcomed with %s off", async (kind, name) => {
    const config = presetConfig("squad-journey", { welcome: { [name]: false } });
    const { deps, store } = makeDeps({ config });
    const plan = await handleContribution(deps, contribution(kind, "ana"));
    expect(keys(plan.actions).filter((k) => k.startsWith("welcome:"))).toEqual([]);
    expect(store.welcomes.size).toBe(0);
  });

  it("the cht preset welcomes issues and merges, not pull requests", async () => {
    const { deps } = makeDeps({ config: presetConfig("cht") });
    const all = [];
    for (const kind of ["issue-opened", "pr-opened", "pr-merged"] as const) {
      all.push(...keys((await handleContribution(deps, contribution(kind, "ana"))).actions));
    }
    expect(all).toEqual(["welcome:first-issue:ana", "welcome:first-merge:ana"]);
  });
});

describe("opportunities in the welcome", () => {
  const issues = [
    {
      repo: { owner: "medic", repo: "cht-core" },
      number: 501,
      title: "Fix a typo",
      url: "https://github.com/medic/cht-core/issues/501",
    },
    {
      repo: { owner: "medic", repo: "cht-core" },
      number: 502,
      title: "Add a test",
      url: "https://github.com/medic/cht-core/issues/502",
    },
  ];

  it("lists good first issues (one search) and forming squads, never the issue itself", async () => {
    const port = new FakeCommunityPort({ goodFirstIssues: issues });
    const squads = [
      {
        title: "Offline sync",
        url: "https://github.com/medic/cht-roadmap/issues/9",
        state: { phase: "inception", members: [], lead: "lee" },
      },
      {
        title: "Old squad",
        url: "https://github.com/medic/cht-roadmap/issues/3",
        state: { phase: "building", members: [], lead: null },
      },
    ];
    const { deps } = makeDeps({ port, squads });
    const plan = await handleContribution(
      deps,
      contribution("issue-opened", "ana", { number: 501 }),
    );
    const body = plan.actions[0]?.type === "comment" ? plan.actions[0].body : "";
    expect(body).toContain("[Add a test](https://github.com/medic/cht-core/issues/502)");
    expect(body).not.toContain("Fix a typo");
    expect(body).toContain("Offline sync");
    expect(body).not.toContain("Old squad");
    expect(port.requests.filter((r) => r === "listGoodFirstIssues")).toHaveLength(1);
    expect(port.queries[0]).toMatchObject({ org: "medic", label: "good first issue", limit: 3 });
  });

  it("still welcomes when the search fails, and says why in the notes", async () => {
    const port = new FakeCommunityPort({ failSearch: true });
    const { deps } = makeDeps({ port });
    const plan = await handleContribution(deps, contribution("issue-opened", "ana"));
    expect(keys(plan.actions)).toEqual(["welcome:first-issue:ana"]);
    expect(plan.notes.join("\n")).toMatch(/search is down/);
  });

  it("does not search when the list is off", async () => {
    const config = presetConfig("squad-journey", { welcome: { goodFirstIssues: { limit: 0 } } });
    const port = new FakeCommunityPort({ goodFirstIssues: issues });
    const { deps } = makeDeps({ config, port });
    await handleContribution(deps, contribution("issue-opened", "ana"));
    expect(port.requests).not.toContain("listGoodFirstIssues");
  });
});
