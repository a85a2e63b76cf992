/** What the start-up log says about the forum and chat bridges, decided from the environment alone. */
import { describe, expect, it } from "vitest";
import { bridgeStartupLines } from "../../src/bridge/startup.js";
import { chatEnv } from "../../src/chat/env.js";
import { forumEnv, isKeyedForum } from "../../src/forum/env.js";

const FORUM = {
  DISCOURSE_URL: "https://forum.example.org/",
  DISCOURSE_API_KEY: "k",
  DISCOURSE_API_USERNAME: "squad-bot",
  DISCOURSE_WEBHOOK_SECRET: "s",
};

describe("bridgeStartupLines", () => {
  it.each([
    [
      "nothing set",
      {},
      [
        "info forum bridge off: set DISCOURSE_URL, DISCOURSE_API_KEY and DISCOURSE_API_USERNAME to turn it on (README: Forum and chat)",
        "info chat bridge off: set SLACK_BOT_TOKEN to turn it on (README: Forum and chat)",
      ],
    ],
    [
      "everything set",
      { ...FORUM, SLACK_BOT_TOKEN: "xoxb-1" },
      [
        "info forum bridge on: https://forum.example.org as squad-bot; webhooks at /forum/webhooks",
        "info chat bridge on: Slack",
      ],
    ],
    [
      "the key without its user",
      { DISCOURSE_URL: "https://f.org", DISCOURSE_API_KEY: "k", DISCOURSE_API_USERNAME: " " },
      ["warn forum bridge off: DISCOURSE_API_USERNAME is not set"],
    ],
    [
      "only the key",
      { DISCOURSE_API_KEY: "k" },
      ["warn forum bridge off: DISCOURSE_URL and DISCOURSE_API_USERNAME are not set"],
    ],
    [
      "a URL that is not one",
      { ...FORUM, DISCOURSE_URL: "forum.example.org" },
      ["warn forum bridge off: DISCOURSE_URL is not an http(s) address"],
    ],
    [
      "no webhook secret",
      { ...FORUM, DISCOURSE_WEBHOOK_SECRET: "" },
      [
        "warn forum bridge on: https://forum.example.org as squad-bot; DISCOURSE_WEBHOOK_SECRET is not set, so /forum/webhooks refuses every delivery",
      ],
    ],
    [
      "a user token for Slack",
      { SLACK_BOT_TOKEN: "xoxp-1" },
      ["warn chat bridge on: Slack, but SLACK_BOT_TOKEN is not a bot token (xoxb-…)"],
    ],
  ])("with %s", (_, env, expected) => {
    const lines = bridgeStartupLines(env).map((line) => `${line.level} ${line.text}`);
    for (const line of expected) expect(lines).toContain(line);
    expect(lines).toHaveLength(2);
  });
});

describe("credentials", () => {
  it("reads the forum's credentials and normalises its address", () => {
    expect(forumEnv(FORUM)).toEqual({
      ok: true,
      forum: {
        url: "https://forum.example.org",
        credentials: { apiKey: "k", apiUsername: "squad-bot" },
        webhookSecret: "s",
      },
    });
    expect(chatEnv({ SLACK_BOT_TOKEN: " xoxb-1 " })).toEqual({
      ok: true,
      token: "xoxb-1",
      botToken: true,
    });
  });

  it("sends the key only to the forum it belongs to, whatever a repository's config names", () => {
    const result = forumEnv(FORUM);
    if (!result.ok) throw new Error("expected credentials");
    expect(isKeyedForum("https://forum.example.org", result.forum)).toBe(true);
    expect(isKeyedForum("https://FORUM.example.org/", result.forum)).toBe(true);
    expect(isKeyedForum("https://forum.example.org.evil.test", result.forum)).toBe(false);
    expect(isKeyedForum("http://forum.example.org", result.forum)).toBe(false);
  });
});
