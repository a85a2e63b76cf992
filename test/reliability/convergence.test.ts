/** A write that fails halfway through a plan, then the redelivery: GitHub ends in the right state, nothing twice. */
import { describe, expect, it } from "vitest";
import type { IssueRef, MutationOp } from "../../src/github/types.js";
import type { MemoryGitHub } from "../double/index.js";
import { type Delivery, startApp, type TestApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const CONFIG = "preset: squad-journey\n";
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};

/** A feature in Inception that one person follows, and the maintainer's `/phase convergence`. */
async function featureAboutToMove(): Promise<{ app: TestApp; ref: IssueRef; move: Delivery }> {
  const app = await startApp({ config: CONFIG });
  const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
  await app.deliver(opened);
  await app.deliver(app.github.as(app.people.writer).comment(opened.ref, "/interested"));
  // History entries written by one event share a time; these are separate events.
  app.clock.advance({ minutes: 5 });
  const move = app.github.as(app.people.maintainer).comment(opened.ref, "/phase convergence");
  return { app, ref: opened.ref, move };
}

const notices = (app: TestApp, ref: IssueRef) =>
  botMessages(app.github, ref).filter((m) => m.includes("moved from"));

/** What a converged phase move to Convergence leaves on GitHub. */
function expectMovedOnce(app: TestApp, ref: IssueRef): void {
  expect(cards(app.github, ref)).toHaveLength(1);
  expect(cardState(app.github, ref).phase).toBe("convergence");
  expect(cardState(app.github, ref).history.map((h) => h.phase)).toEqual([
    "inception",
    "convergence",
  ]);
  expect(app.github.labelsOf(ref)).toEqual(["phase: convergence"]);
  expect(notices(app, ref)).toHaveLength(1);
  expect(notices(app, ref)[0]).toContain(`@${app.people.writer}`);
  const replies = botMessages(app.github, ref).filter((m) => !m.includes("moved from"));
  expect(replies).toEqual([]);
  const command = app.github.commentsOf(ref).find((c) => c.body === "/phase convergence");
  expect(command?.reactions.filter((r) => r.content === "THUMBS_UP")).toHaveLength(1);
}

/** Fails the first mutation that comes after the one creating labels, as a 502 would. */
function failAfterLabelCreation(github: MemoryGitHub, how: "before" | "after-applying"): void {
  const mutate = github.mutate.bind(github);
  let armed = true;
  github.mutate = async (ops: MutationOp[]) => {
    if (!armed || ops.some((op) => op.op === "createLabel")) return mutate(ops);
    armed = false;
    if (how === "before") {
      github.failNext("mutate", "server");
      return mutate(ops);
    }
    // GitHub applied the mutation but the answer never arrived (a gateway timeout).
    await mutate(ops);
    throw Object.assign(new Error("mutate failed (HTTP 504): gateway timeout"), { kind: "server" });
  };
}

describe("a phase move interrupted halfway, then redelivered", () => {
  it("moves once when the write after label creation fails with a 5xx", async () => {
    const { app, ref, move } = await featureAboutToMove();
    failAfterLabelCreation(app.github, "before");
    await expect(app.deliver(move)).rejects.toThrow(/server/);
    // Half done: the label exists in the repository, the issue has not moved.
    expect(app.github.repoLabels(app.repo).map((l) => l.name)).toContain("phase: convergence");
    expect(cardState(app.github, ref).phase).toBe("inception");

    await app.deliver(move);
    expectMovedOnce(app, ref);
  });

  it("writes nothing twice when the mutation was applied but its answer was lost", async () => {
    const { app, ref, move } = await featureAboutToMove();
    failAfterLabelCreation(app.github, "after-applying");
    await expect(app.deliver(move)).rejects.toThrow(/gateway timeout/);
    const writes = app.github.writeCount();

    await app.deliver(move);
    expectMovedOnce(app, ref);
    expect(app.github.writeCount()).toBe(writes);
  });

  it("adds the phase label on redelivery when only adding labels failed", async () => {
    const { app, ref, move } = await featureAboutToMove();
    app.github.failOp("addLabels");
    await app.deliver(move);
    expect(app.github.labelsOf(ref)).toEqual([]);
    expect(cardState(app.github, ref).phase).toBe("convergence");

    await app.deliver(move);
    expectMovedOnce(app, ref);
  });

  it("sends a notice lost to a failed addComment on the redelivery, once", async () => {
    const { app, ref, move } = await featureAboutToMove();
    app.github.failOp("addComment");
    await app.deliver(move);
    expect(cardState(app.github, ref).phase).toBe("convergence");
    expect(notices(app, ref)).toEqual([]);

    await app.deliver(move);
    expectMovedOnce(app, ref);
    await app.deliver(move);
    expectMovedOnce(app, ref);
  });

  it("sends a lost notice on the next event within a day, and not after", async () => {
    const late = await featureAboutToMove();
    late.app.github.failOp("addComment");
    await late.app.deliver(late.move);
    late.app.clock.advance({ hours: 25 });
    await late.app.deliver(late.app.github.as("una-other").comment(late.ref, "/interested"));
    expect(notices(late.app, late.ref)).toEqual([]);

    const soon = await featureAboutToMove();
    soon.app.github.failOp("addComment");
    await soon.app.deliver(soon.move);
    soon.app.clock.advance({ hours: 2 });
    await soon.app.deliver(soon.app.github.as(soon.app.people.user).editBody(soon.ref, "edited"));
    expect(notices(soon.app, soon.ref)).toHaveLength(1);
  });
});

describe("a failed read", () => {
  it("fails the delivery when loading the issue fails, and the redelivery converges", async () => {
    const { app, ref, move } = await featureAboutToMove();
    // The issue is read with the config, in one request: that request fails.
    app.github.failNext("readAhead", "server");
    const writes = app.github.writeCount();
    await expect(app.deliver(move)).rejects.toThrow(/injected server failure/);
    expect(app.github.writeCount()).toBe(writes);

    await app.deliver(move);
    expectMovedOnce(app, ref);
  });
});
