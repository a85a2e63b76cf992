/** People are named by a link to their page, never a mention; an app's page is under /apps. */
import { describe, expect, it } from "vitest";
import { personLink } from "../../src/core/markdown.js";

describe("personLink", () => {
  it("links a person to their profile", () => {
    expect(personLink("uma-user")).toBe("[uma-user](https://github.com/uma-user)");
  });

  it("links an app to its app page, not to a user account of the same name", () => {
    expect(personLink("squad-bot[bot]")).toBe(
      "[squad-bot\\[bot\\]](https://github.com/apps/squad-bot)",
    );
  });

  it("keeps only what a login may hold", () => {
    expect(personLink("evil](https://x)")).toBe("[evilhttpsx](https://github.com/evilhttpsx)");
  });
});
