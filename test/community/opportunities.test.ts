/** Forming squads that seek members, and the list lines a welcome shows. */
import { describe, expect, it } from "vitest";
import {
  loadFormingSquads,
  opportunityLines,
  type SquadCandidate,
  squadsSeekingMembers,
} from "../../src/features/community/opportunities.js";
import { isPerson } from "../../src/features/community/people.js";
import type { DigestIssue, DigestQuery, DigestSource } from "../../src/features/digest/source.js";
import { newFeatureState } from "../../src/features/squad/state.js";
import { templates } from "../support/templates.js";
import { PHASES, presetConfig } from "./support.js";

const settings = presetConfig("squad-journey").welcome.squads;
const squad = (
  title: string,
  phase: string,
  members: string[],
  lead: string | null = null,
): SquadCandidate => ({
  title,
  url: `https://github.com/medic/cht-roadmap/issues/${title.length}`,
  state: { phase, members, lead },
});

describe("squadsSeekingMembers", () => {
  it.each([
    [[squad("A", "inception", [])], ["A"]],
    [[squad("A", "convergence", ["x", "y"])], ["A"]],
    [[squad("A", "convergence", ["x", "y", "z"])], []],
    // The lead counts, once, even when also listed as a member.
    [[squad("A", "inception", ["x", "y"], "lee")], []],
    [[squad("A", "inception", ["lee", "x"], "Lee")], ["A"]],
    [[squad("A", "building", [])], []],
    [[squad("A", "made-up", [])], []],
    [
      [squad("Big", "inception", ["x", "y"]), squad("Small", "convergence", [])],
      ["Small", "Big"],
    ],
  ])("%#: lists %j", (squads, expected) => {
    expect(squadsSeekingMembers(squads, PHASES, settings).map((s) => s.title)).toEqual(expected);
  });

  it("honours firstPhases, membersBelow and limit", () => {
    const squads = ["a", "b", "c", "d"].map((t) => squad(t, "building", []));
    expect(
      squadsSeekingMembers(squads, PHASES, { firstPhases: 3, membersBelow: 1, limit: 2 }),
    ).toHaveLength(2);
    expect(squadsSeekingMembers(squads, PHASES, { ...settings, limit: 0 })).toEqual([]);
  });

  it("names the phase as configured", () => {
    expect(
      squadsSeekingMembers([squad("A", "convergence", [])], PHASES, settings)[0]?.phaseName,
    ).toBe("Convergence");
  });
});

describe("loadFormingSquads", () => {
  const repo = { owner: "medic", repo: "cht-roadmap" };
  const issue = (number: number, card: DigestIssue["card"]): DigestIssue => ({
    repo,
    number,
    title: `#${number}`,
    url: `https://github.com/medic/cht-roadmap/issues/${number}`,
    state: "open",
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    closedAt: null,
    labels: ["phase: inception"],
    thumbsUp: 0,
    card,
  });
  /** Two pages; counts the pages read, as the real source counts requests. */
  const source = (pages: DigestIssue[][]) => {
    const queries: DigestQuery[] = [];
    let read = 0;
    const port: DigestSource = {
      async *issues(_repo, query) {
        queries.push(query);
        for (const page of pages) {
          read += 1;
          yield page;
        }
      },
      stats: () => ({ requests: read, cost: read, remaining: null }),
    };
    return { port, queries, read: () => read };
  };
  const phases = [
    { label: "phase: inception" },
    { label: "phase: convergence" },
    { label: "phase: building" },
  ];
  const led = {
    ...newFeatureState("inception", "2026-01-01T00:00:00Z", "x", "label"),
    lead: "lee",
  };

  it("reads one page of the first phases' features and keeps those with a card", async () => {
    const { port, queries, read } = source([[issue(1, led), issue(2, null)], [issue(3, led)]]);
    const squads = await loadFormingSquads(port, repo, phases, settings, new Date());
    expect(squads).toEqual([
      {
        ref: { ...repo, number: 1 },
        title: "#1",
        url: "https://github.com/medic/cht-roadmap/issues/1",
        state: led,
      },
    ]);
    expect(queries.map((q) => q.labels)).toEqual([["phase: inception", "phase: convergence"]]);
    expect(read()).toBe(1);
  });

  it("reads nothing when the list is off", async () => {
    const { port, read } = source([[issue(1, led)]]);
    expect(
      await loadFormingSquads(port, repo, phases, { ...settings, limit: 0 }, new Date()),
    ).toEqual([]);
    expect(read()).toBe(0);
  });
});

describe("opportunityLines", () => {
  it("names the repository only when issues come from several, and defuses titles", () => {
    const repo = { owner: "medic", repo: "cht-core" };
    const one = opportunityLines(
      [{ repo, number: 1, title: "Ping @everyone <b>", url: "javascript:x" }],
      [],
      templates,
    );
    expect(one).toEqual([
      "Ping @\u200deveryone &lt;b\\>: a good first issue nobody is assigned to yet",
    ]);
    const other = { owner: "medic", repo: "cht-docs" };
    const url = "https://github.com/medic/cht-docs/issues/2";
    const two = opportunityLines(
      [
        { repo, number: 1, title: "A", url },
        { repo: other, number: 2, title: "B", url },
      ],
      [],
      templates,
    );
    expect(two[1]).toBe(`[B](${url}) (cht-docs): a good first issue nobody is assigned to yet`);
  });
});

describe("isPerson", () => {
  it.each([
    [{ login: "ana", type: "User" }, true],
    [{ login: "ana" }, true],
    [{ login: "dependabot[bot]", type: "Bot" }, false],
    [{ login: "Renovate[BOT]" }, false],
    [{ login: "app", type: "Bot" }, false],
    [{ login: "medic", type: "Organization" }, false],
    [{ login: "ghost", type: "User" }, false],
  ])("%j → %s", (author, expected) => {
    expect(isPerson(author)).toBe(expected);
  });
});
