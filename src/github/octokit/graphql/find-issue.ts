/** Which issue a node id names: project webhooks carry only the item's content node id. */

export const FIND_ISSUE_QUERY = `query SquadBotFindIssue($id: ID!) {
  node(id: $id) {
    __typename
    ... on Issue {
      number
      repository { name owner { login } }
    }
  }
}`;

export interface FindIssueResponse {
  node: {
    __typename: string;
    number?: number;
    repository?: { name: string; owner: { login: string } };
  } | null;
}
