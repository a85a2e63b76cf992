/**
 * Forum intake end to end over the in-memory forum and GitHub: what both end up holding after a
 * new topic, again under redelivery, with hostile text, an unknown category and a forum outage.
 */
import { describe, expect, it } from "vitest";
import type { Log } from "../../src/core/log.js";
import { forumCandidates } from "../../src/features/forum-intake/earlier-topics.js";
import { runForumIntake } from "../../src/features/forum-intake/run.js";
import { forumConfigSchema } from "../../src/forum/config.js";
import { ForumError } from "../../src/forum/port.js";
import { MemoryGitHub } from "../double/memory-github.js";
import { MemorySimilarSearch } from "../double/search.js";
import { MemoryForum } from "../forum/memory-forum.js";
import { templates } from "../support/templates.js";

const BOT = "squad-bot";
const FORUM = "https://forum.example.org";
const repo = { owner: "medic", repo: "cht-roadmap" };

function recordingLog() {
  const lines: { level: string; text: string | undefined; data: object }[] = [];
  const at =
    (level: string) =>
    (data: object, text?: string): void => {
      lines.push({ level, text, data });
    };
  const log: Log = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { log, lines };
}

function setup(intake: "link" | "issue" = "issue", categories: object = {}) {
  const forum = new MemoryForum({ apiUsername: BOT });
  const squads = forum.addCategory("squads").id;
  const requests = forum.addCategory("feature-requests", "Feature requests").id;
  forum.addCategory("support").id;
  const github = new MemoryGitHub({ appLogin: "squad-bot[bot]" });
  github.addRepo(repo);
  const search = new MemorySimilarSearch(github);
  const config = forumConfigSchema.parse({
    url: FORUM,
    categories: { squads: "squads", featureRequests: "feature-requests", ...categories },
    intake,
  });
  const { log, lines } = recordingLog();
  const deps = {
    forum,
    github,
    search,
    repo,
    config,
    botUsername: BOT,
    templates,
    dryRun: false,
    log,
    labels: ["Type: Feature"],
  };
  const open = (raw: string, title = "Offline sync for CHWs", categoryId = requests) => {
    const topicId = forum.addTopic({ title, raw, author: "amara_k", categoryId });
    return { topicId, categoryId };
  };
  return { forum, github, search, deps, lines, open, squads, requests };
}

const botReplies = (forum: MemoryForum, topicId: number) =>
  forum.postsOf(topicId).filter((post) => post.username === BOT);

