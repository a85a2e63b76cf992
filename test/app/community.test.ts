/** The community journey end to end: real deliveries, the real store on in-memory PGlite. */
import { afterEach, describe, expect, it } from "vitest";
import type { IssueRef } from "../../src/github/types.js";
import { MEMORY, openStore } from "../../src/store/index.js";
import type { ContributorStore } from "../../src/store/types.js";
import { startApp, type TestApp } from "../support/app.js";
import { cardState } from "../support/cards.js";

const stores: ContributorStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function communityApp(config = "preset: squad-journey\n") {
  const store = await openStore({ dataDir: MEMORY });
  stores.push(store);
  const app = await startApp({ config, store });
  return { app, store };
}

const keyed = (app: TestApp, ref: IssueRef, prefix: string) =>
  app.github.botComments(ref).filter((c) => c.body.includes(`"key":"${prefix}`));

const NEWCOMER = "nora-newcomer";

describe("welcomes", () => {
  it("welcomes a newcomer's first issue once, with links and the quiet hint", async () => {
    const { app } = await communityApp();
    const opened = app.github.as(NEWCOMER).openIssue(app.repo, { title: "Login fails" });
    await app.deliver(opened);
    await app.deliver(opened); // GitHub redelivery keeps the payload
    const welcomes = keyed(app, opened.ref, "welcome:first-issue");
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0]?.body).toContain(`@${NEWCOMER}`);
    expect(welcomes[0]?.body).toContain("/quiet");

    const second = app.github.as(NEWCOMER).openIssue(app.repo, { title: "Another one" });
    await app.deliver(second);
    expect(keyed(app, second.ref, "welcome:")).toHaveLength(0);
  });

  it("welcomes on redelivery when the first delivery's write failed, and still once", async () => {
    const { app } = await communityApp();
    const opened = app.github.as(NEWCOMER).openIssue(app.repo, { title: "Login fails" });
    app.github.failNext("mutate", "server");
    await app.deliver(opened).catch(() => {});
    expect(keyed(app, opened.ref, "welcome:first-issue")).toHaveLength(0);
    await app.deliver(opened);
    await app.deliver(opened);
    expect(keyed(app, opened.ref, "welcome:first-issue")).toHaveLength(1);
  });

  it("lists squads in their first phases that seek members, not full ones, at one request", async () => {
    const { app } = await communityApp();
    const { user, writer, maintainer } = app.people;
    const feature = async (title: string, commands: [string, string][]) => {
      const opened = app.github.as(user).openIssue(app.repo, {
        title,
        body: "### Is your feature request related to a problem?\nYes.",
      });
      await app.deliver(opened);
      for (const [login, body] of commands)
        await app.deliver(app.github.as(login).comment(opened.ref, body));
      await app.deliverEchoes();
      return opened.ref;
    };
    // membersBelow is 3: the lead and two members make a full squad.
    const full = await feature("Full squad", [
      [user, "/lead me"],
      [writer, "/join"],
      [maintainer, "/join"],
    ]);
    const small = await feature("Small squad", [[user, "/lead me"]]);
    expect(cardState(app.github, full)).toMatchObject({
      lead: user,
      members: [writer, maintainer],
    });

    const before = app.features.stats().requests;
    const opened = app.github.as(NEWCOMER).openIssue(app.repo, { title: "Login fails" });
    await app.deliver(opened);
    expect(app.features.stats().requests - before).toBe(1);
    const body = keyed(app, opened.ref, "welcome:first-issue")[0]?.body ?? "";
    expect(body).toContain(
      `[Small squad](https://github.com/${app.org}/${app.repo.repo}/issues/${small.number})`,
    );
    expect(body).not.toContain("Full squad");

    // No welcome, no read.
    await app.deliver(app.github.as(NEWCOMER).openIssue(app.repo, { title: "Another one" }));
    expect(app.features.stats().requests - before).toBe(1);
  });

  it("writes one welcome when 20 deliveries of the same issue race", async () => {
    const { app } = await communityApp();
    const opened = app.github.as(NEWCOMER).openIssue(app.repo, { title: "Race" });
    await Promise.all(Array.from({ length: 20 }, () => app.deliver(opened)));
    expect(keyed(app, opened.ref, "welcome:first-issue")).toHaveLength(1);
  });

  it("never welcomes members, collaborators, owners or bots", async () => {
    const { app } = await communityApp();
    app.github.addOrg("other", {});
    const { maintainer, writer, owner } = app.people;
    for (const login of [maintainer, writer, owner, "dependabot[bot]"]) {
      const opened = app.github.as(login).openIssue(app.repo, { title: `By ${login}` });
      await app.deliver(opened);
      expect(keyed(app, opened.ref, "welcome:")).toEqual([]);
    }
  });

  it("cht preset: no pull request welcome, a first-merge welcome, and the 5th merge congratulated once", async () => {
    const { app } = await communityApp("preset: cht\n");
    const contributor = app.github.as(NEWCOMER);
    const merger = app.github.as(app.people.writer);
    const refs: IssueRef[] = [];
    for (let n = 1; n <= 5; n += 1) {
      const opened = contributor.openPullRequest(app.repo, { files: { [`f${n}.md`]: "x" } });
      await app.deliver(opened);
      expect(keyed(app, opened.ref, "welcome:first-pr")).toEqual([]);
      const merged = merger.mergePullRequest(opened.ref);
      await app.deliver(merged);
      await app.deliver(merged);
      refs.push(opened.ref);
    }
    const [first, , , , fifth] = refs as [IssueRef, IssueRef, IssueRef, IssueRef, IssueRef];
    expect(keyed(app, first, "welcome:first-merge")).toHaveLength(1);
    expect(keyed(app, first, "welcome:first-merge")[0]?.body).toContain(
      "docs.communityhealthtoolkit.org",
    );
    expect(refs.flatMap((ref) => keyed(app, ref, "milestone:"))).toHaveLength(1);
    expect(keyed(app, fifth, "milestone:")).toHaveLength(1);
  });

  it("counts reviews and welcomes a pull request under the default preset", async () => {
    const { app, store } = await communityApp();
    const opened = app.github.as(NEWCOMER).openPullRequest(app.repo, { files: { "a.md": "a" } });
    await app.deliver(opened);
    expect(keyed(app, opened.ref, "welcome:first-pr")).toHaveLength(1);
    const review = app.github.as("rita-reviewer").review(opened.ref, "APPROVED");
    await app.deliver(review);
    await app.deliver(review);
    const reviewer = await store.getContributor(app.org, "rita-reviewer");
    expect(reviewer?.counts.reviews).toBe(1);
    expect(keyed(app, opened.ref, "milestone:")).toHaveLength(1);
  });
});

