/** Intake: related issues via the search port, the config section, and the rendered Markdown. */
import { describe, expect, it } from "vitest";
import { intakeConfigSchema } from "../../src/features/similar/config.js";
import { findRelated, renderIntake } from "../../src/features/similar/intake.js";
import type { SimilarCandidate, SimilarSearchPort } from "../../src/features/similar/port.js";
import { templates } from "../support/templates.js";

const candidate = (over: Partial<SimilarCandidate>): SimilarCandidate => ({
  number: 1,
  title: "",
  body: "",
  state: "open",
  labels: [],
  repo: "medic/cht-core",
  ...over,
});

class FakeSearch implements SimilarSearchPort {
  calls: { repos: string[]; terms: string[]; limit: number }[] = [];
  constructor(private readonly results: SimilarCandidate[]) {}
  async searchIssues(repos: string[], terms: string[], limit: number) {
    this.calls.push({ repos, terms, limit });
    return this.results;
  }
}

const NEW_ISSUE = {
  repo: "medic/cht-core",
  number: 500,
  title: "Prevent duplicate contacts when registering households",
  body: "CHWs register the same household twice.",
};

describe("findRelated", () => {
  const config = intakeConfigSchema.parse({}).similar;

  it("searches once, re-ranks, leaves out the issue itself and unrelated ones", async () => {
    const port = new FakeSearch([
      candidate({ number: 500, title: NEW_ISSUE.title, body: NEW_ISSUE.body }),
      candidate({ number: 6363, title: "Prevent and/or merge duplicate contacts", state: "open" }),
      candidate({ number: 12, title: "Dark mode", body: "colours" }),
      candidate({
        number: 77,
        repo: "medic/cht-docs",
        title: "Document duplicate contact detection for households",
      }),
    ]);
    const related = await findRelated(port, config, NEW_ISSUE);
    expect(port.calls).toHaveLength(1);
    expect(port.calls[0]?.repos).toEqual(["medic/cht-core"]);
    expect(port.calls[0]?.limit).toBe(30);
    const refs = related.map((r) => `${r.candidate.repo}#${r.candidate.number}`);
    expect(refs).toContain("medic/cht-core#6363");
    expect(refs).not.toContain("medic/cht-core#500");
    expect(refs).not.toContain("medic/cht-core#12");
  });

  it("searches the configured repositories", async () => {
    const port = new FakeSearch([]);
    const own = intakeConfigSchema.parse({ similar: { repos: ["medic/cht-roadmap"] } }).similar;
    expect(await findRelated(port, own, NEW_ISSUE)).toEqual([]);
    expect(port.calls[0]?.repos).toEqual(["medic/cht-roadmap"]);
  });
});

describe("intakeConfigSchema", () => {
  it("fills defaults and rejects unknown keys with their path", () => {
    expect(intakeConfigSchema.parse({ questions: ["Q?"] })).toMatchObject({
      questions: ["Q?"],
      similar: { repos: [], top: 3, candidates: 30 },
    });
    const bad = intakeConfigSchema.safeParse({ similar: { repo: ["a/b"] } });
    expect(bad.success).toBe(false);
    expect(intakeConfigSchema.safeParse({ similar: { repos: ["not a repo"] } }).success).toBe(
      false,
    );
  });
});

describe("renderIntake", () => {
  it("renders next steps, open template questions and related issues without mentions", () => {
    const markdown = renderIntake({
      templates,
      repo: "medic/cht-core",
      activities: [],
      missing: ["Describe the solution you'd like", "Additional context"],
      related: [
        {
          score: 0.4,
          candidate: candidate({
            number: 6363,
            title: "Prevent and/or merge duplicate contacts @everyone",
            labels: ["Squad: Emerging"],
          }),
        },
        {
          score: 0.2,
          candidate: candidate({
            number: 77,
            repo: "medic/cht-docs",
            state: "closed",
            title: "Document *duplicate* detection",
          }),
        },
      ],
      phaseLabels: [{ label: "squad: emerging", name: "Emerging" }],
    });
    expect(markdown).toMatchSnapshot();
    expect(markdown).not.toMatch(/@everyone/);
    expect(markdown).toContain("- #6363 ");
    expect(markdown).toContain("- medic/cht-docs#77 ");
  });

  it("lists configured activities and leaves out empty sections", () => {
    const markdown = renderIntake({
      templates,
      repo: "a/b",
      activities: ["Open a topic in the forum's Squads category"],
      missing: [],
      related: [],
      phaseLabels: [],
    });
    expect(markdown).toContain("- Open a topic in the forum's Squads category");
    expect(markdown).not.toContain("The template still asks");
    expect(markdown).not.toContain("Possibly related");
  });
});
