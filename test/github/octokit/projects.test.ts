/** Projects v2 through the Octokit port: board fields, an issue's items, and the node lookup. */
import { describe, expect, it } from "vitest";
import { FIND_ISSUE_QUERY } from "../../../src/github/octokit/graphql/find-issue.js";
import { loadIssueQuery } from "../../../src/github/octokit/graphql/load-issue.js";
import { loadProjectQuery } from "../../../src/github/octokit/graphql/load-project.js";
import { validateDocument, validateRequest } from "../../support/graphql-schema.js";
import { createPort, mockGraphql, useNock } from "./setup.js";

const FIELDS = ["Stage", "Target date", "Notes", "Missing"];

function projectResponse() {
  return {
    data: {
      organization: {
        projectV2: {
          id: "PVT_1",
          title: "Roadmap",
          viewerCanUpdate: true,
          f0: {
            __typename: "ProjectV2SingleSelectField",
            id: "PVTSSF_1",
            name: "Stage",
            dataType: "SINGLE_SELECT",
            options: [{ id: "o1", name: "Emerging" }],
          },
          f1: { __typename: "ProjectV2Field", id: "PVTF_2", name: "Target date", dataType: "DATE" },
          f2: { __typename: "ProjectV2Field", id: "PVTF_3", name: "Notes", dataType: "TEXT" },
          f3: null,
        },
      },
    },
  };
}

const item = (overrides: object = {}) => ({
  id: "PVTI_1",
  isArchived: false,
  project: { id: "PVT_1", number: 112, owner: { __typename: "Organization", login: "medic" } },
  f0: { __typename: "ProjectV2ItemFieldSingleSelectValue", optionId: "o1", name: "Emerging" },
  f1: { __typename: "ProjectV2ItemFieldDateValue", date: "2026-06-30" },
  ...overrides,
});

function issueWithItems(nodes: unknown[]) {
  return {
    data: {
      repository: {
        id: "R_1",
        issue: {
          id: "I_7",
          number: 7,
          title: "t",
          body: "",
          state: "OPEN",
          createdAt: "2026-01-01T00:00:00Z",
          url: "https://github.com/medic/cht-core/issues/7",
          author: { __typename: "User", login: "alice" },
          labels: { nodes: [] },
          reactions: { totalCount: 0 },
          comments: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
          projectItems: { nodes },
        },
      },
    },
  };
}

describe("Projects v2 documents", () => {
  it.each([0, 1, 3])("the board query validates with %i fields", (count) => {
    expect(validateDocument(loadProjectQuery(count))).toEqual([]);
  });

  it.each([0, 1, 3])("the issue query validates with %i project fields", (count) => {
    expect(validateDocument(loadIssueQuery(2, count))).toEqual([]);
  });

  it("the node lookup validates", () => {
    expect(validateRequest(FIND_ISSUE_QUERY, { id: "I_1" })).toEqual([]);
  });
});

