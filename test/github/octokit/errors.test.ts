/** toGitHubError gives every Octokit failure the kind a caller can act on. */
import { describe, expect, it } from "vitest";
import { toGitHubError } from "../../../src/github/octokit/errors.js";
import { GitHubError } from "../../../src/github/port.js";

const http = (status: number, message = "failed", headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { name: "HttpError", status, response: { headers } });

describe("toGitHubError", () => {
  it.each([
    [http(404), "not-found"],
    [http(401), "forbidden"],
    [http(403, "Resource not accessible by integration"), "forbidden"],
    [http(403, "limit", { "x-ratelimit-remaining": "0" }), "rate-limited"],
    [
      http(403, "You have exceeded a secondary rate limit", { "retry-after": "60" }),
      "rate-limited",
    ],
    [http(429), "rate-limited"],
    [http(422), "validation"],
    [http(503), "server"],
    [http(409), "unknown"],
    [new TypeError("boom"), "unknown"],
  ])("maps %o to %s", (error, kind) => {
    const mapped = toGitHubError(error, "getFile");
    expect(mapped).toBeInstanceOf(GitHubError);
    expect(mapped.kind).toBe(kind);
    expect(mapped.message).toMatch(/^getFile failed/);
  });

  it("maps a GraphQL error response by its first error's type", () => {
    const error = Object.assign(new Error("x"), {
      name: "GraphqlResponseError",
      errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }],
    });
    expect(toGitHubError(error, "mutate")).toMatchObject({
      kind: "forbidden",
      message: "mutate failed: Resource not accessible by integration",
    });
  });

  it("passes a GitHubError through", () => {
    const original = new GitHubError("already typed", "server", 502);
    expect(toGitHubError(original, "mutate")).toBe(original);
  });
});
