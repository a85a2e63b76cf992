/** Config values that name labels, teams and repositories are checked against what GitHub has. */
import { describe, expect, it } from "vitest";
import { checkReferences, referencesOf } from "../../src/config/references.js";
import { presetConfig } from "../support/config.js";

const config = presetConfig({
  preset: "cht",
  roadmap: null,
  recognize: { labels: ["Type: Feture", "Feature Request"] },
  maintainers: { teams: ["squad-leeds", "other-org/x"] },
  squads: { repo: "medic/cht-roadmap" },
  journeys: [{ label: "journey: implementation", preset: "cht-implementation" }],
});

describe("references to GitHub in the config", () => {
  it("lists the labels the bot reads, this org's teams and the repositories it reaches", () => {
    const refs = referencesOf(config, "medic");
    expect(refs).toEqual(
      expect.arrayContaining([
        { kind: "label", path: "recognize.labels[0]", value: "Type: Feture" },
        { kind: "label", path: "recognize.labelsWithTemplate[0]", value: "Type: Improvement" },
        { kind: "team", path: "maintainers.teams[0]", value: "squad-leeds" },
        { kind: "repository", path: "squads.repo", value: "medic/cht-roadmap" },
        { kind: "label", path: "journeys[0].label", value: "journey: implementation" },
      ]),
    );
    expect(refs.some((r) => r.value === "x")).toBe(false);
  });

  it("names each one GitHub does not have, with the closest one it does", () => {
    const problems = checkReferences(referencesOf(config, "medic"), {
      labels: ["Type: Feature", "Feature Request", "Type: Improvement", "journey: implementation"],
      teams: ["squad-leads"],
      repositories: new Map([["medic/cht-roadmap", false]]),
    });
    expect(problems).toEqual([
      {
        path: "recognize.labels[0]",
        message: "`Type: Feture` is not a label of this repository (did you mean `Type: Feature`?)",
      },
      {
        path: "maintainers.teams[0]",
        message: "`squad-leeds` is not a team of the organization (did you mean `squad-leads`?)",
      },
      {
        path: "squads.repo",
        message:
          "`medic/cht-roadmap` is not a repository the app can read (install the app there, or fix the name)",
      },
      // The cht preset searches the roadmap repository for related issues too.
      expect.objectContaining({ path: "intake.similar.repos[1]" }),
    ]);
  });

  it("judges nothing it could not read", () => {
    const refs = referencesOf(config, "medic");
    expect(checkReferences(refs, { labels: null, teams: null, repositories: null })).toEqual([]);
  });

  it("names a digest discussion category the repository does not have", () => {
    const discussions = presetConfig({
      digests: { delivery: "discussion", discussionCategory: "Anouncements" },
    });
    const refs = referencesOf(discussions, "medic");
    const existing = { labels: null, teams: null, repositories: null };
    expect(checkReferences(refs, existing)).toEqual([]);
    expect(
      checkReferences(refs, { ...existing, discussionCategories: ["Announcements", "Ideas"] }),
    ).toEqual([
      {
        path: "digests.discussionCategory",
        message:
          "`Anouncements` is not a discussion category of the repository digests are posted to (did you mean `Announcements`?)",
      },
    ]);
  });
});
