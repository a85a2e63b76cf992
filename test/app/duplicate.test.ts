/** `/duplicate #N` through real deliveries: who may run it, the close, the one reply, followers moved once. */
import { describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const REQUEST = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem? Please describe.\nCHWs cannot tell whether their data synced.",
};

async function twoRequests(options: { repos?: string[] } = {}) {
  const app = await startApp({ config: "preset: squad-journey\n", ...options });
  const original = app.github.as(app.people.writer).openIssue(app.repo, REQUEST);
  await app.deliver(original);
  const copy = app.github.as(app.people.user).openIssue(app.repo, REQUEST);
  await app.deliver(copy);
  await app.deliverEchoes();
  return { app, original: original.ref, copy: copy.ref };
}

const duplicateReplies = (app: TestApp, ref: Parameters<typeof botMessages>[1]) =>
  botMessages(app.github, ref).filter((m) => m.startsWith("Duplicate of"));

describe("/duplicate", () => {
  it("closes the request as a duplicate, says so once and moves its followers over once", async () => {
    const { app, original, copy } = await twoRequests();
    const { maintainer, owner } = app.people;
    await app.deliver(app.github.as(owner).comment(copy, "/interested"));
    await app.deliver(app.github.as("ada-joiner").comment(copy, "/join"));

    app.github.resetRequests();
    const command = app.github.as(maintainer).comment(copy, `/duplicate #${original.number}`);
    await app.deliver(command);
    // Source: config with the issue, permission, load of the target, one write; target: load, one write.
    expect(app.github.requests.map((r) => r.method)).toEqual([
      "readAhead",
      "getPermission",
      "loadIssue",
      "mutate",
      "loadIssue",
      "mutate",
    ]);
    // Closed naming the original, so GitHub itself shows the copy as its duplicate.
    expect(app.github.issue(copy)).toMatchObject({
      state: "closed",
      stateReason: "duplicate",
      duplicateOf: app.github.issue(original)?.id,
    });
    expect(duplicateReplies(app, copy)).toHaveLength(1);
    expect(duplicateReplies(app, copy)[0]).toContain(`#${original.number}`);
    expect(cardState(app.github, copy).duplicateOf).toEqual({
      repo: "medic/cht-core",
      number: original.number,
      nodeId: app.github.issue(original)?.id,
    });
    expect(cards(app.github, copy)[0]?.body).toContain("Duplicate of");
    const target = cardState(app.github, original);
    expect(target.interested).toEqual(["ada-joiner", owner, app.people.user]);
    expect(target.adopted).toEqual([`medic/cht-core#${copy.number}`]);

    // Someone leaves the target; a redelivery must not bring them back, nor write anything.
    await app.deliver(app.github.as(owner).comment(original, "/uninterested"));
    await app.deliverEchoes();
    app.github.resetRequests();
    await app.deliver(command);
    // Redelivery: the command is handled already; the target is read and found up to date.
    expect(app.github.requests.map((r) => r.method)).toEqual([
      "readAhead",
      "getPermission",
      "loadIssue",
    ]);
    expect(app.github.writeCount()).toBe(0);
    expect(cardState(app.github, original).interested).toEqual(["ada-joiner", app.people.user]);
    expect(duplicateReplies(app, copy)).toHaveLength(1);
  });

  it("is refused for people who are not maintainers, with nothing read about the target", async () => {
    const { app, original, copy } = await twoRequests();
    app.github.resetRequests();
    await app.deliver(
      app.github.as(app.people.user).comment(copy, `/duplicate #${original.number}`),
    );
    expect(app.github.requests.map((r) => r.method)).toEqual([
      "readAhead",
      "getPermission",
      "mutate",
    ]);
    expect(app.github.issue(copy)?.state).toBe("open");
    expect(botMessages(app.github, copy).join("\n")).toContain("only a maintainer");
    expect(cardState(app.github, original).interested).toEqual([]);
  });

  it("refuses a target that is not a feature yet, and says how to make it one", async () => {
    const { app, copy } = await twoRequests();
    const plain = app.github.as(app.people.user).openIssue(app.repo, { title: "Typo", body: "x" });
    await app.deliver(plain);
    await app.deliver(
      app.github.as(app.people.maintainer).comment(copy, `/duplicate #${plain.ref.number}`),
    );
    expect(app.github.issue(copy)?.state).toBe("open");
    const reply = botMessages(app.github, copy).join("\n");
    expect(reply).toContain("not a feature");
    expect(reply).toContain("/phase inception");
    expect(app.github.botComments(plain.ref)).toEqual([]);
  });

  it.each([
    ["itself", (copy: number) => `#${copy}`, "itself"],
    ["a missing issue", () => "#99", "does not exist"],
    ["another organization", () => "other-org/app#1", "another organization"],
  ])("refuses %s", async (_name, target, words) => {
    const { app, copy } = await twoRequests();
    await app.deliver(
      app.github.as(app.people.maintainer).comment(copy, `/duplicate ${target(copy.number)}`),
    );
    expect(app.github.issue(copy)?.state).toBe("open");
    expect(botMessages(app.github, copy).join("\n")).toContain(words);
  });

  it("refuses a closed target", async () => {
    const { app, original, copy } = await twoRequests();
    await app.deliver(app.github.as(app.people.maintainer).close(original));
    await app.deliver(
      app.github.as(app.people.maintainer).comment(copy, `/duplicate #${original.number}`),
    );
    expect(app.github.issue(copy)?.state).toBe("open");
    expect(botMessages(app.github, copy).join("\n")).toContain("is closed");
  });

  it("accepts owner/repo#N in another repository of the organization", async () => {
    const app = await startApp({
      config: "preset: squad-journey\n",
      repos: ["cht-core", "cht-docs"],
    });
    const docs = app.repos[1] ?? app.repo;
    const target = app.github.as(app.people.writer).openIssue(docs, REQUEST);
    await app.deliver(target);
    const copy = app.github.as(app.people.user).openIssue(app.repo, REQUEST);
    await app.deliver(copy);
    await app.deliver(
      app.github
        .as(app.people.maintainer)
        .comment(copy.ref, `/duplicate medic/cht-docs#${target.ref.number}`),
    );
    expect(app.github.issue(copy.ref)).toMatchObject({
      stateReason: "duplicate",
      duplicateOf: app.github.issue(target.ref)?.id,
    });
    expect(cardState(app.github, target.ref).interested).toEqual([app.people.user]);
    expect(duplicateReplies(app, copy.ref)[0]).toContain("medic/cht-docs#");
  });
});
