/**
 * Two instances over one GitHub, each with its own per-issue lock, handling one feature's events
 * at the same time: what a person's command did on one instance is never lost to the card and
 * labels the other wrote.
 */
import { describe, expect, it } from "vitest";
import type { IssueRef } from "../../src/github/types.js";
import { createWorld, MemorySimilarSearch, manualClock } from "../double/index.js";
import { bootApp } from "../support/app.js";
import { cardState, cards } from "../support/cards.js";

const FEATURES = 20;
const BODY = "### Is your feature request related to a problem?\nYes.";

/** `opened` to one instance and `command` to the other at once, then one later event. */
async function race(command: string, asWho: "maintainer" | "writer") {
  const clock = manualClock();
  const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
  const search = new MemorySimilarSearch(world.github);
  const first = await bootApp(world, clock, search);
  const second = await bootApp(world, clock, search);
  const { user } = world.people;
  const refs: IssueRef[] = [];
  for (let n = 0; n < FEATURES; n += 1) {
    const opened = world.github
      .as(user)
      .openIssue(world.repo, { title: `Feature ${n}`, body: BODY });
    const commented = world.github.as(world.people[asWho]).comment(opened.ref, command);
    refs.push(opened.ref);
    await Promise.all([first(opened), second(commented)]);
    world.github.drainAppEvents();
    await first(world.github.as(user).editBody(opened.ref, `${BODY}\nOften.`));
  }
  return { world, refs };
}

describe("opened on one instance, a command on the other, at once", () => {
  it(`keeps every maintainer's /phase, with one card and one phase label (${FEATURES} features)`, async () => {
    const { world, refs } = await race("/phase convergence", "maintainer");
    for (const ref of refs) {
      expect(cards(world.github, ref)).toHaveLength(1);
      const state = cardState(world.github, ref);
      expect(state.history.map((h) => `${h.phase} by ${h.via}`)).toEqual([
        "inception by recognition",
        "convergence by command",
      ]);
      expect(world.github.labelsOf(ref)).toEqual(["phase: convergence"]);
    }
  }, 60_000);

  it(`keeps every /join (${FEATURES} features)`, async () => {
    const { world, refs } = await race("/join", "writer");
    for (const ref of refs) {
      expect(cards(world.github, ref)).toHaveLength(1);
      expect(cardState(world.github, ref).members).toEqual([world.people.writer]);
      expect(world.github.labelsOf(ref)).toEqual(["phase: inception"]);
    }
  }, 60_000);
});
