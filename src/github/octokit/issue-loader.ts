/** Reads an issue or pull request snapshot: one query, plus one more per further hundred comments. */
import type { LoadIssueOptions } from "../port.js";
import type {
  CommentSnapshot,
  IssueRef,
  IssueSnapshot,
  LabelRef,
  ProjectFieldValue,
  ProjectItemSnapshot,
} from "../types.js";
import { type Client, send, unlessNotFound } from "./client.js";
import { asGraphqlFailure } from "./errors.js";
import type { ActorNode, CommentConnection, CommentNode } from "./graphql/comment-fields.js";
import { ISSUE_COMMENTS_QUERY, type IssueCommentsResponse } from "./graphql/issue-comments.js";
import { type LoadIssueResponse, labelAlias, loadIssueQuery } from "./graphql/load-issue.js";
import {
  LOAD_PULL_REQUEST_QUERY,
  type LoadPullRequestResponse,
  type PullRequestNode,
} from "./graphql/load-pull-request.js";
import {
  fieldAlias,
  type ProjectItemNode,
  type ProjectValueNode,
} from "./graphql/project-items.js";
import type { LabelNode, ThreadNode } from "./graphql/thread-fields.js";

const KIND = "loadIssue";

/** What a deleted account shows as, on github.com and in REST. */
const GHOST = "ghost";

/** GraphQL drops the `[bot]` suffix REST uses; REST's form is what everything else compares. */
function login(actor: ActorNode | null): string {
  if (!actor) return GHOST;
  return actor.__typename === "Bot" ? `${actor.login}[bot]` : actor.login;
}

function toComment(node: CommentNode): CommentSnapshot {
  return {
    id: node.id,
    databaseId: Number(node.fullDatabaseId ?? 0),
    author: login(node.author),
    // With an installation token the viewer is this app's bot, so this is "written by us".
    byThisApp: node.viewerDidAuthor,
    body: node.body,
    createdAt: node.createdAt,
  };
}

const present = <T>(nodes: (T | null)[] | null | undefined): T[] =>
  (nodes ?? []).filter((node): node is T => node !== null);

function requestedLabels(repository: Record<string, unknown>, count: number): LabelRef[] {
  const found = new Map<string, LabelRef>();
  for (let index = 0; index < count; index++) {
    const label = repository[labelAlias(index)] as LabelNode | null | undefined;
    if (label) found.set(label.id, { id: label.id, name: label.name });
  }
  return [...found.values()];
}

function toFieldValue(node: ProjectValueNode | null | undefined): ProjectFieldValue | null {
  if (node?.__typename === "ProjectV2ItemFieldSingleSelectValue" && node.optionId) {
    return { type: "singleSelect", optionId: node.optionId, name: node.name ?? "" };
  }
  if (node?.__typename === "ProjectV2ItemFieldDateValue" && node.date) {
    return { type: "date", date: node.date };
  }
  return null;
}

function toProjectItem(node: ProjectItemNode, fieldNames: string[]): ProjectItemSnapshot {
  const fields: ProjectItemSnapshot["fields"] = {};
  fieldNames.forEach((name, index) => {
    fields[name] = toFieldValue(node[fieldAlias(index)] as ProjectValueNode | null | undefined);
  });
  const { project } = node;
  return {
    id: node.id,
    project: { id: project.id, number: project.number, org: project.owner.login ?? "" },
    archived: node.isArchived,
    fields,
  };
}

async function remainingComments(
  client: Client,
  issueId: string,
  first: CommentConnection,
  kind = KIND,
): Promise<CommentNode[]> {
  const nodes: CommentNode[] = [];
  let { pageInfo } = first;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const after = pageInfo.endCursor;
    const response = await send(client, kind, (octokit) =>
      octokit.graphql<IssueCommentsResponse>(ISSUE_COMMENTS_QUERY, { id: issueId, after }),
    );
    const page = response.node?.comments;
    if (!page) break;
    nodes.push(...present(page.nodes));
    pageInfo = page.pageInfo;
  }
  return nodes;
}

