/** Projects v2 reads: a board's fields by name, and the issue behind a project item. */
import type { IssueRef, ProjectField, ProjectSnapshot } from "../types.js";
import { type Client, send, unlessNotFound } from "./client.js";
import { FIND_ISSUE_QUERY, type FindIssueResponse } from "./graphql/find-issue.js";
import {
  type LoadProjectResponse,
  loadProjectQuery,
  type ProjectFieldNode,
  type ProjectNode,
  projectFieldAlias,
} from "./graphql/load-project.js";

function toField(node: ProjectFieldNode | null | undefined): ProjectField | null {
  if (!node?.id) return null;
  const { id, name } = node;
  if (node.__typename === "ProjectV2SingleSelectField") {
    return { type: "singleSelect", id, name, options: node.options ?? [] };
  }
  if (node.dataType === "DATE") return { type: "date", id, name };
  return { type: "other", id, name, dataType: node.dataType };
}

/** GitHub answers NOT_FOUND both for a missing organization and for a missing project number. */
export async function loadProject(
  client: Client,
  org: string,
  number: number,
  fieldNames: string[],
): Promise<ProjectSnapshot | null> {
  const variables: Record<string, string | number> = { org, number };
  fieldNames.forEach((name, index) => {
    variables[projectFieldAlias(index)] = name;
  });
  const response = await unlessNotFound(
    send(client, "loadProject", (octokit) =>
      octokit.graphql<LoadProjectResponse>(loadProjectQuery(fieldNames.length), variables),
    ),
    null,
  );
  const project = response?.organization?.projectV2;
  return project ? projectSnapshotOf(project, fieldNames, projectFieldAlias) : null;
}

/** A board read with `projectParts(fieldNames.length, alias)`, in the port's shape. */
export function projectSnapshotOf(
  project: ProjectNode,
  fieldNames: string[],
  alias: (index: number) => string,
): ProjectSnapshot {
  const fields: ProjectSnapshot["fields"] = {};
  fieldNames.forEach((name, index) => {
    fields[name] = toField(project[alias(index)] as ProjectFieldNode | null);
  });
  return { id: project.id, title: project.title, canUpdate: project.viewerCanUpdate, fields };
}

export async function findIssueByNodeId(client: Client, nodeId: string): Promise<IssueRef | null> {
  const response = await unlessNotFound(
    send(client, "findIssueByNodeId", (octokit) =>
      octokit.graphql<FindIssueResponse>(FIND_ISSUE_QUERY, { id: nodeId }),
    ),
    null,
  );
  const node = response?.node;
  if (node?.__typename !== "Issue" || !node.repository || node.number === undefined) return null;
  return { owner: node.repository.owner.login, repo: node.repository.name, number: node.number };
}
