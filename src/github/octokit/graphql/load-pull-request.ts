/** The query that reads a pull request as the executor needs it: ids, state, labels, comments. */
import { COMMENT_FIELDS } from "./comment-fields.js";
import { THREAD_FIELDS, type ThreadNode } from "./thread-fields.js";

export const LOAD_PULL_REQUEST_QUERY = `query SquadBotLoadPullRequest($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    id
    pullRequest(number: $number) {
      ${THREAD_FIELDS}
    }
  }
}
${COMMENT_FIELDS}`;

export type PullRequestNode = ThreadNode<"OPEN" | "CLOSED" | "MERGED">;

export interface LoadPullRequestResponse {
  repository: { id: string; pullRequest: PullRequestNode | null } | null;
}
