/** A page of a repository's issues with their first comments: one request, about one point. */
import {
  type ConnectionData,
  HISTORY_AUTHOR,
  HISTORY_COMMENT_FIELDS,
  type IssueData,
  RATE_LIMIT_FIELDS,
  type RateLimitData,
} from "./history-fields.js";

// Oldest first keeps the cursor stable while new issues arrive; `since` filters on updatedAt.
export const HISTORY_ISSUES_QUERY = `query SquadBotHistoryIssues($owner: String!, $repo: String!, $after: String, $since: DateTime) {
  ${RATE_LIMIT_FIELDS}
  repository(owner: $owner, name: $repo) {
    issues(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: ASC }, filterBy: { since: $since }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        url
        createdAt
        updatedAt
        ${HISTORY_AUTHOR}
        comments(first: 100) {
          pageInfo { hasNextPage endCursor }
          nodes { ...HistoryCommentFields }
        }
      }
    }
  }
}
${HISTORY_COMMENT_FIELDS}`;

export interface HistoryIssuesResponse {
  rateLimit: RateLimitData;
  repository: { issues: ConnectionData<IssueData> } | null;
}
