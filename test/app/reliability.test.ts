/** Redelivery, races, the bot's own echoes, forged markers and the request budget per event. */
import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import { CARD_MARKER, newFeatureState } from "../../src/features/squad/state.js";
import { type Delivery, startApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const CONFIG = "preset: squad-journey\n";
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};

describe("idempotency", () => {
  it("converges when every delivery arrives twice: one card, one notice, no second writes", async () => {
    const app = await startApp({ config: CONFIG });
    const { maintainer, writer, user } = app.people;
    const opened = app.github.as(user).openIssue(app.repo, FEATURE);
    const ref = opened.ref;
    const events: Delivery[] = [opened];
    await app.deliver(opened);
    const interested = app.github.as(writer).comment(ref, "/interested");
    await app.deliver(interested);
    const label = app.github.as(maintainer).addLabel(ref, "phase: convergence");
    await app.deliver(label);
    events.push(interested, label);

    const writesBefore = app.github.writeCount();
    const messagesBefore = botMessages(app.github, ref);
    for (const event of events) await app.deliver(event);
    expect(app.github.writeCount()).toBe(writesBefore);
    expect(cards(app.github, ref)).toHaveLength(1);
    expect(botMessages(app.github, ref)).toEqual(messagesBefore);
    expect(cardState(app.github, ref).history).toHaveLength(2);
  });

  it("does not replay an old command delivered again after later changes", async () => {
    const app = await startApp({ config: CONFIG });
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    const toConvergence = app.github
      .as(app.people.maintainer)
      .comment(opened.ref, "/phase convergence");
    await app.deliver(toConvergence);
    await app.deliver(app.github.as(app.people.maintainer).comment(opened.ref, "/phase inception"));
    await app.deliver(toConvergence);
    expect(cardState(app.github, opened.ref).phase).toBe("inception");
  });

  it("creates one card when two events for a new feature race", async () => {
    const app = await startApp({ config: CONFIG });
    const opened = app.github.as(app.people.user).openIssue(app.repo, { title: "Race", body: "" });
    const labelled = app.github.as(app.people.maintainer).addLabel(opened.ref, "enhancement");
    const joined = app.github.as(app.people.writer).comment(opened.ref, "/join");
    await Promise.all([app.deliver(labelled), app.deliver(joined), app.deliver(labelled)]);
    expect(cards(app.github, opened.ref)).toHaveLength(1);
    expect(cardState(app.github, opened.ref).members).toEqual([app.people.writer]);
    expect(app.github.labelsOf(opened.ref)).toEqual(["enhancement", "phase: inception"]);
  });

  it("plans nothing for its own echoes", async () => {
    const app = await startApp({ config: CONFIG });
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    await app.deliver(
      app.github.as(app.people.maintainer).addLabel(opened.ref, "phase: convergence"),
    );
    app.github.resetRequests();
    expect(await app.deliverEchoes()).toBeGreaterThan(0);
    expect(app.github.requests).toEqual([]);
  });

  it("removes a second card left by another instance and keeps the first", async () => {
    const app = await startApp({ config: CONFIG });
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    const state = newFeatureState("inception", "2026-01-05T09:00:00Z", "x", "recognition");
    app.github.as(app.github.appLogin).comment(opened.ref, encodeMarker(CARD_MARKER, state));
    app.github.drainAppEvents();
    await app.deliver(app.github.as(app.people.user).editBody(opened.ref, `${FEATURE.body}\nmore`));
    expect(cards(app.github, opened.ref)).toHaveLength(1);
  });
});

describe("trust", () => {
  it("ignores a card marker pasted by a person", async () => {
    const app = await startApp({ config: CONFIG });
    const forged = {
      ...newFeatureState("release", "2026-01-01T00:00:00Z", "mallory", "command"),
      lead: "mallory",
    };
    const opened = app.github.as("mallory").openIssue(app.repo, FEATURE);
    app.github.as("mallory").comment(opened.ref, encodeMarker(CARD_MARKER, forged));
    await app.deliver(opened);
    expect(cardState(app.github, opened.ref)).toMatchObject({ phase: "inception", lead: null });
    await app.deliver(app.github.as("mallory").comment(opened.ref, "/phase release"));
    expect(cardState(app.github, opened.ref).phase).toBe("inception");
  });
});

describe("API economy", () => {
  it("moves a feature by label in 2 requests: the config read with the issue, one mutation", async () => {
    const app = await startApp({ config: CONFIG });
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    await app.deliver(app.github.as(app.people.writer).comment(opened.ref, "/interested"));
    app.github.resetRequests();
    await app.deliver(
      app.github.as(app.people.maintainer).addLabel(opened.ref, "phase: convergence"),
    );
    expect(app.github.requests.map((r) => r.method)).toEqual(["readAhead", "mutate"]);
    expect(
      botMessages(app.github, opened.ref).some((m) => m.includes(`@${app.people.writer}`)),
    ).toBe(true);
  });

  it("spends at most one request and no write on events that concern no feature", async () => {
    const app = await startApp({ config: CONFIG });
    const bug = app.github
      .as(app.people.user)
      .openIssue(app.repo, { title: "Crash", body: "It crashes" });
    await app.deliver(bug);
    const cases = [
      app.github.as(app.people.maintainer).addLabel(bug.ref, "bug"),
      app.github.as(app.people.user).comment(bug.ref, "Any news?"),
      app.github.as(app.people.user).editBody(bug.ref, "It crashes on start"),
      app.github.as(app.people.maintainer).close(bug.ref),
    ];
    for (const event of cases) {
      app.github.resetRequests();
      await app.deliver(event);
      expect(app.github.requests.length).toBeLessThanOrEqual(1);
      expect(app.github.writeCount()).toBe(0);
    }
  });
});

describe("dry run", () => {
  it("writes nothing when the config asks for a dry run", async () => {
    const app = await startApp({ config: `${CONFIG}dryRun: true\n` });
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    expect(app.github.writeCount()).toBe(0);
    expect(app.github.botComments(opened.ref)).toEqual([]);
  });
});
