/** Our own view of GitHub objects: everything above `github/` uses these, never Octokit's types. */

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface IssueRef extends RepoRef {
  number: number;
}

export interface LabelRef {
  id: string;
  name: string;
}

export interface CommentSnapshot {
  /** GraphQL node id. */
  id: string;
  databaseId: number;
  /** REST spelling: a bot is `name[bot]` (GraphQL drops the suffix; the adapter adds it back). */
  author: string;
  /** True only when this app wrote the comment; the one thing that makes a marker trustworthy. */
  byThisApp: boolean;
  body: string;
  createdAt: string;
}

export type IssueState = "open" | "closed";
export type CloseReason = "COMPLETED" | "NOT_PLANNED" | "DUPLICATE";

/** Everything one reconcile needs about an issue, read in one GraphQL request. */
export interface IssueSnapshot {
  id: string;
  ref: IssueRef;
  repositoryId: string;
  title: string;
  body: string;
  state: IssueState;
  author: string;
  createdAt: string;
  url: string;
  labels: LabelRef[];
  /** Repository labels looked up by name (the names the caller asked for); missing ones are absent. */
  repoLabels: LabelRef[];
  comments: CommentSnapshot[];
  /** 👍 reactions on the issue itself: demand. */
  thumbsUp: number;
  /** The issue's items on Projects v2 boards; present only when `projectFields` was requested. */
  projectItems?: ProjectItemSnapshot[];
}

/** A value of one project field on one item, as far as squad-bot reads fields. */
export type ProjectFieldValue =
  | { type: "singleSelect"; optionId: string; name: string }
  | { type: "date"; date: string };

/** One item of an issue on a project board, with the values of the fields asked for. */
export interface ProjectItemSnapshot {
  id: string;
  project: {
    id: string;
    number: number /** Owner login; "" for user-owned projects. */;
    org: string;
  };
  archived: boolean;
  /** By requested field name; null when the field is unset, missing, or of another kind. */
  fields: Record<string, ProjectFieldValue | null>;
}

/** A project field looked up by name; `other` covers text, number and iteration fields. */
export type ProjectField =
  | { type: "singleSelect"; id: string; name: string; options: { id: string; name: string }[] }
  | { type: "date"; id: string; name: string }
  | { type: "other"; id: string; name: string; dataType: string };

/** An organization's Projects v2 board with the fields asked for by name (null when missing). */
export interface ProjectSnapshot {
  id: string;
  title: string;
  /** Whether this app may write items and values (the organization "Projects" permission). */
  canUpdate: boolean;
  fields: Record<string, ProjectField | null>;
}

/** What `updateProjectV2ItemFieldValue` writes: an option of a single-select, or a date. */
export type ProjectFieldInput = { singleSelectOptionId: string } | { date: string };

export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export type ReactionContent =
  | "THUMBS_UP"
  | "THUMBS_DOWN"
  | "LAUGH"
  | "HOORAY"
  | "CONFUSED"
  | "HEART"
  | "ROCKET"
  | "EYES";

/** One write; a list of them is sent as one GraphQL mutation document. */
export type MutationOp =
  | { op: "addLabels"; labelableId: string; labelIds: string[] }
  | { op: "removeLabels"; labelableId: string; labelIds: string[] }
  | { op: "createLabel"; repositoryId: string; name: string; color: string; description: string }
  | { op: "addComment"; subjectId: string; body: string }
  | { op: "updateComment"; commentId: string; body: string }
  | { op: "deleteComment"; commentId: string }
  | { op: "addReaction"; subjectId: string; content: ReactionContent }
  /** `duplicateIssueId`: with reason DUPLICATE, the issue GitHub then shows as the original. */
  | { op: "closeIssue"; issueId: string; reason: CloseReason; duplicateIssueId?: string }
  | { op: "reopenIssue"; issueId: string }
  | { op: "updateIssueBody"; issueId: string; body: string }
  /** Returns the item's id; GitHub returns the existing item when the issue is already there. */
  | { op: "addProjectItem"; projectId: string; contentId: string }
  | {
      op: "setProjectField";
      projectId: string;
      itemId: string;
      fieldId: string;
      value: ProjectFieldInput;
    };

export type MutationResult =
  /** `id`: the node a create op made (comment, label). */
  | { ok: true; op: MutationOp["op"]; id?: string }
  | { ok: false; op: MutationOp["op"]; error: string };

export interface CheckRunReport {
  headSha: string;
  name: string;
  conclusion: "success" | "failure" | "neutral";
  title: string;
  summary: string;
  text?: string;
}

/** A check run as listed on a commit: enough to tell whether a report is already there. */
export interface CheckRunSnapshot {
  id: number;
  name: string;
  headSha: string;
  /** Null while a run is in progress, or for a conclusion squad-bot never writes. */
  conclusion: CheckRunReport["conclusion"] | null;
  title: string;
  summary: string;
  text: string;
  /** The app that created it, as a login (`name[bot]`): only that app may update it. */
  author: string;
}

export interface IssueSummary {
  id: string;
  number: number;
  title: string;
  body: string;
  state: IssueState;
  author: string;
}

export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
}

/** An issue listed for onboarding, with whether this app wrote it (only those carry state). */
export interface AppIssueSummary extends IssueSummary {
  byThisApp: boolean;
  createdAt: string;
}

/** What onboarding reads of a repository, in one request. */
export interface OnboardingSnapshot {
  repositoryId: string;
  /** Issues carrying the onboarding label, open or closed, oldest first (at most 20). */
  issues: AppIssueSummary[];
  /** Whether an issue with one of the asked labels has this app's card among its first comments. */
  cardFound: boolean;
  /** The repository's label names (the first 100). */
  labels: string[];
}