describe("forum intake", () => {
  it("only watches a new topic with `intake: link` (the default)", async () => {
    const { github, forum, deps, open } = setup("link");
    const topic = open("We need offline sync");
    const outcome = await runForumIntake(deps, topic);
    expect(outcome).toMatchObject({ status: "watched", decision: { why: "link" } });
    expect(github.issues(repo)).toHaveLength(0);
    expect(botReplies(forum, topic.topicId)).toHaveLength(0);
  });

  it("leaves topics of other categories alone", async () => {
    const { github, deps, open, forum } = setup();
    const support = (await forum.listCategories()).find((c) => c.slug === "support");
    const outcome = await runForumIntake(deps, open("Help", "Help", support?.id ?? 0));
    expect(outcome).toMatchObject({ status: "watched", decision: { why: "other category" } });
    expect(github.issues(repo)).toHaveLength(0);
  });

  it("opens one request linked both ways, and nothing more when the hint comes again", async () => {
    const { github, forum, deps, open } = setup();
    const topic = open("Health workers lose data when the network drops.\n\nPlease sync later.");
    const first = await runForumIntake(deps, topic);
    expect(first).toMatchObject({ status: "done", created: true, replied: true });
    const [issue] = github.issues(repo);
    expect(issue?.title).toBe("Offline sync for CHWs");
    expect(issue?.labels).toEqual(["Type: Feature"]);
    expect(issue?.body).toContain(`${FORUM}/t/${topic.topicId}`);
    expect(issue?.body).toContain(`[amara\\_k](${FORUM}/u/amara_k)`);
    expect(issue?.body).toContain("> Health workers lose data when the network drops.");
    const replies = botReplies(forum, topic.topicId);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.raw).toContain(
      `https://github.com/medic/cht-roadmap/issues/${issue?.number}`,
    );

    const again = await runForumIntake(deps, topic);
    expect(again).toMatchObject({
      status: "done",
      created: false,
      replied: false,
      issueNumber: issue?.number,
    });
    expect(github.issues(repo)).toHaveLength(1);
    expect(botReplies(forum, topic.topicId)).toHaveLength(1);
  });

  it("takes topics from the squads category too, saying a squad was proposed", async () => {
    const { github, deps, open, squads } = setup();
    await runForumIntake(deps, open("Let's form a squad", "Squad: maternal health", squads));
    expect(github.issues(repo)[0]?.body).toContain("A squad was proposed on the forum");
  });

  it("finds the request by its marker when the reply was lost, and only replies", async () => {
    const { github, forum, deps, open } = setup();
    const topic = open("Sync please");
    forum.failNext("createReply", new ForumError("the forum answered 502", "server", 502));
    await expect(runForumIntake(deps, topic)).rejects.toThrow(/forum intake/);
    expect(github.issues(repo)).toHaveLength(1);
    expect(botReplies(forum, topic.topicId)).toHaveLength(0);

    const retry = await runForumIntake(deps, topic);
    expect(retry).toMatchObject({ status: "done", created: false, replied: true });
    expect(github.issues(repo)).toHaveLength(1);
    expect(botReplies(forum, topic.topicId)).toHaveLength(1);
  });

  it("does not take an issue that only links the topic for the request (no marker)", async () => {
    const { github, deps, open } = setup();
    const topic = open("Sync please");
    await github.createIssue(repo, {
      title: "mine",
      body: `see ${FORUM}/t/${topic.topicId}`,
      labels: [],
    });
    await runForumIntake(deps, topic);
    expect(
      github.issues(repo).filter((i) => i.body.includes("squad-bot:forum-topic")),
    ).toHaveLength(1);
  });

  it("never lets hostile topic text reach GitHub unescaped", async () => {
    const { github, deps, open } = setup();
    const mentions = Array.from({ length: 3000 }, (_, i) => `@user${i}`).join(" ");
    const hostile = [
      "<script>alert(1)</script> <img src=x onerror=alert(1)>",
      "&#64;octocat and @octocat and @medic/core-team",
      "![tracker](https://evil.example/p.png) [click](javascript:alert(1))",
      "\u202eevil\u202c \u200bhidden",
      mentions,
      "x".repeat(1_000_000),
    ].join("\n");
    await runForumIntake(deps, open(hostile, "@everyone <b>urgent</b>"));
    const [issue] = github.issues(repo);
    const body = issue?.body ?? "";
    expect(body.length).toBeLessThan(40_000);
    expect(body).not.toMatch(/@[A-Za-z0-9]/);
    expect(body).not.toMatch(/<(script|img|b)\b/i);
    expect(body).not.toContain("&#64;");
    expect(body).not.toMatch(/!\[tracker\]\(/);
    expect(body).not.toMatch(/[\u202a-\u202e\u200b]/);
    expect(body).toContain("read the rest on the forum");
    expect(issue?.title).not.toMatch(/@[A-Za-z0-9]/);
  });

  it("reports an unknown intake category with a did-you-mean, once per topic, without throwing", async () => {
    const { github, deps, lines, open } = setup("issue", { featureRequests: "feature-request" });
    const outcome = await runForumIntake(deps, open("Sync"));
    expect(outcome).toMatchObject({ status: "watched", decision: { why: "unknown category" } });
    const warnings = lines.filter((line) => line.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]?.data)).toContain("did you mean `feature-requests`");
    expect(github.issues(repo)).toHaveLength(0);
  });

  it("writes nothing when the forum is down while reading; the inbox runs it again", async () => {
    const { github, forum, deps, open } = setup();
    const topic = open("Sync");
    forum.failNext("getTopic", new ForumError("the forum answered 503", "unavailable", 503));
    await expect(runForumIntake(deps, topic)).rejects.toThrow(/503/);
    expect(github.issues(repo)).toHaveLength(0);
    await runForumIntake(deps, topic);
    expect(github.issues(repo)).toHaveLength(1);
  });

  it("counts its forum requests: 4 on a new topic, 3 when already done", async () => {
    const { forum, deps, open } = setup();
    const topic = open("Sync");
    await runForumIntake(deps, topic);
    // listCategories, getTopic, getPost (first post), createReply
    expect(forum.requests.map((r) => r.method)).toEqual([
      "listCategories",
      "getTopic",
      "getPost",
      "createReply",
    ]);
    forum.requests.length = 0;
    await runForumIntake(deps, topic);
    // listCategories, getTopic, getPost (the bot's reply)
    expect(forum.requests.map((r) => r.method)).toEqual(["listCategories", "getTopic", "getPost"]);
  });

  it("lists earlier forum topics that may raise the same thing (one forum search)", async () => {
    const { github, forum, deps, open } = setup();
    const older = open("Offline sync would help", "Offline sync for CHWs in the field");
    const topic = open("We need offline sync");
    await runForumIntake({ ...deps, earlierTopics: forumCandidates(forum) }, topic);
    const body = github.issues(repo)[0]?.body ?? "";
    expect(body).toContain("Earlier forum topics");
    expect(body).toContain(`(${FORUM}/t/${older.topicId})`);
    expect(body).not.toContain(`(${FORUM}/t/${topic.topicId})\n`);
    expect(forum.requests.filter((r) => r.method === "search")).toHaveLength(1);
  });

  it("plans nothing in a dry run", async () => {
    const { github, forum, deps, open } = setup();
    const topic = open("Sync");
    const outcome = await runForumIntake({ ...deps, dryRun: true }, topic);
    expect(outcome).toMatchObject({ status: "done", created: false });
    expect(github.issues(repo)).toHaveLength(0);
    expect(botReplies(forum, topic.topicId)).toHaveLength(0);
  });
});