describe("loadProject", () => {
  useNock();

  it("reads the board's fields by name in one request, names as variables", async () => {
    const { github, requests } = createPort();
    const bodies = mockGraphql(projectResponse());
    const project = await github.loadProject("medic", 112, FIELDS);
    expect(requests).toEqual(["loadProject"]);
    expect(validateRequest(bodies[0]?.query ?? "", bodies[0]?.variables ?? {})).toEqual([]);
    expect(bodies[0]?.query).not.toContain("Stage");
    expect(project).toEqual({
      id: "PVT_1",
      title: "Roadmap",
      canUpdate: true,
      fields: {
        Stage: {
          type: "singleSelect",
          id: "PVTSSF_1",
          name: "Stage",
          options: [{ id: "o1", name: "Emerging" }],
        },
        "Target date": { type: "date", id: "PVTF_2", name: "Target date" },
        Notes: { type: "other", id: "PVTF_3", name: "Notes", dataType: "TEXT" },
        Missing: null,
      },
    });
  });

  it("answers null for a missing board", async () => {
    const { github } = createPort();
    mockGraphql({
      data: { organization: { projectV2: null } },
      errors: [{ type: "NOT_FOUND", path: ["organization", "projectV2"], message: "nope" }],
    });
    expect(await github.loadProject("medic", 999, ["Stage"])).toBeNull();
  });

  it("throws a forbidden GitHubError without the Projects permission", async () => {
    const { github } = createPort();
    mockGraphql({
      data: { organization: { projectV2: null } },
      errors: [{ type: "FORBIDDEN", path: ["organization", "projectV2"], message: "denied" }],
    });
    await expect(github.loadProject("medic", 112, ["Stage"])).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});

describe("loadIssue with project fields", () => {
  useNock();

  it("reads the issue's items and field values in the same request", async () => {
    const { github, requests } = createPort();
    const bodies = mockGraphql(
      issueWithItems([item(), item({ id: "PVTI_2", isArchived: true, f0: null, f1: null }), null]),
    );
    const issue = await github.loadIssue(
      { owner: "medic", repo: "cht-core", number: 7 },
      { labelNames: ["phase: a"], projectFields: ["Stage", "Target date"] },
    );
    expect(requests).toEqual(["loadIssue"]);
    expect(validateRequest(bodies[0]?.query ?? "", bodies[0]?.variables ?? {})).toEqual([]);
    expect(bodies[0]?.variables).toMatchObject({ f0: "Stage", f1: "Target date" });
    expect(issue?.projectItems).toEqual([
      {
        id: "PVTI_1",
        project: { id: "PVT_1", number: 112, org: "medic" },
        archived: false,
        fields: {
          Stage: { type: "singleSelect", optionId: "o1", name: "Emerging" },
          "Target date": { type: "date", date: "2026-06-30" },
        },
      },
      {
        id: "PVTI_2",
        project: { id: "PVT_1", number: 112, org: "medic" },
        archived: true,
        fields: { Stage: null, "Target date": null },
      },
    ]);
  });

  it("does not ask for project items unless asked", async () => {
    const { github } = createPort();
    const bodies = mockGraphql({ data: { repository: null } });
    await github.loadIssue({ owner: "o", repo: "r", number: 1 }, { labelNames: [] });
    expect(bodies[0]?.query).not.toContain("projectItems");
  });
});

describe("findIssueByNodeId", () => {
  useNock();

  it("resolves an issue's repository and number", async () => {
    const { github, requests } = createPort();
    mockGraphql({
      data: {
        node: {
          __typename: "Issue",
          number: 5,
          repository: { name: "cht-roadmap", owner: { login: "medic" } },
        },
      },
    });
    expect(await github.findIssueByNodeId("I_5")).toEqual({
      owner: "medic",
      repo: "cht-roadmap",
      number: 5,
    });
    expect(requests).toEqual(["findIssueByNodeId"]);
  });

  it("answers null for a pull request or a deleted node", async () => {
    const { github } = createPort();
    mockGraphql({ data: { node: { __typename: "PullRequest" } } });
    expect(await github.findIssueByNodeId("PR_1")).toBeNull();
    mockGraphql({
      data: { node: null },
      errors: [{ type: "NOT_FOUND", path: ["node"], message: "gone" }],
    });
    expect(await github.findIssueByNodeId("I_gone")).toBeNull();
  });
});

describe("project writes", () => {
  useNock();

  it("return the added item's id and share one document with other ops", async () => {
    const { github, requests } = createPort();
    const bodies = mockGraphql({
      data: { m0: { item: { id: "PVTI_9" } }, m1: { clientMutationId: null } },
    });
    const results = await github.mutate([
      { op: "addProjectItem", projectId: "PVT_1", contentId: "I_7" },
      { op: "addLabels", labelableId: "I_7", labelIds: ["LA_1"] },
    ]);
    expect(requests).toEqual(["mutate"]);
    expect(results[0]).toEqual({ ok: true, op: "addProjectItem", id: "PVTI_9" });
    expect(bodies[0]?.query).toContain("addProjectV2ItemById");
  });
});

describe("loadIssue without the Projects permission", () => {
  useNock();

  it("still loads the issue, with no items, when only projectItems is refused", async () => {
    const { github } = createPort();
    const response = issueWithItems([]);
    const data = {
      repository: {
        ...response.data.repository,
        issue: { ...response.data.repository.issue, projectItems: null },
      },
    };
    mockGraphql({
      data,
      errors: [
        {
          type: "FORBIDDEN",
          path: ["repository", "issue", "projectItems"],
          message: "Resource not accessible by integration",
        },
      ],
    });
    const issue = await github.loadIssue(
      { owner: "medic", repo: "cht-core", number: 7 },
      { labelNames: [], projectFields: ["Stage"] },
    );
    expect(issue?.id).toBe("I_7");
    expect(issue?.projectItems).toEqual([]);
  });
});
