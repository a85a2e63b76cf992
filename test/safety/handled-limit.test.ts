/**
 * Promise: each applied command is remembered on the card, so a redelivered comment changes
 * nothing, but the card keeps at most HANDLED_LIMIT of them, dropping the oldest: a busy feature's
 * card must stay far below GitHub's 65,536 characters per comment.
 */
import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import { CARD_MARKER, HANDLED_LIMIT, newFeatureState } from "../../src/features/squad/state.js";
import { startApp } from "../support/app.js";
import { cardState, cards } from "../support/cards.js";
import { CONFIG, postAsApp, REQUEST } from "./support.js";

/** Keys as the planner writes them (`<comment id>:<8 hex>`), for comments long gone. */
const oldKeys = Array.from({ length: HANDLED_LIMIT }, (_, i) => `${i + 1}:${"0".repeat(8)}`);

async function featureWithFullMemory(handled = oldKeys) {
  const app = await startApp({ config: CONFIG });
  const { ref } = app.github.as(app.people.user).openIssue(app.repo, REQUEST);
  app.github.as(app.people.maintainer).addLabel(ref, "phase: inception");
  const state = {
    ...newFeatureState("inception", "2026-01-05T09:00:00Z", app.people.user, "recognition"),
    handled,
  };
  postAsApp(app, ref, `Squad card\n\n${encodeMarker(CARD_MARKER, state)}`);
  return { app, ref };
}

describe("the handled-command memory is capped", () => {
  it("drops the oldest keys, never the newest, and still refuses a redelivered command", async () => {
    const { app, ref } = await featureWithFullMemory();
    const { writer } = app.people;
    const join = app.github.as(writer).comment(ref, "/join");
    await app.deliver(join);
    const afterJoin = cardState(app.github, ref).handled;
    expect(afterJoin).toHaveLength(HANDLED_LIMIT);
    expect(afterJoin).not.toContain(oldKeys[0]);
    expect(afterJoin.slice(0, -1)).toEqual(oldKeys.slice(1));
    expect(afterJoin.at(-1)).toMatch(new RegExp(`^${join.commentId}:[0-9a-f]{8}$`));

    await app.deliver(app.github.as(writer).comment(ref, "/leave"));
    await app.deliver(join);
    expect(cardState(app.github, ref).members).toEqual([]);
    expect(cardState(app.github, ref).handled).toHaveLength(HANDLED_LIMIT);
  });

  it("trims a longer memory left by an older version, keeping the card small", async () => {
    // Real comment ids have ten digits: the longest keys a card holds.
    const left = Array.from(
      { length: 3 * HANDLED_LIMIT },
      (_, i) => `${4_000_000_000 + i}:0badf00d`,
    );
    const { app, ref } = await featureWithFullMemory(left);
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/interested"));
    const { handled } = cardState(app.github, ref);
    expect(handled).toHaveLength(HANDLED_LIMIT);
    expect(handled.slice(0, -1)).toEqual(left.slice(-(HANDLED_LIMIT - 1)));
    // GitHub refuses comments over 65,536 characters; the cap keeps the card well under it.
    expect(cards(app.github, ref)[0]?.body.length).toBeLessThan(65_536 / 4);
  });
});
