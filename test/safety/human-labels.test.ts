/**
 * Promise: a person's label change is never reverted by the bot. A maintainer's phase label wins
 * even with the entry criteria unmet (the card warns instead); a removed phase label is not put
 * back; a label change whose webhook was lost is adopted on the next event; the blocked label
 * follows whoever last set or removed it.
 */
import { describe, expect, it } from "vitest";
import { cardState, cards } from "../support/cards.js";
import { appWithRequest, CONFIG, REQUEST } from "./support.js";

const BLOCKED = `${CONFIG}labels:\n  blocked: blocked\n`;

describe("a person's label is never reverted", () => {
  it("keeps a maintainer's phase label whose criteria are unmet, and warns on the card", async () => {
    const { app, ref } = await appWithRequest();
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: building"));
    expect(app.github.labelsOf(ref)).toEqual(["phase: building"]);
    expect(cardState(app.github, ref).phase).toBe("building");
    expect(cards(app.github, ref)[0]?.body).toContain("/lead");
  });

  it("does not put back a phase label a person removed, whatever happens next", async () => {
    const { app, ref } = await appWithRequest();
    const { maintainer, user, writer } = app.people;
    await app.deliver(app.github.as(maintainer).removeLabel(ref, "phase: inception"));
    await app.deliver(app.github.as(writer).comment(ref, "/interested"));
    await app.deliver(app.github.as(user).editBody(ref, `${REQUEST.body}\nStill.`));
    expect(app.github.labelsOf(ref)).toEqual([]);
    expect(cardState(app.github, ref)).toMatchObject({
      phase: "inception",
      labelRemovedBy: maintainer,
      interested: [writer],
    });
  });

  it("adopts a label move whose webhook is lost or late, whatever event comes first", async () => {
    const { app, ref } = await appWithRequest();
    const { maintainer, user, writer } = app.people;
    const added = app.github.as(maintainer).addLabel(ref, "phase: convergence");
    const removed = app.github.as(maintainer).removeLabel(ref, "phase: inception");
    await app.deliver(app.github.as(writer).comment(ref, "/interested"));
    expect(app.github.labelsOf(ref)).toEqual(["phase: convergence"]);
    await app.deliver(app.github.as(user).editBody(ref, `${REQUEST.body}\nStill.`));
    await app.deliver(added);
    await app.deliver(removed);
    expect(app.github.labelsOf(ref)).toEqual(["phase: convergence"]);
    const state = cardState(app.github, ref);
    expect(state.history.map((h) => h.phase)).toEqual(["inception", "convergence"]);
    expect(state).toMatchObject({ phase: "convergence", interested: [writer] });
  });

  it("keeps the blocked label a person added and leaves it off once they remove it", async () => {
    const { app, ref } = await appWithRequest(BLOCKED);
    const { maintainer, writer } = app.people;
    await app.deliver(app.github.as(maintainer).addLabel(ref, "blocked"));
    await app.deliver(app.github.as(writer).comment(ref, "/interested"));
    expect(app.github.labelsOf(ref)).toEqual(["phase: inception", "blocked"]);
    expect(cardState(app.github, ref).blocked).toMatchObject({ by: maintainer });

    await app.deliver(app.github.as(maintainer).removeLabel(ref, "blocked"));
    await app.deliver(app.github.as(writer).comment(ref, "/uninterested"));
    expect(app.github.labelsOf(ref)).toEqual(["phase: inception"]);
    expect(cardState(app.github, ref).blocked).toBeNull();
  });
});
