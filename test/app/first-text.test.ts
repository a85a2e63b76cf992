/** A new request's first bot text: one card, on one screen, each thing said once. */
import { describe, expect, it } from "vitest";
import { MEMORY, openStore } from "../../src/store/index.js";
import { startApp } from "../support/app.js";
import { botMessages, cards } from "../support/cards.js";

/** About what a laptop shows of a GitHub comment without scrolling. */
const ONE_SCREEN_LINES = 30;

describe("a new request's first bot text", () => {
  it("is one card that fits on one screen and lists the first phase's activities once", async () => {
    const app = await startApp({ config: "preset: cht\nroadmap: null\n" });
    const opened = app.github.as(app.people.user).openIssue(app.repo, {
      title: "Show sync status",
      body: "**Is your feature request related to a problem? Please describe.**\nCHWs cannot tell.\n",
    });
    await app.deliver(opened);
    expect(botMessages(app.github, opened.ref)).toEqual([]);
    const [card] = cards(app.github, opened.ref);
    const shown = (card?.body ?? "").split("\n").slice(1);
    expect(shown.length).toBeLessThanOrEqual(ONE_SCREEN_LINES);
    const text = shown.join("\n");
    expect(text.match(/Open a topic in the forum's Squads category/g)).toHaveLength(1);
    expect(text).not.toContain("Phase history");
    expect(text).not.toContain("mermaid");
  });
});

describe("a newcomer's first feature request", () => {
  it("is welcomed once, without being asked to /join their own request", async () => {
    const store = await openStore({ dataDir: MEMORY });
    const app = await startApp({ config: "preset: cht\nroadmap: null\n", store });
    const body =
      "**Is your feature request related to a problem? Please describe.**\nCHWs cannot tell.\n";
    const earlier = app.github
      .as(app.people.maintainer)
      .openIssue(app.repo, { title: "Offline maps", body });
    await app.deliver(earlier);
    const opened = app.github
      .as("new-face")
      .openIssue(app.repo, { title: "Show sync status", body });
    await app.deliver(opened);
    await app.deliver(opened);
    const messages = botMessages(app.github, opened.ref);
    expect(messages).toHaveLength(1);
    const [welcome] = messages;
    expect(welcome).toContain("Welcome");
    expect(welcome).not.toContain("Show sync status");
    expect(welcome).toContain("Offline maps");
    await store.close();
  });
});
