/** /quiet and /unquiet: the pure decision, the store write, and a reply that mentions nobody. */
import { describe, expect, it } from "vitest";
import {
  applyQuiet,
  handleQuietCommand,
  QUIET_SPECS,
  quietLogins,
} from "../../src/features/community/quiet.js";
import { templates } from "../support/templates.js";
import { MemoryCommunityStore } from "./memory-store.js";

const who = { login: "ana", org: "medic" };

describe("applyQuiet", () => {
  it.each([
    [false, "quiet", true, true, /no longer mention/],
    [true, "quiet", true, false, /already does not mention/],
    [true, "unquiet", false, true, /may mention .* again/],
    [false, "unquiet", false, false, /may already mention/],
  ] as const)("from %s, /%s gives quiet %s (changed %s)", (current, command, quiet, changed, reply) => {
    const outcome = applyQuiet(current, command, who, templates);
    expect(outcome).toMatchObject({ quiet, changed });
    expect(outcome.reply).toMatch(reply);
    expect(outcome.reply).not.toMatch(/@ana/);
    expect(outcome.reply).toContain("[ana](https://github.com/ana)");
  });
});

describe("handleQuietCommand", () => {
  it("stores the choice and answers once per comment", async () => {
    const store = new MemoryCommunityStore();
    const input = {
      ...who,
      command: "quiet" as const,
      commentNodeId: "IC_1",
      commentDatabaseId: 11,
      templates,
    };
    const actions = await handleQuietCommand(store, input);
    expect((await store.getContributor("medic", "ana"))?.quiet).toBe(true);
    expect(actions).toEqual([
      { type: "react", commentId: "IC_1", content: "THUMBS_UP" },
      { type: "comment", key: "quiet:11:quiet", body: expect.stringMatching(/no longer/) },
    ]);
    await handleQuietCommand(store, { ...input, command: "unquiet", commentDatabaseId: 12 });
    expect((await store.getContributor("medic", "ana"))?.quiet).toBe(false);
  });

  it("lists an organization's quiet people, lower-cased", async () => {
    const store = new MemoryCommunityStore();
    store.seed("medic", "Ana", { quiet: true });
    store.seed("medic", "bo", { quiet: false });
    store.seed("other", "cy", { quiet: true });
    expect(await quietLogins(store, "medic")).toEqual(new Set(["ana"]));
  });

  it("describes both commands for the command registry", () => {
    expect(QUIET_SPECS.map((s) => [s.name, s.usage, s.role])).toEqual([
      ["quiet", "/quiet", "anyone"],
      ["unquiet", "/unquiet", "anyone"],
    ]);
  });
});
