/** The inbox's settings from the environment. */
import { describe, expect, it } from "vitest";
import { inboxSettingsFromEnv } from "../../src/inbox/settings.js";

describe("inboxSettingsFromEnv", () => {
  it("leaves the poll interval to the inbox unless SQUAD_BOT_INBOX_POLL_MS sets it", () => {
    expect(inboxSettingsFromEnv({}).pollMs).toBeUndefined();
    expect(inboxSettingsFromEnv({ SQUAD_BOT_INBOX_POLL_MS: "250" }).pollMs).toBe(250);
    expect(inboxSettingsFromEnv({ SQUAD_BOT_INBOX_POLL_MS: "1" }).pollMs).toBe(10);
    expect(() => inboxSettingsFromEnv({ SQUAD_BOT_INBOX_POLL_MS: "soon" })).toThrow(
      'SQUAD_BOT_INBOX_POLL_MS must be a number of at least 0, not "soon"',
    );
  });
});
