/** The one query that reads everything a reconcile needs about an issue. */
import { COMMENT_FIELDS } from "./comment-fields.js";
import { type ProjectItemConnection, projectItemsQueryParts } from "./project-items.js";
import { THREAD_FIELDS, type ThreadNode } from "./thread-fields.js";

/** Alias and variable name of the n-th requested repository label. */
export const labelAlias = (index: number): string => `l${index}`;

/**
 * Label lookups are aliased fields whose names arrive as variables, so the document's text
 * depends only on how many labels were asked for, never on what they are called. Project items
 * are read only when `projectFieldCount` is given, so repositories without a roadmap pay nothing.
 */
export function loadIssueQuery(labelCount: number, projectFieldCount?: number): string {
  const parts = loadIssueParts(labelCount, projectFieldCount);
  return `query SquadBotLoadIssue($owner: String!, $name: String!${parts.variables}) {
  repository(owner: $owner, name: $name) {
    id${parts.selection}
  }
}
${parts.fragments}`;
}

/**
 * The issue's part of a `repository` selection, its variables (after `$owner` and `$name`) and
 * its fragments: the read-ahead (`read-ahead.ts`) carries the same part next to the config file.
 */
export function loadIssueParts(
  labelCount: number,
  projectFieldCount?: number,
): { variables: string; selection: string; fragments: string } {
  const indexes = Array.from({ length: labelCount }, (_, index) => labelAlias(index));
  const projects =
    projectFieldCount === undefined ? undefined : projectItemsQueryParts(projectFieldCount);
  const variables =
    indexes.map((alias) => `, $${alias}: String!`).join("") + (projects?.variables ?? "");
  const lookups = indexes.map((alias) => `\n    ${alias}: label(name: $${alias}) { id name }`);
  return {
    variables: `, $number: Int!${variables}`,
    selection: `
    issue(number: $number) {
      ${THREAD_FIELDS}${projects?.selection ?? ""}
    }${lookups.join("")}`,
    fragments: `${COMMENT_FIELDS}${projects?.fragments ?? ""}`,
  };
}

export interface IssueNode extends ThreadNode<"OPEN" | "CLOSED"> {
  /** Present only when project fields were requested. */
  projectItems?: ProjectItemConnection | null;
}

export interface LoadIssueResponse {
  /** Besides `id` and `issue`, holds one `l<n>` key per requested label (null when missing). */
  repository: ({ id: string; issue: IssueNode | null } & Record<string, unknown>) | null;
}
