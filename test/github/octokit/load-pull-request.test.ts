/** loadPullRequest: a pull request read as an issue snapshot, so once-only comments work on it. */
import { describe, expect, it } from "vitest";
import { ISSUE_COMMENTS_QUERY } from "../../../src/github/octokit/graphql/issue-comments.js";
import { LOAD_PULL_REQUEST_QUERY } from "../../../src/github/octokit/graphql/load-pull-request.js";
import { validateRequest } from "../../support/graphql-schema.js";
import { createPort, mockGraphql, useNock } from "./setup.js";

const REF = { owner: "acme", repo: "widgets", number: 8 };

const comment = (id: number, viewerDidAuthor: boolean) => ({
  id: `IC_${id}`,
  fullDatabaseId: String(3_000_000_000 + id),
  body: `comment ${id}`,
  createdAt: "2026-01-02T00:00:00Z",
  viewerDidAuthor,
  author: viewerDidAuthor
    ? { __typename: "Bot", login: "squad-bot" }
    : { __typename: "User", login: "bob" },
});

const pullResponse = (hasNextPage: boolean) => ({
  data: {
    repository: {
      id: "R_1",
      pullRequest: {
        id: "PR_8",
        number: 8,
        title: "Fix login",
        body: "Fixes #7",
        state: "MERGED",
        createdAt: "2026-01-01T00:00:00Z",
        url: "https://github.com/acme/widgets/pull/8",
        author: { __typename: "User", login: "nora" },
        labels: { nodes: [{ id: "LA_1", name: "bug" }] },
        reactions: { totalCount: 1 },
        comments: {
          pageInfo: { hasNextPage, endCursor: hasNextPage ? "c1" : null },
          nodes: [comment(1, true)],
        },
      },
    },
  },
});

describe("loadPullRequest", () => {
  useNock();

  it("validates against GitHub's schema", () => {
    expect(
      validateRequest(LOAD_PULL_REQUEST_QUERY, { owner: "acme", name: "widgets", number: 8 }),
    ).toEqual([]);
    expect(validateRequest(ISSUE_COMMENTS_QUERY, { id: "PR_8", after: "c1" })).toEqual([]);
  });

  it("maps the pull request in one request; merged reads as closed", async () => {
    const { github, requests } = createPort();
    const sent = mockGraphql(pullResponse(false));
    const snapshot = await github.loadPullRequest(REF);
    expect(requests).toEqual(["loadPullRequest"]);
    expect(sent[0]?.variables).toEqual({ owner: "acme", name: "widgets", number: 8 });
    expect(snapshot).toMatchObject({
      id: "PR_8",
      state: "closed",
      author: "nora",
      repositoryId: "R_1",
      repoLabels: [],
      labels: [{ id: "LA_1", name: "bug" }],
      comments: [{ id: "IC_1", author: "squad-bot[bot]", byThisApp: true }],
    });
  });

  it("pages through further comments with the pull request's id", async () => {
    const { github, requests } = createPort();
    mockGraphql(pullResponse(true));
    const page = mockGraphql({
      data: {
        node: {
          comments: {
            pageInfo: { hasNextPage: false, endCursor: "c2" },
            nodes: [comment(2, false)],
          },
        },
      },
    });
    const snapshot = await github.loadPullRequest(REF);
    expect(requests).toEqual(["loadPullRequest", "loadPullRequest"]);
    expect(page[0]?.variables).toEqual({ id: "PR_8", after: "c1" });
    expect(snapshot?.comments.map((c) => c.id)).toEqual(["IC_1", "IC_2"]);
  });

  it("returns null when there is no such pull request", async () => {
    const { github } = createPort();
    mockGraphql({
      data: { repository: { id: "R_1", pullRequest: null } },
      errors: [{ type: "NOT_FOUND", path: ["repository", "pullRequest"], message: "nope" }],
    });
    expect(await github.loadPullRequest(REF)).toBeNull();
  });
});
