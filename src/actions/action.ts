/**
 * What a plan asks for, in the domain's words. Planners return these as data; the executors turn
 * them into writes, skipping what is already true: `Action` through `actions/executor.ts` on the
 * one issue a reconcile loaded, `RepoAction` through `actions/repo-executor.ts` anywhere else.
 */
import type { DeliveredPost, RetireReason } from "../github/delivery-port.js";
import type {
  CheckRunReport,
  CheckRunSnapshot,
  CloseReason,
  IssueSummary,
  NewIssue,
  ProjectFieldInput,
  ReactionContent,
  RepoRef,
} from "../github/types.js";

export type Action =
  | { type: "addLabels"; labels: string[] }
  | { type: "removeLabels"; labels: string[] }
  /** Create the card, or edit it in place when it exists. */
  | { type: "upsertCard"; body: string }
  /** A comment posted once: `key` is kept in a hidden marker and checked before posting. */
  | { type: "comment"; key: string; body: string }
  | { type: "react"; commentId: string; content: ReactionContent }
  | { type: "deleteComment"; commentId: string; why: string }
  /** `duplicateOf`: with reason DUPLICATE, the node id of the issue GitHub shows as the original. */
  | { type: "closeIssue"; reason: CloseReason; duplicateOf?: string }
  /** Put the issue on a project board (the item's id is then known to later field writes). */
  | { type: "addProjectItem"; projectId: string }
  /** `itemId` null: the item `addProjectItem` creates in the same plan. `field` names it for logs. */
  | {
      type: "setProjectField";
      projectId: string;
      itemId: string | null;
      fieldId: string;
      field: string;
      value: ProjectFieldInput;
    };

/** Where a digest is posted besides an issue: a discussion category, or a pinned issue's comments. */
export type PostChannel =
  | { kind: "discussion"; repositoryId: string; categoryId: string }
  | { kind: "comment"; issueId: string };

/**
 * Writes that are not about one loaded issue: each names its own target and carries it as it was
 * read (`issue`, `current`, `post`), so the executor can tell what already holds without reading
 * again. Kept apart from `Action` so that a plan applied to one issue cannot carry them unapplied.
 */
export type RepoAction =
  /** Opens an issue; the executor returns it, so a later step can name it. */
  | { type: "openIssue"; repo: RepoRef; issue: NewIssue }
  /** Rewrites the body of, and/or closes, an issue found by listing. */
  | { type: "editIssue"; issue: IssueSummary; body?: string; close?: CloseReason }
  /** The commit's check run: created, or updated in place when `current` (ours, newest) differs. */
  | { type: "reportCheck"; repo: RepoRef; report: CheckRunReport; current: CheckRunSnapshot | null }
  /** A new discussion or comment; a comment has no title (the body opens with it). */
  | { type: "createPost"; channel: PostChannel; title: string; body: string }
  /** Rewrite a post's body and close (discussion) or minimize (comment) it. */
  | {
      type: "retirePost";
      channel: PostChannel["kind"];
      post: DeliveredPost;
      body: string;
      reason: RetireReason;
    };
