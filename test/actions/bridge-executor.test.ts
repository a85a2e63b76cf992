/**
 * Forum and chat actions applied to the in-memory forum and Slack: what they end up holding,
 * once only under re-runs, nothing in a dry run, and an outage that stops only its own system.
 */
import { describe, expect, it } from "vitest";
import type { BridgeAction } from "../../src/actions/bridge-action.js";
import { executeBridge } from "../../src/actions/bridge-executor.js";
import { onceBody } from "../../src/actions/executor.js";
import { ChatError } from "../../src/chat/port.js";
import { loadBotPosts } from "../../src/forum/bot-posts.js";
import { ForumError } from "../../src/forum/port.js";
import { MemoryChat } from "../chat/memory-chat.js";
import { MemoryForum } from "../forum/memory-forum.js";

const BOT = "squad-bot";

function setup() {
  const forum = new MemoryForum({ apiUsername: BOT });
  const chat = new MemoryChat();
  const squads = forum.addCategory("squads").id;
  const topicId = forum.addTopic({ title: "Offline sync", raw: "We need it", author: "amara" });
  const channel = chat.addChannel("#squad-offline-sync");
  return { forum, chat, squads, topicId, channel };
}

const digestTopic = (categoryId: number): BridgeAction => ({
  type: "createTopic",
  topic: {
    title: "Squad digest 2026-W10",
    raw: "Moves this week",
    categoryId,
    externalId: "squad-bot:medic:weekly:2026-W10",
  },
});

async function botPosts(forum: MemoryForum, topicId: number) {
  const topic = await forum.getTopic(topicId);
  return topic ? loadBotPosts(forum, topic, BOT) : [];
}

/** The phase-move reply, judged from the bot's posts as a loader would read them. */
async function replyDesign(forum: MemoryForum, topicId: number) {
  const action: BridgeAction = {
    type: "reply",
    topicId,
    key: "phase:design",
    raw: "Entered Design",
    botPosts: await botPosts(forum, topicId),
  };
  return executeBridge({ forum }, [action], { dryRun: false });
}

