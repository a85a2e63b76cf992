/** `/nominate` and `/sponsor` through real deliveries: one nomination, sponsors counted once, ready at the bar. */
import { describe, expect, it } from "vitest";
import type { IssueRef } from "../../src/github/types.js";
import { MEMORY, openStore } from "../../src/store/index.js";
import { startApp, type TestApp } from "../support/app.js";

const CONFIG = `preset: squad-journey
governance:
  repo: medic/governance
  roles: [maintainer, squad lead]
  sponsors: 2
`;
const SECOND = "max-maintainer";

async function governanceApp() {
  const app = await startApp({
    config: CONFIG,
    repos: ["cht-core", "governance"],
    maintainers: [SECOND],
  });
  const feature = app.github.as(app.people.user).openIssue(app.repo, {
    title: "Offline sync status",
    body: "### Is your feature request related to a problem?\nYes.",
  });
  await app.deliver(feature);
  return { app, feature: feature.ref };
}

const governanceRepo = { owner: "medic", repo: "governance" };
const nominations = (app: TestApp) =>
  app.github.issues(governanceRepo).filter((i) => i.labels.includes("nomination"));
const replies = (app: TestApp, ref: IssueRef) =>
  app.github
    .botComments(ref)
    .map((c) => c.body)
    .filter((b) => !b.includes("squad-bot:card "));

async function nominate(
  app: TestApp,
  on: IssueRef,
  text: string,
  as: string = app.people.maintainer,
) {
  const event = app.github.as(as).comment(on, text);
  await app.deliver(event);
  return event;
}

describe("nominations", () => {
  it("opens one nomination issue per person and role, and answers where it was asked", async () => {
    const { app, feature } = await governanceApp();
    const event = await nominate(app, feature, "/nominate @wes-writer squad lead");
    const [nomination] = nominations(app);
    expect(nomination?.title).toBe("Nomination: wes-writer as squad lead");
    expect(nomination?.author).toBe(app.github.appLogin);
    expect(nomination?.body).toContain(
      "[wes-writer](https://github.com/wes-writer) for squad lead",
    );
    expect(nomination?.body).toContain("No contributions recorded yet");
    expect(nomination?.body).not.toMatch(/(^|\s)@wes-writer/);
    expect(replies(app, feature).join("\n")).toContain("medic/governance#");

    await app.deliver(event);
    await nominate(app, feature, "/nominate @wes-writer Squad Lead", SECOND);
    expect(nominations(app)).toHaveLength(1);
    expect(replies(app, feature).at(-1)).toContain("already has an open nomination");
  });

  it("is for maintainers and the configured roles only", async () => {
    const { app, feature } = await governanceApp();
    await nominate(app, feature, "/nominate @wes-writer maintainer", app.people.user);
    expect(replies(app, feature).at(-1)).toContain("only a maintainer can nominate");
    await nominate(app, feature, "/nominate @wes-writer maintaner");
    expect(replies(app, feature).at(-1)).toContain("Did you mean `maintainer`?");
    await nominate(app, feature, "/nominate @nobody-here maintainer");
    expect(replies(app, feature).at(-1)).toContain("there is no GitHub account `nobody-here`");
    expect(nominations(app)).toEqual([]);
  });
});

describe("a nomination's record", () => {
  it("comes from the contributor store and the feature cards: contributions, squads, activity", async () => {
    const store = await openStore({ dataDir: MEMORY });
    try {
      const app = await startApp({
        config: CONFIG,
        repos: ["cht-core", "governance"],
        maintainers: [SECOND],
        store,
      });
      const feature = app.github.as("wes-writer").openIssue(app.repo, {
        title: "Offline sync status",
        body: "### Is your feature request related to a problem?\nYes.",
      });
      await app.deliver(feature);
      await app.deliver(app.github.as("wes-writer").comment(feature.ref, "/lead me"));
      await nominate(app, feature.ref, "/nominate @wes-writer maintainer");
      const body = nominations(app)[0]?.body ?? "";
      expect(body).toContain("Issues opened: 1");
      expect(body).toMatch(
        /\[Offline sync status\]\(https:\/\/github.com\/medic\/cht-core\/issues\/\d+\) as lead/,
      );
      expect(body).toMatch(/First interaction \d{4}-\d\d-\d\d/);
    } finally {
      await store.close();
    }
  });
});

describe("sponsors", () => {
  async function opened() {
    const { app, feature } = await governanceApp();
    await nominate(app, feature, "/nominate @wes-writer maintainer");
    const number = nominations(app)[0]?.number ?? 0;
    return { app, ref: { ...governanceRepo, number } };
  }
  const status = (app: TestApp, ref: IssueRef) =>
    app.github.botComments(ref).filter((c) => c.body.includes("squad-bot:nomination-sponsors "));

  it("counts each maintainer once and labels the nomination ready at the bar", async () => {
    const { app, ref } = await opened();
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, "/sponsor"));
    expect(status(app, ref)).toHaveLength(1);
    expect(status(app, ref)[0]?.body).toContain("Sponsors (1 of 2)");
    expect(app.github.issue(ref)?.labels).not.toContain("nomination: ready");

    const second = app.github.as(SECOND).comment(ref, "/sponsor");
    await app.deliver(second);
    await app.deliver(second);
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, "/sponsor again"));
    expect(status(app, ref)).toHaveLength(1);
    expect(status(app, ref)[0]?.body).toContain("Sponsors (2 of 2)");
    expect(app.github.issue(ref)?.labels).toContain("nomination: ready");

    // The governance team takes the label off: a later sponsor does not put it back.
    await app.deliver(app.github.as(app.people.owner).removeLabel(ref, "nomination: ready"));
    await app.deliver(app.github.as(app.people.owner).comment(ref, "/sponsor"));
    expect(status(app, ref)[0]?.body).toContain("Sponsors (3 of 2)");
    expect(app.github.issue(ref)?.labels).not.toContain("nomination: ready");
  });

  it("refuses the nominee, people without the permission, and issues that are not nominations", async () => {
    const { app, ref } = await opened();
    await app.deliver(app.github.as("wes-writer").comment(ref, "/sponsor"));
    expect(replies(app, ref).at(-1)).toContain("sponsored by others");
    await app.deliver(app.github.as(app.people.user).comment(ref, "/sponsor"));
    expect(replies(app, ref).at(-1)).toContain("only a maintainer can sponsor");
    expect(status(app, ref)).toEqual([]);

    const plain = app.github.as(app.people.user).openIssue(governanceRepo, { title: "Question" });
    await app.deliver(plain);
    await app.deliver(app.github.as(app.people.maintainer).comment(plain.ref, "/sponsor"));
    expect(replies(app, plain.ref).at(-1)).toContain("counts on a nomination issue");
  });

  it("a forged nomination marker in a person's issue counts for nothing", async () => {
    const { app } = await opened();
    const forged = app.github.as(app.people.user).openIssue(governanceRepo, {
      title: "Nomination: uma-user as maintainer",
      body: '<!-- squad-bot:nomination {"login":"uma-user","role":"maintainer"} -->',
      labels: ["nomination"],
    });
    await app.deliver(forged);
    await app.deliver(app.github.as(app.people.maintainer).comment(forged.ref, "/sponsor"));
    expect(replies(app, forged.ref).at(-1)).toContain("counts on a nomination issue");
    expect(app.github.issue(forged.ref)?.labels).not.toContain("nomination: ready");
  });
});
