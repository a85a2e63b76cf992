/**
 * The part of the contributor store the community journey needs. The domain types are
 * `src/store`'s own (one source of truth); `CommunityStore` is the subset of `ContributorStore`
 * this feature calls, so the real store fits with a one-method adapter (`communityStoreOf`).
 */
import type {
  ContributionCounts,
  Contributor,
  ContributorQuery,
  ContributorStore,
} from "../../store/types.js";

export type {
  ContributionCounts,
  ContributionEvent,
  ContributionKind,
  RecordResult,
  WelcomeKind,
} from "../../store/types.js";

import { sameName } from "../../core/names.js";

/** What the journey reads of a contributor. */
export type CommunityContributor = Pick<
  Contributor,
  "login" | "counts" | "stage" | "quiet" | "lastContributionAt"
>;

export type CommunityStore = Pick<
  ContributorStore,
  | "recordContribution"
  | "claimWelcome"
  | "recordMilestone"
  | "setStage"
  | "setQuiet"
  | "countsSince"
> & {
  getContributor(org: string, login: string): Promise<CommunityContributor | null>;
  listContributors(query: Pick<ContributorQuery, "org" | "stage">): Promise<CommunityContributor[]>;
};

export const ZERO_COUNTS: ContributionCounts = {
  issuesOpened: 0,
  prsOpened: 0,
  prsMerged: 0,
  reviews: 0,
  comments: 0,
};

/**
 * The real store as a CommunityStore. `countsSince` goes through the org-wide activity query;
 * a per-person query (`contribution_events` has an (org, login, at) index) would be cheaper.
 */
export function communityStoreOf(store: ContributorStore): CommunityStore {
  return {
    recordContribution: (event) => store.recordContribution(event),
    claimWelcome: (org, login, kind, url) => store.claimWelcome(org, login, kind, url),
    recordMilestone: (org, login, milestone, at, url) =>
      store.recordMilestone(org, login, milestone, at, url),
    setStage: (org, login, stage, options) => store.setStage(org, login, stage, options),
    setQuiet: (org, login, quiet) => store.setQuiet(org, login, quiet),
    getContributor: (org, login) => store.getContributor(org, login),
    listContributors: (query) => store.listContributors(query),
    async countsSince(org, login, since) {
      const all = await store.contributorsWithCountsSince(org, since);
      const mine = all.find((a) => sameName(a.login, login));
      return mine?.counts ?? { ...ZERO_COUNTS };
    },
  };
}
