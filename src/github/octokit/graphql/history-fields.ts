/** Fragments and response shapes shared by the backfill's history queries. */

/** Every history query asks for this, so the backfill can pace itself. */
export const RATE_LIMIT_FIELDS = "rateLimit { remaining resetAt cost }";

export const HISTORY_AUTHOR = "author { __typename login }";

/** Only submitted reviews: a pending review is a draft only its author can see. */
export const REVIEW_STATES = "states: [APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED]";

export const HISTORY_COMMENT_FIELDS = `fragment HistoryCommentFields on IssueComment {
  id
  url
  createdAt
  ${HISTORY_AUTHOR}
}`;

export const HISTORY_REVIEW_FIELDS = `fragment HistoryReviewFields on PullRequestReview {
  id
  url
  submittedAt
  ${HISTORY_AUTHOR}
}`;

export interface RateLimitData {
  remaining: number;
  resetAt: string;
  cost: number;
}

export interface AuthorData {
  __typename: string;
  login: string;
}

export interface ConnectionData<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (T | null)[] | null;
}

export interface CommentData {
  id: string;
  url: string;
  createdAt: string;
  author: AuthorData | null;
}

export interface ReviewData {
  id: string;
  url: string;
  submittedAt: string | null;
  author: AuthorData | null;
}

export interface IssueData {
  id: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  author: AuthorData | null;
  comments: ConnectionData<CommentData>;
}

export interface PullRequestData extends IssueData {
  mergedAt: string | null;
  reviews: ConnectionData<ReviewData>;
}
