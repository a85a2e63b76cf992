/** The Octokit community port against nock: one request per call, 404 as "no", failures typed. */
import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { goodFirstIssueSearch, OctokitCommunity } from "../../src/github/octokit/community.js";
import { API, useNock } from "../github/octokit/setup.js";

const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

function createPort() {
  const requests: string[] = [];
  const port = new OctokitCommunity(new TestOctokit({ auth: { token: "test" } }), {
    onRequest: (kind) => requests.push(kind),
  });
  return { port, requests };
}

describe("isOrgMember", () => {
  useNock();

  it("answers 204 as a member, counting one request", async () => {
    const { port, requests } = createPort();
    nock(API).get("/orgs/medic/members/ana").reply(204);
    expect(await port.isOrgMember("medic", "ana")).toBe(true);
    expect(requests).toEqual(["isOrgMember"]);
  });

  it("answers 404 as not a member", async () => {
    const { port } = createPort();
    nock(API).get("/orgs/medic/members/ana").reply(404, { message: "Not Found" });
    expect(await port.isOrgMember("medic", "ana")).toBe(false);
  });

  it("follows GitHub's redirect to public membership when it lacks the permission", async () => {
    const { port } = createPort();
    nock(API)
      .get("/orgs/medic/members/ana")
      .reply(302, "", { location: `${API}/orgs/medic/public_members/ana` });
    nock(API).get("/orgs/medic/public_members/ana").reply(204);
    expect(await port.isOrgMember("medic", "ana")).toBe(true);
  });

  it("reports a server failure instead of guessing", async () => {
    const { port } = createPort();
    nock(API).get("/orgs/medic/members/ana").reply(502, { message: "Bad Gateway" });
    await expect(port.isOrgMember("medic", "ana")).rejects.toMatchObject({ kind: "server" });
  });
});

describe("isCollaborator", () => {
  useNock();
  const path = "/repos/medic/cht-core/collaborators/ana";

  it.each([
    [204, true],
    [404, false],
  ])("answers %i as %s", async (status, expected) => {
    const { port, requests } = createPort();
    nock(API).get(path).reply(status);
    expect(await port.isCollaborator({ owner: "medic", repo: "cht-core" }, "ana")).toBe(expected);
    expect(requests).toEqual(["isCollaborator"]);
  });
});

describe("listGoodFirstIssues", () => {
  useNock();
  const item = (number: number, extra: object = {}) => ({
    number,
    title: `Issue ${number}`,
    html_url: `https://github.com/medic/cht-core/issues/${number}`,
    repository_url: "https://api.github.com/repos/medic/cht-core",
    assignee: null,
    assignees: [],
    ...extra,
  });

  it("searches the organization once and drops what the index has not caught up with", async () => {
    const { port, requests } = createPort();
    const q = 'org:medic is:issue is:open no:assignee archived:false label:"Good first issue"';
    nock(API)
      .get("/search/issues")
      .query({ q, sort: "created", order: "desc", per_page: "4" })
      .reply(200, {
        total_count: 4,
        items: [
          item(1),
          item(2, { assignee: { login: "x" }, assignees: [{ login: "x" }] }),
          item(3, { pull_request: { url: "…" } }),
          item(4),
        ],
      });
    const issues = await port.listGoodFirstIssues({
      org: "medic",
      repos: [],
      label: "Good first issue",
      limit: 2,
    });
    expect(issues).toEqual([
      {
        repo: { owner: "medic", repo: "cht-core" },
        number: 1,
        title: "Issue 1",
        url: "https://github.com/medic/cht-core/issues/1",
      },
      {
        repo: { owner: "medic", repo: "cht-core" },
        number: 4,
        title: "Issue 4",
        url: "https://github.com/medic/cht-core/issues/4",
      },
    ]);
    expect(requests).toEqual(["listGoodFirstIssues"]);
  });

  it("sends no request for a limit of 0", async () => {
    const { port, requests } = createPort();
    expect(
      await port.listGoodFirstIssues({ org: "medic", repos: [], label: "x", limit: 0 }),
    ).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("reports a rate limit as such", async () => {
    const { port } = createPort();
    nock(API)
      .get("/search/issues")
      .query(true)
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0" });
    await expect(
      port.listGoodFirstIssues({ org: "medic", repos: [], label: "x", limit: 3 }),
    ).rejects.toMatchObject({ kind: "rate-limited" });
  });
});

describe("goodFirstIssueSearch", () => {
  it("names repositories when given, and cannot be broken out of by a quote", () => {
    expect(
      goodFirstIssueSearch({
        org: "medic",
        repos: [
          { owner: "medic", repo: "cht-core" },
          { owner: "medic", repo: "cht-docs" },
        ],
        label: 'good "first" issue',
        limit: 3,
      }),
    ).toBe(
      'repo:medic/cht-core repo:medic/cht-docs is:issue is:open no:assignee archived:false label:"good first issue"',
    );
  });
});