describe("/quiet", () => {
  it("confirms with a 👍, stops the welcome and leaves the person out of squad notifications", async () => {
    const { app, store } = await communityApp();
    const quiet = app.github.as(NEWCOMER);
    const other = app.github.as(app.people.user).openIssue(app.repo, { title: "Anything" });
    await app.deliver(other);
    const said = quiet.comment(other.ref, "/quiet");
    await app.deliver(said);
    expect((await store.getContributor(app.org, NEWCOMER))?.quiet).toBe(true);
    const asked = app.github.commentsOf(other.ref).find((c) => c.id === said.nodeId);
    expect(asked?.reactions).toEqual([{ user: app.github.appLogin, content: "THUMBS_UP" }]);

    const opened = quiet.openIssue(app.repo, { title: "Quiet person's issue" });
    await app.deliver(opened);
    expect(keyed(app, opened.ref, "welcome:")).toEqual([]);

    const feature = app.github.as(app.people.user).openIssue(app.repo, {
      title: "Show sync status",
      body: "### Is your feature request related to a problem?\nYes.",
    });
    await app.deliver(feature);
    await app.deliver(quiet.comment(feature.ref, "/interested"));
    await app.deliver(
      app.github.as(app.people.maintainer).addLabel(feature.ref, "phase: convergence"),
    );
    await app.deliverEchoes();
    const mentions = app.github
      .botComments(feature.ref)
      .filter((c) => c.body.includes(`@${NEWCOMER}`));
    expect(mentions).toEqual([]);
  });
});

