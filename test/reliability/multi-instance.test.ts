/**
 * Two real app processes on one real PostgreSQL, over one stateful fake GitHub served on
 * loopback: the same signed deliveries go to both, shuffled and concurrent. What GitHub ends up
 * holding, and every comment ever written on the way, shows no duplicate of any kind. Needs
 * PostgreSQL (TEST_DATABASE_URL; CI sets it).
 */
import { afterEach, describe, expect, it } from "vitest";
import { ONCE_MARKER } from "../../src/actions/executor.js";
import { decodeMarker } from "../../src/core/markers.js";
import { CARD_MARKER } from "../../src/features/squad/state.js";
import type { IssueRef } from "../../src/github/types.js";
import { createWorld, manualClock, type World } from "../double/index.js";
import type { Delivery } from "../support/app.js";
import { cardState, cards } from "../support/cards.js";
import { type ServedGitHub, serveGitHub } from "../support/github-over-http.js";
import { type Instances, POSTGRES_URL, shuffle, startInstances } from "../support/instances.js";

if (!POSTGRES_URL) {
  console.warn(
    "\n*** Multi-instance tests SKIPPED: TEST_DATABASE_URL is not set (CI sets it). ***\n",
  );
}

const FEATURES = 16;
const NEWCOMERS = 6;
const SEED = 7;
/** GitHub's answers take this long: instances race in that window. */
const LATENCY_MS = 30;
/** How much faster the queue's clock runs in the outage tests, and the outage (queue time). */
const WARP = 20;
const OUTAGE_MS = 120_000;
const BODY = "### Is your feature request related to a problem?\nYes.";

let running: { instances?: Instances; github?: ServedGitHub } = {};
afterEach(async () => {
  await running.instances?.stop();
  await running.github?.close();
  running = {};
});

/** Features with a maintainer's command or label move and a /join each; newcomers' first PRs. */
function burst(world: World) {
  const { maintainer, writer, user } = world.people;
  const features: { ref: IssueRef; phase: string }[] = [];
  const prs: { ref: IssueRef; login: string }[] = [];
  const groups: Delivery[][] = [];
  for (let i = 0; i < FEATURES; i++) {
    const opened = world.github
      .as(user)
      .openIssue(world.repo, { title: `Feature ${i}`, body: BODY });
    const joined = world.github.as(writer).comment(opened.ref, "/join");
    if (i % 2 === 0) {
      groups.push([
        opened,
        joined,
        world.github.as(maintainer).comment(opened.ref, "/phase convergence"),
      ]);
      features.push({ ref: opened.ref, phase: "convergence" });
    } else {
      groups.push([
        opened,
        joined,
        world.github.as(maintainer).addLabel(opened.ref, "phase: building"),
      ]);
      features.push({ ref: opened.ref, phase: "building" });
    }
  }
  for (let i = 0; i < NEWCOMERS; i++) {
    const login = `newcomer-${i}`;
    const opened = world.github.as(login).openPullRequest(world.repo, {
      title: `Fix typo ${i}`,
      files: { [`docs/typo-${i}.md`]: "fixed" },
    });
    groups.push([opened]);
    prs.push({ ref: opened.ref, login });
  }
  // Shuffled, yet one issue's deliveries close together, so they are in flight at once: the
  // busy issue, where instances race.
  const deliveries = shuffle(groups, SEED).flatMap((group, i) => shuffle(group, SEED + i));
  return { features, prs, deliveries };
}

/** Every duplicate GitHub holds or ever held: cards, once-only comments (notices, welcomes). */
function duplicates(world: World, github: ServedGitHub): string[] {
  const problems: string[] = [];
  const bySubject = new Map<string, string[]>();
  for (const { subjectId, body } of github.written) {
    const kind = body.includes(`squad-bot:${CARD_MARKER} `)
      ? "card"
      : (decodeMarker(body, ONCE_MARKER) as { key?: string } | undefined)?.key;
    if (!kind) continue;
    bySubject.set(subjectId, [...(bySubject.get(subjectId) ?? []), kind]);
  }
  for (const [subject, kinds] of bySubject) {
    const twice = kinds.filter((k, i) => kinds.indexOf(k) !== i);
    if (twice.length > 0) problems.push(`${subject}: written twice: ${twice.join(", ")}`);
  }
  for (const issue of world.github.issues(world.repo)) {
    const ref = { ...world.repo, number: issue.number };
    if (cards(world.github, ref).length > 1) problems.push(`#${issue.number}: two cards now`);
  }
  return problems;
}

