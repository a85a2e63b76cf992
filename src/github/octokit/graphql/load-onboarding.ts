/**
 * Where onboarding stands in a repository, in one request (about 1 point): the issues with the
 * onboarding label (the app's own is found among them by `viewerDidAuthor`; filtering by creator
 * is unreliable for app logins on some GitHub editions), a few issues with a phase label and
 * their first comments (a card of this app there means it ran before onboarding existed), and
 * the repository's labels (which labels onboarding would create).
 */
export const LOAD_ONBOARDING_QUERY = `query SquadBotLoadOnboarding(
  $owner: String!
  $name: String!
  $label: String!
  $cardLabels: [String!]!
  $cardComments: Int!
) {
  repository(owner: $owner, name: $name) {
    id${onboardingSelection()}
  }
}`;

/** The onboarding read's part of a `repository` selection, shared with the read-ahead. */
export function onboardingSelection(): string {
  return `
    labels(first: 100) { nodes { name } }
    onboarding: issues(first: 20, labels: [$label], orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes { id number title body state createdAt viewerDidAuthor author { login } }
    }
    tracked: issues(first: 20, labels: $cardLabels, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes { number comments(first: $cardComments) { nodes { body viewerDidAuthor } } }
    }`;
}

/** The variables `onboardingSelection` uses, declared after `$owner` and `$name`. */
export const ONBOARDING_VARIABLES =
  ", $label: String!, $cardLabels: [String!]!, $cardComments: Int!";

interface OnboardingIssueNode {
  id: string;
  number: number;
  title: string;
  body: string;
  state: "OPEN" | "CLOSED";
  createdAt: string;
  viewerDidAuthor: boolean;
  author: { login: string } | null;
}

export interface LoadOnboardingResponse {
  repository: OnboardingRepositoryNode | null;
}

/** What `onboardingSelection` answers, with the repository's id. */
export interface OnboardingRepositoryNode {
  id: string;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
  onboarding: { nodes: (OnboardingIssueNode | null)[] | null };
  tracked: {
    nodes:
      | ({
          number: number;
          comments: { nodes: ({ body: string; viewerDidAuthor: boolean } | null)[] | null };
        } | null)[]
      | null;
  };
}
