/** The GitHub search query for candidates, and the Octokit adapter behind SimilarSearchPort (nock). */
import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import {
  buildSearchQuery,
  MAX_QUERY_LENGTH,
  searchTerms,
} from "../../src/features/similar/search-query.js";
import { OctokitSimilarSearch } from "../../src/github/octokit/search-issues.js";
import { API, useNock } from "../github/octokit/setup.js";

describe("searchTerms", () => {
  it("puts title words first, then the body's most frequent, without stop words or numbers", () => {
    const terms = searchTerms({
      title: "Sync reports success on timeout",
      body: "The replication timed out. Replication 4.3 was offline; offline users again offline.",
    });
    expect(terms).toEqual(["sync", "reports", "success", "timeout", "offline", "replication"]);
  });

  it("skips code, URLs and words GitHub would read as syntax", () => {
    const terms = searchTerms({ title: "`repo:evil` crash", body: "see https://x.org/is:pr" });
    expect(terms).toEqual(["crash", "see"]);
  });
});

describe("buildSearchQuery", () => {
  it("ORs the words inside is:issue and repo: qualifiers", () => {
    expect(buildSearchQuery(["medic/cht-core", "medic/cht-docs"], ["sync", "timeout"])).toBe(
      "is:issue repo:medic/cht-core repo:medic/cht-docs sync OR timeout",
    );
  });

  it("keeps at most six words: GitHub refuses more than five OR operators", () => {
    const q = buildSearchQuery(["a/b"], ["w1", "w2", "w3", "w4", "w5", "w6", "w7"]);
    expect(q.match(/ OR /g)).toHaveLength(5);
    expect(q).not.toContain("w7");
  });

  it("drops the weakest words until the query fits 256 characters", () => {
    const long = Array.from({ length: 6 }, (_, i) => `${String.fromCharCode(97 + i)}`.repeat(45));
    const q = buildSearchQuery(["medic/cht-core"], long);
    expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(q).toContain("a".repeat(45));
    expect(q).not.toContain("f".repeat(45));
  });

  it("refuses a repository list that alone is too long", () => {
    const repos = Array.from({ length: 12 }, (_, i) => `some-organization/repository-${i}`);
    expect(() => buildSearchQuery(repos, ["x"])).toThrow(/over 256 characters/);
  });
});

const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

function createSearch() {
  const requests: string[] = [];
  const octokit = new TestOctokit({ auth: { token: "test" } });
  return {
    search: new OctokitSimilarSearch(octokit, { onRequest: (k) => requests.push(k) }),
    requests,
  };
}

describe("OctokitSimilarSearch", () => {
  useNock();

  it("sends one GET /search/issues and maps the items to candidates", async () => {
    const { search, requests } = createSearch();
    nock(API)
      .get("/search/issues")
      .query({ q: "is:issue repo:medic/cht-core sync OR timeout", per_page: "30" })
      .reply(200, {
        total_count: 2,
        incomplete_results: false,
        items: [
          {
            number: 8296,
            title: "Sync feedback on timeout",
            body: null,
            state: "closed",
            // In the search answer (issue-search-result-item): the card says the outcome from it.
            state_reason: "not_planned",
            updated_at: "2026-03-01T10:00:00Z",
            labels: [{ name: "Type: Bug" }],
            repository_url: "https://api.github.com/repos/medic/cht-core",
          },
          {
            number: 9000,
            title: "A pull request",
            body: "",
            state: "open",
            labels: [],
            repository_url: "https://api.github.com/repos/medic/cht-core",
            pull_request: { url: "x" },
          },
        ],
      });
    const candidates = await search.searchIssues(["medic/cht-core"], ["sync", "timeout"], 30);
    expect(candidates).toEqual([
      {
        number: 8296,
        title: "Sync feedback on timeout",
        body: "",
        state: "closed",
        labels: ["Type: Bug"],
        repo: "medic/cht-core",
        stateReason: "not_planned",
        updatedAt: "2026-03-01T10:00:00Z",
      },
    ]);
    expect(requests).toEqual(["searchIssues"]);
  });

  it("asks for at most 50 a page", async () => {
    const { search } = createSearch();
    nock(API)
      .get("/search/issues")
      .query((query) => query.per_page === "50")
      .reply(200, { total_count: 0, incomplete_results: false, items: [] });
    expect(await search.searchIssues(["a/b"], ["x"], 500)).toEqual([]);
  });

  it("sends nothing without words", async () => {
    const { search, requests } = createSearch();
    expect(await search.searchIssues(["a/b"], [], 10)).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("reports the search rate limit as a typed error", async () => {
    const { search } = createSearch();
    nock(API)
      .get("/search/issues")
      .query(true)
      .reply(
        403,
        { message: "API rate limit exceeded for search" },
        { "x-ratelimit-remaining": "0", "x-ratelimit-resource": "search" },
      );
    await expect(search.searchIssues(["a/b"], ["x"], 10)).rejects.toMatchObject({
      name: "GitHubError",
      kind: "rate-limited",
    });
  });
});
