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

describe.skipIf(!POSTGRES_URL)("two app processes on one PostgreSQL", () => {
  it(`apply a shuffled, concurrent burst sent to both exactly once (${FEATURES} features, ${NEWCOMERS} newcomers)`, async () => {
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    const { features, prs, deliveries } = burst(world);
    const github = await serveGitHub(world.github, LATENCY_MS);
    running.github = github;
    const instances = await startInstances(2, { githubUrl: github.url, now: clock.now() });
    running.instances = instances;

    await instances.send(deliveries, 20, SEED);
    await instances.idle();

    expect(await instances.inbox.counts()).toEqual({});
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
  }, 90_000);
});
