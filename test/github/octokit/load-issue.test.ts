/** loadIssue: one query maps to an IssueSnapshot; further comment pages cost one request each. */
import { describe, expect, it } from "vitest";
import { GitHubError } from "../../../src/github/port.js";
import { createPort, mockGraphql, useNock } from "./setup.js";

const REF = { owner: "acme", repo: "widgets", number: 7 };

const comment = (id: number, author: object | null, viewerDidAuthor = false) => ({
  id: `IC_${id}`,
  fullDatabaseId: String(3_000_000_000 + id),
  body: `comment ${id}`,
  createdAt: "2026-01-02T00:00:00Z",
  viewerDidAuthor,
  author,
});

const user = (login: string) => ({ __typename: "User", login });
const bot = (login: string) => ({ __typename: "Bot", login });

function issueResponse(overrides: { comments?: object; labels?: Record<string, unknown> } = {}) {
  return {
    data: {
      repository: {
        id: "R_1",
        issue: {
          id: "I_7",
          number: 7,
          title: "Add dark mode",
          body: "Please",
          state: "CLOSED",
          createdAt: "2026-01-01T00:00:00Z",
          url: "https://github.com/acme/widgets/issues/7",
          author: user("alice"),
          labels: { nodes: [{ id: "LA_1", name: "phase: idea" }] },
          reactions: { totalCount: 4 },
          comments: overrides.comments ?? {
            pageInfo: { hasNextPage: false, endCursor: null },
            nodes: [comment(1, bot("squad-bot"), true), comment(2, user("bob")), comment(3, null)],
          },
        },
        ...overrides.labels,
      },
    },
  };
}

describe("loadIssue", () => {
  useNock();

  it("maps the issue, its comments and the requested labels in one request", async () => {
    const { github, requests } = createPort();
    mockGraphql(issueResponse({ labels: { l0: { id: "LA_1", name: "phase: idea" }, l1: null } }));
    const snapshot = await github.loadIssue(REF, { labelNames: ["Phase: Idea", "missing"] });
    expect(requests).toEqual(["loadIssue"]);
    expect(snapshot).toMatchObject({
      id: "I_7",
      ref: REF,
      repositoryId: "R_1",
      state: "closed",
      author: "alice",
      labels: [{ id: "LA_1", name: "phase: idea" }],
      repoLabels: [{ id: "LA_1", name: "phase: idea" }],
      thumbsUp: 4,
    });
    expect(snapshot?.comments).toEqual([
      {
        id: "IC_1",
        databaseId: 3_000_000_001,
        author: "squad-bot[bot]",
        byThisApp: true,
        body: "comment 1",
        createdAt: "2026-01-02T00:00:00Z",
      },
      expect.objectContaining({ author: "bob", byThisApp: false }),
      expect.objectContaining({ author: "ghost", byThisApp: false }),
    ]);
  });

  it("trusts only viewerDidAuthor, not a bot-looking author name", async () => {
    const { github } = createPort();
    const comments = {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [comment(1, bot("other-app")), comment(2, user("squad-bot[bot]"))],
    };
    mockGraphql(issueResponse({ comments }));
    const snapshot = await github.loadIssue(REF, { labelNames: [] });
    expect(snapshot?.comments.map((c) => [c.author, c.byThisApp])).toEqual([
      ["other-app[bot]", false],
      ["squad-bot[bot]", false],
    ]);
  });

  it("pages through comments after the first hundred, one request per page", async () => {
    const { github, requests } = createPort();
    mockGraphql(
      issueResponse({
        comments: { pageInfo: { hasNextPage: true, endCursor: "c1" }, nodes: [comment(1, null)] },
      }),
    );
    const second = mockGraphql({
      data: {
        node: {
          comments: {
            pageInfo: { hasNextPage: false, endCursor: "c2" },
            nodes: [comment(2, user("carol"))],
          },
        },
      },
    });
    const snapshot = await github.loadIssue(REF, { labelNames: [] });
    expect(requests).toEqual(["loadIssue", "loadIssue"]);
    expect(second[0]?.variables).toEqual({ id: "I_7", after: "c1" });
    expect(snapshot?.comments.map((c) => c.id)).toEqual(["IC_1", "IC_2"]);
  });

  it.each([
    ["a missing issue or a pull request", ["repository", "issue"], { id: "R_1", issue: null }],
    ["a missing repository", ["repository"], null],
  ])("returns null for %s", async (_, path, repository) => {
    const { github, requests } = createPort();
    mockGraphql({
      data: { repository },
      errors: [{ type: "NOT_FOUND", path, message: "Could not resolve to an Issue" }],
    });
    expect(await github.loadIssue(REF, { labelNames: [] })).toBeNull();
    expect(requests).toEqual(["loadIssue"]);
  });

  it("throws a typed error when GitHub fails", async () => {
    const { github } = createPort();
    mockGraphql({ message: "Bad credentials" }, 401);
    const failure = github.loadIssue(REF, { labelNames: [] });
    await expect(failure).rejects.toBeInstanceOf(GitHubError);
    await expect(failure).rejects.toMatchObject({ kind: "forbidden", status: 401 });
  });
});
