/**
 * The part of the contributor store the community journey needs. Shapes match `src/store`'s
 * `ContributorStore` so the real store fits with a one-method adapter (`communityStoreOf`).
 */
import type { ContributorStore } from "../../store/types.js";
import type { ContributionKind } from "./config.js";

export interface ContributionEvent {
  org: string;
  repo: string;
  login: string;
  kind: ContributionKind;
  /** Node id of the issue, pull request, review or comment: with `kind`, the dedup key. */
  githubId: string;
  at: Date;
  url?: string;
}

export interface ContributionCounts {
  issuesOpened: number;
  prsOpened: number;
  prsMerged: number;
  reviews: number;
  comments: number;
}

export interface RecordResult {
  /** False when the event was already stored (a redelivery): nothing else should happen. */
  inserted: boolean;
  /** The person's all-time totals after this call. */
  counts: ContributionCounts;
}

export type WelcomeKind = "first-issue" | "first-pr" | "first-merge";

export interface CommunityContributor {
  login: string;
  counts: ContributionCounts;
  stage: string;
  quiet: boolean;
  lastContributionAt: Date | null;
}

export interface CommunityStore {
  recordContribution(event: ContributionEvent): Promise<RecordResult>;
  /** True for exactly one caller per (org, login, kind), however many race. */
  claimWelcome(org: string, login: string, kind: WelcomeKind, url: string): Promise<boolean>;
  /** True for exactly one caller per (org, login, milestone). */
  recordMilestone(org: string, login: string, milestone: string, at?: Date): Promise<boolean>;
  /** True when the stage changed. */
  setStage(
    org: string,
    login: string,
    stage: string,
    options?: { at?: Date; reason?: string },
  ): Promise<boolean>;
  setQuiet(org: string, login: string, quiet: boolean): Promise<void>;
  getContributor(org: string, login: string): Promise<CommunityContributor | null>;
  listContributors(query: { org: string; stage?: string }): Promise<CommunityContributor[]>;
  /** One person's counts of events at or after `since`: the time windows of stage thresholds. */
  countsSince(org: string, login: string, since: Date): Promise<ContributionCounts>;
}

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
    recordMilestone: (org, login, milestone, at) =>
      store.recordMilestone(org, login, milestone, at),
    setStage: (org, login, stage, options) => store.setStage(org, login, stage, options),
    setQuiet: (org, login, quiet) => store.setQuiet(org, login, quiet),
    getContributor: (org, login) => store.getContributor(org, login),
    listContributors: (query) => store.listContributors(query),
    async countsSince(org, login, since) {
      const all = await store.contributorsWithCountsSince(org, since);
      const mine = all.find((a) => a.login.toLowerCase() === login.toLowerCase());
      return mine?.counts ?? { ...ZERO_COUNTS };
    },
  };
}
