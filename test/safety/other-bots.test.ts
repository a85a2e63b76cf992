/**
 * Promise: only people run commands. Other bots use slash commands too, and a bot quoting a
 * command (a changelog, a CI report) must not move features; the app's own comments are
 * ignored before any request, so it cannot answer itself in a loop.
 */
import { describe, expect, it } from "vitest";
import { botMessages, cardState } from "../support/cards.js";
import { appWithRequest } from "./support.js";

describe("commands by bots never run", () => {
  it("ignores another bot's commands: nothing read, nothing written", async () => {
    const { app, ref } = await appWithRequest();
    app.github.resetRequests();
    await app.deliver(app.github.as("renovate[bot]").comment(ref, "/join\n/phase convergence"));
    expect(app.github.requests).toEqual([]);
    expect(cardState(app.github, ref)).toMatchObject({ phase: "inception", members: [] });
  });

  it("ignores commands in its own comments, even when a person could have run them", async () => {
    const { app, ref } = await appWithRequest();
    app.github.resetRequests();
    const own = app.github.as(app.github.appLogin).comment(ref, "/interested\n/help");
    app.github.drainAppEvents();
    await app.deliver(own);
    expect(app.github.requests).toEqual([]);
    expect(cardState(app.github, ref).interested).toEqual([]);
    expect(botMessages(app.github, ref)).toEqual(["/interested\n/help"]);
  });
});
