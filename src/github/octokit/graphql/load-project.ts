/** Reads an organization's Projects v2 board and the fields squad-bot writes, by name. */

/** Alias and variable name of the n-th requested field. */
export const projectFieldAlias = (index: number): string => `f${index}`;

/** Names travel as variables; the text depends only on how many fields were asked for. */
export function loadProjectQuery(fieldCount: number): string {
  const parts = projectParts(fieldCount, projectFieldAlias);
  return `query SquadBotLoadProject($org: String!, $number: Int!${parts.variables}) {
  organization(login: $org) {
    projectV2(number: $number) {${parts.selection}
    }
  }
}`;
}

/**
 * The board's selection inside `projectV2` and its field variables, with `alias` naming each
 * field and its variable: the read-ahead carries the board under other names than the issue's.
 */
export function projectParts(
  fieldCount: number,
  alias: (index: number) => string,
): { variables: string; selection: string } {
  const aliases = Array.from({ length: fieldCount }, (_, index) => alias(index));
  const fields = aliases.map(
    (name) => `
      ${name}: field(name: $${name}) {
        __typename
        ... on ProjectV2FieldCommon { id name dataType }
        ... on ProjectV2SingleSelectField { options { id name } }
      }`,
  );
  return {
    variables: aliases.map((name) => `, $${name}: String!`).join(""),
    selection: `
      id
      title
      viewerCanUpdate${fields.join("")}`,
  };
}

/** A board as `projectV2` answers it: besides `id` and `title`, one key per requested field. */
export type ProjectNode = { id: string; title: string; viewerCanUpdate: boolean } & Record<
  string,
  unknown
>;

export interface ProjectFieldNode {
  __typename: string;
  id: string;
  name: string;
  dataType: string;
  options?: { id: string; name: string }[];
}

export interface LoadProjectResponse {
  organization: {
    /** Besides `id` and `title`, one `f<n>` key per requested field (null when missing). */
    projectV2: ProjectNode | null;
  } | null;
}
