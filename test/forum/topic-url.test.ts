/** Forum topic addresses as people paste them and as Discourse redirects to them. */
import { describe, expect, it } from "vitest";
import { topicOfPath, topicOfUrl } from "../../src/forum/topic-url.js";

describe("topicOfPath", () => {
  it.each([
    ["https://forum.example.org/t/squad-digest/77.json", 77, "squad-digest"],
    ["/t/squad-digest/77", 77, "squad-digest"],
    ["/community/t/a-b/77/3.json?page=2", 77, "a-b"],
    ["/t/77.json", 77, null],
  ])("%s → topic %s", (path, topicId, slug) => {
    expect(topicOfPath(path)).toEqual({ topicId, slug });
  });

  it.each([["/latest"], ["/t/"], ["/c/squads/7"], [null]])("%s → null", (path) => {
    expect(topicOfPath(path)).toBeNull();
  });
});

describe("topicOfUrl", () => {
  const FORUM = "https://forum.communityhealthtoolkit.org";

  it.each([
    [`${FORUM}/t/offline-sync/4242`, 4242],
    [`${FORUM}/t/offline-sync/4242/7`, 4242],
    [`  ${FORUM}/t/4242  `, 4242],
    [`${FORUM}/t/offline-sync/4242?u=amara#reply`, 4242],
  ])("reads %s", (url, topicId) => {
    expect(topicOfUrl(FORUM, url)?.topicId).toBe(topicId);
  });

  it("follows a forum installed in a subfolder", () => {
    expect(topicOfUrl("https://example.org/forum/", "https://example.org/forum/t/x/9")).toEqual({
      topicId: 9,
      slug: "x",
    });
    expect(topicOfUrl("https://example.org/forum", "https://example.org/t/x/9")).toBeNull();
  });

  it.each([
    ["another site", "https://forum.example.org.evil.test/t/x/1"],
    ["another scheme", "http://forum.communityhealthtoolkit.org/t/x/1"],
    ["a category page", `${FORUM}/c/squads/7`],
    ["not a URL", "offline sync"],
    ["a GitHub issue", "https://github.com/medic/cht-core/issues/1"],
  ])("refuses %s", (_, url) => {
    expect(topicOfUrl(FORUM, url)).toBeNull();
  });
});
