/** The reads and writes behind the discussion and pinned-comment deliveries of a digest. */
import type { RepoRef } from "./types.js";

/** A discussion or issue comment that may hold a digest, as much as delivery needs of it. */
export interface DeliveredPost {
  /** GraphQL node id. */
  id: string;
  /** Increases with creation: the discussion number or the comment's database id. */
  seq: number;
  url: string;
  body: string;
  /** True only when the identity delivering wrote it (`viewerDidAuthor`): only then its marker counts. */
  byViewer: boolean;
  /** A closed discussion or a minimized comment: already retired. */
  retired: boolean;
}

export interface DiscussionTarget {
  repositoryId: string;
  /** Null when the repository has no category of that name (or discussions are off). */
  categoryId: string | null;
}

export interface PinnedIssue {
  id: string;
  number: number;
  url: string;
  /** Its most recent comments, oldest first. */
  comments: DeliveredPost[];
}

/** Why an older post is retired: a later period's digest, or a concurrent run's second copy. */
export type RetireReason = "OUTDATED" | "DUPLICATE";

/** Rewrite a post's body (the note on top) and retire it, in one mutation. */
export interface RetireEdit {
  id: string;
  body: string;
  reason: RetireReason;
}

/**
 * Every method is one GraphQL request. Lists are bounded to the most recent posts: a digest only
 * ever needs its own period and the one before it.
 */
export interface DigestDeliveryPort {
  /** The repository's id and the id of its discussion category named `name` (case-insensitive). */
  findDiscussionCategory(repo: RepoRef, name: string): Promise<DiscussionTarget | null>;
  /** The category's most recent discussions, newest first, anyone's. */
  listDiscussions(repo: RepoRef, categoryId: string): Promise<DeliveredPost[]>;
  createDiscussion(target: {
    repositoryId: string;
    categoryId: string;
    title: string;
    body: string;
  }): Promise<DeliveredPost>;
  /** `updateDiscussion` then `closeDiscussion` with the reason. */
  retireDiscussion(edit: RetireEdit): Promise<void>;
  /**
   * Issue `number`, or when absent the first pinned issue that carries `label`; null when there
   * is none (or it is a pull request). With its recent comments.
   */
  findPinnedIssue(
    repo: RepoRef,
    pick: { number?: number; label: string },
  ): Promise<PinnedIssue | null>;
  addComment(issueId: string, body: string): Promise<DeliveredPost>;
  /** `updateIssueComment` then `minimizeComment` with the reason as classifier. */
  retireComment(edit: RetireEdit): Promise<void>;
}
