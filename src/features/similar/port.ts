/**
 * The port through which intake finds candidate issues on GitHub. Separate from `GitHubPort` so
 * that the search and its own rate limit stay out of the per-issue reconcile.
 * Rule: one call is exactly one HTTP request.
 */
import type { CorpusIssue } from "./rank.js";

export interface SimilarCandidate extends CorpusIssue {
  /** `owner/repo` the issue lives in. */
  repo: string;
  /** GitHub's `state_reason` of a closed issue: `completed`, `not_planned`, `duplicate`. */
  stateReason?: string | null | undefined;
  /** ISO time of the last change: candidate vectors are cached by it. */
  updatedAt?: string;
}

export interface SimilarSearchPort {
  /** Issues (never pull requests) of `repos` matching any of `terms`, best match first, at most `limit`. */
  searchIssues(repos: string[], terms: string[], limit: number): Promise<SimilarCandidate[]>;
}
