/**
 * Promise: a once-only comment (phase notices, command replies, early-access notices) is skipped
 * only when the bot itself already posted it. The key is read from the bot's own comments, so a
 * person who pastes the hidden marker cannot silence a notice.
 */
import { describe, expect, it } from "vitest";
import { execute } from "../../src/actions/executor.js";
import { createWorld } from "../double/index.js";
import { botMessages } from "../support/cards.js";
import { appWithRequest, pastedOnceMarker, postAsApp } from "./support.js";

describe("once-markers count only in the bot's own comments", () => {
  it("posts the phase notice even though a person pasted its marker first", async () => {
    const { app, ref } = await appWithRequest();
    const { maintainer, writer } = app.people;
    await app.deliver(app.github.as(writer).comment(ref, "/interested"));
    // The move below is the feature's second history entry, so its notice has key transition:2.
    await app.deliver(app.github.as("mallory").comment(ref, pastedOnceMarker("transition:2")));
    await app.deliver(app.github.as(maintainer).addLabel(ref, "phase: convergence"));

    const notices = botMessages(app.github, ref).filter((m) => m.includes("Convergence"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`@${writer}`);
  });

  it("replies to a refused command even though a person pasted the reply's marker", async () => {
    const { app, ref } = await appWithRequest();
    const refused = app.github.as(app.people.user).comment(ref, "/phase building");
    await app.deliver(refused);
    const [reply] = app.github.botComments(ref).filter((c) => c.body.includes("/phase building"));
    const key = /squad-bot:once \{"key":"([^"]+)"\}/.exec(reply?.body ?? "")?.[1];
    expect(key).toMatch(/^reply:/);

    // The same refusal in a fresh comment has a new key; a pasted copy of it changes nothing.
    const again = app.github.as(app.people.user).comment(ref, "/phase building");
    const pastedKey = (key ?? "").replace(String(refused.commentId), String(again.commentId));
    app.github.as("mallory").comment(ref, pastedOnceMarker(pastedKey));
    await app.deliver(again);
    const replies = app.github.botComments(ref).filter((c) => c.body.includes("/phase building"));
    expect(replies).toHaveLength(2);
  });

  it("does not post a notice twice once the bot's own comment carries the key", async () => {
    const { app, ref } = await appWithRequest();
    // Spelled out as comments already on GitHub hold it: the format is stored, not internal.
    postAsApp(app, ref, 'Moved.\n\n<!-- squad-bot:once {"key":"transition:2"} -->');
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/interested"));
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: convergence"));
    expect(botMessages(app.github, ref).filter((m) => m.includes("Convergence"))).toEqual([]);
  });

  it("the executor posts a keyed comment whose key only a person's comment carries", async () => {
    const world = createWorld();
    const opened = world.github.as(world.people.user).openIssue(world.repo, { title: "F" });
    world.github.as("mallory").comment(opened.ref, pastedOnceMarker("welcome"));
    const issue = await world.github.loadIssue(opened.ref, { labelNames: [] });
    if (!issue) throw new Error("issue missing");
    const action = { type: "comment" as const, key: "welcome", body: "Welcome!" };
    const options = {
      dryRun: false,
      protectedLabels: [],
      labelColor: "ededed",
      cardCommentId: null,
    };
    const result = await execute(world.github, issue, [action], options);
    expect(result.skipped).toEqual([]);
    expect(world.github.botComments(opened.ref).map((c) => c.body.split("\n")[0])).toEqual([
      "Welcome!",
    ]);
  });
});
