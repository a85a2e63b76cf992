/** Probot accepts the double's deliveries as they are and sees the app's echoes as a bot's. */
import pino from "pino";
import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { createWorld } from "../double/fixtures.js";

function probotRecording() {
  const probot = new Probot({ githubToken: "test-token", log: pino({ level: "silent" }) });
  const seen: { name: string; action?: string; isBot: boolean; number?: number }[] = [];
  probot.on(["issues", "issue_comment", "push"], async (context) => {
    const payload = context.payload as { action?: string; issue?: { number: number } };
    seen.push({
      name: context.name,
      ...(payload.action ? { action: payload.action } : {}),
      isBot: context.isBot,
      ...(payload.issue ? { number: payload.issue.number } : {}),
    });
  });
  return { probot, seen };
}

describe("delivering to Probot", () => {
  it("routes people's events and the app's echoes, marking only the echoes as bot", async () => {
    const { github, repo, people } = createWorld({ appLogin: "squad-bot[bot]" });
    const { probot, seen } = probotRecording();
    const opened = github.as(people.user).openIssue(repo, { title: "Idea" });
    await probot.receive(opened);
    await probot.receive(github.as(people.maintainer).comment(opened.ref, "/squad join"));
    await probot.receive(github.as(people.writer).push(repo, { files: { "a.md": "a" } }));
    const issueId = (await github.loadIssue(opened.ref, { labelNames: [] }))?.id ?? "";
    await github.mutate([{ op: "addComment", subjectId: issueId, body: "card" }]);
    for (const event of github.drainAppEvents()) await probot.receive(event);
    expect(seen).toEqual([
      { name: "issues", action: "opened", isBot: false, number: opened.ref.number },
      { name: "issue_comment", action: "created", isBot: false, number: opened.ref.number },
      { name: "push", isBot: false },
      { name: "issue_comment", action: "created", isBot: true, number: opened.ref.number },
    ]);
  });
});
