/** The query that reads a pull request as the executor needs it: ids, state, labels, comments. */
import type { ActorNode, CommentConnection } from "./comment-fields.js";
import { COMMENT_FIELDS } from "./comment-fields.js";

export const LOAD_PULL_REQUEST_QUERY = `query SquadBotLoadPullRequest($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    id
    pullRequest(number: $number) {
      id
      number
      title
      body
      state
      createdAt
      url
      author { __typename login }
      labels(first: 100) { nodes { id name } }
      reactions(content: THUMBS_UP) { totalCount }
      comments(first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes { ...CommentFields }
      }
    }
  }
}
${COMMENT_FIELDS}`;

export interface PullRequestNode {
  id: string;
  number: number;
  title: string;
  body: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  createdAt: string;
  url: string;
  author: ActorNode | null;
  labels: { nodes: ({ id: string; name: string } | null)[] | null } | null;
  reactions: { totalCount: number };
  comments: CommentConnection;
}

export interface LoadPullRequestResponse {
  repository: { id: string; pullRequest: PullRequestNode | null } | null;
}
