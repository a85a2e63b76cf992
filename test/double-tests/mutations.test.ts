/** `mutate` applies ops like one aliased GraphQL document: in order, with partial errors. */
import { describe, expect, it } from "vitest";
import { createWorld } from "../double/fixtures.js";

const APP = "squad-bot[bot]";

/** A world with one issue opened by a plain user, its node id, and two repository labels. */
async function withIssue() {
  const world = createWorld({ appLogin: APP });
  const { github, repo, people } = world;
  const building = github.createLabel(repo, { name: "phase: building", color: "5319e7" });
  const blocked = github.createLabel(repo, "blocked");
  const { ref } = github.as(people.user).openIssue(repo, { title: "Idea", body: "text" });
  const loaded = await github.loadIssue(ref, { labelNames: [] });
  if (!loaded) throw new Error("issue missing");
  return { ...world, ref, issueId: loaded.id, building, blocked };
}

describe("partial failures", () => {
  it("reports the failing op and still applies the others, in order", async () => {
    const { github, ref, issueId, building, blocked } = await withIssue();
    const results = await github.mutate([
      { op: "addLabels", labelableId: issueId, labelIds: [building.id] },
      { op: "addLabels", labelableId: "I_404", labelIds: [blocked.id] },
      { op: "addLabels", labelableId: issueId, labelIds: ["LA_404"] },
      { op: "addComment", subjectId: issueId, body: "card" },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(results[1]).toMatchObject({ op: "addLabels", error: expect.stringContaining("I_404") });
    expect(results[2]).toMatchObject({ error: expect.stringContaining("LA_404") });
    expect(results[3]).toEqual({ ok: true, op: "addComment", id: expect.stringMatching(/^IC_/) });
    expect(github.labelsOf(ref)).toEqual(["phase: building"]);
    expect(github.botComments(ref).map((c) => c.body)).toEqual(["card"]);
  });

  it("refuses to edit or delete a comment the app did not write", async () => {
    const { github, ref, people, issueId } = await withIssue();
    const { nodeId } = github.as(people.user).comment(ref, "mine");
    const [own] = await github.mutate([{ op: "addComment", subjectId: issueId, body: "bot" }]);
    const results = await github.mutate([
      { op: "updateComment", commentId: nodeId, body: "hijacked" },
      { op: "deleteComment", commentId: nodeId },
      { op: "updateComment", commentId: own?.ok ? (own.id ?? "") : "", body: "bot v2" },
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
    expect(results[0]).toMatchObject({ error: expect.stringContaining("not accessible") });
    expect(github.commentsOf(ref).map((c) => c.body)).toEqual(["mine", "bot v2"]);
  });

  it("rejects a label of another repository", async () => {
    const { github, issueId } = await withIssue();
    const other = github.addRepo({ owner: "medic", repo: "cht-conf" }, { labels: ["blocked"] });
    const [foreign] = github.repoLabels(other);
    const [result] = await github.mutate([
      { op: "addLabels", labelableId: issueId, labelIds: [foreign?.id ?? ""] },
    ]);
    expect(result?.ok).toBe(false);
  });

  it("fails the next op of a kind on demand, as a partial error", async () => {
    const { github, ref, issueId, building, blocked } = await withIssue();
    github.failOp("addLabels", "Something went wrong while executing your query.");
    const results = await github.mutate([
      { op: "addLabels", labelableId: issueId, labelIds: [building.id] },
      { op: "addLabels", labelableId: issueId, labelIds: [blocked.id] },
    ]);
    expect(results[0]).toEqual({
      ok: false,
      op: "addLabels",
      error: "Something went wrong while executing your query.",
    });
    expect(results[1]?.ok).toBe(true);
    expect(github.labelsOf(ref)).toEqual(["blocked"]);
  });

  it("refuses an empty mutation, which would be a wasted request", async () => {
    const { github } = await withIssue();
    await expect(github.mutate([])).rejects.toMatchObject({ kind: "validation" });
  });
});

describe("op semantics", () => {
  it("treats adding a present label and removing an absent one as successful no-ops", async () => {
    const { github, ref, issueId, building, blocked } = await withIssue();
    await github.mutate([{ op: "addLabels", labelableId: issueId, labelIds: [building.id] }]);
    github.drainAppEvents();
    const results = await github.mutate([
      { op: "addLabels", labelableId: issueId, labelIds: [building.id] },
      { op: "removeLabels", labelableId: issueId, labelIds: [blocked.id] },
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(github.labelsOf(ref)).toEqual(["phase: building"]);
    expect(github.drainAppEvents()).toEqual([]);
  });

  it("keeps one reaction per user and content", async () => {
    const { github, ref, issueId } = await withIssue();
    const react = { op: "addReaction", subjectId: issueId, content: "THUMBS_UP" } as const;
    expect((await github.mutate([react, react])).every((r) => r.ok)).toBe(true);
    expect(github.issue(ref)?.reactions).toEqual([{ user: APP, content: "THUMBS_UP" }]);
    expect(github.issue(ref)?.thumbsUp).toBe(1);
  });

  it("creates labels, refusing a name that exists in any case", async () => {
    const { github, repo } = await withIssue();
    const create = (name: string) =>
      ({
        op: "createLabel",
        repositoryId: repo.id,
        name,
        color: "5319e7",
        description: "",
      }) as const;
    const [made, clash, bad] = await github.mutate([
      create("phase: done"),
      create("Phase: Building"),
      { ...create("odd"), color: "#zzz" },
    ]);
    expect(made).toEqual({ ok: true, op: "createLabel", id: expect.stringMatching(/^LA_/) });
    expect(clash).toMatchObject({ ok: false, error: expect.stringContaining("already exists") });
    expect(bad?.ok).toBe(false);
    expect(github.repoLabels(repo).map((l) => l.name)).toEqual([
      "phase: building",
      "blocked",
      "phase: done",
    ]);
  });

  it("closes with a reason, reopens, and edits the body", async () => {
    const { github, ref, issueId } = await withIssue();
    await github.mutate([{ op: "closeIssue", issueId, reason: "NOT_PLANNED" }]);
    expect(github.issue(ref)).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(github.issue(ref)?.closedAt).toEqual(expect.any(String));
    await github.mutate([
      { op: "reopenIssue", issueId },
      { op: "updateIssueBody", issueId, body: "new body" },
    ]);
    expect(github.issue(ref)).toMatchObject({
      state: "open",
      stateReason: "reopened",
      body: "new body",
    });
  });

  it("deletes the app's own comments", async () => {
    const { github, ref, issueId } = await withIssue();
    const [made] = await github.mutate([{ op: "addComment", subjectId: issueId, body: "temp" }]);
    const commentId = made?.ok ? (made.id ?? "") : "";
    expect((await github.mutate([{ op: "deleteComment", commentId }]))[0]?.ok).toBe(true);
    expect(github.commentsOf(ref)).toEqual([]);
    expect((await github.mutate([{ op: "deleteComment", commentId }]))[0]?.ok).toBe(false);
  });
});
