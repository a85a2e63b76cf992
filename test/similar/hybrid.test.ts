/** Hybrid ranking: reciprocal-rank fusion, shared title words, and a listing decision independent of length. */
import { describe, expect, it } from "vitest";
import { fuseRanks, rankRelated, sharedTerms } from "../../src/features/similar/hybrid.js";
import type { CorpusIssue } from "../../src/features/similar/rank.js";

const issue = (number: number, title: string, body = ""): CorpusIssue => ({
  number,
  title,
  body,
  state: "open",
  labels: [],
});

describe("fuseRanks", () => {
  it("adds 1/(k + rank) over the lists, so agreement beats one list's first place", () => {
    expect(
      fuseRanks(
        [
          [1, 2, 3],
          [2, 3, 1],
        ],
        60,
      ),
    ).toEqual([2, 1, 3]);
    expect(fuseRanks([[1, 2], [3]], 60)).toEqual([1, 3, 2]);
  });

  it("breaks ties by the lower number, the earlier issue", () => {
    expect(fuseRanks([[7], [4]], 60)).toEqual([4, 7]);
  });
});

describe("sharedTerms", () => {
  it("gives the candidate title's words whose stems the request uses, once each", () => {
    const request = { title: "Paginate the contact list", body: "Loading contacts is slow" };
    // "pagination" and "paginate" share a stem.
    expect(sharedTerms(request, "Contacts pagination: loading many contacts")).toEqual([
      "contacts",
      "pagination",
      "loading",
    ]);
  });
});

const corpus = [
  issue(1, "Sync status shows success when replication times out"),
  issue(2, "Dark mode for the web app"),
  issue(3, "Households registered twice"),
];

describe("rankRelated", () => {
  it("lists by shared title words without a model, and says which words", () => {
    const listed = rankRelated(
      { title: "Replication timeout shown as sync success", body: "" },
      corpus,
    );
    expect(listed.map((r) => r.issue.number)).toEqual([1]);
    expect(listed[0]?.reason).toEqual({ kind: "terms", terms: ["sync", "success", "replication"] });
  });

  it("does not hide a true hit behind a long body (no share-of-best-score cut-off)", () => {
    const request = { title: "Replication timeout shown as sync success", body: "" };
    const long = {
      ...request,
      body: "word ".repeat(50) + "Many unrelated details about phones and SMS. ".repeat(40),
    };
    expect(rankRelated(long, corpus).map((r) => r.issue.number)).toEqual(
      rankRelated(request, corpus).map((r) => r.issue.number),
    );
  });

  it("lists a close meaning with no shared words, and leaves out a far one", () => {
    const vectors = {
      query: [1, 0],
      candidates: new Map([
        [1, [0, 1]],
        [2, [0.2, 1]],
        [3, [0.9, 0.1]],
      ]),
    };
    const listed = rankRelated({ title: "Duplicate families", body: "" }, corpus, {
      vectors,
      minCosine: 0.7,
    });
    expect(listed.map((r) => [r.issue.number, r.reason.kind])).toEqual([[3, "meaning"]]);
    expect(listed[0]?.cosine).toBeCloseTo(0.994, 3);
  });

  it("lists nothing for an unrelated request, and the top anyway with unfiltered", () => {
    const request = { title: "Print a monthly report", body: "" };
    expect(rankRelated(request, corpus)).toEqual([]);
    const vectors = {
      query: [1, 0],
      candidates: new Map([
        [1, [0, 1]],
        [2, [0, 1]],
        [3, [0, 1]],
      ]),
    };
    expect(rankRelated(request, corpus, { vectors, unfiltered: true, top: 2 })).toHaveLength(2);
  });

  it("leaves out excluded issues and stops at top", () => {
    const request = { title: "Sync success replication households registered", body: "" };
    expect(
      rankRelated(request, corpus, { exclude: [1], minSharedTerms: 1 }).map((r) => r.issue.number),
    ).toEqual([3]);
    expect(rankRelated(request, corpus, { top: 1, minSharedTerms: 1 })).toHaveLength(1);
  });
});
