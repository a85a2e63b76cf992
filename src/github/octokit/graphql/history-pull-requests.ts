/** A page of a repository's pull requests with their first comments and reviews: about two points. */
import {
  type ConnectionData,
  HISTORY_AUTHOR,
  HISTORY_COMMENT_FIELDS,
  HISTORY_REVIEW_FIELDS,
  type PullRequestData,
  RATE_LIMIT_FIELDS,
  type RateLimitData,
  REVIEW_STATES,
} from "./history-fields.js";

// Pull requests have no `since` filter: a --since run reads most recently updated first instead.
export const HISTORY_PULL_REQUESTS_QUERY = `query SquadBotHistoryPullRequests($owner: String!, $repo: String!, $after: String, $order: IssueOrderField!, $direction: OrderDirection!) {
  ${RATE_LIMIT_FIELDS}
  repository(owner: $owner, name: $repo) {
    pullRequests(first: 100, after: $after, orderBy: { field: $order, direction: $direction }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        url
        createdAt
        updatedAt
        mergedAt
        ${HISTORY_AUTHOR}
        comments(first: 100) {
          pageInfo { hasNextPage endCursor }
          nodes { ...HistoryCommentFields }
        }
        reviews(first: 100, ${REVIEW_STATES}) {
          pageInfo { hasNextPage endCursor }
          nodes { ...HistoryReviewFields }
        }
      }
    }
  }
}
${HISTORY_COMMENT_FIELDS}
${HISTORY_REVIEW_FIELDS}`;

export interface HistoryPullRequestsResponse {
  rateLimit: RateLimitData;
  repository: { pullRequests: ConnectionData<PullRequestData> } | null;
}
