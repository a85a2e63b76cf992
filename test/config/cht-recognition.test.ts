/** What the `cht` preset recognises, measured on 120 real cht-core issues (bench/similar/corpus.jsonl). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { looksLikeFeatureRequest } from "../../src/features/squad/recognize.js";
import { presetConfig } from "../support/config.js";

interface CorpusIssue {
  number: number;
  labels: string[];
  body_excerpt?: string;
}

const corpus: CorpusIssue[] = readFileSync("bench/similar/corpus.jsonl", "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));
const cht = presetConfig({ preset: "cht" });
const caught = corpus
  .filter((i) => looksLikeFeatureRequest(cht, i.labels, i.body_excerpt ?? ""))
  .map((i) => i.number);

describe("the cht preset on real cht-core issues", () => {
  it("takes every Type: Feature and Feature Request issue", () => {
    const features = corpus.filter((i) =>
      i.labels.some((l) => l === "Type: Feature" || l === "Feature Request"),
    );
    expect(features.length).toBeGreaterThan(10);
    for (const issue of features) expect(caught).toContain(issue.number);
  });

  it("takes improvements written with a template, and leaves the others alone", () => {
    expect(caught).toEqual(expect.arrayContaining([6094, 6225, 10299]));
    expect(caught).not.toContain(4922);
    expect(caught).not.toContain(11196);
  });

  it("never takes a bug or a technical issue, even one that kept a template heading", () => {
    expect(caught).not.toContain(10021);
    const bugs = corpus.filter((i) => i.labels.some((l) => /^(Type: )?Bug$/.test(l)));
    for (const bug of bugs) expect(caught).not.toContain(bug.number);
  });

  it("catches 19 of the 120, as the preset's comment says", () => {
    expect(caught).toHaveLength(19);
  });
});

describe("recognition rules", () => {
  it("a routine improvement without the template is not a feature request", () => {
    expect(looksLikeFeatureRequest(cht, ["Type: Improvement"], "Bump eslint to 9")).toBe(false);
    expect(
      looksLikeFeatureRequest(
        cht,
        ["dependencies"],
        "**Is your feature request related to a problem? Please describe.**\nx",
      ),
    ).toBe(false);
  });

  it("a phase label a person added always counts, excluded label or not", () => {
    expect(looksLikeFeatureRequest(cht, ["Type: Bug", "Squad: Emerging"], "")).toBe(true);
  });
});
