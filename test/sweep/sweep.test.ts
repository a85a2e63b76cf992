/** The repair sweep fixes what a dropped webhook left behind, and touches nothing else. */
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { Runtime } from "../../src/app/runtime.js";
import type { Config } from "../../src/config/schema.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import { reconcileFeature } from "../../src/features/squad/reconcile.js";
import { type SweepOptions, sweepRepository } from "../../src/features/sweep/run.js";
import { MemoryDigestSource } from "../double/digest-source.js";
import { createWorld, manualClock } from "../double/index.js";
import { MemoryRecentIssues } from "../double/recent-issues.js";
import { startApp } from "../support/app.js";
import { cardState, cards } from "../support/cards.js";
import { templates } from "../support/templates.js";

// Recognised by its template heading alone: only the sweep's recent listing can find it.
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};
const LABELLED = { ...FEATURE, labels: ["enhancement"] };
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

async function sweeper(world: ReturnType<typeof createWorld>, now: () => Date) {
  const runtime = new Runtime({} as Probot, {
    githubFor: () => world.github,
    appLogin: async () => world.github.appLogin,
    onboardingSeed: acceptedOnboarding,
    templates,
    now,
    dryRun: false,
  });
  const scope = runtime.scope(world.github, silent, 0, {});
  const config: Config | null = await scope.config(world.repo);
  if (!config) throw new Error("config invalid");
  const source = new MemoryDigestSource(world.github);
  const recent = new MemoryRecentIssues(world.github);
  const sweep = (options: SweepOptions = { minRemaining: 0, maxRepairs: 100 }) =>
    sweepRepository(
      {
        source,
        recent,
        now,
        reconcile: (ref) =>
          reconcileFeature(scope, config, ref, { kind: "reconcile", actor: "squad-bot sweep" }),
        log: silent,
      },
      world.repo,
      config,
      options,
    );
  return { sweep, source, recent };
}

describe("repair sweep", () => {
  it("creates the card of a request whose opened webhook was dropped, and adopts a lost label move", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const dropped = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    const labelled = app.github.as(app.people.user).openIssue(app.repo, LABELLED);
    const question = app.github.as(app.people.user).openIssue(app.repo, {
      title: "How do I reset my password?",
      body: "### What happened?\nI forgot it.",
    });
    const moved = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(moved);
    app.github.as(app.people.maintainer).addLabel(moved.ref, "phase: convergence");
    const fine = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(fine);

    const { sweep } = await sweeper(app, app.clock.now);
    const report = await sweep();
    // Found by both listings, the labelled request is reconciled once.
    expect(report.repaired.map((r) => r.number).sort((a, b) => a - b)).toEqual(
      [dropped.ref.number, labelled.ref.number, moved.ref.number].sort((a, b) => a - b),
    );
    expect(report.listed).toBe(3);
    expect(report.recentListed).toBe(5);
    expect(cards(app.github, dropped.ref)).toHaveLength(1);
    expect(cards(app.github, labelled.ref)).toHaveLength(1);
    expect(cardState(app.github, moved.ref).phase).toBe("convergence");
    expect(app.github.labelsOf(moved.ref)).toEqual(["phase: convergence"]);
    // An issue that is not a feature request is left alone.
    expect(cards(app.github, question.ref)).toHaveLength(0);
    expect(app.github.issue(question.ref)?.comments).toEqual([]);
    expect(app.github.labelsOf(question.ref)).toEqual([]);

    const again = await sweep();
    expect(again.repaired).toEqual([]);
  });

  it("lists unlabelled issues updated within the lookback only", async () => {
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    const old = world.github.as(world.people.user).openIssue(world.repo, FEATURE);
    clock.advance({ days: 3 });
    const fresh = world.github.as(world.people.user).openIssue(world.repo, FEATURE);
    const { sweep } = await sweeper(world, clock.now);
    const report = await sweep({ minRemaining: 0, maxRepairs: 10, lookbackDays: 2 });
    expect(report.repaired.map((r) => r.number)).toEqual([fresh.ref.number]);
    expect(cards(world.github, old.ref)).toHaveLength(0);
    // An edit brings it into the listing, but the sweep repairs, it never adopts a backlog.
    world.github.as(world.people.user).comment(old.ref, "Any news?");
    const next = await sweep({ minRemaining: 0, maxRepairs: 10, lookbackDays: 2 });
    expect(next.repaired).toEqual([]);
    expect(cards(world.github, old.ref)).toHaveLength(0);
  });

  it("never cards a labelled backlog: only requests opened within the lookback", async () => {
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    const backlog = Array.from({ length: 5 }, () =>
      world.github.as(world.people.user).openIssue(world.repo, LABELLED),
    );
    clock.advance({ days: 30 });
    const fresh = world.github.as(world.people.user).openIssue(world.repo, LABELLED);
    const { sweep } = await sweeper(world, clock.now);
    const report = await sweep({ minRemaining: 0, maxRepairs: 50 });
    expect(report.repaired.map((r) => r.number)).toEqual([fresh.ref.number]);
    for (const issue of backlog) expect(cards(world.github, issue.ref)).toHaveLength(0);
    // A person moving an old request into a phase is tracking it: a lost webhook is repaired.
    const first = backlog[0];
    if (!first) throw new Error("backlog");
    world.github.as(world.people.maintainer).addLabel(first.ref, "phase: convergence");
    const next = await sweep({ minRemaining: 0, maxRepairs: 50 });
    expect(next.repaired.map((r) => r.number)).toEqual([first.ref.number]);
  });

  it("after onboarding, cards only requests opened since squad-bot was turned on", async () => {
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    const before = world.github.as(world.people.user).openIssue(world.repo, LABELLED);
    clock.advance({ days: 2 });
    const activatedAt = clock.now();
    clock.advance({ hours: 1 });
    const after = world.github.as(world.people.user).openIssue(world.repo, LABELLED);
    const { sweep } = await sweeper(world, clock.now);
    const report = await sweep({ minRemaining: 0, maxRepairs: 50, openedAfter: activatedAt });
    expect(report.repaired.map((r) => r.number)).toEqual([after.ref.number]);
    expect(cards(world.github, before.ref)).toHaveLength(0);
  });

  it("stops at the configured number of repairs; the next run continues", async () => {
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    for (let i = 0; i < 3; i++) world.github.as(world.people.user).openIssue(world.repo, FEATURE);
    for (let i = 0; i < 2; i++) world.github.as(world.people.user).openIssue(world.repo, LABELLED);
    const { sweep } = await sweeper(world, clock.now);
    const first = await sweep({ minRemaining: 0, maxRepairs: 2 });
    expect(first.repaired).toHaveLength(2);
    expect(first.stoppedEarly).toContain("2 repairs");
    const second = await sweep({ minRemaining: 0, maxRepairs: 10 });
    expect(second.repaired).toHaveLength(3);
  });

  it("does not start the recent listing when the rate limit is already low", async () => {
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    world.github.as(world.people.user).openIssue(world.repo, FEATURE);
    const { sweep, source, recent } = await sweeper(world, clock.now);
    source.stats = () => ({ requests: 1, cost: 1, remaining: 10 });
    const report = await sweep({ minRemaining: 100, maxRepairs: 10 });
    expect(report.stoppedEarly).toBe("only 10 rate-limit points left");
    expect(report.repaired).toEqual([]);
    expect(recent.stats().requests).toBe(0);
  });
});
