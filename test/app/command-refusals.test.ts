/** Commands never fail silently: every argument is checked against what it names, refusals say why once. */
import { describe, expect, it } from "vitest";
import type { IssueRef } from "../../src/github/types.js";
import { MEMORY, openStore } from "../../src/store/index.js";
import { startApp } from "../support/app.js";
import { botMessages, cardState } from "../support/cards.js";

type App = Awaited<ReturnType<typeof startApp>>;

async function request(app: App) {
  const opened = app.github.as(app.people.user).openIssue(app.repo, {
    title: "Show sync status",
    body: "### Is your feature request related to a problem? Please describe.\nIt is unclear.",
  });
  await app.deliver(opened);
  return opened.ref;
}

const reactionsOf = (app: App, ref: IssueRef, commentId: number) =>
  app.github.commentsOf(ref).find((c) => c.databaseId === commentId)?.reactions ?? [];

describe("commands that name people", () => {
  it("/lead of an account that does not exist is refused, not applauded", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await request(app);
    const asked = app.github.as(app.people.maintainer).comment(ref, "/lead @nobody-by-this-name");
    await app.deliver(asked);
    expect(cardState(app.github, ref).lead).toBeNull();
    expect(reactionsOf(app, ref, asked.commentId)).toEqual([]);
    const replies = botMessages(app.github, ref);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("there is no GitHub account `nobody-by-this-name`");
  });

  it("/lead of an existing account records it as GitHub spells it, for one extra request", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await request(app);
    app.github.addAccount("Ana-Lead");
    const before = app.github.requests.length;
    const asked = app.github.as(app.people.maintainer).comment(ref, "/lead @ana-lead");
    await app.deliver(asked);
    expect(cardState(app.github, ref).lead).toBe("Ana-Lead");
    const lookups = app.github.requests.slice(before).filter((r) => r.method === "findUser");
    expect(lookups).toHaveLength(1);
  });

  it("/lead me looks nobody up", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await request(app);
    await app.deliver(app.github.as(app.people.user).comment(ref, "/lead me"));
    expect(cardState(app.github, ref).lead).toBe(app.people.user);
    expect(app.github.requests.some((r) => r.method === "findUser")).toBe(false);
  });
});

describe("commands that name phases", () => {
  it("a multi-word phase name is the phase, not a phase and a reason", async () => {
    const app = await startApp({ config: "preset: cht\nroadmap: null\n" });
    const ref = await request(app);
    await app.deliver(
      app.github.as(app.people.maintainer).comment(ref, "/phase Early Design Discussion"),
    );
    const state = cardState(app.github, ref);
    expect(state.phase).toBe("early-design");
    expect(state.history.at(-1)?.note ?? null).toBeNull();
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, "/phase Squad: Emerging"));
    expect(cardState(app.github, ref).phase).toBe("emerging");
  });
});

describe("commands of a part of squad-bot that cannot run here", () => {
  it("/quiet without a contributor store says so once, instead of nothing", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await request(app);
    const said = app.github.as(app.people.user).comment(ref, "/quiet");
    await app.deliver(said);
    const replies = botMessages(app.github, ref);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("`/quiet` cannot run here");
    expect(replies[0]).toContain("contributor store");
    // Redelivered: still one reply.
    await app.deliver(said);
    expect(botMessages(app.github, ref)).toHaveLength(1);
  });

  it("a command of a feature the config turns off says which section turns it on", async () => {
    const store = await openStore({ dataDir: MEMORY });
    const app = await startApp({
      config: "preset: squad-journey\ncommunity:\n  enabled: false\n",
      store,
    });
    const ref = await request(app);
    await app.deliver(app.github.as(app.people.user).comment(ref, "/unquiet"));
    const replies = botMessages(app.github, ref);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(
      "`/unquiet` belongs to a part of squad-bot that is off in this repository (`community`",
    );
    await store.close();
  });
});

describe("many refusals in one comment", () => {
  it("one reason is said once, with every command it refused", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await request(app);
    const pasted = [...Array(5).fill("/phase shipping"), "/phase nowhere", "/target soon"].join(
      "\n",
    );
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, pasted));
    const [reply] = botMessages(app.github, ref);
    expect(reply).toContain("- `/phase shipping` (×5): there is no phase called `shipping`");
    expect(reply?.match(/there is no phase called `shipping`/g)).toHaveLength(1);
    expect(reply).toContain("- `/phase nowhere`: there is no phase called `nowhere`");
    expect(reply).toMatch(/- `\/target soon`: /);
  });
});

describe("a comment with more commands than the bot runs", () => {
  it("runs the first twenty and names the ones it did not run, once", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await request(app);
    const lines = [...Array(20).fill("/interested"), "/join", "/lead me", "/join"];
    const said = app.github.as(app.people.user).comment(ref, lines.join("\n"));
    await app.deliver(said);
    await app.deliver(said);
    const state = cardState(app.github, ref);
    expect(state.members).toEqual([]);
    expect(state.lead).toBeNull();
    const replies = botMessages(app.github, ref);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(
      "- `/join` (×2), `/lead me`: not run: a comment runs at most 20 commands.",
    );
  });
});
