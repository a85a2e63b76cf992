/** The selection of an issue's project items and their field values, read inside loadIssue. */

/** Alias and variable name of the n-th requested project field. */
export const fieldAlias = (index: number): string => `f${index}`;

/** How many boards of one issue are read; an issue on more than 20 boards is not a roadmap item. */
const PROJECT_ITEMS = 20;

const PROJECT_VALUE = `
fragment ProjectValue on ProjectV2ItemFieldValue {
  __typename
  ... on ProjectV2ItemFieldSingleSelectValue { optionId name }
  ... on ProjectV2ItemFieldDateValue { date }
}`;

/**
 * Field names arrive as variables, like label names, so the text depends only on the count.
 * Archived items are included: an archived item is still on the board, and re-adding it would
 * only return the same item.
 */
export function projectItemsQueryParts(fieldCount: number): {
  variables: string;
  selection: string;
  fragments: string;
} {
  const aliases = Array.from({ length: fieldCount }, (_, index) => fieldAlias(index));
  const values = aliases.map(
    (alias) => `\n          ${alias}: fieldValueByName(name: $${alias}) { ...ProjectValue }`,
  );
  return {
    variables: aliases.map((alias) => `, $${alias}: String!`).join(""),
    selection: `
      projectItems(first: ${PROJECT_ITEMS}, includeArchived: true) {
        nodes {
          id
          isArchived
          project { id number owner { __typename ... on Organization { login } } }${values.join("")}
        }
      }`,
    fragments: fieldCount > 0 ? PROJECT_VALUE : "",
  };
}

export interface ProjectValueNode {
  __typename: string;
  optionId?: string | null;
  name?: string | null;
  date?: string | null;
}

export interface ProjectItemNode {
  id: string;
  isArchived: boolean;
  project: { id: string; number: number; owner: { __typename: string; login?: string } };
  /** Besides the above, one `f<n>` key per requested field. */
  [alias: string]: unknown;
}

export interface ProjectItemConnection {
  nodes: (ProjectItemNode | null)[] | null;
}
