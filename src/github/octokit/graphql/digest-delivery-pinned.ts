/**
 * The issue digests are commented on, with its 50 most recent comments: issue `$number` when
 * configured, else the repository's pinned issues (at most three) to pick the labelled one.
 */
import { COMMENT_POST_FIELDS, type CommentPostNode } from "./digest-delivery-post-fields.js";

export const DIGEST_PINNED_QUERY = `query SquadBotDigestPinned(
  $owner: String!
  $name: String!
  $number: Int!
  $byNumber: Boolean!
) {
  repository(owner: $owner, name: $name) {
    issue(number: $number) @include(if: $byNumber) { ...DigestPinnedIssue }
    pinnedIssues(first: 3) @skip(if: $byNumber) {
      nodes { issue { ...DigestPinnedIssue } }
    }
  }
}

fragment DigestPinnedIssue on Issue {
  id
  number
  url
  labels(first: 30) { nodes { name } }
  comments(last: 50) { nodes { ${COMMENT_POST_FIELDS} } }
}`;

export interface PinnedIssueNode {
  id: string;
  number: number;
  url: string;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
  comments: { nodes: (CommentPostNode | null)[] | null };
}

export interface DigestPinnedResponse {
  repository: {
    issue?: PinnedIssueNode | null;
    pinnedIssues?: { nodes: ({ issue: PinnedIssueNode } | null)[] | null };
  } | null;
}
