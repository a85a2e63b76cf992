/** The sweep's recent listing over GraphQL: valid against GitHub's schema, paginated, cards trusted by author. */
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import type { RecentIssue } from "../../src/features/sweep/recent.js";
import { SWEEP_RECENT_ISSUES_QUERY } from "../../src/github/octokit/graphql/sweep-recent-issues.js";
import { OctokitRecentIssues } from "../../src/github/octokit/recent-issues.js";
import { cardState } from "../digest/fixtures.js";
import { mockGraphql, useNock } from "../github/octokit/setup.js";
import { validateRequest } from "../support/graphql-schema.js";

const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

const REPO = { owner: "medic", repo: "cht-core" };
const SINCE = new Date("2026-11-22T12:00:00Z");
const card = encodeMarker(
  "card",
  cardState({ title: "x", history: [["idea", "2026-11-24T10:00:00Z", "mia"]] }),
);

const node = (number: number, comments: object[] = [], labels: string[] = []) => ({
  number,
  body: "### Is your feature request related to a problem?\nYes.",
  labels: { nodes: labels.map((name) => ({ name })) },
  comments: { nodes: comments },
});

const page = (nodes: (object | null)[], endCursor: string | null, cost = 1) => ({
  data: {
    rateLimit: { cost, remaining: 4321 },
    repository: { issues: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, nodes } },
  },
});

async function drain(source: OctokitRecentIssues): Promise<RecentIssue[][]> {
  const pages: RecentIssue[][] = [];
  for await (const p of source.issues(REPO, SINCE)) pages.push(p);
  return pages;
}

describe("OctokitRecentIssues", () => {
  useNock();

  it("sends a document GitHub's schema accepts", () => {
    const variables = {
      owner: "medic",
      name: "cht-core",
      since: SINCE.toISOString(),
      after: "Y3Vyc29y",
      pageSize: 50,
      cardComments: 5,
    };
    expect(validateRequest(SWEEP_RECENT_ISSUES_QUERY, variables)).toEqual([]);
    expect(validateRequest(SWEEP_RECENT_ISSUES_QUERY, { ...variables, after: null })).toEqual([]);
  });

  it("pages open issues updated since the window start, and trusts only the app's card", async () => {
    const ours = { body: `### Squad card\n${card}`, viewerDidAuthor: true };
    const pasted = { body: card, viewerDidAuthor: false };
    const bodies = [
      mockGraphql(page([node(1, [pasted, ours], ["enhancement"]), node(2, [pasted])], "c1")),
      mockGraphql(page([node(3), null], null)),
    ];
    const requests: string[] = [];
    const octokit = new TestOctokit({ auth: { token: "test" } });
    const source = new OctokitRecentIssues(octokit, { onRequest: (kind) => requests.push(kind) });
    const pages = await drain(source);
    expect(pages.map((p) => p.map((i) => i.number))).toEqual([[1, 2], [3]]);
    expect(requests).toEqual(["sweepRecentIssues", "sweepRecentIssues"]);
    expect(source.stats()).toEqual({ requests: 2, cost: 2, remaining: 4321 });
    const [first, second] = bodies.map((b) => b[0]?.variables);
    expect(first).toMatchObject({
      since: "2026-11-22T12:00:00.000Z",
      after: null,
      pageSize: 50,
      cardComments: 5,
    });
    expect(second).toMatchObject({ after: "c1" });
    for (const b of bodies) {
      expect(validateRequest(b[0]?.query ?? "", b[0]?.variables ?? {})).toEqual([]);
    }
    expect(pages[0]?.[0]).toMatchObject({
      state: "open",
      labels: ["enhancement"],
      body: expect.stringContaining("### Is your feature request"),
      card: { phase: "idea" },
    });
    // A marker pasted by someone else is not a card.
    expect(pages[0]?.[1]?.card).toBeNull();
    expect(pages[1]?.[0]).toMatchObject({ labels: [], card: null });
  });

  it("ends quietly when the repository is gone", async () => {
    mockGraphql({ data: { rateLimit: null, repository: null } });
    const octokit = new TestOctokit({ auth: { token: "test" } });
    expect(await drain(new OctokitRecentIssues(octokit))).toEqual([]);
  });
});