/** The once-only comments (notices, welcomes) on `ref` whose key starts with `prefix`: their keys. */
const onceKeys = (world: World, ref: IssueRef, prefix: string) =>
  world.github
    .botComments(ref)
    .flatMap((c) => (decodeMarker(c.body, ONCE_MARKER) as { key?: string } | undefined)?.key ?? [])
    .filter((key) => key.startsWith(prefix));

type Burst = ReturnType<typeof burst>;

/** What GitHub must hold after the burst, whatever the order, the instance or the faults. */
function expectConverged(world: World, github: ServedGitHub, { features, prs }: Burst) {
  expect(duplicates(world, github)).toEqual([]);
  for (const { ref, phase } of features) {
    expect(cards(world.github, ref)).toHaveLength(1);
    const state = cardState(world.github, ref);
    expect(state.phase).toBe(phase);
    expect(state.members).toEqual([world.people.writer]);
    expect(world.github.labelsOf(ref)).toEqual([`phase: ${phase}`]);
    if (phase === "convergence") {
      expect(state.history.map((h) => `${h.phase} by ${h.via}`)).toContain(
        "convergence by command",
      );
    }
    // One notice per move at most (the same move twice is caught above), about a real move.
    const notices = onceKeys(world, ref, "transition:");
    expect(notices.length).toBeLessThanOrEqual(state.history.length);
    for (const key of notices) {
      expect(Number(key.split(":")[1])).toBeLessThanOrEqual(state.history.length);
    }
  }
  for (const { ref, login } of prs) {
    expect(onceKeys(world, ref, "welcome:")).toEqual([`welcome:first-pr:${login}`]);
  }
}

/** A world with the burst made on it, its GitHub served, and `count` instances over it. */
async function setUp(count: number, env: Record<string, string> = {}) {
  const clock = manualClock();
  const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
  const made = burst(world);
  const github = await serveGitHub(world.github, LATENCY_MS);
  running.github = github;
  const instances = await startInstances(count, { githubUrl: github.url, now: clock.now(), env });
  running.instances = instances;
  return { world, made, github, instances };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!POSTGRES_URL)("two app processes on one PostgreSQL", () => {
  it(`apply a shuffled, concurrent burst sent to both exactly once (${FEATURES} features, ${NEWCOMERS} newcomers)`, async () => {
    const { world, made, github, instances } = await setUp(2);
    await instances.send(made.deliveries, 20, SEED);
    await instances.idle();
    expect(await instances.inbox.counts()).toEqual({});
    expectConverged(world, github, made);
  }, 90_000);

  it("converge after a 2-minute GitHub outage (502s) during the burst, nothing parked", async () => {
    const { world, made, github, instances } = await setUp(2);
    // The queue's clock runs 20 times faster: 2 minutes of outage and backoff pass in 6 s.
    const stopWarp = instances.warp(WARP);
    const sending = instances.send(made.deliveries, 20, SEED);
    await sleep(300);
    github.outage(true);
    await sleep(OUTAGE_MS / WARP);
    github.outage(false);
    await sending;
    await instances.idle();
    stopWarp();
    expect(github.refused()).toBeGreaterThan(0);
    // Backoff of e^attempts seconds: 5 attempts cover 85 s, the 6th (of 8) comes after the outage.
    expect(await instances.inbox.counts()).toEqual({});
    const runs = await Promise.all(
      made.deliveries.map(async ({ id }) => (await instances.inbox.list({ id }))[0]?.attempts ?? 0),
    );
    expect(Math.max(...runs)).toBeGreaterThanOrEqual(4);
    expectConverged(world, github, made);
  }, 90_000);

  it("park what failed every attempt; `inbox retry` of each parked delivery converges", async () => {
    const { world, made, github, instances } = await setUp(2, {
      SQUAD_BOT_INBOX_MAX_ATTEMPTS: "2",
    });
    const stopWarp = instances.warp(WARP);
    github.outage(true);
    await instances.send(made.deliveries, 20, SEED);
    await instances.idle();
    stopWarp();
    const parked = (await instances.inbox.list({ limit: 1000 })).filter(
      (e) => e.state === "parked",
    );
    expect(parked.length).toBe(made.deliveries.length);
    expect(parked.every((e) => e.lastError?.includes("Bad Gateway"))).toBe(true);
    // GitHub's own redelivery keeps the id: recognised, it queues nothing while parked.
    await instances.send(made.deliveries.slice(0, 3), 3, SEED);
    expect((await instances.inbox.counts()).parked).toBe(made.deliveries.length);

    github.outage(false);
    for (const { id } of shuffle(parked, SEED)) expect(await instances.inbox.retry(id)).toBe(true);
    await instances.idle();
    expect(await instances.inbox.counts()).toEqual({});
    expectConverged(world, github, made);
  }, 90_000);
});
