/** Follow-up query for the comments after the first hundred of an issue or a pull request. */
import type { CommentConnection } from "./comment-fields.js";
import { COMMENT_FIELDS } from "./comment-fields.js";

// Issue and PullRequest share no interface that has `comments`, so each gets the same selection.
const MORE = `comments(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ...CommentFields }
      }`;

export const ISSUE_COMMENTS_QUERY = `query SquadBotIssueComments($id: ID!, $after: String!) {
  node(id: $id) {
    ... on Issue {
      ${MORE}
    }
    ... on PullRequest {
      ${MORE}
    }
  }
}
${COMMENT_FIELDS}`;

export interface IssueCommentsResponse {
  node: { comments?: CommentConnection } | null;
}
