/** A restart loses nothing (GitHub and the store on disk hold the state), and a lost store is rebuilt by backfill. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfill } from "../../src/store/backfill.js";
import { openStore } from "../../src/store/index.js";
import type { ContributionEvent, ContributorStore } from "../../src/store/types.js";
import { createWorld, MemorySimilarSearch, manualClock, type World } from "../double/index.js";
import { acmeRepos, countsOf, FULL } from "../store/acme-history.js";
import { FakeHistory } from "../store/fake-history.js";
import { bootApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};

/** A fresh process over the same GitHub: see `bootApp`. */
const boot = (world: World, clock: ReturnType<typeof manualClock>) =>
  bootApp(world, clock, new MemorySimilarSearch(world.github));

/** What the community feature records for a delivery; githubId makes a redelivery count once. */
function contribution(login: string, kind: ContributionEvent["kind"], githubId: string) {
  return { org: "medic", repo: "cht-core", login, kind, githubId, at: new Date("2026-01-05") };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "squad-bot-restart-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a restart halfway through a feature's journey", () => {
  it("keeps the card, the squad, the store's counts and welcomes; repeats nothing", async () => {
    const dataDir = join(dir, "journey");
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    const { maintainer, writer, user } = world.people;

    // First process: the request arrives and a writer shows interest.
    let deliver = await boot(world, clock);
    let store: ContributorStore = await openStore({ dataDir });
    const opened = world.github.as(user).openIssue(world.repo, FEATURE);
    const ref = opened.ref;
    await deliver(opened);
    await store.recordContribution(contribution(user, "issue-opened", "I_sync"));
    expect(await store.claimWelcome("medic", user, "first-issue", "u")).toBe(true);
    const interested = world.github.as(writer).comment(ref, "/interested");
    await deliver(interested);
    await store.recordContribution(contribution(writer, "comment", "IC_interested"));
    await store.close();

    // Second process, same GitHub and data directory; GitHub redelivers the last event.
    clock.advance({ hours: 1 });
    deliver = await boot(world, clock);
    store = await openStore({ dataDir });
    await deliver(interested);
    await store.recordContribution(contribution(writer, "comment", "IC_interested"));
    expect(await store.claimWelcome("medic", user, "first-issue", "another-issue")).toBe(false);
    await deliver(world.github.as(maintainer).comment(ref, "/phase convergence"));
    await deliver(world.github.as(writer).comment(ref, "/join"));
    await store.recordContribution(contribution(writer, "comment", "IC_join"));

    expect(cards(world.github, ref)).toHaveLength(1);
    const state = cardState(world.github, ref);
    expect(state.phase).toBe("convergence");
    expect(state.history.map((h) => h.phase)).toEqual(["inception", "convergence"]);
    expect(state.members).toEqual([writer]);
    expect(world.github.labelsOf(ref)).toEqual(["phase: convergence"]);
    expect(botMessages(world.github, ref).filter((m) => m.includes("moved from"))).toHaveLength(1);
    const people = await store.listContributors({ org: "medic" });
    const counts = Object.fromEntries(people.map((p) => [p.login, p.counts]));
    expect(counts[user]).toMatchObject({ issuesOpened: 1, comments: 0 });
    expect(counts[writer]).toMatchObject({ comments: 2 });
    await store.close();
  }, 60_000);
});

describe("a lost or corrupted store", () => {
  const history = () => new FakeHistory(acmeRepos(), { pageSize: 2, nestedSize: 2 });
  const rebuild = (store: ContributorStore) =>
    backfill({ store, history: history(), sleep: async () => {} }, { org: "acme" });

  it("starts empty when its directory was deleted, and backfill restores every count", async () => {
    const dataDir = join(dir, "deleted");
    let store = await openStore({ dataDir });
    await rebuild(store);
    expect(await countsOf(store)).toEqual(FULL);
    await store.close();

    await rm(dataDir, { recursive: true, force: true });
    store = await openStore({ dataDir });
    expect(await countsOf(store)).toEqual({});
    const report = await rebuild(store);
    expect(report.newEvents).toBe(14);
    expect(await countsOf(store)).toEqual(FULL);
    await store.close();
  }, 60_000);

  it.each([
    ["global/pg_control", /store migration .*failed/],
    ["PG_VERSION", /store migration .*failed/],
  ])(
    "refuses to open when %s is corrupted; a new directory and backfill restore it",
    async (file, error) => {
      const dataDir = join(dir, `corrupt-${file.replace("/", "-")}`);
      let store = await openStore({ dataDir });
      await rebuild(store);
      await store.close();

      await writeFile(join(dataDir, file), "garbage");
      await expect(openStore({ dataDir })).rejects.toThrow(error);
      // The failed open released the directory's lock: the operator's fix is to move it aside.
      await rm(dataDir, { recursive: true, force: true });
      store = await openStore({ dataDir });
      await rebuild(store);
      expect(await countsOf(store)).toEqual(FULL);
      await store.close();
    },
    60_000,
  );
});
