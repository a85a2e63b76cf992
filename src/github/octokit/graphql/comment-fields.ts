/** The issue-comment selection shared by the first comment page and every later one. */

/**
 * `fullDatabaseId` rather than `databaseId`: comment ids passed 2^31 in 2024, and the Int
 * `databaseId` cannot hold them.
 */
export const COMMENT_FIELDS = `
fragment CommentFields on IssueComment {
  id
  fullDatabaseId
  body
  createdAt
  viewerDidAuthor
  author { __typename login }
}`;

export interface ActorNode {
  __typename: string;
  login: string;
}

export interface CommentNode {
  id: string;
  /** BigInt scalars arrive as strings. */
  fullDatabaseId: string | null;
  body: string;
  createdAt: string;
  viewerDidAuthor: boolean;
  /** Null for deleted accounts. */
  author: ActorNode | null;
}

export interface CommentConnection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (CommentNode | null)[] | null;
}
