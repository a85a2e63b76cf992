/** The double's state (accounts, orgs, repositories, labels), looked up by name or node id. */
import { createHash } from "node:crypto";
import { GitHubError } from "../../src/github/port.js";
import type { IssueRef, RepoPermission, RepoRef } from "../../src/github/types.js";
import {
  type Account,
  type AccountType,
  fullName,
  type Issue,
  type Label,
  type NodeEntry,
  type Org,
  type Repo,
  repoKey,
} from "./model.js";

export interface StoreOptions {
  appLogin: string;
  now: () => Date;
  installationId: number;
}

export interface RepoOptions {
  defaultBranch?: string;
  private?: boolean;
}

/** Colour GitHub gives a label created on the fly by adding it. */
const DEFAULT_LABEL_COLOR = "ededed";

const NODE_PREFIX: Record<AccountType, string> = { User: "U", Bot: "BOT", Organization: "O" };

function nodeIdOf(entry: NodeEntry): string {
  switch (entry.kind) {
    case "repo":
      return entry.repo.id;
    case "label":
      return entry.label.id;
    case "issue":
      return entry.issue.id;
    case "comment":
      return entry.comment.id;
    case "project":
      return entry.project.id;
    case "projectItem":
      return entry.item.id;
  }
}

export class Store {
  readonly appLogin: string;
  readonly installationId: number;
  readonly accounts = new Map<string, Account>();
  readonly orgs = new Map<string, Org>();
  readonly repos = new Map<string, Repo>();
  /** The app's organization "Projects" permission, which `projects_v2_item` sync needs. */
  projectAccess: "none" | "read" | "write" = "write";
  private readonly now: () => Date;
  private readonly nodes = new Map<string, NodeEntry>();
  private lastId = 0;
  private lastDelivery = 0;

  constructor(options: StoreOptions) {
    this.appLogin = options.appLogin;
    this.now = options.now;
    this.installationId = options.installationId;
    this.account(options.appLogin, "Bot");
  }