describe("/quiet beside the squad commands", () => {
  const FEATURE = {
    title: "Show sync status",
    body: "### Is your feature request related to a problem?\nYes.",
  };

  it("on a feature: only the community side answers, and /help lists /quiet and /unquiet", async () => {
    const { app, store } = await communityApp();
    const feature = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(feature);
    await app.deliverEchoes();
    const card = () => app.github.botComments(feature.ref).find((c) => c.body.includes("card"));
    const before = card();

    const said = app.github.as(NEWCOMER).comment(feature.ref, "/quiet");
    await app.deliver(said);
    await app.deliver(said); // a redelivery answers nothing twice
    expect((await store.getContributor(app.org, NEWCOMER))?.quiet).toBe(true);
    const asked = app.github.commentsOf(feature.ref).find((c) => c.id === said.nodeId);
    expect(asked?.reactions).toEqual([{ user: app.github.appLogin, content: "THUMBS_UP" }]);
    // The community's confirmation, and nothing from the squad: no refusal, no "did you mean".
    expect(keyed(app, feature.ref, "quiet:")).toHaveLength(1);
    expect(keyed(app, feature.ref, "reply:")).toEqual([]);
    expect(card()?.body).toBe(before?.body);

    await app.deliver(app.github.as(NEWCOMER).comment(feature.ref, "/unquiet\n/join"));
    expect((await store.getContributor(app.org, NEWCOMER))?.quiet).toBe(false);
    expect(keyed(app, feature.ref, "reply:")).toEqual([]);

    await app.deliver(app.github.as(app.people.user).comment(feature.ref, "/help"));
    const help = keyed(app, feature.ref, "reply:");
    expect(help).toHaveLength(1);
    expect(help[0]?.body).toContain("`/quiet`");
    expect(help[0]?.body).toContain("`/unquiet`");
  });

  it("on an issue that is not a feature: no squad refusal", async () => {
    const { app } = await communityApp();
    const plain = app.github.as(app.people.user).openIssue(app.repo, { title: "Typo", body: "x" });
    await app.deliver(plain);
    await app.deliver(app.github.as(NEWCOMER).comment(plain.ref, "/quiet"));
    expect(keyed(app, plain.ref, "quiet:")).toHaveLength(1);
    expect(keyed(app, plain.ref, "reply:")).toEqual([]);
  });
});

describe("release.published", () => {
  const FEATURE = {
    title: "Show sync status",
    body: "### Is your feature request related to a problem?\nYes.",
  };

  async function inTesting(config?: string) {
    const { app } = await communityApp(config);
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    for (const fan of ["fan-a", "fan-b", "fan-c"])
      await app.deliver(app.github.as(fan).comment(opened.ref, "/interested"));
    await app.deliver(app.github.as(app.people.maintainer).addLabel(opened.ref, "phase: testing"));
    await app.deliverEchoes();
    return { app, ref: opened.ref };
  }

  it("a final release moves a referenced feature to Release and tells its followers in one message", async () => {
    const { app, ref } = await inTesting();
    const notes = `## Features\n- Sync status (#${ref.number})\n- Fixed #999`;
    const published = app.github
      .as(app.people.writer)
      .publishRelease(app.repo, { tag: "4.12.0", body: notes });
    await app.deliver(published);
    await app.deliver(published);
    await app.deliverEchoes();

    expect(app.github.labelsOf(ref)).toEqual(["phase: release"]);
    expect(cardState(app.github, ref).history.at(-1)).toMatchObject({
      phase: "release",
      via: "release",
    });
    expect(keyed(app, ref, "early-access:")).toEqual([]);
    const notices = keyed(app, ref, "transition:").filter((c) => c.body.includes("ships in"));
    expect(notices.map((c) => c.body.split("\n")[0])).toEqual([
      expect.stringMatching(/ships in \[4\.12\.0\]\(.*\) and moved to \*\*Release\*\*/),
    ]);
    const told = notices.flatMap((c) => c.body.match(/@[\w-]+/g) ?? []);
    expect(told.sort()).toEqual(["@fan-a", "@fan-b", "@fan-c", `@${app.people.user}`].sort());
  });

  it("a prerelease is early access: followers hear once, in batches, and the feature stays", async () => {
    const { app, ref } = await inTesting(
      "preset: squad-journey\ncommunity:\n  earlyAccess:\n    maxMentionsPerComment: 2\n",
    );
    const notes = `- Sync status (#${ref.number})`;
    const beta = app.github
      .as(app.people.writer)
      .publishRelease(app.repo, { tag: "4.12.0-beta.1", body: notes, prerelease: true });
    await app.deliver(beta);
    await app.deliver(beta);
    expect(app.github.labelsOf(ref)).toEqual(["phase: testing"]);
    const notices = keyed(app, ref, "early-access:");
    expect(notices).toHaveLength(2);
    expect(notices[0]?.body).toContain("try it first");
    const told = notices.flatMap((c) => c.body.match(/@[\w-]+/g) ?? []);
    expect(told.sort()).toEqual(["@fan-a", "@fan-b", "@fan-c", `@${app.people.user}`].sort());
  });

  it("leaves features in other phases alone", async () => {
    const { app } = await communityApp();
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    const notes = `Closes #${opened.ref.number}`;
    await app.deliver(
      app.github.as(app.people.writer).publishRelease(app.repo, { tag: "1.0.0", body: notes }),
    );
    expect(app.github.labelsOf(opened.ref)).toEqual(["phase: inception"]);
    expect(keyed(app, opened.ref, "early-access:")).toEqual([]);
  });
});

describe("without a store", () => {
  it("welcomes nobody", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const opened = app.github.as(NEWCOMER).openIssue(app.repo, { title: "Hello" });
    await app.deliver(opened);
    expect(app.github.botComments(opened.ref)).toEqual([]);
  });
});
