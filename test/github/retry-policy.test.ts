import { describe, expect, it } from "vitest";
import { rateLimitRetry } from "../../src/github/retry-policy.js";

describe("rate-limit retries", () => {
  it.each([
    ["secondary", 30, 0, true],
    ["secondary", 30, 2, true],
    ["secondary", 30, 3, false],
    ["secondary", 600, 0, false],
    ["primary", 20, 0, true],
    ["primary", 20, 1, false],
    ["primary", 3000, 0, false],
  ] as const)("%s limit, wait %ss, %s retries so far → retry %s", (kind, wait, count, expected) => {
    expect(rateLimitRetry(kind, wait, count).retry).toBe(expected);
  });
});

describe("squad-bot's Octokit", () => {
  it("retries a secondary rate limit three times, then gives up", async () => {
    const { default: nock } = await import("nock");
    const { SquadBotOctokit } = await import("../../src/github/squad-bot-octokit.js");
    nock.disableNetConnect();
    const limited = {
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    };
    const scope = nock("https://api.github.com")
      .get("/repos/medic/cht-core")
      .times(4)
      .reply(403, limited, { "retry-after": "1", "x-ratelimit-remaining": "4000" });
    const octokit = new SquadBotOctokit({ auth: { token: "test" }, retry: { enabled: false } });
    await expect(octokit.rest.repos.get({ owner: "medic", repo: "cht-core" })).rejects.toThrow(
      /secondary rate limit/,
    );
    expect(scope.isDone()).toBe(true);
    nock.cleanAll();
    nock.enableNetConnect();
  });
});
