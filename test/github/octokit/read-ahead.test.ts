/** readAhead: one valid document for the config files and each asked part; partial answers kept. */
import { describe, expect, it } from "vitest";
import { readAheadQuery } from "../../../src/github/octokit/graphql/read-ahead.js";
import { GitHubError } from "../../../src/github/port.js";
import { validateDocument, validateRequest } from "../../support/graphql-schema.js";
import { createPort, mockGraphql, useNock } from "./setup.js";

const REPO = { owner: "medic", repo: "cht-core" };
const PATH = ".github/squad-bot.yml";
const EVERYTHING = {
  configPath: PATH,
  issue: {
    number: 7,
    options: { labelNames: ["phase: idea", "blocked"], projectFields: ["Stage"] },
  },
  project: { org: "medic", number: 9, fieldNames: ["Stage", "Target"] },
  onboarding: { label: "squad-bot: onboarding", cardLabels: ["phase: idea"] },
};

const thread = {
  id: "I_7",
  number: 7,
  title: "Dark mode",
  body: "Please",
  state: "OPEN",
  createdAt: "2026-01-01T00:00:00Z",
  url: "https://github.com/medic/cht-core/issues/7",
  author: { __typename: "User", login: "alice" },
  labels: { nodes: [{ id: "LA_1", name: "phase: idea" }] },
  reactions: { totalCount: 0 },
  comments: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
};

describe("readAhead", () => {
  useNock();

  it.each([
    { orgFallback: true, onboarding: false },
    { orgFallback: false, onboarding: true, boardFieldCount: 2 },
    { orgFallback: true, onboarding: true, issue: { labelCount: 2, projectFieldCount: 1 } },
    { orgFallback: true, onboarding: false, pullRequest: true },
  ])("validates against GitHub's schema: %o", (shape) => {
    expect(validateDocument(readAheadQuery(shape))).toEqual([]);
  });

  it("sends everything in one valid request and splits the answer per port call", async () => {
    const { github, requests } = createPort();
    const bodies = mockGraphql({
      data: {
        repository: {
          id: "R_1",
          config: { text: "preset: cht\n", isTruncated: false },
          issue: { ...thread, projectItems: { nodes: [] } },
          l0: { id: "LA_1", name: "phase: idea" },
          l1: null,
          labels: { nodes: [{ name: "phase: idea" }] },
          onboarding: { nodes: [] },
          tracked: { nodes: [] },
        },
        orgConfig: { config: { text: "preset: squad-journey\n", isTruncated: false } },
        board: {
          projectV2: {
            id: "PVT_9",
            title: "Roadmap",
            viewerCanUpdate: true,
            b0: {
              __typename: "ProjectV2SingleSelectField",
              id: "F_1",
              name: "Stage",
              dataType: "SINGLE_SELECT",
              options: [{ id: "O_1", name: "Emerging" }],
            },
            b1: null,
          },
        },
      },
    });
    const result = await github.readAhead(REPO, EVERYTHING);
    expect(requests).toEqual(["readAhead"]);
    const [body] = bodies;
    expect(validateRequest(body?.query ?? "", body?.variables ?? {})).toEqual([]);
    expect(body?.variables).toMatchObject({ config: `HEAD:${PATH}`, number: 7, b0: "Stage" });
    expect(result.files).toEqual({ own: "preset: cht\n", org: "preset: squad-journey\n" });
    expect(result.issue).toMatchObject({
      id: "I_7",
      repoLabels: [{ id: "LA_1" }],
      projectItems: [],
    });
    expect(result.project?.fields).toMatchObject({ Stage: { id: "F_1" }, Target: null });
    expect(result.onboarding).toMatchObject({ repositoryId: "R_1", cardFound: false });
  });

  it("reads a missing .github repository, board and issue as missing, in the same request", async () => {
    const { github } = createPort();
    mockGraphql({
      data: {
        repository: { id: "R_1", config: null, issue: null },
        orgConfig: null,
        board: null,
      },
      errors: [
        { type: "NOT_FOUND", path: ["orgConfig"], message: "Could not resolve to a Repository" },
        { type: "NOT_FOUND", path: ["board"], message: "Could not resolve to an Organization" },
        { type: "NOT_FOUND", path: ["repository", "issue"], message: "Could not resolve" },
      ],
    });
    const { issue, project } = EVERYTHING;
    const result = await github.readAhead(REPO, { configPath: PATH, issue, project });
    expect(result).toEqual({ files: { own: null, org: null }, issue: null, project: null });
  });

  it("leaves out a board GitHub refuses, so its own read reports why", async () => {
    const { github } = createPort();
    mockGraphql({
      data: { repository: { id: "R_1", config: { text: "", isTruncated: false } }, board: null },
      errors: [{ type: "FORBIDDEN", path: ["board", "projectV2"], message: "not accessible" }],
    });
    const result = await github.readAhead(REPO, { configPath: PATH, project: EVERYTHING.project });
    expect(result.files.own).toBe("");
    expect(result).not.toHaveProperty("project");
  });

  it("fails on any other error, and on a config file too large to read", async () => {
    const { github } = createPort();
    mockGraphql({
      data: { repository: null },
      errors: [{ type: "FORBIDDEN", path: ["repository"], message: "not accessible" }],
    });
    await expect(github.readAhead(REPO, { configPath: PATH })).rejects.toThrow(GitHubError);
    mockGraphql({
      data: {
        repository: { id: "R_1", config: { text: "x", isTruncated: true } },
        orgConfig: null,
      },
    });
    await expect(github.readAhead(REPO, { configPath: PATH })).rejects.toThrow(/too large/);
  });
});
