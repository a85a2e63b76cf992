/**
 * A burst of deliveries over many feature requests, made on the in-memory GitHub first and then
 * delivered concurrently, shuffled and partly duplicated, as a busy installation sees them.
 */

import { ONCE_MARKER } from "../../src/actions/executor.js";
import { decodeMarker } from "../../src/core/markers.js";
import { CARD_MARKER, type FeatureState } from "../../src/features/squad/state.js";
import type { IssueRef } from "../../src/github/types.js";
import { type Delivery, startApp, type TestApp } from "./app.js";

const FEATURE_BODY = "### Is your feature request related to a problem?\nYes.";

/** A seeded PRNG, so a failing order can be replayed. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Scenario {
  app: TestApp;
  refs: IssueRef[];
  deliveries: Delivery[];
}

export async function buildScenario(issues: number, seed: number): Promise<Scenario> {
  const app = await startApp({ config: "preset: squad-journey\n" });
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const { maintainer, writer } = app.people;
  const refs: IssueRef[] = [];
  const deliveries: Delivery[] = [];
  for (let i = 0; i < issues; i++) {
    const opened = app.github
      .as(`requester-${i}`)
      .openIssue(app.repo, { title: `Feature ${i}`, body: FEATURE_BODY });
    refs.push(opened.ref);
    deliveries.push(opened);
  }
  for (const ref of refs) {
    for (let fan = 0; fan < 4; fan++) {
      deliveries.push(
        app.github
          .as(`fan-${Math.floor(next() * 20)}`)
          .comment(ref, pick(["/interested", "/join", "+1"])),
      );
    }
    deliveries.push(
      app.github.as(writer).comment(ref, pick(["/join", "/lead me", "/target 2026-09-30"])),
    );
    const phases = ["phase: convergence", "phase: building", "phase: testing"];
    for (const label of phases.slice(0, 1 + Math.floor(next() * 3))) {
      deliveries.push(app.github.as(maintainer).addLabel(ref, label));
    }
    deliveries.push(
      app.github
        .as(maintainer)
        .comment(ref, pick(["/phase inception", "/phase convergence --force", "/blocked waiting"])),
    );
  }
  // Redeliveries: GitHub's "Redeliver" button sends the same delivery again.
  const duplicates = deliveries.filter(() => next() < 0.3);
  const all = [...deliveries, ...duplicates];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j] as Delivery, all[i] as Delivery];
  }
  return { app, refs, deliveries: all };
}

/** Delivers everything with at most `concurrency` in flight; returns each delivery's latency. */
export async function deliverAll(
  app: TestApp,
  deliveries: Delivery[],
  concurrency: number,
): Promise<number[]> {
  const latencies: number[] = [];
  let index = 0;
  const worker = async () => {
    while (index < deliveries.length) {
      const delivery = deliveries[index++] as Delivery;
      const start = performance.now();
      await app.deliver(delivery);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

/** What must hold for every feature, however the deliveries were ordered. */
export function invariantViolations(app: TestApp, refs: IssueRef[]): string[] {
  const problems: string[] = [];
  for (const ref of refs) {
    const bot = app.github.botComments(ref);
    const cardComments = bot.filter((c) => c.body.includes(`squad-bot:${CARD_MARKER} `));
    if (cardComments.length !== 1) problems.push(`#${ref.number}: ${cardComments.length} cards`);
    const state = decodeMarker(cardComments[0]?.body ?? "", CARD_MARKER) as
      | FeatureState
      | undefined;
    const phaseLabels = app.github.labelsOf(ref).filter((l) => l.startsWith("phase: "));
    if (phaseLabels.length !== 1)
      problems.push(`#${ref.number}: phase labels ${phaseLabels.join(", ")}`);
    else if (state && phaseLabels[0] !== `phase: ${state.phase}`) {
      problems.push(`#${ref.number}: label ${phaseLabels[0]} but card says ${state.phase}`);
    }
    const keys = bot
      .map((c) => decodeMarker(c.body, ONCE_MARKER) as { key?: string } | undefined)
      .flatMap((d) => d?.key ?? []);
    if (new Set(keys).size !== keys.length)
      problems.push(`#${ref.number}: a one-off comment was posted twice`);
  }
  return problems;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
