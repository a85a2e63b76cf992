/** A feature's life through real deliveries: what GitHub holds after each step. */
import { describe, expect, it } from "vitest";
import { startApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const REQUEST_BODY = [
  "### Is your feature request related to a problem? Please describe.",
  "CHWs cannot tell whether their data has synced.",
  "",
  "### Acceptance criteria",
  "- [ ] The sync status is visible offline",
  "- [ ] The status updates within a minute",
].join("\n");

async function openRequest(app: Awaited<ReturnType<typeof startApp>>) {
  const opened = app.github
    .as(app.people.user)
    .openIssue(app.repo, { title: "Show sync status", body: REQUEST_BODY });
  await app.deliver(opened);
  return opened.ref;
}

describe("a feature request's journey", () => {
  it("enters Inception with one card and the phase label when opened from the template", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await openRequest(app);
    expect(app.github.labelsOf(ref)).toEqual(["phase: inception"]);
    expect(cardState(app.github, ref)).toMatchObject({ phase: "inception", lead: null });
    expect(cards(app.github, ref)[0]?.body).toContain("Inception");
    expect(botMessages(app.github, ref)).toEqual([]);
  });

  it("goes from request to release with commands and labels, staying in sync", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const { maintainer, user, writer } = app.people;
    const ref = await openRequest(app);

    await app.deliver(app.github.as(writer).comment(ref, "/interested"));
    await app.deliver(app.github.as(maintainer).addLabel(ref, "phase: convergence"));
    expect(app.github.labelsOf(ref)).toEqual(["phase: convergence"]);

    await app.deliver(app.github.as(user).comment(ref, "/lead me\n/join"));
    await app.deliver(
      app.github
        .as(user)
        .comment(
          ref,
          "/link scope https://docs.example.org/sync-scope\n/link board https://github.com/orgs/medic/projects/9\n/target 2026-06-30",
        ),
    );
    app.clock.advance({ days: 10 });
    const move = app.github.as(user).comment(ref, "/phase building");
    await app.deliver(move);
    expect(app.github.labelsOf(ref)).toEqual(["phase: building"]);
    const state = cardState(app.github, ref);
    expect(state).toMatchObject({ phase: "building", lead: user, interested: [writer] });
    expect(state.history.map((h) => [h.phase, h.via])).toEqual([
      ["inception", "recognition"],
      ["convergence", "label"],
      ["building", "command"],
    ]);
    const reactions = app.github
      .commentsOf(ref)
      .find((c) => c.databaseId === move.commentId)?.reactions;
    expect(reactions).toEqual([{ user: app.github.appLogin, content: "THUMBS_UP" }]);

    await app.deliver(app.github.as(maintainer).addLabel(ref, "phase: testing"));
    const refused = app.github.as(user).comment(ref, "/phase release");
    await app.deliver(refused);
    expect(cardState(app.github, ref).phase).toBe("testing");
    const reply = botMessages(app.github, ref).find((m) => m.includes("/phase release"));
    expect(reply).toContain("Acceptance criteria");

    await app.deliver(app.github.as(user).editBody(ref, REQUEST_BODY.replaceAll("- [ ]", "- [x]")));
    await app.deliver(app.github.as(user).comment(ref, "/phase release"));
    expect(app.github.labelsOf(ref)).toEqual(["phase: release"]);
    expect(cards(app.github, ref)).toHaveLength(1);

    const notices = botMessages(app.github, ref).filter((m) => m.includes("moved"));
    expect(notices.length).toBeGreaterThanOrEqual(3);
    for (const notice of notices) {
      const mentioned = new Set(notice.match(/@[\w-]+/g));
      for (const login of mentioned) expect([`@${user}`, `@${writer}`]).toContain(login);
    }
  });

  it("never reverts a maintainer's label, and shows the unmet criteria instead", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await openRequest(app);
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: building"));
    expect(app.github.labelsOf(ref)).toEqual(["phase: building"]);
    const card = cards(app.github, ref)[0]?.body ?? "";
    expect(card).toMatch(/without/i);
    expect(card).toContain("/lead");
  });
});

describe("commands", () => {
  it("runs only newly added commands when a comment is edited", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await openRequest(app);
    const { writer } = app.people;
    const first = app.github.as(writer).comment(ref, "/join");
    await app.deliver(first);
    await app.deliver(app.github.as(writer).comment(ref, "/leave"));
    expect(cardState(app.github, ref).members).toEqual([]);
    await app.deliver(
      app.github.as(writer).editComment(ref, first.commentId, "/join\n/interested"),
    );
    expect(cardState(app.github, ref)).toMatchObject({ members: [], interested: [writer] });
  });

  it("ignores commands in code, quotes and from other bots", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await openRequest(app);
    app.github.resetRequests();
    await app.deliver(
      app.github.as(app.people.writer).comment(ref, "```\n/join\n```\n> /join\nuse `/join`"),
    );
    expect(app.github.requests).toEqual([]);
    expect(cardState(app.github, ref).members).toEqual([]);
  });

  it("checks the sender's permission: a stranger cannot move a feature", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await openRequest(app);
    await app.deliver(app.github.as(app.people.user).comment(ref, "/phase convergence"));
    expect(cardState(app.github, ref).phase).toBe("inception");
    expect(botMessages(app.github, ref).join("\n")).toContain(
      "only the squad lead or a maintainer",
    );
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, "/phase convergence"));
    expect(cardState(app.github, ref).phase).toBe("convergence");
  });

  it("answers a typo with a suggestion and /help with the generated table", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const ref = await openRequest(app);
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/jion"));
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/help"));
    const messages = botMessages(app.github, ref);
    expect(messages[0]).toContain("/join");
    expect(messages[1]).toContain("/target");
    // Without a contributor store the community journey is off, so /help does not offer /quiet.
    expect(messages[1]).not.toContain("/quiet");
  });

  it("honours a team configured as maintainers", async () => {
    const app = await startApp({
      config: "preset: squad-journey\nmaintainers:\n  teams: [squad-leads]\n",
    });
    app.github.addTeam("medic", "squad-leads", [app.people.user]);
    const ref = await openRequest(app);
    await app.deliver(app.github.as(app.people.user).comment(ref, "/phase convergence"));
    expect(cardState(app.github, ref).phase).toBe("convergence");
  });
});
