/** The contributor store's contract, run unchanged on PGlite and on PostgreSQL. */
import { describe, expect, it } from "vitest";
import type { ContributionEvent } from "../../src/store/types.js";
import { BACKENDS, useBackend } from "./backends.js";

const day = (d: number) => new Date(Date.UTC(2026, 0, d));

const event = (overrides: Partial<ContributionEvent> = {}): ContributionEvent => ({
  org: "acme",
  repo: "widgets",
  login: "alice",
  kind: "comment",
  githubId: "IC_1",
  at: day(10),
  url: "https://github.com/acme/widgets/issues/1#issuecomment-1",
  ...overrides,
});

const CONCURRENT = 20;

describe.each(BACKENDS)("contributor store on $name", (backend) => {
  if (backend.skipped) {
    it.skip(`skipped: ${backend.skipped}`, () => {});
    return;
  }
  const db = useBackend(backend);

  it("migrates once: opening the same schema again keeps the data", async () => {
    const first = await db.open();
    await first.store.recordContribution(event());
    const again = await db.open(first.schema);
    expect((await again.store.getContributor("acme", "alice"))?.counts.comments).toBe(1);
    expect(await again.store.healthCheck()).toBe(true);
  });

  it("lets two processes migrate a new schema at the same time", async () => {
    const first = await db.open();
    const schema = `${first.schema}_twin`;
    const both = await Promise.all([db.open(schema), db.open(schema)]);
    for (const { store } of both) expect(await store.healthCheck()).toBe(true);
  });

  it("counts an event once, however often it is recorded", async () => {
    const { store } = await db.open();
    const first = await store.recordContribution(event());
    const second = await store.recordContribution(event());
    expect(first).toEqual({ inserted: true, counts: expect.objectContaining({ comments: 1 }) });
    expect(second).toEqual({ inserted: false, counts: first.counts });
  });

  it("counts each kind, and a pull request's opening and merge under one id", async () => {
    const { store } = await db.open();
    await store.recordContribution(event({ kind: "issue-opened", githubId: "I_1" }));
    await store.recordContribution(event({ kind: "pr-opened", githubId: "PR_1" }));
    const merged = await store.recordContribution(event({ kind: "pr-merged", githubId: "PR_1" }));
    await store.recordContribution(event({ kind: "review", githubId: "PRR_1" }));
    expect(merged.counts).toEqual({
      issuesOpened: 1,
      prsOpened: 1,
      prsMerged: 1,
      reviews: 0,
      comments: 0,
    });
    expect((await store.getContributor("acme", "alice"))?.counts.reviews).toBe(1);
  });

  it("records a batch in one transaction: results in order, all or none", async () => {
    const { store } = await db.open();
    const results = await store.recordContributions([
      event({ githubId: "a" }),
      event({ githubId: "a" }),
      event({ githubId: "b", login: "bob", kind: "review" }),
    ]);
    expect(results.map((r) => r.inserted)).toEqual([true, false, true]);
    expect(results[2]?.counts.reviews).toBe(1);
    const broken = { ...event({ githubId: "c" }), kind: "starred" } as unknown as ContributionEvent;
    await expect(store.recordContributions([event({ githubId: "d" }), broken])).rejects.toThrow();
    expect((await store.getContributor("acme", "alice"))?.counts.comments).toBe(1);
    expect(await store.recordContributions([])).toEqual([]);
  });

  it("keeps the earliest first interaction whatever the order, and ignores login case", async () => {
    const { store } = await db.open();
    await store.recordContribution(event({ githubId: "IC_2", at: day(20), url: "late" }));
    await store.recordContribution(
      event({ githubId: "I_9", login: "Alice", kind: "issue-opened", at: day(5), url: "early" }),
    );
    await store.recordContribution(event({ githubId: "IC_3", at: day(25), url: "later" }));
    expect(await store.getContributor("ACME", "ALICE")).toMatchObject({
      org: "acme",
      login: "alice",
      firstInteractionAt: day(5),
      firstInteractionUrl: "early",
      firstInteractionRepo: "widgets",
      lastContributionAt: day(25),
      stage: "initial-interaction",
      quiet: false,
      preferences: {},
    });
  });

  it("records one of 20 concurrent deliveries of the same event", async () => {
    const { store } = await db.open();
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, () => store.recordContribution(event())),
    );
    expect(results.filter((r) => r.inserted)).toHaveLength(1);
    expect((await store.getContributor("acme", "alice"))?.counts.comments).toBe(1);
  });

  it("lets exactly one of 20 concurrent callers claim a welcome", async () => {
    const { store } = await db.open();
    const claims = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        store.claimWelcome("acme", i % 2 ? "Alice" : "alice", "first-pr", `url-${i}`),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimWelcome("acme", "alice", "first-issue", "u")).toBe(true);
    expect(await store.claimWelcome("other", "alice", "first-pr", "u")).toBe(true);
  });

  it("reaches a milestone once", async () => {
    const { store } = await db.open();
    const reached = await Promise.all(
      Array.from({ length: CONCURRENT }, () => store.recordMilestone("acme", "bob", "merged-1")),
    );
    expect(reached.filter(Boolean)).toHaveLength(1);
    expect(await store.recordMilestone("acme", "bob", "merged-5", day(3))).toBe(true);
  });

  it("claims a welcome and a milestone again for the same contribution only", async () => {
    const { store } = await db.open();
    expect(await store.claimWelcome("acme", "alice", "first-pr", "pr-1")).toBe(true);
    expect(await store.claimWelcome("acme", "Alice", "first-pr", "pr-1")).toBe(true);
    expect(await store.claimWelcome("acme", "alice", "first-pr", "pr-2")).toBe(false);
    expect(await store.recordMilestone("acme", "bob", "merged-1", day(1), "pr-7")).toBe(true);
    expect(await store.recordMilestone("acme", "bob", "merged-1", day(1), "pr-7")).toBe(true);
    expect(await store.recordMilestone("acme", "bob", "merged-1", day(2), "pr-8")).toBe(false);
    expect(await store.recordMilestone("acme", "bob", "merged-1", day(2))).toBe(false);
  });

  it("changes stage with history, idempotently and under concurrency", async () => {
    const { store } = await db.open();
    const changed = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        store.setStage("acme", "carol", "onboarding", { at: day(2), reason: "first PR" }),
      ),
    );
    expect(changed.filter(Boolean)).toHaveLength(1);
    expect(await store.setStage("acme", "carol", "engagement", { at: day(9) })).toBe(true);
    expect(await store.stageHistory("acme", "Carol")).toEqual([
      { from: "initial-interaction", to: "onboarding", at: day(2), reason: "first PR" },
      { from: "onboarding", to: "engagement", at: day(9), reason: null },
    ]);
    expect(await store.getContributor("acme", "carol")).toMatchObject({
      stage: "engagement",
      stageChangedAt: day(9),
      firstInteractionAt: null,
    });
  });

  it("sets and clears the quiet flag, also for someone not yet seen", async () => {
    const { store } = await db.open();
    await store.setQuiet("acme", "dave", true);
    expect((await store.getContributor("acme", "dave"))?.quiet).toBe(true);
    await store.recordContribution(event({ login: "dave" }));
    expect((await store.getContributor("acme", "dave"))?.quiet).toBe(true);
    await store.setQuiet("acme", "dave", false);
    expect((await store.getContributor("acme", "dave"))?.quiet).toBe(false);
  });

  it("merges preferences, removing keys set to null", async () => {
    const { store } = await db.open();
    expect(await store.setPreferences("acme", "erin", { digest: "monthly", tz: "UTC" })).toEqual({
      digest: "monthly",
      tz: "UTC",
    });
    expect(await store.setPreferences("acme", "erin", { tz: null, mentions: [1, "x"] })).toEqual({
      digest: "monthly",
      mentions: [1, "x"],
    });
  });

  it("lists contributors by stage and by first interaction", async () => {
    const { store } = await db.open();
    await store.recordContribution(event({ login: "old", githubId: "a", at: day(1) }));
    await store.recordContribution(event({ login: "new", githubId: "b", at: day(20) }));
    await store.recordContribution(event({ login: "else", githubId: "c", org: "other" }));
    await store.setStage("acme", "old", "thriving");
    const logins = (list: { login: string }[]) => list.map((c) => c.login);
    expect(logins(await store.listContributors({ org: "acme" }))).toEqual(["old", "new"]);
    expect(logins(await store.listContributors({ org: "acme", stage: "thriving" }))).toEqual([
      "old",
    ]);
    expect(logins(await store.listContributors({ org: "ACME", since: day(10) }))).toEqual(["new"]);
  });

  it("counts activity since a date, per person and for the whole organization", async () => {
    const { store } = await db.open();
    await store.recordContribution(event({ login: "old", githubId: "1", at: day(1) }));
    await store.recordContribution(event({ login: "old", githubId: "2", at: day(12) }));
    await store.recordContribution(
      event({ login: "old", githubId: "3", at: day(13), kind: "review" }),
    );
    await store.recordContribution(event({ login: "New", githubId: "4", at: day(15) }));
    await store.recordContribution(event({ login: "gone", githubId: "5", at: day(2) }));
    await store.recordContribution(event({ org: "other", githubId: "6", at: day(14) }));
    const activity = await store.contributorsWithCountsSince("acme", day(10));
    expect(activity).toEqual([
      expect.objectContaining({
        login: "old",
        counts: { issuesOpened: 0, prsOpened: 0, prsMerged: 0, reviews: 1, comments: 1 },
        isNew: false,
        firstInteractionAt: day(1),
      }),
      expect.objectContaining({ login: "New", isNew: true, stage: "initial-interaction" }),
    ]);
    expect((await store.countsSince("acme", "OLD", day(10))).comments).toBe(1);
    expect((await store.countsSince("acme", "nobody", day(10))).comments).toBe(0);
  });

  it("keeps backfill cursors per organization and source", async () => {
    const { store } = await db.open();
    expect(await store.getCursor("acme", "issues:widgets")).toBeNull();
    await store.setCursor("acme", "issues:widgets", "c1");
    await store.setCursor("acme", "issues:widgets", "c2");
    await store.setCursor("acme", "pulls:widgets", null);
    await store.setCursor("other", "issues:widgets", "x");
    expect(await store.getCursor("ACME", "issues:widgets")).toBe("c2");
    expect(await store.clearCursors("acme")).toBe(2);
    expect(await store.getCursor("acme", "issues:widgets")).toBeNull();
    expect(await store.getCursor("other", "issues:widgets")).toBe("x");
  });

  it("reports health, and ill health once closed", async () => {
    const { store } = await db.open();
    expect(await store.healthCheck()).toBe(true);
    await store.close();
    expect(await store.healthCheck()).toBe(false);
  });
});
