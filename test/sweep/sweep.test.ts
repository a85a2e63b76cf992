/** The repair sweep fixes what a dropped webhook left behind, and touches nothing else. */
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { reconcileIssue } from "../../src/app/issue-events.js";
import { Runtime } from "../../src/app/runtime.js";
import type { Config } from "../../src/config/schema.js";
import { sweepRepository } from "../../src/features/sweep/run.js";
import { MemoryDigestSource } from "../double/digest-source.js";
import { createWorld, manualClock } from "../double/index.js";
import { startApp } from "../support/app.js";
import { cardState, cards } from "../support/cards.js";

// Labelled requests: the sweep lists issues by label, so a request recognised by its body alone
// whose opened webhook was dropped is not found (a known limit, see the sweep's README).
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
  labels: ["enhancement"],
};
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

async function sweeper(world: ReturnType<typeof createWorld>, now: () => Date) {
  const runtime = new Runtime({} as Probot, {
    githubFor: () => world.github,
    appLogin: async () => world.github.appLogin,
    now,
    dryRun: false,
  });
  const loaded = await runtime.config(world.github, world.repo, silent as never);
  if (loaded.ok !== true) throw new Error("config invalid");
  const config: Config = loaded.config;
  const source = new MemoryDigestSource(world.github);
  const sweep = (options = { minRemaining: 0, maxRepairs: 100 }) =>
    sweepRepository(
      {
        source,
        reconcile: (ref) =>
          reconcileIssue(
            runtime,
            { log: silent as never, payload: {} } as never,
            world.github,
            config,
            ref,
            { kind: "reconcile", actor: "squad-bot sweep" },
          ),
        log: silent,
      },
      world.repo,
      config,
      options,
    );
  return { sweep, source };
}

describe("repair sweep", () => {
  it("creates the card of a request whose opened webhook was dropped, and adopts a lost label move", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const dropped = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    const moved = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(moved);
    app.github.as(app.people.maintainer).addLabel(moved.ref, "phase: convergence");
    const fine = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(fine);

    const { sweep } = await sweeper(app, app.clock.now);
    const report = await sweep();
    expect(report.repaired.map((r) => r.number).sort()).toEqual(
      [dropped.ref.number, moved.ref.number].sort(),
    );
    expect(cards(app.github, dropped.ref)).toHaveLength(1);
    expect(cardState(app.github, moved.ref).phase).toBe("convergence");
    expect(app.github.labelsOf(moved.ref)).toEqual(["enhancement", "phase: convergence"]);

    const again = await sweep();
    expect(again.repaired).toEqual([]);
  });

  it("stops at the configured number of repairs; the next run continues", async () => {
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    for (let i = 0; i < 5; i++) world.github.as(world.people.user).openIssue(world.repo, FEATURE);
    const { sweep } = await sweeper(world, clock.now);
    const first = await sweep({ minRemaining: 0, maxRepairs: 2 });
    expect(first.repaired).toHaveLength(2);
    expect(first.stoppedEarly).toContain("2 repairs");
    const second = await sweep({ minRemaining: 0, maxRepairs: 10 });
    expect(second.repaired).toHaveLength(3);
  });
});
