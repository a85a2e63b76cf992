/** Forming squads that seek members, and the list lines a welcome shows. */
import { describe, expect, it } from "vitest";
import {
  opportunityLines,
  type SquadCandidate,
  squadsSeekingMembers,
} from "../../src/features/community/opportunities.js";
import { isPerson } from "../../src/features/community/people.js";
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

describe("opportunityLines", () => {
  it("names the repository only when issues come from several, and defuses titles", () => {
    const repo = { owner: "medic", repo: "cht-core" };
    const one = opportunityLines(
      [{ repo, number: 1, title: "Ping @everyone <b>", url: "javascript:x" }],
      [],
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
