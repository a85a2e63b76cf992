/**
 * Promise: a command GitHub does not show as a command (inside fenced or indented code, inline
 * code, a block quote or an HTML comment) never runs, end to end: the app reads nothing more
 * and writes nothing, while a real command beside it in the same comment does run.
 */
import { describe, expect, it } from "vitest";
import { cardState } from "../support/cards.js";
import { appWithRequest } from "./support.js";

const HIDDEN: [string, string][] = [
  ["a backtick fence", "```\n/join\n```"],
  ["a tilde fence", "~~~sh\n/join\n~~~"],
  ["a fence indented by three spaces", "   ```\n/join\n   ```"],
  ["a fence left open to the end", "```\n/join"],
  ["a fence with a blank line inside", "```\n\n/join\n```"],
  ["indented code", "Like this:\n\n    /join"],
  ["a tab-indented code block", "\t/join"],
  ["inline code spanning lines", "Type `\n/join now` to join."],
  ["a block quote", "> /join"],
  ["a quote after quoted text", "> You said:\n> /join"],
  ["a one-line HTML comment", "<!-- /join -->"],
  ["a multi-line HTML comment", "<!--\n/join\n-->"],
  ["an HTML comment with a blank line inside", "<!-- notes\n\n/join\n-->"],
  ["an HTML comment opened mid-line", "Notes <!--\n/join\n-->"],
];

describe("commands GitHub does not show as commands never run", () => {
  it.each(HIDDEN)("in %s: nothing read, nothing written", async (_, body) => {
    const { app, ref } = await appWithRequest();
    app.github.resetRequests();
    await app.deliver(app.github.as(app.people.writer).comment(ref, body));
    expect(app.github.requests).toEqual([]);
    expect(cardState(app.github, ref).members).toEqual([]);
  });

  it.each(HIDDEN)("in %s, beside a real command: only the real one runs", async (_, body) => {
    const { app, ref } = await appWithRequest();
    await app.deliver(app.github.as(app.people.writer).comment(ref, `/interested\n\n${body}`));
    expect(cardState(app.github, ref)).toMatchObject({
      members: [],
      interested: [app.people.writer],
    });
  });

  it("an edit that wraps a command in code runs nothing new", async () => {
    const { app, ref } = await appWithRequest();
    const { writer } = app.people;
    const comment = app.github.as(writer).comment(ref, "Hello");
    await app.deliver(comment);
    await app.deliver(app.github.as(writer).editComment(ref, comment.commentId, "```\n/join\n```"));
    await app.deliver(
      app.github.as(writer).editComment(ref, comment.commentId, "Hello <!-- /join --> again"),
    );
    expect(cardState(app.github, ref).members).toEqual([]);
  });
});
