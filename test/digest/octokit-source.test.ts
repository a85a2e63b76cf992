/** The GraphQL digest source: valid against GitHub's schema, paginated, one request per page. */
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import type { DigestIssue } from "../../src/features/digest/source.js";
import { OctokitDigestSource } from "../../src/github/octokit/digest-source.js";
import { DIGEST_ISSUES_QUERY } from "../../src/github/octokit/graphql/digest-issues.js";
import { mockGraphql, useNock } from "../github/octokit/setup.js";
import { validateRequest } from "../support/graphql-schema.js";
import { cardState } from "./fixtures.js";

const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

const REPO = { owner: "medic", repo: "cht-core" };
const card = encodeMarker(
  "card",
  cardState({
    title: "x",
    history: [["building", "2026-11-24T10:00:00Z", "mia"]],
    lead: "amara-dev",
  }),
);

const node = (number: number, comments: object[] = []) => ({
  number,
  title: `Feature ${number}`,
  url: `https://github.com/medic/cht-core/issues/${number}`,
  state: "OPEN",
  createdAt: "2026-11-01T00:00:00Z",
  updatedAt: "2026-11-25T00:00:00Z",
  closedAt: null,
  labels: { nodes: [{ name: "phase: building" }] },
  reactions: { totalCount: 3 },
  comments: { nodes: comments },
});

const page = (nodes: object[], endCursor: string | null, cost = 2) => ({
  data: {
    rateLimit: { cost, remaining: 4990 },
    repository: { issues: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, nodes } },
  },
});

async function drain(source: OctokitDigestSource): Promise<DigestIssue[][]> {
  const pages: DigestIssue[][] = [];
  const query = {
    labels: ["phase: building", "enhancement"],
    closedSince: new Date("2026-11-23T00:00:00Z"),
  };
  for await (const p of source.issues(REPO, query)) pages.push(p);
  return pages;
}

describe("OctokitDigestSource", () => {
  useNock();

  it("sends a document GitHub's schema accepts", () => {
    const variables = {
      owner: "medic",
      name: "cht-core",
      labels: ["a"],
      states: ["CLOSED"],
      since: "2026-11-23T00:00:00.000Z",
      after: "Y3Vyc29y",
      cardComments: 5,
    };
    expect(validateRequest(DIGEST_ISSUES_QUERY, variables)).toEqual([]);
    expect(
      validateRequest(DIGEST_ISSUES_QUERY, { ...variables, since: null, after: null }),
    ).toEqual([]);
  });

  it("pages open issues with the cursor, then closed ones since the period start", async () => {
    const bot = {
      body: `### Squad card\n${card}`,
      viewerDidAuthor: true,
      author: { __typename: "Bot", login: "squad-bot" },
    };
    const pasted = {
      body: card,
      viewerDidAuthor: false,
      author: { __typename: "User", login: "mallory" },
    };
    const bodies = [
      mockGraphql(page([node(1, [pasted, bot]), node(2, [pasted])], "c1")),
      mockGraphql(page([node(3)], null)),
      mockGraphql(page([], null, 1)),
    ];
    const requests: string[] = [];
    const octokit = new TestOctokit({ auth: { token: "test" } });
    const source = new OctokitDigestSource(octokit, { onRequest: (kind) => requests.push(kind) });
    const pages = await drain(source);
    expect(pages.map((p) => p.map((i) => i.number))).toEqual([[1, 2], [3], []]);
    expect(requests).toEqual(["digestIssues", "digestIssues", "digestIssues"]);
    expect(source.stats()).toEqual({ requests: 3, cost: 5, remaining: 4990 });
    const [first, second, third] = bodies.map((b) => b[0]?.variables);
    expect(first).toMatchObject({
      states: ["OPEN"],
      since: null,
      after: null,
      labels: ["phase: building", "enhancement"],
    });
    expect(second).toMatchObject({ states: ["OPEN"], after: "c1" });
    expect(third).toMatchObject({
      states: ["CLOSED"],
      since: "2026-11-23T00:00:00.000Z",
      after: null,
    });
    for (const b of bodies)
      expect(validateRequest(b[0]?.query ?? "", b[0]?.variables ?? {})).toEqual([]);
    // Only the app's comment is trusted; a pasted marker is not a card.
    expect(pages[0]?.map((i) => i.card?.lead ?? null)).toEqual(["amara-dev", null]);
    expect(pages[0]?.[0]).toMatchObject({
      state: "open",
      thumbsUp: 3,
      labels: ["phase: building"],
    });
  });

  it("trusts cards by login when another identity (a workflow token) reads", async () => {
    const bot = {
      body: card,
      viewerDidAuthor: false,
      author: { __typename: "Bot", login: "squad-bot" },
    };
    mockGraphql(page([node(1, [bot])], null));
    mockGraphql(page([], null));
    const octokit = new TestOctokit({ auth: { token: "test" } });
    const pages = await drain(new OctokitDigestSource(octokit, { cardAuthor: "squad-bot[bot]" }));
    expect(pages[0]?.[0]?.card?.lead).toBe("amara-dev");
  });
});
