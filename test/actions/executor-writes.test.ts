/**
 * The executor's bookkeeping, against the in-memory GitHub: what it reports as skipped, sent and
 * failed (the dry-run log shows exactly this), duplicate actions, created labels, and the board
 * item whose creation a field write depends on.
 */
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/actions/action.js";
import { type ExecuteOptions, execute } from "../../src/actions/executor.js";
import { createWorld } from "../double/index.js";

const OPTIONS: ExecuteOptions = {
  dryRun: false,
  protectedLabels: [],
  labelColor: "5319e7",
  cardCommentId: null,
};

async function setup(labels: string[] = []) {
  const world = createWorld();
  const { github, people } = world;
  for (const name of ["phase: inception", "phase: building"]) github.createLabel(world.repo, name);
  const { ref } = github.as(people.maintainer).openIssue(world.repo, { title: "F", labels });
  github.addProject("medic", {
    number: 1,
    fields: [{ name: "Stage", type: "singleSelect", options: ["Emerging", "Active"] }],
  });
  const board = await github.loadProject("medic", 1, ["Stage"]);
  const stage = board?.fields.Stage;
  if (!board || stage?.type !== "singleSelect") throw new Error("board missing");
  const setStage = (itemId: string | null, option: "Emerging" | "Active"): Action => ({
    type: "setProjectField",
    projectId: board.id,
    itemId,
    fieldId: stage.id,
    field: "Stage",
    value: { singleSelectOptionId: stage.options.find((o) => o.name === option)?.id ?? "" },
  });
  const load = async () => {
    const issue = await github.loadIssue(ref, {
      labelNames: ["phase: inception", "phase: building"],
    });
    if (!issue) throw new Error("issue missing");
    return issue;
  };
  const apply = async (actions: Action[], options: Partial<ExecuteOptions> = {}) =>
    execute(github, await load(), actions, { ...OPTIONS, ...options });
  return { ...world, ref, board, setStage, load, apply };
}

describe("what the executor skips, and says why", () => {
  it("names every action that needed no write", async () => {
    const { github, people, ref, apply } = await setup(["phase: inception"]);
    await apply([{ type: "upsertCard", body: "card" }]);
    const card = github.botComments(ref)[0]?.id ?? null;
    await apply([{ type: "comment", key: "k", body: "once" }]);
    github.as(people.maintainer).close(ref);
    const result = await apply(
      [
        { type: "addLabels", labels: ["phase: inception"] },
        { type: "removeLabels", labels: ["phase: building"] },
        { type: "upsertCard", body: "card" },
        { type: "comment", key: "k", body: "once" },
        { type: "closeIssue", reason: "COMPLETED" },
      ],
      { cardCommentId: card },
    );
    expect(result.skipped).toEqual([
      'label "phase: inception" already present',
      'label "phase: building" already absent',
      "card unchanged",
      'comment "k" already posted',
      "issue already closed",
    ]);
    expect(result.ops).toEqual([]);
    expect(result.results).toEqual([]);
  });

  it("sends a label named twice (in any case) once, and a keyed comment once", async () => {
    const { github, ref, apply } = await setup(["phase: inception"]);
    const result = await apply([
      { type: "addLabels", labels: ["Phase: Building", "phase: building"] },
      { type: "addLabels", labels: ["phase: building"] },
      { type: "removeLabels", labels: ["phase: inception", "PHASE: INCEPTION"] },
      { type: "removeLabels", labels: ["phase: inception"] },
      { type: "comment", key: "k", body: "first" },
      { type: "comment", key: "k", body: "second" },
    ]);
    expect(result.ops.map((op) => op.op)).toEqual(["addLabels", "removeLabels", "addComment"]);
    expect(result.ops.slice(0, 2).map((op) => ("labelIds" in op ? op.labelIds.length : 0))).toEqual(
      [1, 1],
    );
    expect(result.skipped).toEqual(['comment "k" already posted']);
    expect(result.failures).toEqual([]);
    expect(github.labelsOf(ref)).toEqual(["phase: building"]);
    expect(github.botComments(ref).map((c) => c.body.split("\n")[0])).toEqual(["first"]);
  });
});

describe("the card", () => {
  it("is posted anew when there is none, leaving the bot's other comments alone", async () => {
    const { github, ref, apply } = await setup();
    await apply([{ type: "comment", key: "notice", body: "Moved." }]);
    const result = await apply([{ type: "upsertCard", body: "card" }]);
    expect(result.ops.map((op) => op.op)).toEqual(["addComment"]);
    expect(github.botComments(ref).map((c) => c.body.split("\n")[0])).toEqual(["Moved.", "card"]);
  });
});

