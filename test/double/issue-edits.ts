/** Changes to issues and their comments, shared by people (actors) and the app (mutations). */
import type { ReactionContent } from "../../src/github/types.js";
import type { Comment, Issue, Label, Reaction, Repo, StateReason } from "./model.js";
import type { Store } from "./store.js";

export type CloseStateReason = Exclude<StateReason, "reopened" | null>;

export function createIssue(
  store: Store,
  repo: Repo,
  author: string,
  fields: { title: string; body: string },
): Issue {
  const databaseId = store.nextId();
  const at = store.timestamp();
  repo.lastNumber += 1;
  const issue: Issue = {
    id: `I_${databaseId}`,
    databaseId,
    number: repo.lastNumber,
    title: fields.title,
    body: fields.body,
    state: "open",
    stateReason: null,
    author: store.account(author).login,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    labelIds: [],
    comments: [],
    reactions: [],
  };
  repo.issues.set(issue.number, issue);
  store.register({ kind: "issue", repo, issue });
  return issue;
}

/** False when the label was already there: adding it again changes nothing. */
export function addLabel(store: Store, issue: Issue, label: Label): boolean {
  if (issue.labelIds.includes(label.id)) return false;
  issue.labelIds.push(label.id);
  issue.updatedAt = store.timestamp();
  return true;
}

/** False when the label was not there: GitHub accepts removing it anyway. */
export function removeLabel(store: Store, issue: Issue, label: Label): boolean {
  if (!issue.labelIds.includes(label.id)) return false;
  issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
  issue.updatedAt = store.timestamp();
  return true;
}

export function addComment(
  store: Store,
  repo: Repo,
  issue: Issue,
  author: string,
  body: string,
): Comment {
  const databaseId = store.nextId();
  const at = store.timestamp();
  const comment: Comment = {
    id: `IC_${databaseId}`,
    databaseId,
    author: store.account(author).login,
    body,
    createdAt: at,
    updatedAt: at,
    reactions: [],
  };
  issue.comments.push(comment);
  issue.updatedAt = at;
  store.register({ kind: "comment", repo, issue, comment });
  return comment;
}

/** Returns the previous body, which edit webhooks report as `changes.body.from`. */
export function editComment(store: Store, comment: Comment, body: string): string {
  const previous = comment.body;
  comment.body = body;
  comment.updatedAt = store.timestamp();
  return previous;
}

export function deleteComment(store: Store, issue: Issue, comment: Comment): void {
  issue.comments = issue.comments.filter((c) => c.id !== comment.id);
  store.unregister(comment.id);
}

/** One reaction per person and content, as GitHub keeps them; false when already there. */
export function react(
  store: Store,
  target: { reactions: Reaction[] },
  user: string,
  content: ReactionContent,
): boolean {
  const login = store.account(user).login;
  if (target.reactions.some((r) => r.user === login && r.content === content)) return false;
  target.reactions.push({ user: login, content });
  return true;
}

/** False when already closed; the reason is still updated, as closing again does on GitHub. */
/** `duplicateOf`: the original's node id, kept only for a close as a duplicate. */
export function closeIssue(
  store: Store,
  issue: Issue,
  reason: CloseStateReason,
  duplicateOf?: string,
): boolean {
  const changed = issue.state !== "closed";
  issue.state = "closed";
  issue.stateReason = reason;
  if (reason === "duplicate" && duplicateOf) issue.duplicateOf = duplicateOf;
  else delete issue.duplicateOf;
  if (changed) issue.closedAt = store.timestamp();
  issue.updatedAt = store.timestamp();
  return changed;
}

export function reopenIssue(store: Store, issue: Issue): boolean {
  if (issue.state === "open") return false;
  issue.state = "open";
  issue.stateReason = "reopened";
  delete issue.duplicateOf;
  issue.closedAt = null;
  issue.updatedAt = store.timestamp();
  return true;
}

/** Returns the previous body, which edit webhooks report as `changes.body.from`. */
export function setIssueBody(store: Store, issue: Issue, body: string): string {
  const previous = issue.body;
  issue.body = body;
  issue.updatedAt = store.timestamp();
  return previous;
}
