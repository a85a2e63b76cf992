/** A tiny GitHubPort for config tests: files from a Map, issues in an array, calls counted. */
import {
  GitHubError,
  type GitHubPort,
  type ReadAheadRequest,
  type ReadAheadResult,
} from "../../src/github/port.js";
import type {
  CheckRunReport,
  CheckRunSnapshot,
  IssueSummary,
  MutationOp,
  MutationResult,
  NewIssue,
  RepoRef,
} from "../../src/github/types.js";

/** `owner/repo:path` for the default branch, `owner/repo:path@ref` for another ref. */
export type FileKey = string;

/** The app every issue and check run the fake creates is by. */
const APP_LOGIN = "squad-bot[bot]";

export class FakeConfigPort implements GitHubPort {
  readonly files = new Map<FileKey, string>();
  /** Files whose read fails like a private repository of another owner. */
  readonly forbidden = new Set<FileKey>();
  readonly reads: FileKey[] = [];
  readonly checkRuns: { repo: RepoRef; report: CheckRunReport }[] = [];
  readonly mutations: MutationOp[][] = [];
  readonly created: NewIssue[] = [];
  listCalls = 0;
  private nextNumber = 100;

  constructor(
    files: Record<FileKey, string> = {},
    readonly issues: IssueSummary[] = [],
  ) {
    for (const [key, text] of Object.entries(files)) this.files.set(key, text);
  }

  get getFileCalls(): number {
    return this.reads.length;
  }

  async getFile(repo: RepoRef, path: string, ref?: string): Promise<string | null> {
    const base = `${repo.owner}/${repo.repo}:${path}`;
    const key = ref === undefined ? base : `${base}@${ref}`;
    this.reads.push(key);
    if (this.forbidden.has(base))
      throw new GitHubError("Resource not accessible by integration", "forbidden", 403);
    return this.files.get(key) ?? null;
  }

  /** Only the config files: these tests ask for nothing else. */
  async readAhead(repo: RepoRef, request: ReadAheadRequest): Promise<ReadAheadResult> {
    const read = (name: string) => {
      const key = `${repo.owner}/${name}:${request.configPath}`;
      this.reads.push(key);
      return this.files.get(key) ?? null;
    };
    return { files: { own: read(repo.repo), org: read(".github") } };
  }

  async createCheckRun(repo: RepoRef, report: CheckRunReport): Promise<void> {
    this.checkRuns.push({ repo, report });
  }

  /** The runs created here, newest first, all by the app. */
  async listCheckRuns(_repo: RepoRef, sha: string, name: string): Promise<CheckRunSnapshot[]> {
    return this.checkRuns
      .map(({ report }, index) => ({ report, id: index + 1 }))
      .filter(({ report }) => report.headSha === sha && report.name === name)
      .reverse()
      .map(({ report, id }) => ({ ...report, id, text: report.text ?? "", author: APP_LOGIN }));
  }

  async updateCheckRun(repo: RepoRef, id: number, report: CheckRunReport): Promise<void> {
    this.checkRuns[id - 1] = { repo, report };
  }

  /** Every issue given to the fake carries the label; only the state filter applies. */
  async listIssuesWithLabel(_repo: RepoRef, _label: string, state: "open" | "closed" | "all") {
    this.listCalls++;
    return this.issues.filter((issue) => state === "all" || issue.state === state);
  }

  async createIssue(_repo: RepoRef, issue: NewIssue): Promise<IssueSummary> {
    this.created.push(issue);
    const number = this.nextNumber++;
    const summary: IssueSummary = {
      id: `I_${number}`,
      number,
      title: issue.title,
      body: issue.body,
      state: "open",
      author: APP_LOGIN,
    };
    this.issues.push(summary);
    return summary;
  }

  async mutate(ops: MutationOp[]): Promise<MutationResult[]> {
    this.mutations.push(ops);
    return ops.map((op) => {
      const issue = "issueId" in op ? this.issues.find((i) => i.id === op.issueId) : undefined;
      if (issue && op.op === "closeIssue") issue.state = "closed";
      if (issue && op.op === "updateIssueBody") issue.body = op.body;
      return { ok: true, op: op.op };
    });
  }

  loadIssue(): never {
    throw new Error("not used by config tests");
  }
  loadPullRequest(): never {
    throw new Error("not used by config tests");
  }
  findLabel(): never {
    throw new Error("not used by config tests");
  }
  findUser(): never {
    throw new Error("not used by config tests");
  }
  getPermission(): never {
    throw new Error("not used by config tests");
  }
  isTeamMember(): never {
    throw new Error("not used by config tests");
  }
  listPullRequestFiles(): never {
    throw new Error("not used by config tests");
  }
  loadProject(): never {
    throw new Error("not used by config tests");
  }
  findIssueByNodeId(): never {
    throw new Error("not used by config tests");
  }
  loadOnboarding(): never {
    throw new Error("not used by config tests");
  }
}

export const REPO: RepoRef = { owner: "medic", repo: "cht-core" };
export const OWN = "medic/cht-core:.github/squad-bot.yml";
export const ORG = "medic/.github:.github/squad-bot.yml";
