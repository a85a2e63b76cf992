/** Follow-up query for the comments after the first hundred of an issue. */
import type { CommentConnection } from "./comment-fields.js";
import { COMMENT_FIELDS } from "./comment-fields.js";

export const ISSUE_COMMENTS_QUERY = `query SquadBotIssueComments($id: ID!, $after: String!) {
  node(id: $id) {
    ... on Issue {
      comments(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ...CommentFields }
      }
    }
  }
}
${COMMENT_FIELDS}`;

export interface IssueCommentsResponse {
  node: { comments?: CommentConnection } | null;
}
