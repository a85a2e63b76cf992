/**
 * The repair sweep's recent listing: open issues updated since an instant, labelled or not, with
 * their body (for the template-heading check) and the first few comments (for the card).
 *
 * Cost: one `issues` connection plus a `labels` and a `comments` connection per issue, so a page
 * of $pageSize issues asks for 1 + 2 × $pageSize nodes: 1 point for 50, the sweep's page size.
 * Only the app's own card is trusted, and the sweep runs on the app's installation token, so
 * `viewerDidAuthor` says who wrote a comment without reading its author. Oldest first by
 * creation, which a reconcile's own comment cannot reorder between pages.
 */
export const SWEEP_RECENT_ISSUES_QUERY = `query SquadBotSweepRecentIssues(
  $owner: String!
  $name: String!
  $since: DateTime!
  $after: String
  $pageSize: Int!
  $cardComments: Int!
) {
  rateLimit { cost remaining }
  repository(owner: $owner, name: $name) {
    issues(
      first: $pageSize
      after: $after
      states: [OPEN]
      filterBy: { since: $since }
      orderBy: { field: CREATED_AT, direction: ASC }
    ) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        title
        createdAt
        body
        labels(first: 20) { nodes { name } }
        comments(first: $cardComments) { nodes { body viewerDidAuthor } }
      }
    }
  }
}`;

export interface SweepRecentIssueNode {
  number: number;
  title: string;
  createdAt: string;
  body: string;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
  comments: { nodes: ({ body: string; viewerDidAuthor: boolean } | null)[] | null };
}

export interface SweepRecentIssuesResponse {
  rateLimit: { cost: number; remaining: number } | null;
  repository: {
    issues: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: (SweepRecentIssueNode | null)[] | null;
    };
  } | null;
}
