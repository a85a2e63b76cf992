/**
 * The cold path's one read: the repository's config file and the owner's fallback (aliased in
 * one document), with whatever the event's reconcile will read next: the issue, the roadmap
 * board's ids and where onboarding stands.
 */
import { COMMENT_FIELDS } from "./comment-fields.js";
import type { IssueNode } from "./load-issue.js";
import { loadIssueParts } from "./load-issue.js";
import {
  ONBOARDING_VARIABLES,
  type OnboardingRepositoryNode,
  onboardingSelection,
} from "./load-onboarding.js";
import { type ProjectNode, projectParts } from "./load-project.js";
import type { PullRequestNode } from "./load-pull-request.js";
import { THREAD_FIELDS } from "./thread-fields.js";

/** Alias and variable name of the n-th board field: the issue's item values use `f<n>`. */
export const boardFieldAlias = (index: number): string => `b${index}`;

/** What the document holds besides the own config file; names travel as variables. */
export interface ReadAheadShape {
  /** The owner's `.github` repository's file too (not when the repository is `.github`). */
  orgFallback: boolean;
  issue?: { labelCount: number; projectFieldCount?: number | undefined };
  /** The pull request `$number` instead of an issue. */
  pullRequest?: boolean;
  boardFieldCount?: number;
  onboarding: boolean;
}

const BLOB = "{ ... on Blob { text isTruncated } }";

/** The pull request's part, shaped as `loadIssueParts`'s. */
function pullRequestParts(): { variables: string; selection: string; fragments: string } {
  return {
    variables: ", $number: Int!",
    selection: `
    pullRequest(number: $number) {
      ${THREAD_FIELDS}
    }`,
    fragments: COMMENT_FIELDS,
  };
}

export function readAheadQuery(shape: ReadAheadShape): string {
  const issue = shape.issue
    ? loadIssueParts(shape.issue.labelCount, shape.issue.projectFieldCount)
    : shape.pullRequest
      ? pullRequestParts()
      : undefined;
  const board =
    shape.boardFieldCount === undefined
      ? undefined
      : projectParts(shape.boardFieldCount, boardFieldAlias);
  const variables = [
    "$owner: String!, $name: String!, $config: String!",
    issue?.variables ?? "",
    board ? `, $boardOrg: String!, $boardNumber: Int!${board.variables}` : "",
    shape.onboarding ? ONBOARDING_VARIABLES : "",
  ].join("");
  const fallback = shape.orgFallback
    ? `
  orgConfig: repository(owner: $owner, name: ".github") {
    config: object(expression: $config) ${BLOB}
  }`
    : "";
  const boardPart = board
    ? `
  board: organization(login: $boardOrg) {
    projectV2(number: $boardNumber) {${board.selection}
    }
  }`
    : "";
  return `query SquadBotReadAhead(${variables}) {
  repository(owner: $owner, name: $name) {
    id
    config: object(expression: $config) ${BLOB}${issue?.selection ?? ""}${shape.onboarding ? onboardingSelection() : ""}
  }${fallback}${boardPart}
}
${issue?.fragments ?? ""}`;
}

/** A file's blob; null when the path is missing (or names a tree). */
export type ConfigBlobNode = { text?: string | null; isTruncated?: boolean } | null;

export interface ReadAheadResponse {
  /** Issue and onboarding keys are present only when asked for. */
  repository:
    | ({
        id: string;
        config: ConfigBlobNode;
        issue?: IssueNode | null;
        pullRequest?: PullRequestNode | null;
      } & Partial<Omit<OnboardingRepositoryNode, "id">> &
        Record<string, unknown>)
    | null;
  orgConfig?: { config: ConfigBlobNode } | null;
  board?: { projectV2: ProjectNode | null } | null;
}
