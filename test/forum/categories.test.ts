/** Categories by id or slug, and an unknown one reported with the likely slug. */
import { describe, expect, it } from "vitest";
import { code } from "../../src/config/problems.js";
import { categoryFor } from "../../src/forum/categories.js";
import type { ForumCategory } from "../../src/forum/port.js";
import { templates } from "../support/templates.js";

const CATEGORIES: ForumCategory[] = [
  { id: 7, slug: "squads", name: "Squads", parentId: null },
  { id: 12, slug: "feature-requests", name: "Feature requests", parentId: 3 },
];
const config = (categories: object) => ({
  url: "https://f.org",
  intake: "link" as const,
  categories,
});

describe("categoryFor", () => {
  it("finds a category by slug or by id", () => {
    expect(categoryFor(config({ squads: "squads" }), "squads", CATEGORIES)).toMatchObject({
      ok: true,
      category: { id: 7 },
    });
    expect(
      categoryFor(config({ featureRequests: 12 }), "featureRequests", CATEGORIES),
    ).toMatchObject({ ok: true, category: { slug: "feature-requests" } });
  });

  it("says nothing is configured, without a problem", () => {
    expect(categoryFor(config({}), "digests", CATEGORIES)).toEqual({ ok: false, unknown: null });
  });

  it("reports an unknown slug with the likely one, and an unknown id", () => {
    expect(
      categoryFor(config({ featureRequests: "feature-request" }), "featureRequests", CATEGORIES),
    ).toEqual({
      ok: false,
      unknown: { use: "featureRequests", ref: "feature-request", suggestion: "feature-requests" },
    });
    expect(categoryFor(config({ digests: 99 }), "digests", CATEGORIES)).toEqual({
      ok: false,
      unknown: { use: "digests", ref: 99, suggestion: null },
    });
  });
});

describe("the problem's words", () => {
  it("are phrases in messages.forum.yml", () => {
    expect(
      templates.message("forum.problem.unknownCategory", {
        use: "featureRequests",
        ref: code("feature-request"),
        suggestion: code("feature-requests"),
      }),
    ).toBe(
      "`forum.categories.featureRequests` is `feature-request`, which is not a category of the forum (did you mean `feature-requests`?).",
    );
    expect(
      templates.message("forum.problem.otherForum", {
        url: code("https://a.org"),
        keyed: code("https://b.org"),
      }),
    ).toContain("key is for `https://b.org`");
  });
});
