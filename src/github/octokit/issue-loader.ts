/** Reads an issue snapshot: one query, plus one more per further hundred comments. */
import type { LoadIssueOptions } from "../port.js";
import type { CommentSnapshot, IssueRef, IssueSnapshot, LabelRef } from "../types.js";
import { type Client, send, unlessNotFound } from "./client.js";
import type { ActorNode, CommentConnection, CommentNode } from "./graphql/comment-fields.js";
import { ISSUE_COMMENTS_QUERY, type IssueCommentsResponse } from "./graphql/issue-comments.js";
import {
  type LabelNode,
  type LoadIssueResponse,
  labelAlias,
  loadIssueQuery,
} from "./graphql/load-issue.js";

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

async function remainingComments(
  client: Client,
  issueId: string,
  first: CommentConnection,
): Promise<CommentNode[]> {
  const nodes: CommentNode[] = [];
  let { pageInfo } = first;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const after = pageInfo.endCursor;
    const response = await send(client, KIND, (octokit) =>
      octokit.graphql<IssueCommentsResponse>(ISSUE_COMMENTS_QUERY, { id: issueId, after }),
    );
    const page = response.node?.comments;
    if (!page) break;
    nodes.push(...present(page.nodes));
    pageInfo = page.pageInfo;
  }
  return nodes;
}

export async function loadIssue(
  client: Client,
  ref: IssueRef,
  { labelNames }: LoadIssueOptions,
): Promise<IssueSnapshot | null> {
  const variables: Record<string, string | number> = {
    owner: ref.owner,
    name: ref.repo,
    number: ref.number,
  };
  labelNames.forEach((name, index) => {
    variables[labelAlias(index)] = name;
  });
  // GitHub answers NOT_FOUND for a missing repository, a missing issue, and a pull request.
  const response = await unlessNotFound(
    send(client, KIND, (octokit) =>
      octokit.graphql<LoadIssueResponse>(loadIssueQuery(labelNames.length), variables),
    ),
    null,
  );
  const repository = response?.repository;
  const issue = repository?.issue;
  if (!repository || !issue) return null;
  const comments = [
    ...present(issue.comments.nodes),
    ...(await remainingComments(client, issue.id, issue.comments)),
  ];
  return {
    id: issue.id,
    ref: { owner: ref.owner, repo: ref.repo, number: issue.number },
    repositoryId: repository.id,
    title: issue.title,
    body: issue.body,
    state: issue.state === "OPEN" ? "open" : "closed",
    author: login(issue.author),
    createdAt: issue.createdAt,
    url: issue.url,
    labels: present(issue.labels?.nodes).map(({ id, name }) => ({ id, name })),
    repoLabels: requestedLabels(repository, labelNames.length),
    comments: comments.map(toComment),
    thumbsUp: issue.reactions.totalCount,
  };
}
