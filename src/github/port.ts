/**
 * The one port to GitHub. Production implements it over Probot's Octokit (`github/octokit/`);
 * tests and the demo use the stateful in-memory double (`test/double/`).
 * Rule: every method call is exactly one HTTP request to GitHub, unless its comment says
 * otherwise, so counting calls counts requests.
 */
import type {
  CheckRunReport,
  CheckRunSnapshot,
  IssueRef,
  IssueSnapshot,
  IssueSummary,
  LabelRef,
  MutationOp,
  MutationResult,
  NewIssue,
  OnboardingSnapshot,
  ProjectSnapshot,
  RepoPermission,
  RepoRef,
} from "./types.js";

export interface LoadIssueOptions {
  /** Repository labels to resolve to ids in the same request (phase labels, blocked label). */
  labelNames: string[];
  /**
   * Project field names whose values to read on every project item of the issue, in the same
   * request; when given (even empty), the snapshot carries `projectItems`.
   */
  projectFields?: string[];
}

/**
 * What one read-ahead carries besides the config files: each part is what the named port method
 * would read with these arguments, so its answer can stand in for that call.
 */
export interface ReadAheadRequest {
  /** The config file's path, read at the default branch's head here and in the owner's `.github`. */
  configPath: string;
  /** `loadIssue` of this issue number in the repository. */
  issue?: { number: number; options: LoadIssueOptions };
  /** `loadPullRequest` of this number in the repository (never with `issue`). */
  pullRequest?: number;
  /** `loadProject` of this board. */
  project?: { org: string; number: number; fieldNames: string[] };
  /** `loadOnboarding` of the repository. */
  onboarding?: { label: string; cardLabels: string[] };
}

export interface ReadAheadResult {
  /** The config file's text here and in the owner's `.github` repository; null when missing. */
  files: { own: string | null; org: string | null };
  /** Present when asked for: null when there is no such issue (as `loadIssue`). */
  issue?: IssueSnapshot | null;
  /** Present when asked for: null when there is no such pull request (as `loadPullRequest`). */
  pullRequest?: IssueSnapshot | null;
  /** Present when asked for and readable: null when the board is missing (as `loadProject`). */
  project?: ProjectSnapshot | null;
  onboarding?: OnboardingSnapshot;
}

export interface GitHubPort {
  /**
   * The repository's config file and the owner's fallback, and the parts `request` names, in one
   * GraphQL query (plus one per further hundred comments of the issue). A part GitHub refuses
   * (no Projects permission) is left out, so its own call reports why.
   */
  readAhead(repo: RepoRef, request: ReadAheadRequest): Promise<ReadAheadResult>;
  /** One GraphQL query; pages through comments only for issues with more than 100 comments. */
  loadIssue(ref: IssueRef, options: LoadIssueOptions): Promise<IssueSnapshot | null>;
  /**
   * A pull request as an issue-like snapshot (node id, state, labels, comments with `byThisApp`),
   * so the executor can post once-only comments on it; `repoLabels` is empty and a merged pull
   * request is "closed". Null when there is none. One GraphQL query, pages as `loadIssue`.
   */
  loadPullRequest(ref: IssueRef): Promise<IssueSnapshot | null>;
  /** One GraphQL mutation document with every op aliased; results in op order. */
  mutate(ops: MutationOp[]): Promise<MutationResult[]>;
  getPermission(repo: RepoRef, login: string): Promise<RepoPermission>;
  /** A repository label by name (any case), or null; the executor's answer to "already exists". */
  findLabel(repo: RepoRef, name: string): Promise<LabelRef | null>;
  /** The account's login as GitHub spells it, or null when no such account exists. */
  findUser(login: string): Promise<string | null>;
  isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean>;
  /** File text at `ref` (default branch when omitted), or null when it does not exist. */
  getFile(repo: RepoRef, path: string, ref?: string): Promise<string | null>;
  /** Changed file paths of a pull request; one request per 100 files. */
  listPullRequestFiles(repo: RepoRef, number: number): Promise<string[]>;
  createCheckRun(repo: RepoRef, report: CheckRunReport): Promise<void>;
  /** The latest check runs named `name` on commit `sha`, any app's (one page of 100). */
  listCheckRuns(repo: RepoRef, sha: string, name: string): Promise<CheckRunSnapshot[]>;
  /** Rewrites a check run this app created, as completed with `report`'s result. */
  updateCheckRun(repo: RepoRef, id: number, report: CheckRunReport): Promise<void>;
  /** Open or closed issues carrying a label, newest first, at most 100. */
  listIssuesWithLabel(
    repo: RepoRef,
    label: string,
    state: "open" | "closed" | "all",
  ): Promise<IssueSummary[]>;
  createIssue(repo: RepoRef, issue: NewIssue): Promise<IssueSummary>;
  /** An organization's Projects v2 board and the named fields; null when either is missing. */
  loadProject(org: string, number: number, fieldNames: string[]): Promise<ProjectSnapshot | null>;
  /** The issue a node id names (project webhooks carry only that); null for anything else. */
  findIssueByNodeId(nodeId: string): Promise<IssueRef | null>;
  /**
   * Where onboarding stands, in one GraphQL query: the issues labelled `label`, whether an issue
   * labelled with one of `cardLabels` has this app's card (it ran here before), the labels.
   */
  loadOnboarding(repo: RepoRef, label: string, cardLabels: string[]): Promise<OnboardingSnapshot>;
}

/** A port failure that carries what a maintainer needs to fix it. */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly kind: "not-found" | "forbidden" | "rate-limited" | "server" | "validation" | "unknown",
    readonly status?: number,
  ) {
    super(message);
    this.name = "GitHubError";
  }
}
