/** A feature's linked forum topic: one bot post linking back, one reply per phase move, never twice. */

import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { Runtime } from "../../src/app/runtime.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import { syncLinkedTopic } from "../../src/features/squad-forum/sync.js";
import { sweepRepository } from "../../src/features/sweep/run.js";
import { ForumError } from "../../src/forum/port.js";
import { MemoryDigestSource } from "../double/digest-source.js";
import { MemoryRecentIssues } from "../double/recent-issues.js";
import { MemoryForum } from "../forum/memory-forum.js";
import { startApp } from "../support/app.js";
import { cardState } from "../support/cards.js";
import { templates } from "../support/templates.js";

const FORUM = "https://forum.communityhealthtoolkit.org";
const BOT = "squad-bot";
const CONFIG = `preset: squad-journey\nforum:\n  url: ${FORUM}\n  codeOfConduct: https://example.org/coc\n`;
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const FEATURE = {
  title: "Offline maps",
  body: "### Is your feature request related to a problem?\nYes.",
};

async function linkedFeature(options: { title?: string } = {}) {
  const forum = new MemoryForum({ apiUsername: BOT });
  const topicId = forum.addTopic({
    title: "Offline maps",
    raw: "We need maps offline.",
    author: "amina",
  });
  const app = await startApp({ config: CONFIG, forum: { port: forum, url: FORUM, username: BOT } });
  const opened = app.github
    .as(app.people.user)
    .openIssue(app.repo, { ...FEATURE, title: options.title ?? FEATURE.title });
  await app.deliver(opened);
  const link = app.github
    .as(app.people.writer)
    .comment(opened.ref, `/link forum ${FORUM}/t/offline-maps/${topicId}`);
  await app.deliver(link);
  const botPosts = () => forum.postsOf(topicId).filter((post) => post.username === BOT);
  return { app, forum, topicId, ref: opened.ref, link, botPosts };
}

/** The repair sweep over the app's GitHub, with the forum bridge on. */
async function forumSweeper(app: Awaited<ReturnType<typeof startApp>>, forum: MemoryForum) {
  const runtime = new Runtime({} as Probot, {
    githubFor: () => app.github,
    appLogin: async () => app.github.appLogin,
    onboardingSeed: acceptedOnboarding,
    templates,
    now: app.clock.now,
    dryRun: false,
  });
  const scope = runtime.scope(app.github, silent, 0, {
    forum: { port: forum, url: FORUM, username: BOT },
  });
  const config = await scope.config(app.repo);
  if (!config) throw new Error("config invalid");
  return () =>
    sweepRepository(
      {
        source: new MemoryDigestSource(app.github),
        recent: new MemoryRecentIssues(app.github),
        now: app.clock.now,
        reconcile: async () => {},
        repairTopic: (issue) =>
          syncLinkedTopic(scope, config, {
            ref: { ...app.repo, number: issue.number },
            issue,
            state: issue.card,
            transitions: [],
            repair: true,
          }).then(() => {}),
        log: silent,
      },
      app.repo,
      config,
      { minRemaining: 0, maxRepairs: 100 },
    );
}

describe("the linked forum topic", () => {
  it("gets one bot post linking back to the issue when the link is made", async () => {
    const { app, ref, botPosts } = await linkedFeature();
    expect(cardState(app.github, ref).links.forum).toContain("/t/offline-maps/");
    expect(botPosts()).toHaveLength(1);
    expect(botPosts()[0]?.raw).toContain(
      `https://github.com/${app.repo.owner}/${app.repo.repo}/issues/${ref.number}`,
    );
  });

  it("gets the kick-off message once when the feature enters the second phase, also on redelivery", async () => {
    const { app, ref, botPosts } = await linkedFeature();
    const move = app.github.as(app.people.maintainer).comment(ref, "/phase convergence");
    await app.deliver(move);
    await app.deliver(move);
    expect(cardState(app.github, ref).phase).toBe("convergence");
    const kickOffs = botPosts().filter((post) => post.raw.includes("Squad kick-off"));
    expect(kickOffs).toHaveLength(1);
    expect(kickOffs[0]?.raw).toContain("https://example.org/coc");
    expect(kickOffs[0]?.raw).toContain("/join");
    expect(botPosts()).toHaveLength(2);
  });

  it("posts a short update for another phase, and a return to a phase is a new move", async () => {
    const { app, ref, botPosts } = await linkedFeature();
    for (const phase of ["convergence", "inception", "convergence"])
      await app.deliver(app.github.as(app.people.maintainer).comment(ref, `/phase ${phase}`));
    const raws = botPosts().map((post) => post.raw);
    expect(raws.filter((raw) => raw.includes("entered the phase **Inception**"))).toHaveLength(1);
    expect(raws.filter((raw) => raw.includes("Squad kick-off"))).toHaveLength(2);
  });

  it("keeps GitHub going through a forum outage; the repair sweep posts the missed move once", async () => {
    const { app, forum, ref, botPosts } = await linkedFeature();
    forum.failNext("getTopic", new ForumError("forum down", "unavailable", 503));
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, "/phase convergence"));
    expect(cardState(app.github, ref).phase).toBe("convergence");
    expect(botPosts()).toHaveLength(1);
    const sweep = await forumSweeper(app, forum);
    await sweep();
    await sweep();
    expect(botPosts().filter((post) => post.raw.includes("Squad kick-off"))).toHaveLength(1);
    expect(botPosts()).toHaveLength(2);
  });

  it("leaves a deleted topic alone, without retrying", async () => {
    const { app, forum, topicId, ref, botPosts } = await linkedFeature();
    forum.deleteTopic(topicId);
    const before = forum.requests.length;
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, "/phase convergence"));
    expect(forum.requests.length - before).toBe(1);
    expect(botPosts()).toHaveLength(1);
  });

  it("writes hostile issue titles inert: no HTML, no mention, no direction override", async () => {
    const title = `<img src=x onerror=alert(1)> @everyone \u202Eevil ${"@a ".repeat(2000)}`;
    const { botPosts } = await linkedFeature({ title });
    const raw = botPosts()[0]?.raw ?? "";
    expect(raw).not.toContain("<img");
    expect(raw).toContain("&lt;img");
    expect(raw).not.toMatch(/(^|[^\\])@everyone/);
    expect(raw).not.toContain("\u202E");
    expect(raw.length).toBeLessThan(1000);
  });
});
