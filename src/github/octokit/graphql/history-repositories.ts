/** The organization's public repositories, by name, 100 per page. */
import { type ConnectionData, RATE_LIMIT_FIELDS, type RateLimitData } from "./history-fields.js";

export const HISTORY_REPOSITORIES_QUERY = `query SquadBotHistoryRepositories($org: String!, $after: String) {
  ${RATE_LIMIT_FIELDS}
  organization(login: $org) {
    repositories(first: 100, after: $after, privacy: PUBLIC, orderBy: { field: NAME, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { name }
    }
  }
}`;

export interface HistoryRepositoriesResponse {
  rateLimit: RateLimitData;
  organization: { repositories: ConnectionData<{ name: string }> } | null;
}
