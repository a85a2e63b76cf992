/** A small organization's history for backfill tests, and the counts a full backfill yields. */
import type { ContributionCounts, ContributorStore } from "../../src/store/types.js";
import { comment, type FakeRepo, review } from "./fake-history.js";

export const day = (d: number) => new Date(Date.UTC(2026, 0, d));

/** Two repositories; small pages so that every list needs more than one request. */
export function acmeRepos(): FakeRepo[] {
  return [
    {
      name: "widgets",
      issues: [
        {
          id: "I_1",
          author: "alice",
          createdAt: day(1),
          updatedAt: day(4),
          comments: [
            comment("IC_1", "bob", day(2)),
            comment("IC_2", "alice", day(3)),
            comment("IC_3", "dependabot[bot]", day(3)),
            comment("IC_4", null, day(4)),
          ],
        },
        {
          id: "I_2",
          author: "bob",
          createdAt: day(5),
          updatedAt: day(8),
          comments: [
            comment("IC_5", "carol", day(6)),
            comment("IC_6", "dave", day(7)),
            comment("IC_7", "carol", day(8)),
          ],
        },
        { id: "I_3", author: "carol", createdAt: day(20) },
      ],
      pulls: [
        {
          id: "PR_1",
          author: "alice",
          createdAt: day(4),
          updatedAt: day(6),
          mergedAt: day(6),
          reviews: [
            review("PRR_1", "bob", day(5)),
            review("PRR_2", "alice", day(5)),
            review("PRR_3", "carol", day(5)),
          ],
        },
        { id: "PR_2", author: "renovate[bot]", createdAt: day(9), mergedAt: day(9) },
        { id: "PR_3", author: "dave", createdAt: day(21), updatedAt: day(22) },
      ],
    },
    { name: "gadgets", issues: [{ id: "I_4", author: "erin", createdAt: day(8) }] },
  ];
}

export const counts = (c: Partial<ContributionCounts>): ContributionCounts => ({
  issuesOpened: 0,
  prsOpened: 0,
  prsMerged: 0,
  reviews: 0,
  comments: 0,
  ...c,
});

export const FULL: Record<string, ContributionCounts> = {
  alice: counts({ issuesOpened: 1, prsOpened: 1, prsMerged: 1, comments: 1 }),
  bob: counts({ issuesOpened: 1, reviews: 1, comments: 1 }),
  carol: counts({ issuesOpened: 1, reviews: 1, comments: 2 }),
  dave: counts({ prsOpened: 1, comments: 1 }),
  erin: counts({ issuesOpened: 1 }),
};

export async function countsOf(
  store: ContributorStore,
): Promise<Record<string, ContributionCounts>> {
  const all = await store.listContributors({ org: "acme" });
  return Object.fromEntries(all.map((c) => [c.login, c.counts]));
}
