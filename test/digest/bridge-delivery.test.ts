/**
 * The digest on the forum and in Slack: one topic and one message per period, edited in place on
 * a re-run, Mermaid and mentions kept off the forum, Slack's limits kept, outages kept apart.
 */
import { describe, expect, it } from "vitest";
import type { ChatMessage, PostedMessage } from "../../src/chat/port.js";
import {
  type BridgeDigestInput,
  type ChatMessageMemory,
  deliverDigestToBridge,
  forumDigestText,
  slackDigestMessage,
} from "../../src/features/digest/bridge-delivery.js";
import { reportedPeriod } from "../../src/features/digest/period.js";
import { ForumError } from "../../src/forum/port.js";
import { MemoryChat } from "../chat/memory-chat.js";
import { MemoryForum } from "../forum/memory-forum.js";

const BOT = "squad-bot";
const period = reportedPeriod("weekly", new Date("2026-12-08T10:00:00Z"), "UTC");

function memory(): ChatMessageMemory & { size(): number } {
  const kept = new Map<string, { at: PostedMessage; message: ChatMessage }>();
  return {
    get: async (key) => kept.get(key) ?? null,
    set: async (key, at, message) => void kept.set(key, { at, message }),
    size: () => kept.size,
  };
}

function setup() {
  const forum = new MemoryForum({ apiUsername: BOT });
  const digests = forum.addCategory("digests").id;
  const chat = new MemoryChat();
  const channel = chat.addChannel("#squads");
  const messages = memory();
  const input = (markdown: string): BridgeDigestInput => ({
    org: "medic",
    period,
    rendered: { title: `Squad digest ${period.label}`, markdown },
    githubUrl: "https://github.com/medic/cht-roadmap/issues/9",
    forum: {
      port: forum,
      categoryId: digests,
      botUsername: BOT,
      baseUrl: "https://forum.example.org",
    },
    chat: { port: chat, channel, memory: messages },
    dryRun: false,
  });
  return { forum, chat, channel, messages, input };
}

describe("the digest on the forum and in Slack", () => {
  it("makes one topic and one message per period, and edits both in place on a re-run", async () => {
    const { forum, chat, channel, input } = setup();
    const first = await deliverDigestToBridge(input("## Moves\n- Offline sync entered Building"));
    expect(forum.topicCount()).toBe(1);
    expect(first.topicId).not.toBeNull();
    const topic = forum.topic(first.topicId ?? 0);
    expect(topic?.externalId).toBe(`squad-bot:medic:${period.key}`);
    expect(chat.messagesIn(channel)).toHaveLength(1);

    const again = await deliverDigestToBridge(input("## Moves\n- Offline sync entered Testing"));
    expect(again.topicId).toBe(first.topicId);
    expect(forum.postsOf(first.topicId ?? 0)).toHaveLength(1);
    expect(forum.postsOf(first.topicId ?? 0)[0]?.raw).toContain("entered Testing");
    const [message] = chat.messagesIn(channel);
    expect(chat.messagesIn(channel)).toHaveLength(1);
    expect(message?.edits).toBe(1);
    expect(JSON.stringify(message?.blocks)).toContain("entered Testing");
    expect(JSON.stringify(message?.blocks)).toContain(`forum.example.org/t/${first.topicId}`);
  });

  it("writes nothing when nothing changed", async () => {
    const { forum, chat, channel, input } = setup();
    await deliverDigestToBridge(input("same"));
    const second = await deliverDigestToBridge(input("same"));
    expect(second.forum?.writes).toEqual([]);
    expect(second.chat?.writes).toEqual([]);
    expect(chat.messagesIn(channel)[0]?.edits).toBe(0);
    expect(forum.topicCount()).toBe(1);
  });

  it("keeps Mermaid and @-mentions off the forum", () => {
    const text = forumDigestText(
      "Thanks @amara!\n\n```mermaid\npie\n```\n\nDone",
      "https://github.com/x/y/issues/1",
    );
    expect(text).not.toContain("mermaid");
    expect(text).toContain("[the digest on GitHub](https://github.com/x/y/issues/1)");
    expect(text).not.toMatch(/@[a-z]/);
  });

  it("fits Slack's limits and escapes what Slack reads as mentions", () => {
    const message = slackDigestMessage(
      { title: "T".repeat(300), markdown: `<!channel> <@U123> ${"word ".repeat(2000)}` },
      [],
    );
    const [header, section] = message.blocks ?? [];
    expect(header?.type === "header" && header.text.length).toBeLessThanOrEqual(150);
    expect(section?.type === "section" && section.text.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(message)).not.toMatch(/<!channel>|<@U123>/);
  });

  it("posts to Slack when the forum is down, and says so once", async () => {
    const { forum, chat, channel, input } = setup();
    forum.failNext(
      "findTopicByExternalId",
      new ForumError("the forum answered 503", "unavailable", 503),
    );
    const result = await deliverDigestToBridge(input("digest"));
    expect(result.forum?.failures).toHaveLength(1);
    expect(result.forum?.outages.forum).toContain("503");
    expect(chat.messagesIn(channel)).toHaveLength(1);
  });

  it("reports a rate-limited forum as an outage (the client already waited out Retry-After)", async () => {
    const { forum, input } = setup();
    forum.failNext("createTopic", new ForumError("rate limited for 60 s", "rate-limited", 429));
    const result = await deliverDigestToBridge(input("digest"));
    expect(result.forum?.outages.forum).toContain("rate limited");
    expect(result.topicId).toBeNull();
  });

  it("counts its requests: 3 forum + 1 Slack the first time (the executor looks the external id up again, just before creating), 4 + 1 on a re-run", async () => {
    const { forum, chat, input } = setup();
    await deliverDigestToBridge(input("one"));
    expect(forum.requests.map((r) => r.method)).toEqual([
      "findTopicByExternalId",
      "findTopicByExternalId",
      "createTopic",
    ]);
    expect(chat.requests).toHaveLength(1);
    forum.requests.length = 0;
    await deliverDigestToBridge(input("two"));
    expect(forum.requests.map((r) => r.method)).toEqual([
      "findTopicByExternalId",
      "getTopic",
      "getPost",
      "editPost",
    ]);
  });
});