describe("labels the bot creates", () => {
  it("are created once, described as managed by squad-bot, and reported with the writes", async () => {
    const { github, repo, ref, apply } = await setup();
    const result = await apply([{ type: "addLabels", labels: ["Squad: Active", "squad: active"] }]);
    expect(result.ops.map((op) => op.op)).toEqual(["createLabel", "addLabels"]);
    expect(result.results.map((r) => r.ok)).toEqual([true, true]);
    const created = github.repoLabels(repo).filter((l) => l.name === "Squad: Active");
    expect(created).toEqual([
      {
        id: expect.any(String),
        name: "Squad: Active",
        color: "5319e7",
        description: "Managed by squad-bot",
      },
    ]);
    expect(github.labelsOf(ref)).toEqual(["Squad: Active"]);
  });

  it("a label that cannot be created is reported, and the other writes still happen", async () => {
    const { github, ref, apply } = await setup();
    github.failOp("createLabel", "no permission");
    const result = await apply([
      { type: "addLabels", labels: ["Squad: Active", "phase: building"] },
      { type: "upsertCard", body: "card" },
    ]);
    expect(result.failures).toEqual(['could not create label "Squad: Active": no permission']);
    expect(github.labelsOf(ref)).toEqual(["phase: building"]);
    expect(github.botComments(ref).map((c) => c.body)).toEqual(["card"]);
  });

  it("a label another writer created after the issue was read is used, not a failure", async () => {
    const { github, repo, ref, load } = await setup();
    const issue = await load();
    // A second instance creates it between this delivery's read and its write.
    github.createLabel(repo, "Squad: Active");
    const result = await execute(
      github,
      issue,
      [
        { type: "addLabels", labels: ["Squad: Active"] },
        { type: "upsertCard", body: "card" },
      ],
      OPTIONS,
    );
    expect(result.failures).toEqual([]);
    expect(github.labelsOf(ref)).toEqual(["Squad: Active"]);
    expect(github.repoLabels(repo).filter((l) => l.name === "Squad: Active")).toHaveLength(1);
    expect(github.requestCount("findLabel")).toBe(1);
  });

  it("a failed write is reported by its op and GitHub's error", async () => {
    const { github, apply } = await setup();
    github.failOp("addComment", "body is too long");
    const result = await apply([{ type: "upsertCard", body: "card" }]);
    expect(result.failures).toEqual(["addComment failed: body is too long"]);
    expect(result.results).toEqual([{ ok: false, op: "addComment", error: "body is too long" }]);
  });
});

describe("a board item and its field", () => {
  it("adds the item first, then sets the field on the item it created", async () => {
    const { github, ref, board, setStage, apply } = await setup();
    const result = await apply([
      { type: "addProjectItem", projectId: board.id },
      setStage(null, "Active"),
    ]);
    expect(result.failures).toEqual([]);
    expect(result.ops.map((op) => op.op)).toEqual(["addProjectItem", "setProjectField"]);
    expect(github.projectItem("medic", 1, ref)?.fields.Stage).toBe("Active");
  });

  it("does not set the field when the item could not be added, and says so", async () => {
    const { github, ref, board, setStage, apply } = await setup();
    github.failOp("addProjectItem", "no access");
    const result = await apply([
      { type: "addProjectItem", projectId: board.id },
      setStage(null, "Active"),
      { type: "upsertCard", body: "card" },
    ]);
    expect(result.failures).toEqual([
      "could not add to project: no access",
      'could not set "Stage": the item was not added',
    ]);
    expect(result.ops.map((op) => op.op)).toEqual(["addProjectItem", "addComment"]);
    expect(github.projectItem("medic", 1, ref)).toBeUndefined();
  });

  it("shows a dry run's field write on the item it would create", async () => {
    const { github, board, setStage, apply } = await setup();
    const result = await apply(
      [{ type: "addProjectItem", projectId: board.id }, setStage(null, "Emerging")],
      { dryRun: true },
    );
    expect(result.ops).toMatchObject([
      { op: "addProjectItem", projectId: board.id },
      { op: "setProjectField", projectId: board.id, itemId: "(new item)" },
    ]);
    expect(result).toMatchObject({ results: [], failures: [], skipped: [] });
    expect(github.writeCount()).toBe(0);
  });

  it("writes a field of an existing item without adding it again", async () => {
    const { github, ref, board, setStage, apply } = await setup();
    await apply([{ type: "addProjectItem", projectId: board.id }, setStage(null, "Emerging")]);
    const itemId = github.projectItem("medic", 1, ref)?.id ?? null;
    const result = await apply([setStage(itemId, "Active")]);
    expect(result.ops.map((op) => op.op)).toEqual(["setProjectField"]);
    expect(github.projectItem("medic", 1, ref)?.fields.Stage).toBe("Active");
  });
});
