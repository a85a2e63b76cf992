import { describe, expect, it } from "vitest";
import { type ExecuteOptions, execute } from "../../src/actions/executor.js";
import { createWorld } from "../double/index.js";

const OPTIONS: ExecuteOptions = {
  dryRun: false,
  protectedLabels: ["Ready for review"],
  labelColor: "5319e7",
  cardCommentId: null,
};

async function setup() {
  const world = createWorld();
  const opened = world.github
    .as(world.people.user)
    .openIssue(world.repo, { title: "Feature", body: "", labels: ["enhancement"] });
  world.github.createLabel(world.repo, "phase: inception");
  world.github.resetRequests();
  const load = async () => {
    const issue = await world.github.loadIssue(opened.ref, {
      labelNames: ["phase: inception", "phase: building", "Ready for review"],
    });
    if (!issue) throw new Error("issue missing");
    return issue;
  };
  return { ...world, ref: opened.ref, load };
}

describe("execute", () => {
  it("sends every write of a plan in one mutation and nothing when applied again", async () => {
    const { github, ref, load } = await setup();
    const actions = [
      { type: "addLabels" as const, labels: ["phase: inception"] },
      { type: "removeLabels" as const, labels: ["enhancement"] },
      { type: "upsertCard" as const, body: "card v1" },
      { type: "comment" as const, key: "transition:2", body: "moved" },
    ];
    const first = await execute(github, await load(), actions, OPTIONS);
    expect(first.failures).toEqual([]);
    expect(github.requestCount("mutate")).toBe(1);
    expect(github.labelsOf(ref)).toEqual(["phase: inception"]);

    const snapshot = await load();
    const card = snapshot.comments.find((c) => c.body === "card v1");
    github.resetRequests();
    const again = await execute(github, snapshot, actions, {
      ...OPTIONS,
      cardCommentId: card?.id ?? null,
    });
    expect(again.ops).toEqual([]);
    expect(github.requestCount("mutate")).toBe(0);
    expect(github.botComments(ref).map((c) => c.body.split("\n")[0])).toEqual(["card v1", "moved"]);
  });

  it("edits the card in place", async () => {
    const { github, ref, load } = await setup();
    await execute(github, await load(), [{ type: "upsertCard", body: "v1" }], OPTIONS);
    const cardId = github.botComments(ref)[0]?.id ?? null;
    await execute(github, await load(), [{ type: "upsertCard", body: "v2" }], {
      ...OPTIONS,
      cardCommentId: cardId,
    });
    expect(github.botComments(ref).map((c) => c.body)).toEqual(["v2"]);
  });

  it("creates a missing label first, once, then applies it", async () => {
    const { github, ref, load } = await setup();
    await execute(
      github,
      await load(),
      [{ type: "addLabels", labels: ["phase: building"] }],
      OPTIONS,
    );
    expect(github.labelsOf(ref)).toEqual(["enhancement", "phase: building"]);
    expect(
      github
        .repoLabels({ owner: ref.owner, repo: ref.repo })
        .filter((l) => l.name === "phase: building"),
    ).toHaveLength(1);
    expect(github.requestCount("mutate")).toBe(2);
  });

  it("never touches a protected label", async () => {
    const { github, ref, load } = await setup();
    const result = await execute(
      github,
      await load(),
      [{ type: "addLabels", labels: ["Ready for review"] }],
      OPTIONS,
    );
    expect(result.ops).toEqual([]);
    expect(github.labelsOf(ref)).toEqual(["enhancement"]);
  });

  it("closes as a duplicate naming the original, and only once", async () => {
    const { github, people, repo, ref, load } = await setup();
    const original = github.as(people.user).openIssue(repo, { title: "First", body: "" }).ref;
    const originalId = github.issue(original)?.id ?? "";
    const close = { type: "closeIssue" as const, reason: "DUPLICATE" as const };
    // Without the original's id, the close sends no duplicateIssueId at all.
    const plain = await execute(github, await load(), [close], { ...OPTIONS, dryRun: true });
    expect(plain.ops).toEqual([
      { op: "closeIssue", issueId: github.issue(ref)?.id, reason: "DUPLICATE" },
    ]);
    const first = await execute(
      github,
      await load(),
      [{ ...close, duplicateOf: originalId }],
      OPTIONS,
    );
    expect(first.ops).toEqual([
      {
        op: "closeIssue",
        issueId: github.issue(ref)?.id,
        reason: "DUPLICATE",
        duplicateIssueId: originalId,
      },
    ]);
    expect(github.issue(ref)).toMatchObject({ stateReason: "duplicate", duplicateOf: originalId });
    const again = await execute(
      github,
      await load(),
      [{ ...close, duplicateOf: originalId }],
      OPTIONS,
    );
    expect(again.ops).toEqual([]);
  });

  it("reports instead of writing in a dry run", async () => {
    const { github, load } = await setup();
    const result = await execute(
      github,
      await load(),
      [
        { type: "addLabels", labels: ["phase: inception"] },
        { type: "upsertCard", body: "card" },
      ],
      { ...OPTIONS, dryRun: true },
    );
    expect(result.ops.map((o) => o.op)).toEqual(["addLabels", "addComment"]);
    expect(github.writeCount()).toBe(0);
  });

  it("reports a failed op and still applies the rest", async () => {
    const { github, ref, load } = await setup();
    github.failOp("addComment");
    const result = await execute(
      github,
      await load(),
      [
        { type: "addLabels", labels: ["phase: inception"] },
        { type: "upsertCard", body: "card" },
      ],
      OPTIONS,
    );
    expect(result.failures).toHaveLength(1);
    expect(github.labelsOf(ref)).toContain("phase: inception");
  });
});
