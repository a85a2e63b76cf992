/** Every document the Octokit port sends validates against GitHub's published schema. */
import { describe, expect, it } from "vitest";
import { ISSUE_COMMENTS_QUERY } from "../../../src/github/octokit/graphql/issue-comments.js";
import { loadIssueQuery } from "../../../src/github/octokit/graphql/load-issue.js";
import { buildMutation } from "../../../src/github/octokit/graphql/mutate.js";
import type { MutationOp } from "../../../src/github/types.js";
import { validateDocument, validateRequest } from "../../support/graphql-schema.js";
import { createPort, mockGraphql, useNock } from "./setup.js";

/** One of each op kind, so a new kind without a valid mutation fails here. */
const EVERY_OP: MutationOp[] = [
  { op: "addLabels", labelableId: "I_1", labelIds: ["LA_1", "LA_2"] },
  { op: "removeLabels", labelableId: "I_1", labelIds: ["LA_3"] },
  {
    op: "createLabel",
    repositoryId: "R_1",
    name: "phase: build",
    color: "0e8a16",
    description: "Building",
  },
  { op: "addComment", subjectId: "I_1", body: 'Hello "$i0" }' },
  { op: "updateComment", commentId: "IC_1", body: "edited" },
  { op: "deleteComment", commentId: "IC_2" },
  { op: "addReaction", subjectId: "IC_1", content: "ROCKET" },
  { op: "closeIssue", issueId: "I_1", reason: "NOT_PLANNED" },
  { op: "reopenIssue", issueId: "I_2" },
  { op: "updateIssueBody", issueId: "I_1", body: "new body" },
  { op: "addProjectItem", projectId: "PVT_1", contentId: "I_1" },
  {
    op: "setProjectField",
    projectId: "PVT_1",
    itemId: "PVTI_1",
    fieldId: "PVTSSF_1",
    value: { singleSelectOptionId: "opt_1" },
  },
  {
    op: "setProjectField",
    projectId: "PVT_1",
    itemId: "PVTI_1",
    fieldId: "PVTF_2",
    value: { date: "2026-06-30" },
  },
];

describe("GraphQL documents", () => {
  useNock();

  it("the schema helper reports what GitHub would reject", () => {
    expect(validateDocument("query { viewer { login } }")).toEqual([]);
    expect(validateDocument("query { viewer { nope } }")).toHaveLength(1);
    expect(validateDocument("query {")).toHaveLength(1);
    expect(
      validateRequest("query ($id: ID!) { node(id: $id) { id } }", { other: "x" }),
    ).toHaveLength(2);
  });

  it.each([0, 1, 3])("the issue query validates with %i label lookups", (labels) => {
    expect(validateDocument(loadIssueQuery(labels))).toEqual([]);
  });

  it("the comment page query validates", () => {
    expect(validateRequest(ISSUE_COMMENTS_QUERY, { id: "I_1", after: "c" })).toEqual([]);
  });

  it("a mutation with every op kind validates, variables included", () => {
    const { query, variables } = buildMutation(EVERY_OP);
    expect(validateRequest(query, variables)).toEqual([]);
    expect(query).not.toContain("Hello");
  });

  it("mutate sends exactly that valid document in one request", async () => {
    const { github, requests } = createPort();
    const data = Object.fromEntries(EVERY_OP.map((_, index) => [`m${index}`, {}]));
    const bodies = mockGraphql({ data });
    await github.mutate(EVERY_OP);
    expect(requests).toEqual(["mutate"]);
    const [body] = bodies;
    expect(body).toBeDefined();
    expect(validateRequest(body?.query ?? "", body?.variables ?? {})).toEqual([]);
  });

  it("loadIssue sends a valid request with label names as variables", async () => {
    const { github } = createPort();
    const bodies = mockGraphql({ data: { repository: null } });
    await github.loadIssue(
      { owner: "o", repo: "r", number: 1 },
      { labelNames: ['phase: "idea"', "blocked"] },
    );
    const [body] = bodies;
    expect(validateRequest(body?.query ?? "", body?.variables ?? {})).toEqual([]);
    expect(body?.query).not.toContain("idea");
    expect(body?.variables).toMatchObject({ l0: 'phase: "idea"', l1: "blocked", number: 1 });
  });
});
