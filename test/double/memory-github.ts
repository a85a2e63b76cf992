/** A stateful in-memory GitHub behind the port: tests assert what GitHub ends up holding. */

import type { ReferenceReader } from "../../src/config/references.js";
import type { CommunityPort } from "../../src/features/community/port.js";
import {
  GitHubError,
  type GitHubPort,
  type LoadIssueOptions,
  type ReadAheadRequest,
  type ReadAheadResult,
} from "../../src/github/port.js";
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
  ProjectSnapshot,
  RepoPermission,
  RepoRef,
} from "../../src/github/types.js";
import { Actor } from "./actors.js";
import { createCheckRun, listCheckRuns, updateCheckRun } from "./check-runs.js";
import { MemoryCommunity } from "./community.js";
import { readFile } from "./git.js";
import { addLabel, createIssue } from "./issue-edits.js";
import { applyOp } from "./mutations.js";
import { onboardingSnapshot } from "./onboarding.js";
import { projectItemsOf, projectSnapshot } from "./projects.js";
import { MemoryReferences, type ReferenceRead } from "./references.js";
import { MemoryGitHubSetup } from "./setup.js";
import { issueSnapshot, issueSummary } from "./views.js";
import { type AppEvent, Webhooks } from "./webhooks.js";

/** The port's methods and the community journey's extra reads, which the double serves too. */
export type PortMethod = keyof GitHubPort | keyof CommunityPort | ReferenceRead;
export type OpName = MutationOp["op"];

/** One HTTP request the app made; `detail` names what it was about (issue, page, ops). */
export interface RecordedRequest {
  method: PortMethod;
  detail?: string;
}

export interface MemoryGitHubOptions {
  /** The app's bot login, e.g. "squad-bot[bot]": comments by it are `byThisApp`. */
  appLogin: string;
  now?: () => Date;
  /** Sent as `installation.id` in every webhook; 1 by default. */
  installationId?: number;
}

const WRITES: ReadonlySet<PortMethod> = new Set([
  "mutate",
  "createIssue",
  "createCheckRun",
  "updateCheckRun",
]);
const PAGE = 100;
/** GitHub lists at most 3,000 files of a pull request. */
const MAX_PULL_FILES = 3000;
const STATUS: Record<GitHubError["kind"], number | undefined> = {
  "not-found": 404,
  forbidden: 403,
  "rate-limited": 429,
  server: 502,
  validation: 422,
  unknown: undefined,
};

