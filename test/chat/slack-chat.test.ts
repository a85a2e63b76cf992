/**
 * The Slack adapter against nock on slack.com's real endpoints: the form Slack's client sends,
 * the blocks it builds, the errors it maps, and its own rate-limit wait, counted per request.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { escapeMrkdwn, mrkdwnLink } from "../../src/chat/mrkdwn.js";
import { SlackChat } from "../../src/chat/slack-chat.js";
import { useNock } from "../github/octokit/setup.js";

const SLACK = "https://slack.com";

function createChat() {
  const requests: string[] = [];
  const rateLimits: string[] = [];
  const chat = new SlackChat({
    token: "xoxb-test",
    onRequest: (method) => requests.push(method),
    onRateLimit: (why) => rateLimits.push(why),
    retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 1 },
  });
  return { chat, requests, rateLimits };
}

/** Slack's client posts urlencoded forms: blocks travel as a JSON string. */
function formOf(body: unknown): Record<string, string> {
  return typeof body === "string"
    ? Object.fromEntries(new URLSearchParams(body))
    : (body as Record<string, string>);
}

useNock();

describe("chat.postMessage", () => {
  it("posts text and Block Kit blocks, and answers the channel id and ts", async () => {
    const { chat, requests } = createChat();
    const forms: Record<string, string>[] = [];
    let auth: string | undefined;
    nock(SLACK)
      .post("/api/chat.postMessage", (body) => {
        forms.push(formOf(body));
        return true;
      })
      .reply(function () {
        auth = String(this.req.headers.authorization);
        return [200, { ok: true, channel: "C024BE91L", ts: "1710000000.000100", message: {} }];
      });
    const posted = await chat.postMessage("#squad-offline-sync", {
      text: "Offline sync entered Design",
      blocks: [
        { type: "header", text: "Offline sync" },
        { type: "section", text: "*Design* has started" },
        { type: "context", texts: ["lead: amara"] },
        { type: "divider" },
      ],
    });
    expect(posted).toEqual({ channel: "C024BE91L", ts: "1710000000.000100" });
    expect(auth).toBe("Bearer xoxb-test");
    expect(forms[0]).toMatchObject({
      channel: "#squad-offline-sync",
      text: "Offline sync entered Design",
      link_names: "false",
    });
    expect(JSON.parse(forms[0]?.blocks ?? "[]")).toEqual([
      { type: "header", text: { type: "plain_text", text: "Offline sync", emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: "*Design* has started" } },
      { type: "context", elements: [{ type: "mrkdwn", text: "lead: amara" }] },
      { type: "divider" },
    ]);
    expect(requests).toEqual(["chat.postMessage"]);
  });

  it("maps Slack's error codes to what the caller can do", async () => {
    const { chat } = createChat();
    nock(SLACK).post("/api/chat.postMessage").reply(200, { ok: false, error: "channel_not_found" });
    await expect(chat.postMessage("#gone", { text: "x" })).rejects.toMatchObject({
      name: "ChatError",
      kind: "not-found",
      message: "chat.postMessage: Slack answered `channel_not_found`",
    });
    nock(SLACK).post("/api/chat.postMessage").reply(200, { ok: false, error: "not_in_channel" });
    await expect(chat.postMessage("#private", { text: "x" })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });

  it("lets the client wait out a 429 and retry, counting both requests", async () => {
    const { chat, requests, rateLimits } = createChat();
    nock(SLACK)
      .post("/api/chat.postMessage")
      .reply(429, "", { "retry-after": "0" })
      .post("/api/chat.postMessage")
      .reply(200, { ok: true, channel: "C1", ts: "1.2" });
    expect(await chat.postMessage("C1", { text: "x" })).toEqual({ channel: "C1", ts: "1.2" });
    expect(requests).toEqual(["chat.postMessage", "chat.postMessage"]);
    expect(rateLimits).toEqual(["Slack asks to wait 0s; the client waits, then retries"]);
  });

  it("calls a Slack that does not answer an outage", async () => {
    const { chat } = createChat();
    nock(SLACK).post("/api/chat.postMessage").times(3).reply(503, "unavailable");
    await expect(chat.postMessage("C1", { text: "x" })).rejects.toMatchObject({ kind: "server" });
  });
});

describe("chat.update", () => {
  it("edits the message in place by channel and ts", async () => {
    const { chat, requests } = createChat();
    const forms: Record<string, string>[] = [];
    nock(SLACK)
      .post("/api/chat.update", (body) => {
        forms.push(formOf(body));
        return true;
      })
      .reply(200, { ok: true, channel: "C1", ts: "1.2", text: "y" });
    await chat.updateMessage({ channel: "C1", ts: "1.2" }, { text: "Offline sync entered Build" });
    expect(forms[0]).toMatchObject({
      channel: "C1",
      ts: "1.2",
      text: "Offline sync entered Build",
    });
    expect(requests).toEqual(["chat.update"]);
  });

  it("reports a message it may not edit", async () => {
    const { chat } = createChat();
    nock(SLACK).post("/api/chat.update").reply(200, { ok: false, error: "cant_update_message" });
    await expect(
      chat.updateMessage({ channel: "C1", ts: "1.2" }, { text: "y" }),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});

describe("mrkdwn", () => {
  it("escapes what Slack would read as mentions and links", () => {
    expect(escapeMrkdwn("<!channel> & <@U1> <https://x|y>")).toBe(
      "&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt;",
    );
  });

  it("keeps a link's label inside the link", () => {
    expect(mrkdwnLink("https://github.com/a/b/issues/1", "a|<!here>")).toBe(
      "<https://github.com/a/b/issues/1|a¦&lt;!here&gt;>",
    );
  });
});
