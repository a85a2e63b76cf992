/** A new request's first bot text: one card, on one screen, each thing said once. */
import { describe, expect, it } from "vitest";
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
