/** Arranging and inspecting the in-memory GitHub from tests: none of this counts as a request. */
import type { IssueRef, RepoRef } from "../../src/github/types.js";
import { commit, readFile } from "./git.js";
import type { Permission } from "./model.js";
import {
  addField,
  createProject,
  fieldByName,
  itemFor,
  type ProjectFieldSeed,
  type ProjectSeed,
  requireProject,
} from "./projects.js";
import { Store, type StoreOptions } from "./store.js";
import {
  type CheckRunView,
  type CommentView,
  commentView,
  type IssueView,
  issueView,
  type LabelView,
  labelNames,
} from "./views.js";

export interface LabelSeed {
  name: string;
  /** Hex without '#'; GitHub's grey by default. */
  color?: string;
  description?: string;
}

export interface RepoSeed {
  defaultBranch?: string;
  private?: boolean;
  /** Files on the default branch. */
  files?: Record<string, string>;
  labels?: (string | LabelSeed)[];
}

export class MemoryGitHubSetup {
  protected readonly store: Store;

  constructor(options: StoreOptions) {
    this.store = new Store(options);
  }

  get appLogin(): string {
    return this.store.appLogin;
  }

  addOrg(login: string, people: { owners?: string[]; members?: string[] } = {}): void {
    const org = this.store.addOrg(login, people.owners ?? []);
    for (const member of people.members ?? []) {
      org.members.add(this.store.account(member).login.toLowerCase());
    }
  }

  /** Team members are members of the organization too. */
  addTeam(org: string, slug: string, members: string[]): void {
    const found = this.store.org(org);
    if (!found) throw new Error(`no organization ${org}: addOrg first`);
    const logins = members.map((m) => this.store.account(m).login.toLowerCase());
    found.teams.set(slug.toLowerCase(), new Set(logins));
  }

  /** Returns the repository's ref plus its node id (`repositoryId` in mutations). */
  addRepo(ref: RepoRef, seed: RepoSeed = {}): RepoRef & { id: string } {
    const repo = this.store.addRepo(ref, seed);
    for (const label of seed.labels ?? []) this.createLabel(ref, label);
    if (seed.files) commit(this.store, repo, repo.owner, repo.defaultBranch, seed.files, "Seed");
    return { owner: repo.owner, repo: repo.name, id: repo.id };
  }

  /** An account that exists on GitHub without having done anything here yet. */
  addAccount(login: string): void {
    this.store.account(login);
  }

  addCollaborator(repo: RepoRef, login: string, permission: Permission): void {
    const account = this.store.account(login);
    this.store
      .repo(repo)
      .collaborators.set(account.login.toLowerCase(), { login: account.login, permission });
  }

  createLabel(repo: RepoRef, seed: string | LabelSeed): LabelView {
    const {
      name,
      color = "ededed",
      description = "",
    } = typeof seed === "string" ? { name: seed } : seed;
    const label = this.store.createLabel(this.store.repo(repo), name, color, description);
    return { id: label.id, name: label.name, color: label.color, description: label.description };
  }

  /** Commits a file (null deletes it) without a webhook; returns the commit sha. */
  setFile(repo: RepoRef, path: string, content: string | null, branch?: string): string {
    const found = this.store.repo(repo);
    const target = branch ?? found.defaultBranch;
    return commit(this.store, found, found.owner, target, { [path]: content }, `Set ${path}`).sha;
  }

  issue(ref: IssueRef): IssueView | undefined {
    const found = this.store.findIssue(ref);
    return found && issueView(found.repo, found.issue);
  }

  /** Every issue of the repository, by number. */
  issues(repo: RepoRef): IssueView[] {
    const found = this.store.repo(repo);
    return [...found.issues.values()].map((issue) => issueView(found, issue));
  }

  labelsOf(ref: IssueRef): string[] {
    const { repo, issue } = this.store.requireIssue(ref);
    return labelNames(repo, issue);
  }

  commentsOf(ref: IssueRef): CommentView[] {
    return this.store.requireIssue(ref).issue.comments.map(commentView);
  }

  botComments(ref: IssueRef): CommentView[] {
    return this.commentsOf(ref).filter((c) => this.store.isApp(c.author));
  }

  checkRuns(repo: RepoRef): CheckRunView[] {
    return structuredClone(this.store.repo(repo).checkRuns);
  }

  repoLabels(repo: RepoRef): LabelView[] {
    return this.store.repo(repo).labels.map(({ id, name, color, description }) => ({
      id,
      name,
      color,
      description,
    }));
  }

  /** An organization Projects v2 board; returns its node id. */
  addProject(org: string, seed: ProjectSeed): string {
    return createProject(this.store, org, seed).id;
  }

  addProjectField(org: string, number: number, seed: ProjectFieldSeed): void {
    addField(this.store, requireProject(this.store, org, number), seed);
  }

  /** Renames a single-select option in place (its id stays), as the board's field editor does. */
  renameProjectOption(org: string, number: number, field: string, from: string, to: string): void {
    const options = fieldByName(requireProject(this.store, org, number), field)?.options ?? [];
    const option = options.find((o) => o.name === from);
    if (!option) throw new Error(`no option ${from} in ${field}`);
    option.name = to;
  }

  /** The app's organization "Projects" permission: none, read, or write (the default). */
  setProjectAccess(access: "none" | "read" | "write"): void {
    this.store.projectAccess = access;
  }

  /** The issue's item on a board: archived or not, and each field's value by name. */
  projectItem(
    org: string,
    number: number,
    ref: IssueRef,
  ): { id: string; archived: boolean; fields: Record<string, string | null> } | undefined {
    const project = requireProject(this.store, org, number);
    const item = itemFor(project, this.store.requireIssue(ref).issue.id);
    if (!item) return undefined;
    const fields: Record<string, string | null> = {};
    for (const field of project.fields) {
      const value = item.values.get(field.id);
      fields[field.name] = !value
        ? null
        : "optionId" in value
          ? (field.options.find((o) => o.id === value.optionId)?.name ?? null)
          : "date" in value
            ? value.date
            : value.text;
    }
    return { id: item.id, archived: item.archivedAt !== null, fields };
  }

  /** File text at a branch or sha (default branch when omitted), as the app would read it. */
  file(repo: RepoRef, path: string, ref?: string): string | null {
    return readFile(this.store.repo(repo), path, ref);
  }
}