function issueKey(ref: IssueRef): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`;
}

export class MemoryGitHub extends MemoryGitHubSetup implements GitHubPort {
  readonly requests: RecordedRequest[] = [];
  private readonly webhooks: Webhooks;
  private appEvents: AppEvent[] = [];
  private readonly failures = new Map<PortMethod, GitHubError[]>();
  private readonly opFailures = new Map<OpName, string[]>();

  constructor(options: MemoryGitHubOptions) {
    super({
      appLogin: options.appLogin,
      now: options.now ?? (() => new Date()),
      installationId: options.installationId ?? 1,
    });
    this.webhooks = new Webhooks(this.store);
  }

  /** One request: the config files and each asked part, as the port methods would read them. */
  async readAhead(repo: RepoRef, request: ReadAheadRequest): Promise<ReadAheadResult> {
    this.request("readAhead", `${repo.owner}/${repo.repo}`);
    const file = (name: string) => {
      const found = this.store.findRepo({ owner: repo.owner, repo: name });
      return found ? readFile(found, request.configPath) : null;
    };
    const result: ReadAheadResult = {
      files: {
        own: file(repo.repo),
        org: repo.repo.toLowerCase() === ".github" ? null : file(".github"),
      },
    };
    const { issue, project, onboarding } = request;
    // GitHub answers a missing repository with NOT_FOUND, which the port reads as "no file".
    const found = this.store.findRepo(repo);
    if (!found) return result;
    if (request.pullRequest !== undefined) {
      const ref = { ...repo, number: request.pullRequest };
      result.pullRequest = this.pullRead(ref, "readAhead");
    }
    if (issue)
      result.issue = this.issueRead({ ...repo, number: issue.number }, issue.options, "readAhead");
    // A refused board is left out, as GitHub's partial answer is: its own read reports why.
    if (project && this.store.projectAccess !== "none") {
      const board = this.store.org(project.org)?.projects.get(project.number);
      const writable = this.store.projectAccess === "write";
      result.project = board ? projectSnapshot(board, project.fieldNames, writable) : null;
    }
    if (onboarding) {
      const { label, cardLabels } = onboarding;
      result.onboarding = onboardingSnapshot(this, { ...repo, id: found.id }, label, cardLabels);
    }
    return result;
  }

  async loadIssue(ref: IssueRef, options: LoadIssueOptions): Promise<IssueSnapshot | null> {
    this.request("loadIssue", issueKey(ref));
    return this.issueRead(ref, options, "loadIssue");
  }

  private issueRead(
    ref: IssueRef,
    options: LoadIssueOptions,
    method: PortMethod,
  ): IssueSnapshot | null {
    const repo = this.store.repo(ref);
    const issue = repo.issues.get(ref.number);
    if (!issue) return null;
    this.extraPages(method, issueKey(ref), issue.comments.length);
    const snapshot = issueSnapshot(this.store, repo, issue, options.labelNames);
    if (options.projectFields) {
      snapshot.projectItems = projectItemsOf(this.store, issue, options.projectFields);
    }
    return snapshot;
  }

  /** The pull request's issue side; GitHub's `PullRequest.state` MERGED reads as closed. */
  async loadPullRequest(ref: IssueRef): Promise<IssueSnapshot | null> {
    this.request("loadPullRequest", issueKey(ref));
    return this.pullRead(ref, "loadPullRequest");
  }

  private pullRead(ref: IssueRef, method: PortMethod): IssueSnapshot | null {
    const repo = this.store.repo(ref);
    const pull = repo.pulls.get(ref.number);
    if (!pull) return null;
    this.extraPages(method, issueKey(ref), pull.thread.comments.length);
    const snapshot = issueSnapshot(this.store, repo, pull.thread, []);
    return {
      ...snapshot,
      url: `https://github.com/${repo.owner}/${repo.name}/pull/${pull.number}`,
    };
  }

  /** Without the Projects permission GitHub refuses the read (GraphQL type FORBIDDEN). */
  async loadProject(
    org: string,
    number: number,
    fieldNames: string[],
  ): Promise<ProjectSnapshot | null> {
    this.request("loadProject", `${org}#${number}`);
    if (this.store.projectAccess === "none") {
      throw new GitHubError(
        "loadProject failed: Resource not accessible by integration",
        "forbidden",
      );
    }
    const project = this.store.org(org)?.projects.get(number);
    return project
      ? projectSnapshot(project, fieldNames, this.store.projectAccess === "write")
      : null;
  }

  async findIssueByNodeId(nodeId: string): Promise<IssueRef | null> {
    this.request("findIssueByNodeId", nodeId);
    const node = this.store.node(nodeId);
    if (node?.kind !== "issue" || node.issue.pullRequest) return null;
    return { owner: node.repo.owner, repo: node.repo.name, number: node.issue.number };
  }

  async loadOnboarding(repo: RepoRef, label: string, cardLabels: string[]) {
    this.request("loadOnboarding", `${repo.owner}/${repo.repo}`);
    return onboardingSnapshot(this, { ...repo, id: this.store.repo(repo).id }, label, cardLabels);
  }

  async mutate(ops: MutationOp[]): Promise<MutationResult[]> {
    this.request("mutate", ops.map((op) => op.op).join(","));
    if (ops.length === 0) {
      throw new GitHubError(
        "An empty mutation document is a GraphQL syntax error",
        "validation",
        422,
      );
    }
    const context = { store: this.store, webhooks: this.webhooks, emit: this.queueAppEvent };
    return ops.map((op): MutationResult => {
      const injected = this.opFailures.get(op.op)?.shift();
      return injected === undefined
        ? applyOp(context, op)
        : { ok: false, op: op.op, error: injected };
    });
  }

  async findLabel(repo: RepoRef, name: string): Promise<LabelRef | null> {
    this.request("findLabel", `${repo.owner}/${repo.repo} ${name}`);
    const label = this.store.labelByName(this.store.repo(repo), name);
    return label ? { id: label.id, name: label.name } : null;
  }

  /** An account exists once the world has met it: acted, been named a collaborator, or added. */
  async findUser(login: string): Promise<string | null> {
    this.request("findUser", login);
    return this.store.accounts.get(login.toLowerCase())?.login ?? null;
  }

  async getPermission(repo: RepoRef, login: string): Promise<RepoPermission> {
    this.request("getPermission", `${repo.owner}/${repo.repo} ${login}`);
    return this.store.permission(this.store.repo(repo), login);
  }

  async isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean> {
    this.request("isTeamMember", `${org}/${teamSlug} ${login}`);
    const members = this.store.org(org)?.teams.get(teamSlug.toLowerCase());
    return members?.has(login.toLowerCase()) ?? false;
  }

  /** Null for a missing repository too: REST answers both with the same 404. */
  async getFile(repo: RepoRef, path: string, ref?: string): Promise<string | null> {
    this.request("getFile", `${repo.owner}/${repo.repo}:${path}${ref ? `@${ref}` : ""}`);
    const found = this.store.findRepo(repo);
    return found ? readFile(found, path, ref) : null;
  }

  async listPullRequestFiles(repo: RepoRef, number: number): Promise<string[]> {
    const key = issueKey({ ...repo, number });
    this.request("listPullRequestFiles", key);
    const pull = this.store.repo(repo).pulls.get(number);
    if (!pull) throw new GitHubError(`No pull request ${key}`, "not-found", 404);
    const files = pull.files.slice(0, MAX_PULL_FILES);
    this.extraPages("listPullRequestFiles", key, files.length);
    return files;
  }

  async createCheckRun(repo: RepoRef, report: CheckRunReport): Promise<void> {
    this.request("createCheckRun", `${repo.owner}/${repo.repo} ${report.name}`);
    createCheckRun(this.store, repo, report);
  }

  async listCheckRuns(repo: RepoRef, sha: string, name: string): Promise<CheckRunSnapshot[]> {
    this.request("listCheckRuns", `${repo.owner}/${repo.repo}@${sha} ${name}`);
    return listCheckRuns(this.store, repo, sha, name);
  }

  async updateCheckRun(repo: RepoRef, id: number, report: CheckRunReport): Promise<void> {
    this.request("updateCheckRun", `${repo.owner}/${repo.repo} ${report.name}`);
    updateCheckRun(this.store, repo, id, report);
  }

  async listIssuesWithLabel(
    repo: RepoRef,
    label: string,
    state: "open" | "closed" | "all",
  ): Promise<IssueSummary[]> {
    this.request("listIssuesWithLabel", `${repo.owner}/${repo.repo} ${label} ${state}`);
    const found = this.store.repo(repo);
    const wanted = this.store.labelByName(found, label);
    if (!wanted) return [];
    return [...found.issues.values()]
      .filter((i) => i.labelIds.includes(wanted.id) && (state === "all" || i.state === state))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number)
      .slice(0, PAGE)
      .map(issueSummary);
  }

  /** Labels missing from the repository are created, as REST does; GitHub echoes the webhooks. */
  async createIssue(repo: RepoRef, input: NewIssue): Promise<IssueSummary> {
    this.request("createIssue", `${repo.owner}/${repo.repo} ${input.title}`);
    const found = this.store.repo(repo);
    const app = this.store.appLogin;
    const issue = createIssue(this.store, found, app, { title: input.title, body: input.body });
    const labels = input.labels.map((name) => this.store.ensureLabel(found, name));
    for (const label of labels) addLabel(this.store, issue, label);
    this.queueAppEvent(this.webhooks.issues(found, issue, "opened", app));
    for (const label of labels) {
      this.queueAppEvent(this.webhooks.issues(found, issue, "labeled", app, { label }));
    }
    return issueSummary(issue);
  }

  /** The community journey's reads (membership, good first issues), recorded in `requests`. */
  community(): CommunityPort {
    return new MemoryCommunity(this.store, (method, detail) => this.request(method, detail));
  }

  /** What config references name (the config check's reads), recorded in `requests`. */
  references(): ReferenceReader {
    return new MemoryReferences(this.store, (method, detail) => this.request(method, detail));
  }

  /** A person on GitHub; their actions change the state and return the webhook GitHub sends. */
  as(login: string): Actor {
    return new Actor(this.store, this.webhooks, login);
  }

  /** Webhooks GitHub sent back for the app's own writes since the last drain, oldest first. */
  drainAppEvents(): AppEvent[] {
    const events = this.appEvents;
    this.appEvents = [];
    return events;
  }

  /** The next `times` calls to `method` are recorded, then throw. */
  failNext(method: PortMethod, error: GitHubError | GitHubError["kind"], times = 1): void {
    const failure =
      typeof error === "string"
        ? new GitHubError(`injected ${error} failure`, error, STATUS[error])
        : error;
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.failures.set(method, queue);
  }

  /** The next `times` mutate ops named `op` fail as GraphQL partial errors; others still apply. */
  failOp(op: OpName, error = `injected ${op} failure`, times = 1): void {
    const queue = this.opFailures.get(op) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(error);
    this.opFailures.set(op, queue);
  }

  requestCount(filter?: PortMethod | ((request: RecordedRequest) => boolean)): number {
    if (filter === undefined) return this.requests.length;
    const matches =
      typeof filter === "string" ? (r: RecordedRequest) => r.method === filter : filter;
    return this.requests.filter(matches).length;
  }

  /** Requests that write (`mutate`, `createIssue`, check runs): the ones GitHub throttles. */
  writeCount(): number {
    return this.requestCount((r) => WRITES.has(r.method));
  }

  resetRequests(): void {
    this.requests.length = 0;
  }

  private readonly queueAppEvent = (event: AppEvent): void => {
    this.appEvents.push(event);
  };

  private request(method: PortMethod, detail: string): void {
    this.requests.push({ method, detail });
    const failure = this.failures.get(method)?.shift();
    if (failure) throw failure;
  }

  /** Pages after the first, for lists GitHub serves 100 at a time. */
  private extraPages(method: PortMethod, detail: string, items: number): void {
    for (let page = 2; page <= Math.ceil(items / PAGE); page += 1) {
      this.requests.push({ method, detail: `${detail} page ${page}` });
    }
  }
}
