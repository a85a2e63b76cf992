/** mutate: one document per op list, results in op order, partial errors placed on their ops. */
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { MutationOp } from "../../../src/github/types.js";
import { API, createPort, mockGraphql, useNock } from "./setup.js";

const OPS: MutationOp[] = [
  { op: "addComment", subjectId: "I_1", body: "Welcome!" },
  { op: "updateComment", commentId: "IC_gone", body: "edited" },
  { op: "createLabel", repositoryId: "R_1", name: "blocked", color: "d73a4a", description: "" },
  { op: "addLabels", labelableId: "I_1", labelIds: ["LA_1"] },
];

describe("mutate", () => {
  useNock();

  it("sends nothing for no ops", async () => {
    const { github, requests } = createPort();
    expect(await github.mutate([])).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("returns created ids and maps each partial error to its op", async () => {
    const { github, requests } = createPort();
    mockGraphql({
      data: {
        m0: { commentEdge: { node: { id: "IC_new" } } },
        m1: null,
        m2: { label: { id: "LA_new" } },
        m3: { clientMutationId: null },
      },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["m1"],
          message: "Could not resolve to a node with the global id of 'IC_gone'",
        },
      ],
    });
    expect(await github.mutate(OPS)).toEqual([
      { ok: true, op: "addComment", id: "IC_new" },
      {
        ok: false,
        op: "updateComment",
        error: "Could not resolve to a node with the global id of 'IC_gone'",
      },
      { ok: true, op: "createLabel", id: "LA_new" },
      { ok: true, op: "addLabels" },
    ]);
    expect(requests).toEqual(["mutate"]);
  });

  it("blames an op left without result on the error GitHub could not place", async () => {
    const { github } = createPort();
    mockGraphql({
      data: { m0: { commentEdge: { node: { id: "IC_new" } } }, m1: null, m2: null, m3: null },
      errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }],
    });
    const results = await github.mutate(OPS);
    expect(results.map((result) => result.ok)).toEqual([true, false, false, false]);
    expect(results[3]).toEqual({ ok: false, op: "addLabels", error: "API rate limit exceeded" });
  });

  it.each([
    [502, { message: "Bad gateway" }, "server"],
    [401, { message: "Bad credentials" }, "forbidden"],
    [403, { message: "Resource not accessible by integration" }, "forbidden"],
  ])("throws when the whole request fails with HTTP %i", async (status, body, kind) => {
    const { github, requests } = createPort();
    mockGraphql(body, status);
    await expect(github.mutate(OPS)).rejects.toMatchObject({
      name: "GitHubError",
      kind,
      status,
    });
    expect(requests).toEqual(["mutate"]);
  });

  it("throws when the document never ran", async () => {
    const { github } = createPort();
    mockGraphql({ errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] });
    await expect(github.mutate(OPS)).rejects.toMatchObject({ kind: "rate-limited" });
  });

  it("throws a server error when the network fails", async () => {
    const { github } = createPort();
    nock(API).post("/graphql").replyWithError("socket hang up");
    await expect(github.mutate(OPS)).rejects.toMatchObject({ kind: "server" });
  });
});
