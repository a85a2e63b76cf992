/**
 * The repair sweep on one instance and a delivery's reconcile on another, for the same issues at
 * once: the issue's PostgreSQL advisory lock (`issueAdvisoryLock`) lets one of them work on an
 * issue at a time, as the inbox's per-issue queue does for deliveries. Needs PostgreSQL.
 */

import pg from "pg";
import type { Probot } from "probot";
import { afterAll, describe, expect, it } from "vitest";
import { Runtime } from "../../src/app/runtime.js";
import type { AcrossInstances } from "../../src/core/keyed-lock.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import { reconcileFeature } from "../../src/features/squad/reconcile.js";
import { sweepRepository } from "../../src/features/sweep/run.js";
import type { IssueRef } from "../../src/github/types.js";
import { issueAdvisoryLock } from "../../src/scheduler/pg-lock.js";
import { MemoryDigestSource } from "../double/digest-source.js";
import { createWorld, manualClock } from "../double/index.js";
import { MemoryRecentIssues } from "../double/recent-issues.js";
import { cards } from "../support/cards.js";
import { templates } from "../support/templates.js";

const POSTGRES_URL = process.env.TEST_DATABASE_URL;
if (!POSTGRES_URL) {
  console.warn(
    "\n*** PostgreSQL sweep-lock tests SKIPPED: TEST_DATABASE_URL is not set (CI sets it). ***\n",
  );
}

const FEATURES = 12;
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

/** An instance's share of the lock: its own pool of sessions, as each process has. */
function advisoryLock(): AcrossInstances {
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 4 });
  pools.push(pool);
  return issueAdvisoryLock(async () => {
    const client = await pool.connect();
    return { query: (t, p) => client.query(t, p), release: (e) => client.release(e) };
  });
}

/**
 * Two instances over one GitHub; every issue's work is watched (how many instances are inside it
 * at once) and widened by a pause, so an overlap the lock lets through is seen.
 */
async function twoInstances(shared: (() => AcrossInstances) | null) {
  const clock = manualClock();
  const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
  const inside = new Map<string, number>();
  let overlaps = 0;
  const watched =
    (lock: AcrossInstances | null): AcrossInstances =>
    (key, work) => {
      const watch = async () => {
        const now = (inside.get(key) ?? 0) + 1;
        inside.set(key, now);
        if (now > 1) overlaps++;
        try {
          await sleep(5);
          return await work();
        } finally {
          inside.set(key, (inside.get(key) ?? 1) - 1);
        }
      };
      return lock ? lock(key, watch) : watch();
    };
  const instance = () => {
    const runtime = new Runtime({} as Probot, {
      githubFor: () => world.github,
      appLogin: async () => world.github.appLogin,
      onboardingSeed: acceptedOnboarding,
      templates,
      now: clock.now,
      dryRun: false,
      acrossInstances: watched(shared ? shared() : null),
    });
    return runtime.scope(world.github, silent, 0, {});
  };
  const sweeping = instance();
  const delivering = instance();
  const refs: IssueRef[] = Array.from(
    { length: FEATURES },
    () => world.github.as(world.people.user).openIssue(world.repo, FEATURE).ref,
  );
  const config = await sweeping.config(world.repo);
  if (!config) throw new Error("config invalid");
  const sweep = sweepRepository(
    {
      source: new MemoryDigestSource(world.github),
      recent: new MemoryRecentIssues(world.github),
      now: clock.now,
      reconcile: (ref) =>
        reconcileFeature(sweeping, config, ref, { kind: "reconcile", actor: "squad-bot sweep" }),
      log: silent,
    },
    world.repo,
    config,
    { minRemaining: 0, maxRepairs: 100 },
  );
  // The `opened` webhooks the sweep repairs arrive late, on the other instance, while it runs.
  const deliveries = refs.map((ref) =>
    reconcileFeature(delivering, config, ref, { kind: "reconcile", actor: "a webhook" }),
  );
  const [report] = await Promise.all([sweep, ...deliveries]);
  return { world, refs, overlaps, report };
}

describe.skipIf(!POSTGRES_URL)("the repair sweep and deliveries on two instances", () => {
  it(`never work on one issue at once, and leave one card per feature (${FEATURES} features)`, async () => {
    const { world, refs, overlaps, report } = await twoInstances(advisoryLock);
    expect(report.failed).toEqual([]);
    expect(overlaps).toBe(0);
    for (const ref of refs) expect(cards(world.github, ref)).toHaveLength(1);
  }, 30_000);

  it("overlap without the shared lock (the test can fail)", async () => {
    const { overlaps } = await twoInstances(null);
    expect(overlaps).toBeGreaterThan(0);
  }, 30_000);
});
