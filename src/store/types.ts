/** The contributor store's domain types and its repository interface, free of SQL. */

/** What one person did once; the kinds the community journey counts. */
export const CONTRIBUTION_KINDS = [
  "issue-opened",
  "pr-opened",
  "pr-merged",
  "review",
  "comment",
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Welcomes the bot sends at most once per person and organization. */
export const WELCOME_KINDS = ["first-issue", "first-pr", "first-merge"] as const;
export type WelcomeKind = (typeof WELCOME_KINDS)[number];

/**
 * The community journey's stages, in order. The store keeps any stage name a feature sets; these
 * are the defaults, and a new contributor starts at the first.
 */
export const COMMUNITY_STAGES = [
  "initial-interaction",
  "onboarding",
  "engagement",
  "sustained-engagement",
  "thriving",
] as const;
export type CommunityStage = (typeof COMMUNITY_STAGES)[number];
export const FIRST_STAGE: CommunityStage = "initial-interaction";

export interface ContributionEvent {
  org: string;
  repo: string;
  login: string;
  kind: ContributionKind;
  /**
   * GitHub's node id of the issue, pull request, review or comment. With `kind` it identifies the
   * event, so a redelivered webhook or a rerun backfill never counts it twice (a pull request is
   * both `pr-opened` and `pr-merged` under one node id).
   */
  githubId: string;
  at: Date;
  /** Where it happened, shown as a contributor's first interaction. */
  url?: string;
}

export interface ContributionCounts {
  issuesOpened: number;
  prsOpened: number;
  prsMerged: number;
  reviews: number;
  comments: number;
}

export interface Contributor {
  org: string;
  /** As GitHub last spelled it; lookups ignore case, as GitHub does. */
  login: string;
  firstInteractionAt: Date | null;
  firstInteractionUrl: string | null;
  firstInteractionRepo: string | null;
  lastContributionAt: Date | null;
  counts: ContributionCounts;
  stage: string;
  stageChangedAt: Date;
  /** The person asked the bot to stop mentioning them. */
  quiet: boolean;
  preferences: Record<string, unknown>;
}

export interface RecordResult {
  /** False when this event was already stored: nothing changed. */
  inserted: boolean;
  /** The contributor's totals after this call. */
  counts: ContributionCounts;
}

export interface ContributorQuery {
  org: string;
  stage?: string;
  /** Only contributors whose first interaction is at or after this instant. */
  since?: Date;
}

/** One contributor's activity in a period, for digests. */
export interface ContributorActivity {
  login: string;
  counts: ContributionCounts;
  stage: string;
  quiet: boolean;
  firstInteractionAt: Date | null;
  /** The first interaction falls within the period. */
  isNew: boolean;
}

export interface StageChange {
  from: string | null;
  to: string;
  at: Date;
  reason: string | null;
}

export interface SetStageOptions {
  at?: Date;
  /** Why, in a maintainer's words or a rule's name; kept in the history. */
  reason?: string;
}

/** A dashboard snapshot as the store keeps it: opaque JSON, validated by the dashboard. */
export interface StoredSnapshot {
  key: string;
  takenAt: Date;
  data: Record<string, unknown>;
}

/** Every method is idempotent: calling it again with the same arguments changes nothing more. */
export interface ContributorStore {
  recordContribution(event: ContributionEvent): Promise<RecordResult>;
  /** Many events in one transaction (all or none), results in order: for backfills. */
  recordContributions(events: ContributionEvent[]): Promise<RecordResult[]>;
  /**
   * True for the caller that claimed it, and again for the same `url` (the contribution being
   * welcomed): a delivery whose welcome failed to post can claim it again on redelivery. The
   * database settles races between different contributions.
   */
  claimWelcome(org: string, login: string, kind: WelcomeKind, url: string): Promise<boolean>;
  /**
   * True when the milestone was newly reached, and again for the same `url` (the contribution
   * that reached it), as `claimWelcome`. Without a url only the first call is true.
   */
  recordMilestone(
    org: string,
    login: string,
    milestone: string,
    at?: Date,
    url?: string,
  ): Promise<boolean>;
  /** True when the stage changed; the change is kept in the stage history. */
  setStage(org: string, login: string, stage: string, options?: SetStageOptions): Promise<boolean>;
  setQuiet(org: string, login: string, quiet: boolean): Promise<void>;
  /** Merges `patch` into the stored preferences (a null value removes a key); returns the result. */
  setPreferences(
    org: string,
    login: string,
    patch: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  getContributor(org: string, login: string): Promise<Contributor | null>;
  listContributors(query: ContributorQuery): Promise<Contributor[]>;
  stageHistory(org: string, login: string): Promise<StageChange[]>;
  /** One person's counts of events at or after `since` (zeros when none). */
  countsSince(org: string, login: string, since: Date): Promise<ContributionCounts>;
  /** Contributors with at least one event at or after `since`, most active first. */
  contributorsWithCountsSince(org: string, since: Date): Promise<ContributorActivity[]>;
  getCursor(org: string, source: string): Promise<string | null>;
  setCursor(org: string, source: string, cursor: string | null): Promise<void>;
  /** Forgets every backfill cursor of an organization, so the next backfill starts over. */
  clearCursors(org: string): Promise<number>;
  /** Replaces the dashboard snapshot kept under `key` (one row per dashboard, last write wins). */
  saveSnapshot(key: string, takenAt: Date, data: Record<string, unknown>): Promise<void>;
  /** The snapshot kept under `key`, or the newest of all when `key` is absent; null when none. */
  loadSnapshot(key?: string): Promise<StoredSnapshot | null>;
  /** Runs `select 1`: true when the database answers, false (never a rejection) when not. */
  healthCheck(): Promise<boolean>;
  close(): Promise<void>;
}