  /** One sequence for every database id, so ids never collide across kinds, as on GitHub. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  deliveryId(): string {
    this.lastDelivery += 1;
    return `00000000-0000-4000-8000-${String(this.lastDelivery).padStart(12, "0")}`;
  }

  /** GitHub timestamps carry no milliseconds. */
  timestamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }

  isApp(login: string): boolean {
    return login.toLowerCase() === this.appLogin.toLowerCase();
  }

  account(login: string, type?: AccountType): Account {
    const key = login.toLowerCase();
    const known = this.accounts.get(key);
    if (known) return known;
    const kind = type ?? (login.endsWith("[bot]") ? "Bot" : "User");
    const databaseId = this.nextId();
    const created = { login, databaseId, nodeId: `${NODE_PREFIX[kind]}_${databaseId}`, type: kind };
    this.accounts.set(key, created);
    return created;
  }

  addOrg(login: string, owners: string[]): Org {
    const org: Org = {
      account: this.account(login, "Organization"),
      owners: new Set(owners.map((o) => this.account(o).login.toLowerCase())),
      members: new Set(),
      teams: new Map(),
      projects: new Map(),
    };
    this.orgs.set(login.toLowerCase(), org);
    return org;
  }

  org(login: string): Org | undefined {
    return this.orgs.get(login.toLowerCase());
  }

  isOrgMember(org: Org, login: string): boolean {
    const key = login.toLowerCase();
    if (org.owners.has(key) || org.members.has(key)) return true;
    return [...org.teams.values()].some((members) => members.has(key));
  }

  addRepo(ref: RepoRef, options: RepoOptions = {}): Repo {
    if (this.repos.has(repoKey(ref.owner, ref.repo))) {
      throw new Error(`repository ${ref.owner}/${ref.repo} already exists`);
    }
    const owner = this.account(ref.owner, this.org(ref.owner) ? "Organization" : undefined);
    const databaseId = this.nextId();
    const repo: Repo = {
      owner: owner.login,
      name: ref.repo,
      id: `R_${databaseId}`,
      databaseId,
      defaultBranch: options.defaultBranch ?? "main",
      private: options.private ?? false,
      createdAt: this.timestamp(),
      trees: new Map(),
      heads: new Map(),
      labels: [],
      collaborators: new Map(),
      contributors: new Set(),
      issues: new Map(),
      pulls: new Map(),
      checkRuns: [],
      lastNumber: 0,
    };
    this.repos.set(repoKey(ref.owner, ref.repo), repo);
    this.register({ kind: "repo", repo });
    const initial = this.newSha(repo);
    repo.trees.set(repo.defaultBranch, new Map());
    repo.trees.set(initial, new Map());
    repo.heads.set(repo.defaultBranch, initial);
    return repo;
  }

  /** Deterministic, yet shaped like a real commit sha. */
  newSha(repo: Repo): string {
    return createHash("sha1")
      .update(`${fullName(repo)}:${this.nextId()}`)
      .digest("hex");
  }

  findRepo(ref: RepoRef): Repo | undefined {
    return this.repos.get(repoKey(ref.owner, ref.repo));
  }

  /** REST and GraphQL both answer an unknown repository with "not found". */
  repo(ref: RepoRef): Repo {
    const repo = this.findRepo(ref);
    if (!repo) {
      throw new GitHubError(
        `Could not resolve to a Repository ${ref.owner}/${ref.repo}`,
        "not-found",
        404,
      );
    }
    return repo;
  }

  /** Makes a new object addressable by node id, as mutations address everything. */
  register(entry: NodeEntry): void {
    this.nodes.set(nodeIdOf(entry), entry);
  }

  unregister(id: string): void {
    this.nodes.delete(id);
  }

  node(id: string): NodeEntry | undefined {
    return this.nodes.get(id);
  }

  /** A pull request's number finds its issue side, as GitHub's REST issues API does. */
  findIssue(ref: IssueRef): { repo: Repo; issue: Issue } | undefined {
    const repo = this.findRepo(ref);
    const issue = repo?.issues.get(ref.number) ?? repo?.pulls.get(ref.number)?.thread;
    return repo && issue ? { repo, issue } : undefined;
  }

  /** For test-side helpers, where an unknown issue is a mistake in the test itself. */
  requireIssue(ref: IssueRef): { repo: Repo; issue: Issue } {
    const found = this.findIssue(ref);
    if (!found) throw new Error(`no issue ${ref.owner}/${ref.repo}#${ref.number} in MemoryGitHub`);
    return found;
  }

  /** GitHub matches label names case-insensitively. */
  labelByName(repo: Repo, name: string): Label | undefined {
    const wanted = name.toLowerCase();
    return repo.labels.find((label) => label.name.toLowerCase() === wanted);
  }

  permission(repo: Repo, login: string): RepoPermission {
    const key = login.toLowerCase();
    const collaborator = repo.collaborators.get(key);
    if (collaborator) return collaborator.permission;
    if (this.org(repo.owner)?.owners.has(key)) return "admin";
    if (repo.owner.toLowerCase() === key && !this.org(repo.owner)) return "admin";
    return "none";
  }

  createLabel(repo: Repo, name: string, color: string, description: string): Label {
    if (this.labelByName(repo, name)) {
      throw new GitHubError(
        `Label "${name}" already exists: Name has already been taken`,
        "validation",
        422,
      );
    }
    const databaseId = this.nextId();
    const label = { id: `LA_${databaseId}`, databaseId, name, color, description };
    repo.labels.push(label);
    this.register({ kind: "label", repo, label });
    return label;
  }

  /** Adding a label by name creates it when missing, as the web UI and REST do. */
  ensureLabel(repo: Repo, name: string): Label {
    return this.labelByName(repo, name) ?? this.createLabel(repo, name, DEFAULT_LABEL_COLOR, "");
  }
}
