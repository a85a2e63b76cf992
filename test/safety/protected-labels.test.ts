/**
 * Promise: labels owned by other automation (`labels.protected`, e.g. the CHT PR bot's
 * `Ready for review`) are never added and never removed, whatever a plan asks for. Config
 * validation already keeps them out of the phase and blocked labels; the executor is the last
 * guard, so these drive it directly against the in-memory GitHub.
 */
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/actions/action.js";
import { type ExecuteOptions, execute } from "../../src/actions/executor.js";
import { createWorld } from "../double/index.js";

const PROTECTED = "Ready for review";
const OPTIONS: ExecuteOptions = {
  dryRun: false,
  protectedLabels: [PROTECTED],
  labelColor: "ededed",
  cardCommentId: null,
};

async function issueWith(labels: string[]) {
  const world = createWorld();
  world.github.createLabel(world.repo, PROTECTED);
  world.github.createLabel(world.repo, "phase: inception");
  world.github.createLabel(world.repo, "phase: building");
  const opened = world.github.as(world.people.maintainer).openIssue(world.repo, { title: "F" });
  for (const name of labels) world.github.as(world.people.maintainer).addLabel(opened.ref, name);
  const apply = async (actions: Action[], options: Partial<ExecuteOptions> = {}) => {
    const issue = await world.github.loadIssue(opened.ref, {
      labelNames: [PROTECTED, "phase: inception", "phase: building"],
    });
    if (!issue) throw new Error("issue missing");
    return execute(world.github, issue, actions, { ...OPTIONS, ...options });
  };
  return { github: world.github, ref: opened.ref, apply };
}

describe("protected labels", () => {
  it("are never removed, in any spelling, while the other removals happen", async () => {
    const { github, ref, apply } = await issueWith([PROTECTED, "phase: inception"]);
    const result = await apply([
      { type: "removeLabels", labels: ["ready FOR review ", "phase: inception"] },
    ]);
    expect(github.labelsOf(ref)).toEqual([PROTECTED]);
    expect(result.skipped).toEqual([`label "ready FOR review " is protected`]);
  });

  it("are never added, even when the repository has them", async () => {
    const { github, ref, apply } = await issueWith([]);
    const result = await apply([{ type: "addLabels", labels: [PROTECTED, "phase: building"] }]);
    expect(github.labelsOf(ref)).toEqual(["phase: building"]);
    expect(result.skipped).toEqual([`label "${PROTECTED}" is protected`]);
  });

  it("are not even planned as writes in a dry run", async () => {
    const { github, apply } = await issueWith([PROTECTED]);
    const result = await apply(
      [
        { type: "removeLabels", labels: [PROTECTED] },
        { type: "addLabels", labels: [PROTECTED] },
      ],
      { dryRun: true },
    );
    expect(result.ops).toEqual([]);
    expect(github.writeCount()).toBe(0);
  });
});
