/** Copies of the state for callers: the port's snapshots and the tests' read-only views. */
import type {
  CheckRunReport,
  IssueSnapshot,
  IssueState,
  IssueSummary,
  ReactionContent,
} from "../../src/github/types.js";
import type { Comment, Issue, Reaction, Repo, StateReason } from "./model.js";
import type { Store } from "./store.js";

export interface LabelView {
  id: string;
  name: string;
  color: string;
  description: string;
}

export interface CommentView {
  id: string;
  databaseId: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  reactions: { user: string; content: ReactionContent }[];
}

export interface IssueView {
  id: string;
  number: number;
  title: string;
  body: string;
  state: IssueState;
  stateReason: StateReason;
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** The original's node id, when the issue was closed as a duplicate naming it. */
  duplicateOf: string | null;
  /** Label names in the order they were applied. */
  labels: string[];
  comments: CommentView[];
  reactions: { user: string; content: ReactionContent }[];
  thumbsUp: number;
}

export interface CheckRunView extends CheckRunReport {
  id: number;
  createdAt: string;
}

function thumbsUp(reactions: Reaction[]): number {
  return reactions.filter((r) => r.content === "THUMBS_UP").length;
}

export function labelNames(repo: Repo, issue: Issue): string[] {
  return issue.labelIds.flatMap((id) => repo.labels.find((l) => l.id === id)?.name ?? []);
}

export function commentView(comment: Comment): CommentView {
  return structuredClone(comment);
}

export function issueView(repo: Repo, issue: Issue): IssueView {
  return {
    id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    stateReason: issue.stateReason,
    author: issue.author,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    duplicateOf: issue.duplicateOf ?? null,
    labels: labelNames(repo, issue),
    comments: issue.comments.map(commentView),
    reactions: structuredClone(issue.reactions),
    thumbsUp: thumbsUp(issue.reactions),
  };
}

export function issueSummary(issue: Issue): IssueSummary {
  const { id, number, title, body, state, author } = issue;
  return { id, number, title, body, state, author };
}

/** What `loadIssue` answers: `repoLabels` only for requested names that exist, in request order. */
export function issueSnapshot(
  store: Store,
  repo: Repo,
  issue: Issue,
  labelNamesWanted: string[],
): IssueSnapshot {
  const repoLabels = new Map<string, { id: string; name: string }>();
  for (const wanted of labelNamesWanted) {
    const label = store.labelByName(repo, wanted);
    if (label) repoLabels.set(label.id, { id: label.id, name: label.name });
  }
  return {
    id: issue.id,
    ref: { owner: repo.owner, repo: repo.name, number: issue.number },
    repositoryId: repo.id,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    author: issue.author,
    createdAt: issue.createdAt,
    url: `https://github.com/${repo.owner}/${repo.name}/issues/${issue.number}`,
    labels: issue.labelIds.flatMap((id) => {
      const label = repo.labels.find((l) => l.id === id);
      return label ? [{ id: label.id, name: label.name }] : [];
    }),
    repoLabels: [...repoLabels.values()],
    comments: issue.comments.map((c) => ({
      id: c.id,
      databaseId: c.databaseId,
      author: c.author,
      byThisApp: store.isApp(c.author),
      body: c.body,
      createdAt: c.createdAt,
    })),
    thumbsUp: thumbsUp(issue.reactions),
  };
}
