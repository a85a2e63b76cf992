/**
 * The port the weekly digest reads through: pages of feature issues, carrying only the fields a
 * digest renders. Production reads GitHub's GraphQL API (`github/octokit/digest-source.ts`);
 * tests and the benchmark read the in-memory GitHub (`test/double/digest-source.ts`).
 */

import type { RepoRef } from "../../github/types.js";
import type { FeatureState } from "../squad/state.js";

/** One issue as a digest sees it. */
export interface DigestIssue {
  repo: RepoRef;
  number: number;
  title: string;
  url: string;
  state: "open" | "closed";
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  labels: string[];
  /** 👍 on the issue itself. */
  thumbsUp: number;
  /** The state in the app's card, or null when no readable card was found. */
  card: FeatureState | null;
}

export interface DigestQuery {
  /** An issue with any of these labels is read (phase labels and recognition labels). */
  labels: string[];
  /** Closed issues are read only when they changed at or after this instant (the period start). */
  closedSince: Date;
}

/** What reading cost, for logs and the benchmark. */
export interface DigestReadStats {
  /** HTTP requests: one per page of at most PAGE_SIZE issues. */
  requests: number;
  /** GraphQL rate-limit points spent, when the source knows them. */
  cost: number;
  /** Points left in the hour, when known. */
  remaining: number | null;
}

/** GitHub's maximum page size, and the unit requests are counted in. */
export const PAGE_SIZE = 100;

export interface DigestSource {
  /**
   * Open issues carrying any of `query.labels`, then closed ones that changed since
   * `query.closedSince`, a page (one request) at a time. Pages are streamed so a caller that
   * aggregates as it goes holds one page, never the whole repository.
   */
  issues(repo: RepoRef, query: DigestQuery): AsyncIterable<DigestIssue[]>;
  /** Totals so far, over every `issues` call on this source. */
  stats(): DigestReadStats;
}
