/** The backfill against the fake history: pages, resumes, paces itself, and counts each event once. */
import { describe, expect, it } from "vitest";
import { GitHubError } from "../../src/github/port.js";
import {
  type BackfillDeps,
  type BackfillOptions,
  BackfillStopped,
  backfill,
  DONE,
  sourceKey,
} from "../../src/store/backfill.js";
import { acmeRepos, counts, countsOf, day, FULL } from "./acme-history.js";
import { BACKENDS, useBackend } from "./backends.js";
import { FakeHistory, type FakeHistoryOptions } from "./fake-history.js";

/** A clock that only moves when the backfill sleeps. */
function testClock(start = new Date("2026-02-01T12:00:00Z")) {
  let now = start.getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe("backfill", () => {
  const db = useBackend(BACKENDS[0] ?? { name: "PGlite", skipped: undefined });

  async function setup(options: FakeHistoryOptions = {}) {
    const { store } = await db.open();
    const clock = testClock();
    const history = new FakeHistory(acmeRepos(), {
      pageSize: 2,
      nestedSize: 2,
      now: clock.now,
      ...options,
    });
    const notices: string[] = [];
    const deps: BackfillDeps = { store, history, ...clock, onNotice: (m) => notices.push(m) };
    const run = (options: Partial<BackfillOptions> = {}) =>
      backfill(deps, { org: "acme", ...options });
    return { store, history, clock, notices, run };
  }

  it("reads every page of every repository and counts people, not bots or ghosts", async () => {
    const { store, history, run } = await setup();
    const report = await run();
    expect(await countsOf(store)).toEqual(FULL);
    expect(history.requests).toEqual([
      "listRepositories acme",
      "listIssues acme/widgets",
      "listComments I_1",
      "listComments I_2",
      "listIssues acme/widgets",
      "listPullRequests acme/widgets",
      "listReviews PR_1",
      "listPullRequests acme/widgets",
      "listIssues acme/gadgets",
      "listPullRequests acme/gadgets",
    ]);
    expect(report).toMatchObject({
      repositories: 2,
      requests: 10,
      points: 10,
      items: { issues: 4, pullRequests: 3, comments: 7, reviews: 3 },
      totalItems: 17,
      itemsPerRequest: 1.7,
      newEvents: 14,
      knownEvents: 0,
    });
    expect(await store.getCursor("acme", sourceKey("pulls", "widgets"))).toBe(DONE);
  });

  it("does nothing more on a rerun, and reads everything again with restart", async () => {
    const { store, history, run } = await setup();
    await run();
    history.requests.length = 0;
    const rerun = await run();
    expect(history.requests).toEqual(["listRepositories acme"]);
    expect(rerun.newEvents).toBe(0);
    const restarted = await run({ restart: true });
    expect(restarted).toMatchObject({ requests: 10, newEvents: 0, knownEvents: 14 });
    expect(await countsOf(store)).toEqual(FULL);
  });

  it("resumes after a failure midway without counting anything twice", async () => {
    const { store, history, run } = await setup();
    history.failOn = { request: 7, error: new GitHubError("listReviews failed", "server", 502) };
    await expect(run()).rejects.toThrow(/listReviews failed/);
    history.requests.length = 0;
    const resumed = await run();
    expect(await countsOf(store)).toEqual(FULL);
    // The issues were saved before the failure; only the pull requests' first page is read again.
    expect(history.requests[1]).toBe("listPullRequests acme/widgets");
    expect(resumed.requests).toBe(6);
  });

  it("waits for the quota to reset when it runs low", async () => {
    const { store, clock, notices, run } = await setup({ remaining: 203 });
    await run({ reserve: 200 });
    expect(await countsOf(store)).toEqual(FULL);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBe(3_600_000 + 1000);
    expect(notices[0]).toMatch(/GitHub quota low: 199 points left.*Waiting 61 min/);
  });

  it("stops with a clear message instead when told not to wait, and continues later", async () => {
    const { store, history, run } = await setup({ remaining: 203 });
    const stopped = await run({ reserve: 200, wait: false }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(BackfillStopped);
    expect((stopped as BackfillStopped).message).toMatch(
      /stopped: 199 points left, below the 200 kept for the app; the quota resets at .*Progress is saved/,
    );
    expect((stopped as BackfillStopped).report.requests).toBe(4);
    history.remaining = 5000;
    await run({ reserve: 200, wait: false });
    expect(await countsOf(store)).toEqual(FULL);
  });

  it("stops when GitHub itself refuses for the rate limit", async () => {
    const { run } = await setup({ remaining: 2 });
    await expect(run({ reserve: 0, wait: false })).rejects.toThrow(
      /GitHub refused a request for its rate limit/,
    );
  });

  it("with since, reads only recently updated items and records only recent events", async () => {
    const { store, history, run } = await setup();
    const report = await run({ since: day(7) });
    expect(await countsOf(store)).toEqual({
      carol: counts({ issuesOpened: 1, comments: 1 }),
      dave: counts({ prsOpened: 1, comments: 1 }),
      erin: counts({ issuesOpened: 1 }),
    });
    expect(report.items).toEqual({ issues: 3, pullRequests: 2, comments: 3, reviews: 0 });
    expect(history.requests).not.toContain("listReviews PR_1");
  });

  it("reads only the named repository", async () => {
    const { store, history, run } = await setup();
    await run({ repo: "gadgets" });
    expect(history.requests).toEqual(["listIssues acme/gadgets", "listPullRequests acme/gadgets"]);
    expect(await countsOf(store)).toEqual({ erin: FULL.erin });
  });
});
