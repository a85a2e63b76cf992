/** Slack channels as people name them. */
import { describe, expect, it } from "vitest";
import { channelOf } from "../../src/chat/channel.js";

describe("channelOf", () => {
  it.each([
    ["#squad-offline-sync", "#squad-offline-sync"],
    [" C0123ABCD ", "C0123ABCD"],
    ["https://medic.slack.com/archives/C0123ABCD", "C0123ABCD"],
  ])("reads %s", (text, channel) => {
    expect(channelOf(text)).toBe(channel);
  });

  it.each([
    ["squads"],
    ["#Squads"],
    ["<!channel>"],
    ["https://slack.com.evil.test/archives/C0123ABCD"],
    ["http://medic.slack.com/archives/C0123ABCD"],
    ["https://medic.slack.com/archives/C0123ABCD/p1710000000000100"],
  ])("refuses %s", (text) => {
    expect(channelOf(text)).toBeNull();
  });
});