describe("forum topics the bot owns", () => {
  it("creates the topic once, looking its external id up first", async () => {
    const { forum, squads } = setup();
    const first = await executeBridge({ forum }, [digestTopic(squads)], { dryRun: false });
    const second = await executeBridge({ forum }, [digestTopic(squads)], { dryRun: false });
    expect(forum.topicCount()).toBe(2);
    const created = first.outcomes[0];
    expect(created).toMatchObject({ status: "written", post: { postNumber: 1 } });
    const topicId = created?.status === "written" ? created.post?.topicId : undefined;
    expect(second.outcomes[0]).toEqual({
      status: "skipped",
      why: `forum topic squad-bot:medic:weekly:2026-W10 already exists (#${topicId})`,
      topicId,
    });
    expect([first.requests.forum, second.requests.forum]).toEqual([2, 1]);
    const post = forum.postsOf(topicId as number)[0];
    expect(post?.username).toBe(BOT);
    expect(post?.raw).toBe(onceBody("squad-bot:medic:weekly:2026-W10", "Moves this week"));
  });

  it("reports an unknown category on its action and goes on with the next", async () => {
    const { forum, topicId } = setup();
    const result = await executeBridge(
      { forum },
      [
        digestTopic(999),
        { type: "reply", topicId, key: "phase:design", raw: "Entered Design", botPosts: [] },
      ],
      { dryRun: false },
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(["failed", "written"]);
    expect(result.failures[0]).toContain("Category can't be blank");
    expect(result.outages).toEqual({});
  });
});

describe("replies", () => {
  it("posts a reply once per key, judged from the bot's own posts", async () => {
    const { forum, topicId } = setup();
    const reply = () => replyDesign(forum, topicId);
    await reply();
    const again = await reply();
    expect(forum.postsOf(topicId).map((p) => [p.username, p.raw])).toEqual([
      ["amara", "We need it"],
      [BOT, onceBody("phase:design", "Entered Design")],
    ]);
    expect(again.skipped).toEqual([
      `reply "phase:design" already posted in forum topic #${topicId}`,
    ]);
  });

  it("does not take a marker pasted by a person for the bot's post", async () => {
    const { forum, topicId } = setup();
    forum.addReply(topicId, "mallory", onceBody("phase:design", "fake"));
    await replyDesign(forum, topicId);
    expect(forum.postsOf(topicId).filter((p) => p.username === BOT)).toHaveLength(1);
  });

  it("edits the bot's post in place, keeping its marker, and skips an unchanged text", async () => {
    const { forum, topicId } = setup();
    const mine = forum.addReply(topicId, BOT, onceBody("link", "Tracked in medic/cht-core#9"));
    await executeBridge(
      { forum },
      [{ type: "editPost", post: mine, raw: "Tracked in medic/cht-core#9 (Design)" }],
      { dryRun: false },
    );
    expect(forum.postsOf(topicId)[1]?.raw).toBe(
      onceBody("link", "Tracked in medic/cht-core#9 (Design)"),
    );
    const [current] = await botPosts(forum, topicId);
    if (!current) throw new Error("the bot's post is gone");
    const unchanged = await executeBridge(
      { forum },
      [{ type: "editPost", post: current, raw: "Tracked in medic/cht-core#9 (Design)" }],
      { dryRun: false },
    );
    expect(unchanged.skipped).toEqual([`forum post #${mine.id} unchanged`]);
    expect(unchanged.requests.forum).toBe(0);
    expect(current.id).toBe(mine.id);
  });
});

describe("dry runs", () => {
  it("writes nothing and lists what it would write, after looking the topic up", async () => {
    const { forum, chat, squads, topicId, channel } = setup();
    const result = await executeBridge(
      { forum, chat },
      [
        digestTopic(squads),
        { type: "reply", topicId, key: "k", raw: "r", botPosts: [] },
        { type: "postMessage", channel, message: { text: "Offline sync entered Design" } },
      ],
      { dryRun: true },
    );
    expect(result.writes).toEqual([
      'create forum topic "Squad digest 2026-W10" (squad-bot:medic:weekly:2026-W10) in category 1',
      `reply "k" in forum topic #${topicId}`,
      `post a Slack message to ${channel}`,
    ]);
    expect(result.outcomes.map((o) => o.status)).toEqual(["planned", "planned", "planned"]);
    expect(forum.topicCount()).toBe(1);
    expect(chat.messagesIn(channel)).toEqual([]);
    expect(forum.requests.map((r) => r.method)).toEqual(["findTopicByExternalId"]);
  });
});

describe("outages", () => {
  it("stops the forum's remaining actions after an outage, and chat goes on", async () => {
    const { forum, chat, topicId, channel } = setup();
    forum.failNext("createReply", new ForumError("createReply: HTTP 502", "server", 502));
    const result = await executeBridge(
      { forum, chat },
      [
        { type: "reply", topicId, key: "a", raw: "a", botPosts: [] },
        { type: "reply", topicId, key: "b", raw: "b", botPosts: [] },
        { type: "postMessage", channel, message: { text: "hello" } },
      ],
      { dryRun: false },
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(["failed", "skipped", "written"]);
    expect(result.outages).toEqual({ forum: "createReply: HTTP 502" });
    expect(result.requests).toEqual({ forum: 1, chat: 1 });
    expect(forum.postsOf(topicId)).toHaveLength(1);
    expect(chat.messagesIn(channel).map((m) => m.text)).toEqual(["hello"]);
  });

  it("skips a system whose bridge is off", async () => {
    const { topicId } = setup();
    const result = await executeBridge(
      {},
      [{ type: "reply", topicId, key: "a", raw: "a", botPosts: [] }],
      { dryRun: false },
    );
    expect(result.skipped).toEqual([
      `reply "a" in forum topic #${topicId}: the forum bridge is off`,
    ]);
  });

  it("lets a programming error through instead of calling it a failure", async () => {
    const { forum, topicId } = setup();
    forum.failNext("createReply", new TypeError("boom") as unknown as ForumError);
    await expect(
      executeBridge({ forum }, [{ type: "reply", topicId, key: "a", raw: "a", botPosts: [] }], {
        dryRun: false,
      }),
    ).rejects.toThrow("boom");
  });
});

describe("chat messages", () => {
  it("posts, then updates in place by ts, and skips an unchanged update", async () => {
    const { chat, channel } = setup();
    const message = { text: "Offline sync entered Design", blocks: [{ type: "divider" as const }] };
    const posted = await executeBridge({ chat }, [{ type: "postMessage", channel, message }], {
      dryRun: false,
    });
    const at = posted.outcomes[0]?.status === "written" ? posted.outcomes[0].message : undefined;
    if (!at) throw new Error("nothing was posted");
    expect(at.channel).toBe(channel);
    const next = { text: "Offline sync entered Build" };
    await executeBridge(
      { chat },
      [{ type: "updateMessage", at, message: next, current: message }],
      { dryRun: false },
    );
    expect(chat.messagesIn(channel)).toMatchObject([
      { text: "Offline sync entered Build", edits: 1 },
    ]);
    const same = await executeBridge(
      { chat },
      [{ type: "updateMessage", at, message: next, current: next }],
      { dryRun: false },
    );
    expect(same.requests.chat).toBe(0);
  });

  it("reports a channel Slack does not know on its action", async () => {
    const { chat } = setup();
    chat.failNext("postMessage", new ChatError("chat.postMessage: channel_not_found", "not-found"));
    const result = await executeBridge(
      { chat },
      [{ type: "postMessage", channel: "#gone", message: { text: "x" } }],
      { dryRun: false },
    );
    expect(result.outcomes[0]).toMatchObject({ status: "failed", kind: "not-found" });
    expect(result.outages).toEqual({});
  });
});
