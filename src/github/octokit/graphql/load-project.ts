/** Reads an organization's Projects v2 board and the fields squad-bot writes, by name. */

/** Alias and variable name of the n-th requested field. */
export const projectFieldAlias = (index: number): string => `f${index}`;

/** Names travel as variables; the text depends only on how many fields were asked for. */
export function loadProjectQuery(fieldCount: number): string {
  const aliases = Array.from({ length: fieldCount }, (_, index) => projectFieldAlias(index));
  const variables = aliases.map((alias) => `, $${alias}: String!`).join("");
  const fields = aliases.map(
    (alias) => `
      ${alias}: field(name: $${alias}) {
        __typename
        ... on ProjectV2FieldCommon { id name dataType }
        ... on ProjectV2SingleSelectField { options { id name } }
      }`,
  );
  return `query SquadBotLoadProject($org: String!, $number: Int!${variables}) {
  organization(login: $org) {
    projectV2(number: $number) {
      id
      title
      viewerCanUpdate${fields.join("")}
    }
  }
}`;
}

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
    projectV2:
      | ({ id: string; title: string; viewerCanUpdate: boolean } & Record<string, unknown>)
      | null;
  } | null;
}
