/**
 * Promise: the card's state is validated before it is trusted. A card of the bot's own whose
 * state has an unknown version, or a missing, empty or malformed history, is not read: the bot
 * rebuilds the card in place from what GitHub shows (labels, body) and keeps running.
 */
import { describe, expect, it } from "vitest";
import { CARD_MARKER, newFeatureState } from "../../src/features/squad/state.js";
import { startApp } from "../support/app.js";
import { cardState, cards } from "../support/cards.js";
import { CONFIG, postAsApp, REQUEST } from "./support.js";

const AT = "2026-01-01T00:00:00Z";
const valid = {
  ...newFeatureState("release", AT, "mallory", "command"),
  lead: "mallory",
};
const entry = valid.history[0];

/** An issue a maintainer labelled Convergence, with the bot's own card holding `marker`. */
async function featureWithCard(marker: string) {
  const app = await startApp({ config: CONFIG });
  const { ref } = app.github.as(app.people.user).openIssue(app.repo, REQUEST);
  app.github.as(app.people.maintainer).addLabel(ref, "phase: convergence");
  const card = postAsApp(app, ref, `Squad card\n\n<!-- squad-bot:${CARD_MARKER} ${marker} -->`);
  await app.deliver(app.github.as(app.people.user).editBody(ref, `${REQUEST.body}\nMore.`));
  return { app, ref, cardId: card.nodeId };
}

describe("a card's state is validated before it is trusted", () => {
  it("reads a valid card (the control case)", async () => {
    const { app, ref } = await featureWithCard(JSON.stringify(valid));
    expect(cardState(app.github, ref)).toMatchObject({ lead: "mallory", phase: "convergence" });
  });

  const unreadable: [string, unknown][] = [
    ["an unknown version", { ...valid, v: 2 }],
    ["no version", { ...valid, v: undefined }],
    ["an empty history", { ...valid, history: [] }],
    ["no history", { ...valid, history: undefined }],
    ["a history entry with an unknown way in", { ...valid, history: [{ ...entry, via: "magic" }] }],
    ["a history entry without a date", { ...valid, history: [{ ...entry, at: undefined }] }],
    ["a history entry with a numeric phase", { ...valid, history: [{ ...entry, phase: 3 }] }],
    ["a history that is not a list", { ...valid, history: { 0: entry } }],
    ["a state that is a list", [valid]],
  ];
  it.each(unreadable)("rebuilds a card with %s in place", async (_, state) => {
    const { app, ref, cardId } = await featureWithCard(JSON.stringify(state));
    expect(cards(app.github, ref).map((c) => c.id)).toEqual([cardId]);
    const rebuilt = cardState(app.github, ref);
    expect(rebuilt).toMatchObject({ v: 1, phase: "convergence", lead: null, members: [] });
    expect(rebuilt.history.map((h) => [h.phase, h.via])).toEqual([["convergence", "label"]]);
    expect(app.github.labelsOf(ref)).toEqual(["phase: convergence"]);
  });

  it("rebuilds a card whose marker is not JSON", async () => {
    const { app, ref, cardId } = await featureWithCard('{"v":1,"phase":');
    expect(cards(app.github, ref).map((c) => c.id)).toEqual([cardId]);
    expect(cardState(app.github, ref)).toMatchObject({ v: 1, phase: "convergence", lead: null });
  });
});
