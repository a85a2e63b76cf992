/**
 * The GitHub reads a backfill needs, as our own types. Production implements it over Octokit
 * (`github/octokit/history.ts`), tests over a fake. Rule: one method call is one GraphQL request.
 */

/** The quota as the request that just ran reports it. */
export interface RateLimit {
  remaining: number;
  resetAt: Date;
  /** Points this request cost. */
  cost: number;
}

/** null for a deleted account ("ghost"). */
export interface HistoryAuthor {
  login: string;
  isBot: boolean;
}

/** A connection nested in an item: its first page, and where to go on from. */
export interface Nested<T> {
  items: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** One page of a top-level list, with the rate limit after it. */
export interface HistoryPage<T> extends Nested<T> {
  rateLimit: RateLimit;
}

export interface HistoryRepository {
  name: string;
}

export interface HistoryComment {
  id: string;
  author: HistoryAuthor | null;
  createdAt: Date;
  url: string;
}

/** A submitted review; pending reviews are never listed. */
export interface HistoryReview {
  id: string;
  author: HistoryAuthor | null;
  submittedAt: Date | null;
  url: string;
}

export interface HistoryIssue {
  id: string;
  url: string;
  author: HistoryAuthor | null;
  createdAt: Date;
  updatedAt: Date;
  comments: Nested<HistoryComment>;
}

export interface HistoryPullRequest extends HistoryIssue {
  mergedAt: Date | null;
  reviews: Nested<HistoryReview>;
}

export interface ListOptions {
  after: string | null;
  /** Only items updated at or after this instant. */
  since?: Date;
}

export interface HistoryPort {
  /** Public repositories of the organization, by name, 100 per page. */
  listRepositories(org: string, after: string | null): Promise<HistoryPage<HistoryRepository>>;
  /** Issues (not pull requests), oldest first, 100 per page, each with its first 100 comments. */
  listIssues(org: string, repo: string, options: ListOptions): Promise<HistoryPage<HistoryIssue>>;
  /**
   * Pull requests, 100 per page, each with its first 100 comments and reviews: oldest first, or,
   * with `since`, most recently updated first, ending at the first one updated before it.
   */
  listPullRequests(
    org: string,
    repo: string,
    options: ListOptions,
  ): Promise<HistoryPage<HistoryPullRequest>>;
  /** The comments of an issue or pull request after `after`, 100 per page. */
  listComments(subjectId: string, after: string): Promise<HistoryPage<HistoryComment>>;
  /** The submitted reviews of a pull request after `after`, 100 per page. */
  listReviews(pullRequestId: string, after: string): Promise<HistoryPage<HistoryReview>>;
}
