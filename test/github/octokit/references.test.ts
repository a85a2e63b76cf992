/** The config check's reads of what a config names: one request per kind, documents valid against the schema. */
import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { OctokitReferences } from "../../../src/github/octokit/references.js";
import { presetConfig } from "../../support/config.js";
import { validateRequest } from "../../support/graphql-schema.js";
import { API, mockGraphql, useNock } from "./setup.js";

const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

describe("OctokitReferences", () => {
  useNock();

  it("reads the digest repository's discussion categories when digests go to discussions", async () => {
    const config = presetConfig({
      digests: { delivery: "discussion", discussionCategory: "Announcements" },
    });
    nock(API)
      .get("/repos/medic/cht-core/labels")
      .query(true)
      .reply(200, [{ name: "enhancement" }]);
    const sent = mockGraphql({
      data: {
        repository: {
          id: "R_1",
          discussionCategories: { nodes: [{ id: "DIC_1", name: "Announcements" }, null] },
        },
      },
    });
    const requests: string[] = [];
    const reader = new OctokitReferences(new TestOctokit({ auth: { token: "t" } }), (kind) =>
      requests.push(kind),
    );
    const existing = await reader.readExisting({ owner: "medic", repo: "cht-core" }, config);
    expect(existing.discussionCategories).toEqual(["Announcements"]);
    expect(existing.labels).toEqual(["enhancement"]);
    expect(requests).toEqual(["listLabels", "listDiscussionCategories"]);
    for (const body of sent) expect(validateRequest(body.query, body.variables ?? {})).toEqual([]);
  });
});
