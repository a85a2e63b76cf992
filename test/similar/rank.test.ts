/** BM25F ranking on a small hand-made corpus: order, title weight, threshold, exclusion. */
import { describe, expect, it } from "vitest";
import { type CorpusIssue, rankSimilar } from "../../src/features/similar/rank.js";

const issue = (number: number, title: string, body = "", labels: string[] = []): CorpusIssue => ({
  number,
  title,
  body,
  state: "open",
  labels,
});

const CORPUS: CorpusIssue[] = [
  issue(1, "Sync status shows success when replication times out", "Sync now says done."),
  issue(2, "Add dark mode to the web app", "A darker colour scheme for night shifts."),
  issue(3, "Targets tab shows wrong counts", "Target widgets count reports twice."),
  issue(4, "Translations missing for the French language", "Some labels show keys."),
  issue(5, "Export contacts to CSV", "Replication of contacts is not involved; sync works."),
  issue(6, "Allow supervisors to see CHW targets", "Aggregate targets for supervisors."),
];

const numbers = (results: ReturnType<typeof rankSimilar>) => results.map((r) => r.issue.number);

describe("rankSimilar", () => {
  it("puts the issue raising the same request first", () => {
    const ranked = rankSimilar(
      { title: "Sync reports success even if the replication timed out", body: "" },
      CORPUS,
    );
    expect(numbers(ranked)[0]).toBe(1);
  });

  it("weights a match in the title above the same match in the body", () => {
    // Same field lengths, so only the title weight can put #2 (title match) before #1 (body match).
    const corpus = [
      issue(1, "printer problem", "replication words today"),
      issue(2, "replication problem", "printer words today"),
    ];
    const ranked = rankSimilar({ title: "replication", body: "" }, corpus, { minScore: 0 });
    expect(numbers(ranked)).toEqual([2, 1]);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 1);
  });

  it("lists nothing for an unrelated request", () => {
    expect(rankSimilar({ title: "Kubernetes helm chart", body: "" }, CORPUS)).toEqual([]);
  });

  it("leaves out candidates under the threshold but keeps them without one", () => {
    const query = { title: "Supervisors need the targets tab", body: "" };
    const all = rankSimilar(query, CORPUS, { minScore: 0 });
    const strict = rankSimilar(query, CORPUS, { minScore: 0.5 });
    expect(all.length).toBeGreaterThan(strict.length);
    expect(strict.every((r) => r.score >= 0.5)).toBe(true);
  });

  it("returns relative scores in [0, 1), best first, at most `top`", () => {
    const ranked = rankSimilar({ title: "targets counts supervisors", body: "" }, CORPUS, {
      top: 2,
      minScore: 0,
    });
    expect(ranked).toHaveLength(2);
    expect(ranked[0]?.score).toBeGreaterThanOrEqual(ranked[1]?.score ?? 1);
    for (const { score } of ranked) expect(score > 0 && score < 1).toBe(true);
  });

  it("never returns an excluded issue, such as the query itself", () => {
    const query = CORPUS[2] as CorpusIssue;
    expect(numbers(rankSimilar(query, CORPUS, { exclude: [3], minScore: 0 }))).not.toContain(3);
  });

  it("rewards a shared phrase when word pairs are on", () => {
    const corpus = [
      issue(1, "dark mode for reports", "colour"),
      issue(2, "reports mode dark", "colour"),
      issue(3, "unrelated", "nothing"),
    ];
    const query = { title: "dark mode", body: "" };
    const withPairs = rankSimilar(query, corpus, { params: { bigramWeight: 1 }, minScore: 0 });
    expect(numbers(withPairs)[0]).toBe(1);
    expect(withPairs[0]?.score).toBeGreaterThan(withPairs[1]?.score ?? 1);
  });

  it("answers an empty corpus or a query of stop words with nothing", () => {
    expect(rankSimilar({ title: "sync", body: "" }, [])).toEqual([]);
    expect(rankSimilar({ title: "the and of", body: "" }, CORPUS)).toEqual([]);
  });
});
