/**
 * What a webhook tells the features, in the domain's words: "this issue, comment, contribution,
 * release, board item or config change may need attention". `app/hints.ts` is the one place that
 * turns payloads into hints, through zod schemas; features never read a payload.
 */
import type { RepoRef } from "../github/types.js";
import type { CommunityEventName, ContributionInput, ReleaseInput } from "./community/payloads.js";

export interface IssueHint {
  kind: "issue";
  repo: RepoRef;
  number: number;
  action: string;
  sender: string;
  /** The label added or removed, for `labeled` and `unlabeled`. */
  label: string | null;
  labels: string[];
  body: string;
}

export interface CommentHint {
  kind: "comment";
  repo: RepoRef;
  number: number;
  onPullRequest: boolean;
  action: "created" | "edited";
  sender: string;
  comment: { id: number; nodeId: string; body: string; author: string; authorIsBot: boolean };
  /** The body before an edit: only commands added by the edit run. */
  previousBody: string | null;
}

export interface ContributionHint {
  kind: "contribution";
  repo: RepoRef;
  event: CommunityEventName;
  /** Where the bot answers: a pull request (its events, reviews, comments on it) or an issue. */
  onPullRequest: boolean;
  contribution: ContributionInput;
}

export interface ReleaseHint {
  kind: "release";
  repo: RepoRef;
  sender: string;
  release: ReleaseInput;
}

/** A person's change to an item on an organization's Projects v2 board: no repository in it. */
export interface BoardItemHint {
  kind: "boardItem";
  repo: null;
  sender: string;
  action: string;
  projectNodeId: string;
  contentNodeId: string;
  contentType: string;
  /** For `edited`: the field whose value changed, when GitHub says; null when it was no field. */
  fieldChange: { fieldNodeId: string | null } | null;
}

export interface PushHint {
  kind: "push";
  repo: RepoRef;
  ref: string;
  after: string;
  defaultBranch: string;
  /** Every path added, modified or removed by the pushed commits. */
  paths: string[];
}

export interface PullRequestHint {
  kind: "pullRequest";
  repo: RepoRef;
  number: number;
  action: string;
  headSha: string;
}

/** The app was installed on repositories, or given more: squad-bot may introduce itself there. */
export interface InstallationHint {
  kind: "installation";
  repo: null;
  sender: string;
  repos: RepoRef[];
}

export type Hint =
  | InstallationHint
  | IssueHint
  | CommentHint
  | ContributionHint
  | ReleaseHint
  | BoardItemHint
  | PushHint
  | PullRequestHint;

export type HintKind = Hint["kind"];
