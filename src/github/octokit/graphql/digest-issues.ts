/**
 * The one query the weekly digest reads: a page of 100 issues carrying any of the given labels
 * (GraphQL's `labels` argument is an OR, unlike REST's), with only the fields a digest renders.
 *
 * Cost: GitHub charges one point per 100 connection requests, and this document asks for one
 * `issues` connection plus a `labels` and a `comments` connection per issue: 201 requests, so
 * about 2 points a page, 20 for 1,000 issues. The card is found among the first CARD_COMMENTS
 * comments: it is posted right after an issue is recognised, and GraphQL cannot filter comments
 * by author, so reading every comment (up to 100 per issue, bodies included) would cost the same
 * points but far more bytes for the same answer. A card posted later than that is missed and the
 * feature is shown by its phase label only; the digest says how many.
 */
export const DIGEST_ISSUES_QUERY = `query SquadBotDigestIssues(
  $owner: String!
  $name: String!
  $labels: [String!]
  $states: [IssueState!]
  $since: DateTime
  $after: String
  $cardComments: Int!
) {
  rateLimit { cost remaining }
  repository(owner: $owner, name: $name) {
    issues(
      first: 100
      after: $after
      labels: $labels
      states: $states
      filterBy: { since: $since }
      orderBy: { field: CREATED_AT, direction: ASC }
    ) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        title
        url
        state
        createdAt
        updatedAt
        closedAt
        labels(first: 30) { nodes { name } }
        reactions(content: THUMBS_UP) { totalCount }
        comments(first: $cardComments) {
          nodes { body viewerDidAuthor author { __typename login } }
        }
      }
    }
  }
}`;

export interface DigestIssueNode {
  number: number;
  title: string;
  url: string;
  state: "OPEN" | "CLOSED";
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
  reactions: { totalCount: number };
  comments: {
    nodes:
      | ({
          body: string;
          viewerDidAuthor: boolean;
          author: { __typename: string; login: string } | null;
        } | null)[]
      | null;
  };
}

export interface DigestIssuesResponse {
  rateLimit: { cost: number; remaining: number } | null;
  repository: {
    issues: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: (DigestIssueNode | null)[] | null;
    };
  } | null;
}
