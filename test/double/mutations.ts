/** One GraphQL mutation op applied as GitHub applies it, refusals and echoed webhooks included. */
import type { MutationOp, MutationResult } from "../../src/github/types.js";
import {
  addComment,
  addLabel,
  closeIssue,
  deleteComment,
  editComment,
  react,
  removeLabel,
  reopenIssue,
  setIssueBody,
} from "./issue-edits.js";
import type { Comment, Issue, Label, Reaction, Repo } from "./model.js";
import { addProjectItem, setProjectField } from "./projects.js";
import { OpRefused, unresolved } from "./refusal.js";
import type { Store } from "./store.js";
import type { AppEvent, Webhooks } from "./webhooks.js";

export interface MutationContext {
  store: Store;
  webhooks: Webhooks;
  /** Receives the webhook GitHub sends back for the app's own change. */
  emit: (event: AppEvent) => void;
}

export function applyOp(ctx: MutationContext, op: MutationOp): MutationResult {
  try {
    const id = run(ctx, op);
    return id === undefined ? { ok: true, op: op.op } : { ok: true, op: op.op, id };
  } catch (error) {
    if (error instanceof OpRefused) return { ok: false, op: op.op, error: error.message };
    throw error;
  }
}

function issueNode(store: Store, id: string): { repo: Repo; issue: Issue } {
  const node = store.node(id);
  if (node?.kind !== "issue") throw unresolved(id);
  return node;
}

function labelNodes(store: Store, repo: Repo, ids: string[]): Label[] {
  return ids.map((id) => {
    const node = store.node(id);
    if (node?.kind !== "label" || node.repo !== repo) throw unresolved(id);
    return node.label;
  });
}

/** The app may change only comments it wrote: stricter than GitHub, to catch trusting others. */
function ownComment(store: Store, id: string): { repo: Repo; issue: Issue; comment: Comment } {
  const node = store.node(id);
  if (node?.kind !== "comment") throw unresolved(id);
  if (!store.isApp(node.comment.author)) {
    throw new OpRefused(
      `Resource not accessible by integration (comment ${id} is by ${node.comment.author})`,
    );
  }
  return node;
}

function reactable(store: Store, id: string): { reactions: Reaction[] } {
  const node = store.node(id);
  if (node?.kind === "issue") return node.issue;
  if (node?.kind === "comment") return node.comment;
  throw unresolved(id);
}

function run({ store, webhooks, emit }: MutationContext, op: MutationOp): string | undefined {
  const app = store.appLogin;
  switch (op.op) {
    case "addLabels":
    case "removeLabels": {
      const { repo, issue } = issueNode(store, op.labelableId);
      const adding = op.op === "addLabels";
      for (const label of labelNodes(store, repo, op.labelIds)) {
        const changed = adding ? addLabel(store, issue, label) : removeLabel(store, issue, label);
        if (changed)
          emit(webhooks.issues(repo, issue, adding ? "labeled" : "unlabeled", app, { label }));
      }
      return undefined;
    }
    case "createLabel": {
      const node = store.node(op.repositoryId);
      if (node?.kind !== "repo") throw unresolved(op.repositoryId);
      if (!/^[0-9a-fA-F]{6}$/.test(op.color)) throw new OpRefused(`Color "${op.color}" is invalid`);
      if (store.labelByName(node.repo, op.name)) {
        throw new OpRefused(`Label "${op.name}" already exists: Name has already been taken`);
      }
      return store.createLabel(node.repo, op.name, op.color, op.description).id;
    }
    case "addComment": {
      const { repo, issue } = issueNode(store, op.subjectId);
      const comment = addComment(store, repo, issue, app, op.body);
      emit(webhooks.issueComment(repo, issue, comment, "created", app));
      return comment.id;
    }
    case "updateComment": {
      const { repo, issue, comment } = ownComment(store, op.commentId);
      if (comment.body === op.body) return undefined;
      const previous = editComment(store, comment, op.body);
      emit(webhooks.issueComment(repo, issue, comment, "edited", app, previous));
      return undefined;
    }
    case "deleteComment": {
      const { repo, issue, comment } = ownComment(store, op.commentId);
      deleteComment(store, issue, comment);
      emit(webhooks.issueComment(repo, issue, comment, "deleted", app));
      return undefined;
    }
    case "addReaction":
      react(store, reactable(store, op.subjectId), app, op.content);
      return undefined;
    case "closeIssue": {
      const { repo, issue } = issueNode(store, op.issueId);
      const reason =
        op.reason === "COMPLETED"
          ? "completed"
          : op.reason === "DUPLICATE"
            ? "duplicate"
            : "not_planned";
      // GitHub resolves the original's id like any other: an unknown one fails the mutation.
      const original = op.duplicateIssueId ? issueNode(store, op.duplicateIssueId).issue : null;
      if (closeIssue(store, issue, reason, original?.id))
        emit(webhooks.issues(repo, issue, "closed", app));
      return undefined;
    }
    case "reopenIssue": {
      const { repo, issue } = issueNode(store, op.issueId);
      if (reopenIssue(store, issue)) emit(webhooks.issues(repo, issue, "reopened", app));
      return undefined;
    }
    case "addProjectItem":
      return addProjectItem(store, op, emit, webhooks);
    case "setProjectField":
      setProjectField(store, op, emit, webhooks);
      return undefined;
    case "updateIssueBody": {
      const { repo, issue } = issueNode(store, op.issueId);
      if (issue.body === op.body) return undefined;
      const from = setIssueBody(store, issue, op.body);
      emit(webhooks.issues(repo, issue, "edited", app, { changes: { body: { from } } }));
      return undefined;
    }
  }
}
