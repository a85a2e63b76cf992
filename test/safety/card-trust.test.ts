/**
 * Promise: the card upsert only ever edits the bot's own comment. A person's comment carrying a
 * card marker (pasted, quoted or forged) is never edited, deleted or read as the feature's state.
 */
import { describe, expect, it } from "vitest";
import { execute } from "../../src/actions/executor.js";
import { encodeMarker } from "../../src/core/markers.js";
import { CARD_MARKER, newFeatureState } from "../../src/features/squad/state.js";
import { createWorld } from "../double/index.js";
import { startApp } from "../support/app.js";
import { cardState, cards } from "../support/cards.js";
import { CONFIG, REQUEST } from "./support.js";

const forgedState = {
  ...newFeatureState("release", "2026-01-01T00:00:00Z", "mallory", "command"),
  lead: "mallory",
  members: ["mallory"],
};
const forgedCard = `My notes\n\n${encodeMarker(CARD_MARKER, forgedState)}`;

describe("only the bot's own card is state", () => {
  it("a forged card posted before the bot's own is neither read nor edited", async () => {
    const app = await startApp({ config: CONFIG });
    const opened = app.github.as("mallory").openIssue(app.repo, REQUEST);
    const forged = app.github.as("mallory").comment(opened.ref, forgedCard);
    const before = app.github.commentsOf(opened.ref).find((c) => c.id === forged.nodeId);
    await app.deliver(opened);
    await app.deliver(app.github.as(app.people.writer).comment(opened.ref, "/join"));

    expect(cards(app.github, opened.ref)).toHaveLength(1);
    expect(cardState(app.github, opened.ref)).toMatchObject({
      phase: "inception",
      lead: null,
      members: [app.people.writer],
    });
    expect(app.github.labelsOf(opened.ref)).toEqual(["phase: inception"]);
    const after = app.github.commentsOf(opened.ref).find((c) => c.id === forged.nodeId);
    expect(after).toEqual(before);
  });

  it("a pasted copy of the card is left alone while the bot edits its own", async () => {
    const app = await startApp({ config: CONFIG });
    const opened = app.github.as(app.people.user).openIssue(app.repo, REQUEST);
    await app.deliver(opened);
    const [own] = cards(app.github, opened.ref);
    const copy = app.github.as("mallory").comment(opened.ref, forgedCard);
    app.github.resetRequests();
    await app.deliver(copy);
    await app.deliver(
      app.github.as(app.people.maintainer).addLabel(opened.ref, "phase: convergence"),
    );

    // The double refuses to touch a person's comment; the bot must not even try.
    const writes = app.github.requests.filter((r) => r.method === "mutate").map((r) => r.detail);
    expect(writes).toEqual(["removeLabels,updateComment"]);
    const comments = app.github.commentsOf(opened.ref);
    expect(comments.find((c) => c.id === copy.nodeId)?.body).toBe(forgedCard);
    expect(cards(app.github, opened.ref).map((c) => c.id)).toEqual([own?.id]);
    expect(cardState(app.github, opened.ref)).toMatchObject({ phase: "convergence", lead: null });
  });

  it("the executor never edits a person's comment, even when pointed at it", async () => {
    const world = createWorld();
    const opened = world.github.as(world.people.user).openIssue(world.repo, { title: "F" });
    const pasted = world.github.as("mallory").comment(opened.ref, forgedCard);
    const issue = await world.github.loadIssue(opened.ref, { labelNames: [] });
    if (!issue) throw new Error("issue missing");
    const result = await execute(world.github, issue, [{ type: "upsertCard", body: "card" }], {
      dryRun: false,
      protectedLabels: [],
      labelColor: "ededed",
      cardCommentId: pasted.nodeId,
    });
    expect(result.ops.map((o) => o.op)).toEqual(["addComment"]);
    expect(result.failures).toEqual([]);
    expect(world.github.botComments(opened.ref).map((c) => c.body)).toEqual(["card"]);
    const comments = world.github.commentsOf(opened.ref);
    expect(comments.find((c) => c.id === pasted.nodeId)?.body).toBe(forgedCard);
  });
});
