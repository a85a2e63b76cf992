/** The real store's shape fits CommunityStore; `countsSince` narrows the org-wide activity to one person. */
import { describe, expect, it } from "vitest";
import { communityStoreOf, ZERO_COUNTS } from "../../src/features/community/store.js";
import type { ContributorStore } from "../../src/store/types.js";

describe("communityStoreOf", () => {
  it("reads one person's windowed counts, ignoring case", async () => {
    const asked: [string, Date][] = [];
    const real = {
      async contributorsWithCountsSince(org: string, since: Date) {
        asked.push([org, since]);
        return [
          {
            login: "Bo",
            counts: { ...ZERO_COUNTS, comments: 2 },
            stage: "onboarding",
            quiet: false,
            firstInteractionAt: null,
            isNew: false,
          },
          {
            login: "Ana",
            counts: { ...ZERO_COUNTS, reviews: 4 },
            stage: "engagement",
            quiet: false,
            firstInteractionAt: null,
            isNew: false,
          },
        ];
      },
    } as Partial<ContributorStore> as ContributorStore;
    const store = communityStoreOf(real);
    const since = new Date("2026-01-01T00:00:00Z");
    expect(await store.countsSince("medic", "ana", since)).toEqual({ ...ZERO_COUNTS, reviews: 4 });
    expect(await store.countsSince("medic", "cy", since)).toEqual(ZERO_COUNTS);
    expect(asked).toEqual([
      ["medic", since],
      ["medic", since],
    ]);
  });
});
