/** Intake: related issues via the search port, the config section, and the rendered Markdown. */
import { describe, expect, it } from "vitest";
import { intakeConfigSchema } from "../../src/features/similar/config.js";
import { type Embedder, lazyEmbedder } from "../../src/features/similar/embedder.js";
import { findRelated, renderIntake } from "../../src/features/similar/intake.js";
import type { SimilarCandidate, SimilarSearchPort } from "../../src/features/similar/port.js";
import { MemoryVectorCache } from "../../src/features/similar/vector-cache.js";
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

/** Vectors by title: titles naming households point one way, everything else another. */
class FakeEmbedder implements Embedder {
  embedded: string[] = [];
  async embed(texts: string[]) {
    this.embedded.push(...texts);
    return texts.map((t) => (/household|family/i.test(t) ? [1, 0.1] : [0, 1]));
  }
}

describe("findRelated with the sentence encoder", () => {
  const config = intakeConfigSchema.parse({}).similar;
  const results = () => [
    candidate({
      number: 6363,
      title: "Merge duplicate contacts",
      updatedAt: "2026-01-01T00:00:00Z",
    }),
    candidate({
      number: 4000,
      title: "Family members listed twice",
      updatedAt: "2026-01-02T00:00:00Z",
    }),
    candidate({ number: 12, title: "Dark mode", updatedAt: "2026-01-03T00:00:00Z" }),
  ];

  it("lists an issue of similar meaning that shares no title words, and says so", async () => {
    const embedder = new FakeEmbedder();
    const related = await findRelated(new FakeSearch(results()), config, NEW_ISSUE, {
      embedder: async () => embedder,
    });
    const byNumber = new Map(related.map((r) => [r.candidate.number, r]));
    expect(byNumber.get(4000)?.reason).toEqual({ kind: "meaning" });
    expect(byNumber.get(6363)?.reason).toEqual({ kind: "terms", terms: ["duplicate", "contacts"] });
    expect(byNumber.has(12)).toBe(false);
  });

  it("embeds a candidate again only when its updatedAt changed", async () => {
    const embedder = new FakeEmbedder();
    const semantic = { embedder: async () => embedder, cache: new MemoryVectorCache() };
    await findRelated(new FakeSearch(results()), config, NEW_ISSUE, semantic);
    expect(embedder.embedded).toHaveLength(4);
    embedder.embedded = [];
    await findRelated(new FakeSearch(results()), config, NEW_ISSUE, semantic);
    expect(embedder.embedded).toEqual([NEW_ISSUE.title]);
    embedder.embedded = [];
    const changed = results().map((c) =>
      c.number === 12 ? { ...c, title: "Dark theme", updatedAt: "2026-02-01T00:00:00Z" } : c,
    );
    await findRelated(new FakeSearch(changed), config, NEW_ISSUE, semantic);
    expect(embedder.embedded).toEqual([NEW_ISSUE.title, "Dark theme"]);
  });

  it("falls back to words alone, with the same list, when the model cannot load", async () => {
    const failed = lazyEmbedder(async () => {
      throw new Error("no wasm");
    });
    const withFailure = await findRelated(new FakeSearch(results()), config, NEW_ISSUE, {
      embedder: failed,
    });
    const wordsOnly = await findRelated(new FakeSearch(results()), config, NEW_ISSUE);
    expect(withFailure).toEqual(wordsOnly);
    expect(withFailure.map((r) => r.candidate.number)).toEqual([6363]);
  });

  it("keeps the list when embedding fails after the model loaded", async () => {
    const broken: Embedder = {
      embed: async () => {
        throw new Error("out of memory");
      },
    };
    const related = await findRelated(new FakeSearch(results()), config, NEW_ISSUE, {
      embedder: async () => broken,
    });
    expect(related.map((r) => r.candidate.number)).toEqual([6363]);
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
          reason: { kind: "terms", terms: ["duplicate", "contacts"] },
          candidate: candidate({
            number: 6363,
            title: "Prevent and/or merge duplicate contacts @everyone",
            labels: ["Squad: Emerging"],
          }),
        },
        {
          score: 0.8,
          reason: { kind: "meaning" },
          candidate: candidate({
            number: 5000,
            state: "closed",
            stateReason: "not_planned",
            title: "Merge households registered twice",
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
    expect(markdown).toContain("(open, phase reached: Emerging) · shares: duplicate, contacts");
    expect(markdown).toContain(
      "#5000 Merge households registered twice (closed as not planned) · similar meaning",
    );
    // A card written before reasons were kept: no "·" part, and a bare "closed".
    expect(markdown).toContain("Document \\*duplicate\\* detection (closed)\n");
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
