/**
 * Promise: commands on an issue that is not a feature request change nothing: no card, no
 * label, one reply that says why and how to bring the issue in (/help still answers). Only a
 * maintainer's `/phase` brings any issue into the workflow.
 */
import { describe, expect, it } from "vitest";
import { startApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";
import { CONFIG } from "./support.js";

async function appWithBug() {
  const app = await startApp({ config: CONFIG });
  const bug = app.github.as(app.people.user).openIssue(app.repo, {
    title: "Crash on start",
    body: "It crashes.",
  });
  await app.deliver(bug);
  return { app, ref: bug.ref };
}

describe("commands on an issue that is not a feature request", () => {
  it("are refused with one reply naming the feature labels and /phase", async () => {
    const { app, ref } = await appWithBug();
    const command = app.github.as(app.people.writer).comment(ref, "/join\n/interested");
    await app.deliver(command);

    expect(cards(app.github, ref)).toEqual([]);
    expect(app.github.labelsOf(ref)).toEqual([]);
    const replies = botMessages(app.github, ref);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("not in the squad workflow");
    expect(replies[0]).toContain("`enhancement`");
    expect(replies[0]).toContain("`/phase inception`");
    expect(replies[0]).toContain("/join");
    expect(replies[0]).toContain("/interested");
    const reacted = app.github.commentsOf(ref).find((c) => c.databaseId === command.commentId);
    expect(reacted?.reactions).toEqual([]);

    await app.deliver(command);
    expect(botMessages(app.github, ref)).toHaveLength(1);
  });

  it("are refused to a non-maintainer's /phase too", async () => {
    const { app, ref } = await appWithBug();
    await app.deliver(app.github.as(app.people.user).comment(ref, "/phase inception"));
    expect(cards(app.github, ref)).toEqual([]);
    expect(app.github.labelsOf(ref)).toEqual([]);
    expect(botMessages(app.github, ref)[0]).toContain("not in the squad workflow");
  });

  it("still answer /help, without a refusal", async () => {
    const { app, ref } = await appWithBug();
    await app.deliver(app.github.as(app.people.user).comment(ref, "/help"));
    const [reply] = botMessages(app.github, ref);
    expect(reply).toContain("/target");
    expect(reply).not.toContain("not in the squad workflow");
    expect(cards(app.github, ref)).toEqual([]);
  });

  it("a maintainer's /phase brings the issue in", async () => {
    const { app, ref } = await appWithBug();
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, "/phase inception"));
    expect(cardState(app.github, ref).phase).toBe("inception");
    expect(app.github.labelsOf(ref)).toEqual(["phase: inception"]);
  });
});
