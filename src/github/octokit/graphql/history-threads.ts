/** Follow-up pages for an issue or pull request with more than 100 comments or reviews. */
import {
  type CommentData,
  type ConnectionData,
  HISTORY_COMMENT_FIELDS,
  HISTORY_REVIEW_FIELDS,
  RATE_LIMIT_FIELDS,
  type RateLimitData,
  REVIEW_STATES,
  type ReviewData,
} from "./history-fields.js";

const COMMENT_PAGE = `comments(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { ...HistoryCommentFields }
    }`;

export const HISTORY_COMMENTS_QUERY = `query SquadBotHistoryComments($id: ID!, $after: String!) {
  ${RATE_LIMIT_FIELDS}
  node(id: $id) {
    ... on Issue { ${COMMENT_PAGE} }
    ... on PullRequest { ${COMMENT_PAGE} }
  }
}
${HISTORY_COMMENT_FIELDS}`;

export const HISTORY_REVIEWS_QUERY = `query SquadBotHistoryReviews($id: ID!, $after: String!) {
  ${RATE_LIMIT_FIELDS}
  node(id: $id) {
    ... on PullRequest {
      reviews(first: 100, after: $after, ${REVIEW_STATES}) {
        pageInfo { hasNextPage endCursor }
        nodes { ...HistoryReviewFields }
      }
    }
  }
}
${HISTORY_REVIEW_FIELDS}`;

export interface HistoryCommentsResponse {
  rateLimit: RateLimitData;
  node: { comments?: ConnectionData<CommentData> } | null;
}

export interface HistoryReviewsResponse {
  rateLimit: RateLimitData;
  node: { reviews?: ConnectionData<ReviewData> } | null;
}
