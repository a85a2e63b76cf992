/** The GraphQL delivery port: documents GitHub's schema accepts, and answers read back right. */
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { OctokitDigestDelivery } from "../../src/github/octokit/digest-delivery.js";
import { type GraphqlBody, mockGraphql, useNock } from "../github/octokit/setup.js";
import { validateRequest } from "../support/graphql-schema.js";

const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

const REPO = { owner: "medic", repo: "cht-core" };

function port() {
  const requests: string[] = [];
  const octokit = new TestOctokit({ auth: { token: "test" } });
  return {
    delivery: new OctokitDigestDelivery(octokit, { onRequest: (k) => requests.push(k) }),
    requests,
  };
}

function valid(bodies: GraphqlBody[]) {
  expect(bodies).toHaveLength(1);
  const [body] = bodies;
  expect(validateRequest(body?.query ?? "", body?.variables ?? {})).toEqual([]);
  return body?.variables ?? {};
}

const discussion = (number: number, mine = true, closed = false) => ({
  id: `D_${number}`,
  number,
  url: `https://github.com/medic/cht-core/discussions/${number}`,
  body: `body ${number}`,
  closed,
  viewerDidAuthor: mine,
});

const comment = (databaseId: number, mine = true, isMinimized = false) => ({
  id: `IC_${databaseId}`,
  databaseId,
  url: `https://github.com/medic/cht-core/issues/7#issuecomment-${databaseId}`,
  body: `comment ${databaseId}`,
  isMinimized,
  viewerDidAuthor: mine,
});

const pinnedIssue = (number: number, labels: string[], comments: object[] = []) => ({
  id: `I_${number}`,
  number,
  url: `https://github.com/medic/cht-core/issues/${number}`,
  labels: { nodes: labels.map((name) => ({ name })) },
  comments: { nodes: comments },
});

describe("OctokitDigestDelivery: discussions", () => {
  useNock();

  it("finds the category by name, case-insensitively, with the repository id", async () => {
    const categories = [
      { id: "DIC_1", name: "General" },
      { id: "DIC_2", name: "Digests" },
    ];
    const bodies = mockGraphql({
      data: { repository: { id: "R_1", discussionCategories: { nodes: categories } } },
    });
    const missing = mockGraphql({
      data: { repository: { id: "R_1", discussionCategories: { nodes: categories } } },
    });
    const { delivery, requests } = port();
    expect(await delivery.findDiscussionCategory(REPO, "digests")).toEqual({
      repositoryId: "R_1",
      categoryId: "DIC_2",
    });
    expect(valid(bodies)).toEqual({ owner: "medic", name: "cht-core" });
    expect(await delivery.findDiscussionCategory(REPO, "News")).toEqual({
      repositoryId: "R_1",
      categoryId: null,
    });
    valid(missing);
    expect(requests).toEqual(["digestCategory", "digestCategory"]);
  });

  it("lists, creates and retires discussions", async () => {
    const list = mockGraphql({
      data: {
        repository: { discussions: { nodes: [discussion(12, false), discussion(11, true, true)] } },
      },
    });
    const create = mockGraphql({ data: { createDiscussion: { discussion: discussion(13) } } });
    const retire = mockGraphql({
      data: { update: { clientMutationId: null }, close: { clientMutationId: null } },
    });
    const { delivery, requests } = port();
    expect(await delivery.listDiscussions(REPO, "DIC_2")).toMatchObject([
      { id: "D_12", seq: 12, byViewer: false, retired: false },
      { id: "D_11", seq: 11, byViewer: true, retired: true },
    ]);
    expect(valid(list)).toMatchObject({ categoryId: "DIC_2" });
    const input = { repositoryId: "R_1", categoryId: "DIC_2", title: "t", body: "b" };
    expect(await delivery.createDiscussion(input)).toMatchObject({ id: "D_13", byViewer: true });
    expect(valid(create)).toEqual({ input });
    await delivery.retireDiscussion({ id: "D_11", body: "note", reason: "OUTDATED" });
    expect(valid(retire)).toEqual({ id: "D_11", body: "note", reason: "OUTDATED" });
    expect(requests).toEqual(["digestDiscussions", "createDiscussion", "retireDiscussion"]);
  });
});

describe("OctokitDigestDelivery: pinned comments", () => {
  useNock();

  it("picks the first pinned issue with the label, with its comments", async () => {
    const bodies = mockGraphql({
      data: {
        repository: {
          pinnedIssues: {
            nodes: [
              { issue: pinnedIssue(3, ["roadmap"]) },
              {
                issue: pinnedIssue(
                  7,
                  ["squad-bot: digest"],
                  [comment(5, false), comment(9, true, true)],
                ),
              },
            ],
          },
        },
      },
    });
    const none = mockGraphql({ data: { repository: { pinnedIssues: { nodes: [] } } } });
    const { delivery } = port();
    const found = await delivery.findPinnedIssue(REPO, { label: "squad-bot: digest" });
    expect(found).toMatchObject({ id: "I_7", number: 7 });
    expect(found?.comments).toMatchObject([
      { id: "IC_5", seq: 5, byViewer: false, retired: false },
      { id: "IC_9", seq: 9, byViewer: true, retired: true },
    ]);
    expect(valid(bodies)).toMatchObject({ byNumber: false, number: 0 });
    expect(await delivery.findPinnedIssue(REPO, { label: "squad-bot: digest" })).toBeNull();
    valid(none);
  });

  it("reads the configured issue by number", async () => {
    const bodies = mockGraphql({ data: { repository: { issue: pinnedIssue(42, []) } } });
    const { delivery } = port();
    const found = await delivery.findPinnedIssue(REPO, { number: 42, label: "x" });
    expect(found?.number).toBe(42);
    expect(valid(bodies)).toMatchObject({ byNumber: true, number: 42 });
  });

  it("adds a comment and retires one", async () => {
    const add = mockGraphql({ data: { addComment: { commentEdge: { node: comment(10) } } } });
    const retire = mockGraphql({
      data: {
        update: { clientMutationId: null },
        minimize: { minimizedComment: { isMinimized: true } },
      },
    });
    const { delivery, requests } = port();
    expect(await delivery.addComment("I_7", "digest")).toMatchObject({ id: "IC_10", seq: 10 });
    expect(valid(add)).toEqual({ subjectId: "I_7", body: "digest" });
    await delivery.retireComment({ id: "IC_9", body: "note", reason: "DUPLICATE" });
    expect(valid(retire)).toEqual({ id: "IC_9", body: "note", reason: "DUPLICATE" });
    expect(requests).toEqual(["addDigestComment", "retireComment"]);
  });

  it("surfaces a GraphQL error as a GitHubError", async () => {
    mockGraphql({
      data: null,
      errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }],
    });
    const { delivery } = port();
    await expect(delivery.addComment("I_7", "x")).rejects.toMatchObject({ name: "GitHubError" });
  });
});
