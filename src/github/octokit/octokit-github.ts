/** The production GitHubPort: Probot's Octokit for one delivery, GraphQL for issues, REST else. */
import type { ProbotOctokit } from "probot";
import type { GitHubPort, LoadIssueOptions, ReadAheadRequest, ReadAheadResult } from "../port.js";
import { GitHubError } from "../port.js";
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
} from "../types.js";
import { createCheckRun, listCheckRuns, updateCheckRun } from "./check-runs.js";
import { type Client, send, unlessNotFound } from "./client.js";
import { loadIssue, loadPullRequest } from "./issue-loader.js";
import { mutate } from "./mutator.js";
import { loadOnboarding } from "./onboarding-loader.js";
import { findIssueByNodeId, loadProject } from "./project-loader.js";
import { readAhead } from "./read-ahead.js";

export interface OctokitGitHubOptions {
  /** Called before every HTTP request with the port method it serves, pages included. */
  onRequest?: (kind: string) => void;
}

/** GitHub stops listing a pull request's files at 3000, which is 30 pages of 100. */
const MAX_FILE_PAGES = 30;

const ROLES: readonly RepoPermission[] = ["admin", "maintain", "write", "triage", "read"];

const asRole = (value: string | undefined): RepoPermission | undefined =>
  ROLES.find((role) => role === value);

interface RestIssue {
  node_id: string;
  number: number;
  title: string;
  body?: string | null;
  state: string;
  user: { login: string } | null;
}

function toSummary(issue: RestIssue): IssueSummary {
  return {
    id: issue.node_id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    state: issue.state === "closed" ? "closed" : "open",
    author: issue.user?.login ?? "ghost",
  };
}

const hasNextPage = (link: string | undefined): boolean => /\brel="next"/.test(link ?? "");

/** Make one per delivery: it holds that delivery's installation token and request count. */
export class OctokitGitHub implements GitHubPort {
  private readonly client: Client;

  constructor(octokit: ProbotOctokit, options: OctokitGitHubOptions = {}) {
    this.client = { octokit, count: (kind) => options.onRequest?.(kind) };
  }

  readAhead(repo: RepoRef, request: ReadAheadRequest): Promise<ReadAheadResult> {
    return readAhead(this.client, repo, request);
  }

  loadIssue(ref: IssueRef, options: LoadIssueOptions): Promise<IssueSnapshot | null> {
    return loadIssue(this.client, ref, options);
  }

  loadPullRequest(ref: IssueRef): Promise<IssueSnapshot | null> {
    return loadPullRequest(this.client, ref);
  }

  mutate(ops: MutationOp[]): Promise<MutationResult[]> {
    return mutate(this.client, ops);
  }

  loadProject(org: string, number: number, fieldNames: string[]): Promise<ProjectSnapshot | null> {
    return loadProject(this.client, org, number, fieldNames);
  }

  findIssueByNodeId(nodeId: string): Promise<IssueRef | null> {
    return findIssueByNodeId(this.client, nodeId);
  }

  async findLabel(repo: RepoRef, name: string): Promise<LabelRef | null> {
    const response = await unlessNotFound(
      send(this.client, "findLabel", (octokit) =>
        octokit.rest.issues.getLabel({ owner: repo.owner, repo: repo.repo, name }),
      ),
      null,
    );
    return response ? { id: response.data.node_id, name: response.data.name } : null;
  }

  loadOnboarding(repo: RepoRef, label: string, cardLabels: string[]): Promise<OnboardingSnapshot> {
    return loadOnboarding(this.client, repo, label, cardLabels);
  }

  async findUser(login: string): Promise<string | null> {
    const response = await unlessNotFound(
      send(this.client, "findUser", (octokit) =>
        octokit.rest.users.getByUsername({ username: login }),
      ),
      null,
    );
    return response?.data.login ?? null;
  }

  async getPermission(repo: RepoRef, login: string): Promise<RepoPermission> {
    const response = await unlessNotFound(
      send(this.client, "getPermission", (octokit) =>
        octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login }),
      ),
      null,
    );
    if (!response) return "none";
    // `permission` folds maintain into write and triage into read; `role_name` keeps them, but
    // names a custom role by its own name, so fall back for those.
    const { role_name: roleName, permission } = response.data;
    return asRole(roleName) ?? asRole(permission) ?? "none";
  }

  async isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean> {
    const response = await unlessNotFound(
      send(this.client, "isTeamMember", (octokit) =>
        octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: teamSlug, username: login }),
      ),
      null,
    );
    // A pending invitation is not membership yet.
    return response?.data.state === "active";
  }

  async getFile(repo: RepoRef, path: string, ref?: string): Promise<string | null> {
    const response = await unlessNotFound(
      send(this.client, "getFile", (octokit) =>
        octokit.rest.repos.getContent({ ...repo, path, ...(ref ? { ref } : {}) }),
      ),
      null,
    );
    const file = response?.data;
    if (!file || Array.isArray(file) || file.type !== "file" || !("content" in file)) return null;
    if (file.encoding !== "base64") {
      // Files over 1 MB come back without content; no config or template should be that big.
      throw new GitHubError(`getFile: ${path} is too large to read`, "validation");
    }
    return Buffer.from(file.content, "base64").toString("utf8");
  }

  async listPullRequestFiles(repo: RepoRef, number: number): Promise<string[]> {
    const paths = new Set<string>();
    for (let page = 1; page <= MAX_FILE_PAGES; page++) {
      const response = await send(this.client, "listPullRequestFiles", (octokit) =>
        octokit.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: 100, page }),
      );
      for (const file of response.data) {
        paths.add(file.filename);
        // A rename also changes the old path, which may be owned by someone else.
        if (file.previous_filename) paths.add(file.previous_filename);
      }
      // The Link header, unlike a full page, also knows when exactly 100 files were the last.
      if (!hasNextPage(response.headers.link)) break;
    }
    return [...paths];
  }

  createCheckRun(repo: RepoRef, report: CheckRunReport): Promise<void> {
    return createCheckRun(this.client, repo, report);
  }

  listCheckRuns(repo: RepoRef, sha: string, name: string): Promise<CheckRunSnapshot[]> {
    return listCheckRuns(this.client, repo, sha, name);
  }

  updateCheckRun(repo: RepoRef, id: number, report: CheckRunReport): Promise<void> {
    return updateCheckRun(this.client, repo, id, report);
  }

  async listIssuesWithLabel(
    repo: RepoRef,
    label: string,
    state: "open" | "closed" | "all",
  ): Promise<IssueSummary[]> {
    const response = await send(this.client, "listIssuesWithLabel", (octokit) =>
      octokit.rest.issues.listForRepo({
        ...repo,
        labels: label,
        state,
        sort: "created",
        direction: "desc",
        per_page: 100,
      }),
    );
    // The issues endpoint lists pull requests too; they carry a `pull_request` key.
    return response.data.filter((issue) => !issue.pull_request).map(toSummary);
  }

  async createIssue(repo: RepoRef, issue: NewIssue): Promise<IssueSummary> {
    const response = await send(this.client, "createIssue", (octokit) =>
      octokit.rest.issues.create({ ...repo, ...issue }),
    );
    return toSummary(response.data);
  }
}
