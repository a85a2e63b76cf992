/** The `forum` and `chat` config sections: strict like the rest, with defaults and did-you-mean. */
import { describe, expect, it } from "vitest";
import { type ConfigProblem, loadConfig } from "../../src/config/load.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";
import { FakeConfigPort, OWN, REPO } from "./fake-port.js";

async function problemsOf(text: string): Promise<ConfigProblem[]> {
  const result = await loadConfig(new FakeConfigPort({ [OWN]: text }), REPO, templates);
  if (result.ok !== false) throw new Error(`expected problems, got ${JSON.stringify(result)}`);
  return result.problems;
}

describe("forum config", () => {
  it("takes categories by id or slug and defaults intake to link", () => {
    const config = presetConfig({
      forum: {
        url: "https://forum.communityhealthtoolkit.org",
        categories: { squads: "squads", featureRequests: 12, digests: "community-digests" },
      },
    });
    expect(config.forum).toEqual({
      url: "https://forum.communityhealthtoolkit.org",
      categories: { squads: "squads", featureRequests: 12, digests: "community-digests" },
      intake: "link",
    });
  });

  it("is off when absent", () => {
    expect(presetConfig().forum).toBeUndefined();
    expect(presetConfig().chat).toBeUndefined();
  });

  it("suggests the key a typo meant", async () => {
    const text = "forum:\n  url: https://forum.example.org\n  categoris:\n    squads: squads\n";
    expect(await problemsOf(text)).toEqual([
      {
        path: "forum.categoris",
        message: "unknown key `categoris` — did you mean `categories`?",
        source: OWN,
      },
    ]);
    const nested =
      "forum:\n  url: https://forum.example.org\n  categories:\n    featureRequest: 3\n";
    expect((await problemsOf(nested))[0]?.message).toBe(
      "unknown key `featureRequest` — did you mean `featureRequests`?",
    );
  });

  it.each([
    ["a URL that is not one", "forum:\n  url: forum.example.org\n", "forum.url"],
    [
      "a category that is neither id nor slug",
      "forum:\n  url: https://f.org\n  categories:\n    squads: Squads & more\n",
      "forum.categories.squads",
    ],
    ["an unknown intake mode", "forum:\n  url: https://f.org\n  intake: topic\n", "forum.intake"],
    [
      "issue intake without a category to take topics from",
      "forum:\n  url: https://f.org\n  intake: issue\n",
      "forum.intake",
    ],
  ])("refuses %s", async (_, text, path) => {
    expect((await problemsOf(text)).map((p) => p.path)).toContain(path);
  });
});

describe("chat config", () => {
  it("takes channels by name or id", () => {
    const config = presetConfig({
      chat: { channels: { digests: "#cht-squads", announcements: "C0123ABCD" } },
    });
    expect(config.chat?.channels).toEqual({ digests: "#cht-squads", announcements: "C0123ABCD" });
  });

  it("refuses a channel without # and suggests keys", async () => {
    expect((await problemsOf("chat:\n  channels:\n    digests: squads\n"))[0]?.path).toBe(
      "chat.channels.digests",
    );
    expect((await problemsOf("chat:\n  channel:\n    digests: '#a'\n"))[0]?.message).toBe(
      "unknown key `channel` — did you mean `channels`?",
    );
  });
});
