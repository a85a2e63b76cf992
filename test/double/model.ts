/** The records the in-memory GitHub keeps, shaped after what GitHub itself stores. */
import type {
  CheckRunReport,
  IssueState,
  ReactionContent,
  RepoPermission,
} from "../../src/github/types.js";

export type Permission = Exclude<RepoPermission, "none">;

/** Reaction contents as REST and webhooks spell them. */
export const REST_REACTIONS = {
  THUMBS_UP: "+1",
  THUMBS_DOWN: "-1",
  LAUGH: "laugh",
  HOORAY: "hooray",
  CONFUSED: "confused",
  HEART: "heart",
  ROCKET: "rocket",
  EYES: "eyes",
} as const satisfies Record<ReactionContent, string>;
export type RestReaction = (typeof REST_REACTIONS)[ReactionContent];

export function reactionFromRest(rest: RestReaction): ReactionContent {
  const found = (Object.keys(REST_REACTIONS) as ReactionContent[]).find(
    (content) => REST_REACTIONS[content] === rest,
  );
  if (!found) throw new Error(`unknown reaction ${rest}`);
  return found;
}

/** Permissions from least to most, so "at least triage" is a comparison. */
export const PERMISSION_RANK: Record<RepoPermission, number> = {
  none: 0,
  read: 1,
  triage: 2,
  write: 3,
  maintain: 4,
  admin: 5,
};
export type AccountType = "User" | "Bot" | "Organization";
/** REST spelling of a close reason, as webhooks and REST responses carry it. */
export type StateReason = "completed" | "not_planned" | "duplicate" | "reopened" | null;

export interface Account {
  login: string;
  databaseId: number;
  nodeId: string;
  type: AccountType;
}

export interface Reaction {
  user: string;
  content: ReactionContent;
}

export interface Label {
  id: string;
  databaseId: number;
  name: string;
  color: string;
  description: string;
}

export interface Comment {
  id: string;
  databaseId: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  reactions: Reaction[];
}

export interface Issue {
  id: string;
  databaseId: number;
  number: number;
  title: string;
  body: string;
  state: IssueState;
  stateReason: StateReason;
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Closed as a duplicate naming the original (`duplicateIssueId`): that issue's node id. */
  duplicateOf?: string;
  /** Label node ids in the order they were applied. */
  labelIds: string[];
  comments: Comment[];
  reactions: Reaction[];
  /** The issue side of a pull request: GitHub keeps a PR's comments, labels and state there. */
  pullRequest?: boolean;
}

export interface Review {
  id: string;
  databaseId: number;
  author: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";
  body: string;
  submittedAt: string;
}

export interface PullRequest {
  id: string;
  databaseId: number;
  number: number;
  title: string;
  body: string;
  author: string;
  createdAt: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  files: string[];
  /** Comments, labels, reactions and open/closed state; not in `Repo.issues` (no issue number). */
  thread: Issue;
  mergedAt: string | null;
  mergedBy: string | null;
  reviews: Review[];
}

export interface Commit {
  sha: string;
  message: string;
  author: string;
  timestamp: string;
  added: string[];
  modified: string[];
  removed: string[];
}

interface CheckRun extends CheckRunReport {
  id: number;
  createdAt: string;
}

interface Collaborator {
  login: string;
  permission: Permission;
}

export interface Repo {
  owner: string;
  name: string;
  id: string;
  databaseId: number;
  defaultBranch: string;
  private: boolean;
  createdAt: string;
  /** File trees by branch name and by commit sha, so both kinds of `ref` resolve. */
  trees: Map<string, Map<string, string>>;
  /** Head commit of each branch. */
  heads: Map<string, string>;
  labels: Label[];
  /** Keyed by lower-cased login: GitHub logins are case-insensitive. */
  collaborators: Map<string, Collaborator>;
  /** Lower-cased logins of people who pushed here: GitHub calls them CONTRIBUTOR. */
  contributors: Set<string>;
  issues: Map<number, Issue>;
  pulls: Map<number, PullRequest>;
  checkRuns: CheckRun[];
  /** Issues and pull requests share one number sequence per repository, as on GitHub. */
  lastNumber: number;
}

export type ProjectFieldType = "singleSelect" | "date" | "text";

export interface ProjectFieldModel {
  id: string;
  name: string;
  type: ProjectFieldType;
  /** Single-select options, in board order. */
  options: { id: string; name: string }[];
}

/** A single-select field holds an option id; a date field an ISO date; a text field text. */
export type ProjectValue = { optionId: string } | { date: string } | { text: string };

export interface ProjectItem {
  id: string;
  databaseId: number;
  /** Node id of the issue on the board. */
  contentId: string;
  creator: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  /** By field id. */
  values: Map<string, ProjectValue>;
}

export interface Project {
  id: string;
  databaseId: number;
  number: number;
  org: string;
  title: string;
  fields: ProjectFieldModel[];
  items: ProjectItem[];
}

export interface Org {
  account: Account;
  /** Projects v2 boards by number. */
  projects: Map<number, Project>;
  /** Lower-cased logins. */
  owners: Set<string>;
  /** Lower-cased logins of members outside any team; owners and team members are members too. */
  members: Set<string>;
  /** Lower-cased team slug to lower-cased member logins. */
  teams: Map<string, Set<string>>;
}

/** What a node id points at; mutations address everything by node id. */
export type NodeEntry =
  | { kind: "repo"; repo: Repo }
  | { kind: "label"; repo: Repo; label: Label }
  | { kind: "issue"; repo: Repo; issue: Issue }
  | { kind: "comment"; repo: Repo; issue: Issue; comment: Comment }
  | { kind: "project"; project: Project }
  | { kind: "projectItem"; project: Project; item: ProjectItem };

export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

export function fullName(repo: Repo): string {
  return `${repo.owner}/${repo.name}`;
}