/** An issue or pull request in the snapshot's shape, with its comments past the first hundred. */
async function toSnapshot(
  client: Client,
  ref: IssueRef,
  repositoryId: string,
  node: ThreadNode<string>,
  repoLabels: LabelRef[],
  kind = KIND,
): Promise<IssueSnapshot> {
  const comments = [
    ...present(node.comments.nodes),
    ...(await remainingComments(client, node.id, node.comments, kind)),
  ];
  return {
    id: node.id,
    ref: { owner: ref.owner, repo: ref.repo, number: node.number },
    repositoryId,
    title: node.title,
    body: node.body,
    state: node.state === "OPEN" ? "open" : "closed",
    author: login(node.author),
    createdAt: node.createdAt,
    url: node.url,
    labels: present(node.labels?.nodes).map(({ id, name }) => ({ id, name })),
    repoLabels,
    comments: comments.map(toComment),
    thumbsUp: node.reactions.totalCount,
  };
}

export async function loadIssue(
  client: Client,
  ref: IssueRef,
  { labelNames, projectFields }: LoadIssueOptions,
): Promise<IssueSnapshot | null> {
  const variables: Record<string, string | number> = {
    owner: ref.owner,
    name: ref.repo,
    number: ref.number,
  };
  labelNames.forEach((name, index) => {
    variables[labelAlias(index)] = name;
  });
  projectFields?.forEach((name, index) => {
    variables[fieldAlias(index)] = name;
  });
  // GitHub answers NOT_FOUND for a missing repository, a missing issue, and a pull request.
  const response = await unlessNotFound(
    send(client, KIND, async (octokit) => {
      try {
        return await octokit.graphql<LoadIssueResponse>(
          loadIssueQuery(labelNames.length, projectFields?.length),
          variables,
        );
      } catch (error) {
        // Without the Projects permission GitHub refuses only `projectItems`: the issue still
        // loads (with no items), so labels and card keep working and the board reports why.
        const partial = asGraphqlFailure(error);
        const data = partial?.data as LoadIssueResponse | undefined;
        const onlyItems = partial?.errors.every((e) => e.path?.includes("projectItems"));
        if (data?.repository?.issue && onlyItems) return data;
        throw error;
      }
    }),
    null,
  );
  const repository = response?.repository;
  const options = { labelNames, ...(projectFields ? { projectFields } : {}) };
  return repository ? issueSnapshotOf(client, ref, repository, options) : null;
}

/**
 * The issue a `loadIssueParts` selection answered inside `repository`, with its comments past
 * the first hundred (one request per further hundred); null when there is no such issue.
 */
export async function issueSnapshotOf(
  client: Client,
  ref: IssueRef,
  repository: NonNullable<LoadIssueResponse["repository"]>,
  { labelNames, projectFields }: LoadIssueOptions,
): Promise<IssueSnapshot | null> {
  const { issue } = repository;
  if (!issue) return null;
  const snapshot = await toSnapshot(
    client,
    ref,
    repository.id,
    issue,
    requestedLabels(repository, labelNames.length),
  );
  if (projectFields) {
    snapshot.projectItems = present(issue.projectItems?.nodes).map((node) =>
      toProjectItem(node, projectFields),
    );
  }
  return snapshot;
}

/** A pull request in the issue snapshot's shape; merged reads as closed, no repository labels. */
export async function loadPullRequest(
  client: Client,
  ref: IssueRef,
): Promise<IssueSnapshot | null> {
  const kind = "loadPullRequest";
  const response = await unlessNotFound(
    send(client, kind, (octokit) =>
      octokit.graphql<LoadPullRequestResponse>(LOAD_PULL_REQUEST_QUERY, {
        owner: ref.owner,
        name: ref.repo,
        number: ref.number,
      }),
    ),
    null,
  );
  const repository = response?.repository;
  const pull = repository?.pullRequest;
  if (!repository || !pull) return null;
  return pullRequestSnapshotOf(client, ref, repository.id, pull);
}

/** A pull request a `pullRequest` selection answered, with its comments past the first hundred. */
export function pullRequestSnapshotOf(
  client: Client,
  ref: IssueRef,
  repositoryId: string,
  pull: PullRequestNode,
): Promise<IssueSnapshot> {
  return toSnapshot(client, ref, repositoryId, pull, [], "loadPullRequest");
}
