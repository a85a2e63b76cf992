/** The Octokit HistoryPort: valid documents, one request per call, GitHub's answers mapped. */
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { HISTORY_ISSUES_QUERY } from "../../src/github/octokit/graphql/history-issues.js";
import { HISTORY_PULL_REQUESTS_QUERY } from "../../src/github/octokit/graphql/history-pull-requests.js";
import { HISTORY_REPOSITORIES_QUERY } from "../../src/github/octokit/graphql/history-repositories.js";
import {
  HISTORY_COMMENTS_QUERY,
  HISTORY_REVIEWS_QUERY,
} from "../../src/github/octokit/graphql/history-threads.js";
import { OctokitHistory } from "../../src/github/octokit/history.js";
import { GitHubError } from "../../src/github/port.js";
import { mockGraphql, useNock } from "../github/octokit/setup.js";
import { validateRequest } from "../support/graphql-schema.js";

// Only the function form of defaults turns retry and throttling off (see github-notes.md).
const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

function createHistory() {
  const requests: string[] = [];
  const octokit = new TestOctokit({ auth: { token: "test" } });
  return { history: new OctokitHistory(octokit, { onRequest: (k) => requests.push(k) }), requests };
}

const RATE = { remaining: 4321, resetAt: "2026-02-01T13:00:00Z", cost: 2 };
const pageInfo = (hasNextPage: boolean, endCursor: string | null = null) => ({
  hasNextPage,
  endCursor,
});
const connection = (nodes: unknown[], more = false, cursor: string | null = null) => ({
  pageInfo: pageInfo(more, cursor),
  nodes,
});
const user = (login: string) => ({ __typename: "User", login });

const pull = (id: string, updatedAt: string) => ({
  id,
  url: `https://github.com/acme/widgets/pull/${id}`,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt,
  mergedAt: null,
  author: user("alice"),
  comments: connection([]),
  reviews: connection([
    {
      id: "PRR_1",
      url: "u",
      submittedAt: "2026-01-02T00:00:00Z",
      author: { __typename: "Bot", login: "ci" },
    },
  ]),
});

describe("OctokitHistory", () => {
  useNock();

  it.each([
    ["repositories", HISTORY_REPOSITORIES_QUERY, { org: "acme", after: null }],
    ["issues", HISTORY_ISSUES_QUERY, { owner: "a", repo: "b", after: "c", since: null }],
    [
      "issues since",
      HISTORY_ISSUES_QUERY,
      { owner: "a", repo: "b", after: null, since: "2026-01-01T00:00:00.000Z" },
    ],
    [
      "pull requests",
      HISTORY_PULL_REQUESTS_QUERY,
      { owner: "a", repo: "b", after: null, order: "CREATED_AT", direction: "ASC" },
    ],
    [
      "pull requests since",
      HISTORY_PULL_REQUESTS_QUERY,
      { owner: "a", repo: "b", after: "c", order: "UPDATED_AT", direction: "DESC" },
    ],
    ["comments", HISTORY_COMMENTS_QUERY, { id: "I_1", after: "c" }],
    ["reviews", HISTORY_REVIEWS_QUERY, { id: "PR_1", after: "c" }],
  ])("the %s query validates against GitHub's schema", (_, query, variables) => {
    expect(validateRequest(query, variables)).toEqual([]);
  });

  it("sends a valid issues request and maps authors, ghosts and bots", async () => {
    const { history, requests } = createHistory();
    const bodies = mockGraphql({
      data: {
        rateLimit: RATE,
        repository: {
          issues: connection(
            [
              {
                id: "I_1",
                url: "https://github.com/acme/widgets/issues/1",
                createdAt: "2026-01-01T00:00:00Z",
                updatedAt: "2026-01-03T00:00:00Z",
                author: null,
                comments: connection(
                  [
                    {
                      id: "IC_1",
                      url: "c1",
                      createdAt: "2026-01-02T00:00:00Z",
                      author: user("bob"),
                    },
                    null,
                  ],
                  true,
                  "C1",
                ),
              },
              null,
            ],
            true,
            "P1",
          ),
        },
      },
    });
    const page = await history.listIssues("acme", "widgets", {
      after: null,
      since: new Date("2026-01-01T00:00:00Z"),
    });
    expect(requests).toEqual(["listIssues"]);
    expect(validateRequest(bodies[0]?.query ?? "", bodies[0]?.variables ?? {})).toEqual([]);
    expect(bodies[0]?.variables).toMatchObject({ since: "2026-01-01T00:00:00.000Z" });
    expect(page).toEqual({
      items: [
        {
          id: "I_1",
          url: "https://github.com/acme/widgets/issues/1",
          author: null,
          createdAt: new Date("2026-01-01T00:00:00Z"),
          updatedAt: new Date("2026-01-03T00:00:00Z"),
          comments: {
            items: [
              {
                id: "IC_1",
                url: "c1",
                createdAt: new Date("2026-01-02T00:00:00Z"),
                author: { login: "bob", isBot: false },
              },
            ],
            hasNextPage: true,
            endCursor: "C1",
          },
        },
      ],
      hasNextPage: true,
      endCursor: "P1",
      rateLimit: { remaining: 4321, resetAt: new Date("2026-02-01T13:00:00Z"), cost: 2 },
    });
  });

  it("with since, reads pull requests newest first and ends at the first older one", async () => {
    const { history } = createHistory();
    const bodies = mockGraphql({
      data: {
        rateLimit: RATE,
        repository: {
          pullRequests: connection(
            [pull("PR_2", "2026-01-20T00:00:00Z"), pull("PR_1", "2026-01-05T00:00:00Z")],
            true,
            "P1",
          ),
        },
      },
    });
    const page = await history.listPullRequests("acme", "widgets", {
      after: null,
      since: new Date("2026-01-10T00:00:00Z"),
    });
    expect(bodies[0]?.variables).toMatchObject({ order: "UPDATED_AT", direction: "DESC" });
    expect(page.items.map((p) => p.id)).toEqual(["PR_2"]);
    expect(page.hasNextPage).toBe(false);
    expect(page.items[0]?.reviews.items[0]?.author).toEqual({ login: "ci", isBot: true });
  });

  it("reports a missing organization as not found", async () => {
    const { history } = createHistory();
    mockGraphql({ data: { rateLimit: RATE, organization: null } });
    await expect(history.listRepositories("nope", null)).rejects.toMatchObject({
      kind: "not-found",
      message: "organization nope not found",
    });
  });

  it("turns GitHub's RATE_LIMITED answer into a rate-limited error", async () => {
    const { history } = createHistory();
    mockGraphql({ errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] });
    const error = await history.listComments("I_1", "C1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ kind: "rate-limited" });
  });
});
