/** People acting on the in-memory GitHub: each action changes the state and returns its webhook. */
import type { IssueRef, RepoPermission, RepoRef } from "../../src/github/types.js";
import { BoardActor } from "./board.js";
import { commit, type FileChanges, openPull } from "./git.js";
import {
  addComment,
  addLabel,
  type CloseStateReason,
  closeIssue,
  createIssue,
  deleteComment,
  editComment,
  react,
  removeLabel,
  reopenIssue,
  setIssueBody,
} from "./issue-edits.js";
import {
  type Comment,
  fullName,
  type Issue,
  PERMISSION_RANK,
  type Repo,
  type RestReaction,
  reactionFromRest,
} from "./model.js";
import { requireProject } from "./projects.js";
import type { Store } from "./store.js";
import type { WebhookEvent, Webhooks } from "./webhooks.js";

export interface OpenIssueInput {
  title: string;
  body?: string;
  /** Applied whatever the author's permission, as issue templates do. */
  labels?: string[];
}

export interface PushInput {
  /** New content per path; null deletes the file. */
  files: FileChanges;
  /** Defaults to the repository's default branch. */
  branch?: string;
  message?: string;
}

export interface PullRequestInput {
  files: FileChanges;
  title?: string;
  body?: string;
  /** Head branch; defaults to `<login>-patch-<n>`. */
  head?: string;
  /** Base branch; defaults to the repository's default branch. */
  base?: string;
}

export type IssueOpened = WebhookEvent<"issues"> & { ref: IssueRef };
export type CommentCreated = WebhookEvent<"issue_comment"> & { commentId: number; nodeId: string };
export type Pushed = WebhookEvent<"push"> & { sha: string };
export type PullRequestOpened = WebhookEvent<"pull_request"> & { ref: IssueRef; headSha: string };

export class Actor {
  constructor(
    private readonly store: Store,
    private readonly webhooks: Webhooks,
    readonly login: string,
  ) {
    store.account(login);
  }

  /** This person on an organization's project board. */
  board(org: string, number: number): BoardActor {
    return new BoardActor(
      this.store,
      this.webhooks,
      requireProject(this.store, org, number),
      this.login,
    );
  }

  openIssue(repoRef: RepoRef, input: OpenIssueInput): IssueOpened {
    const repo = this.store.repo(repoRef);
    const issue = createIssue(this.store, repo, this.login, {
      title: input.title,
      body: input.body ?? "",
    });
    for (const name of input.labels ?? [])
      addLabel(this.store, issue, this.store.ensureLabel(repo, name));
    const event = this.webhooks.issues(repo, issue, "opened", this.login);
    return { ...event, ref: { owner: repo.owner, repo: repo.name, number: issue.number } };
  }

  comment(ref: IssueRef, body: string): CommentCreated {
    const { repo, issue } = this.store.requireIssue(ref);
    const comment = addComment(this.store, repo, issue, this.login, body);
    const event = this.webhooks.issueComment(repo, issue, comment, "created", this.login);
    return { ...event, commentId: comment.databaseId, nodeId: comment.id };
  }

  /** `commentId`: the REST id (`databaseId`) or the node id. */
  editComment(
    ref: IssueRef,
    commentId: number | string,
    body: string,
  ): WebhookEvent<"issue_comment"> {
    const { repo, issue, comment } = this.commentToChange(ref, commentId);
    const previous = editComment(this.store, comment, body);
    return this.webhooks.issueComment(repo, issue, comment, "edited", this.login, previous);
  }

  deleteComment(ref: IssueRef, commentId: number | string): WebhookEvent<"issue_comment"> {
    const { repo, issue, comment } = this.commentToChange(ref, commentId);
    deleteComment(this.store, issue, comment);
    return this.webhooks.issueComment(repo, issue, comment, "deleted", this.login);
  }

  /** Creates the label when the repository lacks it, as the web UI offers to. */
  addLabel(ref: IssueRef, name: string): WebhookEvent<"issues"> {
    const { repo, issue } = this.store.requireIssue(ref);
    this.require(repo, "triage", `label ${fullName(repo)}#${issue.number}`);
    const label = this.store.ensureLabel(repo, name);
    if (!addLabel(this.store, issue, label))
      this.nothingHappens(`#${issue.number} already has ${name}`);
    return this.webhooks.issues(repo, issue, "labeled", this.login, { label });
  }

  removeLabel(ref: IssueRef, name: string): WebhookEvent<"issues"> {
    const { repo, issue } = this.store.requireIssue(ref);
    this.require(repo, "triage", `unlabel ${fullName(repo)}#${issue.number}`);
    const label = this.store.labelByName(repo, name);
    if (!label || !removeLabel(this.store, issue, label)) {
      this.nothingHappens(`#${issue.number} does not have ${name}`);
    }
    return this.webhooks.issues(repo, issue, "unlabeled", this.login, { label });
  }

  close(ref: IssueRef, reason: CloseStateReason = "completed"): WebhookEvent<"issues"> {
    const { repo, issue } = this.issueToChange(ref, "triage");
    if (!closeIssue(this.store, issue, reason)) this.nothingHappens(`#${issue.number} is closed`);
    return this.webhooks.issues(repo, issue, "closed", this.login);
  }

  reopen(ref: IssueRef): WebhookEvent<"issues"> {
    const { repo, issue } = this.issueToChange(ref, "triage");
    if (!reopenIssue(this.store, issue)) this.nothingHappens(`#${issue.number} is open`);
    return this.webhooks.issues(repo, issue, "reopened", this.login);
  }

  editBody(ref: IssueRef, body: string): WebhookEvent<"issues"> {
    const { repo, issue } = this.issueToChange(ref, "write");
    const from = setIssueBody(this.store, issue, body);
    return this.webhooks.issues(repo, issue, "edited", this.login, { changes: { body: { from } } });
  }

  /** Reacts to the issue, or to one of its comments; GitHub sends no webhook for reactions. */
  react(ref: IssueRef, content: RestReaction, options: { commentId?: number | string } = {}): void {
    const { issue } = this.store.requireIssue(ref);
    const target = options.commentId === undefined ? issue : findComment(issue, options.commentId);
    react(this.store, target, this.login, reactionFromRest(content));
  }

  push(repoRef: RepoRef, input: PushInput): Pushed {
    const repo = this.store.repo(repoRef);
    this.require(repo, "write", `push to ${fullName(repo)}`);
    const branch = input.branch ?? repo.defaultBranch;
    const message = input.message ?? `Update ${Object.keys(input.files).join(", ")}`;
    const made = commit(this.store, repo, this.login, branch, input.files, message);
    repo.contributors.add(this.login.toLowerCase());
    return { ...this.webhooks.push(repo, branch, made, this.login), sha: made.sha };
  }

  openPullRequest(repoRef: RepoRef, input: PullRequestInput): PullRequestOpened {
    const repo = this.store.repo(repoRef);
    const pull = openPull(this.store, repo, this.login, {
      title: input.title ?? `Change ${Object.keys(input.files).join(", ")}`,
      body: input.body ?? "",
      files: input.files,
      head: input.head ?? `${this.login}-patch-${repo.lastNumber + 1}`,
      base: input.base ?? repo.defaultBranch,
    });
    const event = this.webhooks.pullRequest(repo, pull, this.login);
    const ref = { owner: repo.owner, repo: repo.name, number: pull.number };
    return { ...event, ref, headSha: pull.headSha };
  }

  /** Merging needs write; the pull request's issue side closes, as on GitHub. */
  mergePullRequest(ref: IssueRef): WebhookEvent<"pull_request"> {
    const { repo, pull } = this.pullToChange(ref);
    this.require(repo, "write", `merge ${fullName(repo)}#${pull.number}`);
    if (pull.mergedAt !== null) this.nothingHappens(`#${pull.number} is already merged`);
    const at = this.store.timestamp();
    Object.assign(pull.thread, { state: "closed", closedAt: at, updatedAt: at });
    pull.mergedAt = at;
    pull.mergedBy = this.store.account(this.login).login;
    return this.webhooks.pullRequest(repo, pull, this.login, "closed");
  }

  /** Anyone may review; GitHub refuses approving or requesting changes on one's own pull request. */
  review(
    ref: IssueRef,
    state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" = "APPROVED",
    body = "",
  ): WebhookEvent<"pull_request_review"> & { nodeId: string } {
    const { repo, pull } = this.pullToChange(ref);
    const login = this.store.account(this.login).login;
    if (state !== "COMMENTED" && pull.author === login) {
      throw new Error(`${login} cannot ${state.toLowerCase()} their own pull request`);
    }
    const databaseId = this.store.nextId();
    const review = {
      id: `PRR_${databaseId}`,
      databaseId,
      author: login,
      state,
      body,
      submittedAt: this.store.timestamp(),
    };
    pull.reviews.push(review);
    const event = this.webhooks.pullRequestReview(repo, pull, review, this.login);
    return { ...event, nodeId: review.id };
  }

  /** Publishing a release needs write; `name` defaults to the tag. */
  publishRelease(
    repoRef: RepoRef,
    input: { tag: string; name?: string; body?: string; prerelease?: boolean },
  ): WebhookEvent<"release"> {
    const repo = this.store.repo(repoRef);
    this.require(repo, "write", `publish a release of ${fullName(repo)}`);
    const release = {
      tag: input.tag,
      name: input.name ?? input.tag,
      body: input.body ?? "",
      prerelease: input.prerelease ?? false,
    };
    return this.webhooks.release(repo, release, this.login);
  }

  private pullToChange(ref: IssueRef) {
    const repo = this.store.repo(ref);
    const pull = repo.pulls.get(ref.number);
    if (!pull) throw new Error(`no pull request ${ref.owner}/${ref.repo}#${ref.number}`);
    return { repo, pull };
  }

  /** Authors may change their own issue; anyone else needs `least` on the repository. */
  private issueToChange(ref: IssueRef, least: RepoPermission): { repo: Repo; issue: Issue } {
    const found = this.store.requireIssue(ref);
    if (found.issue.author !== this.store.account(this.login).login) {
      this.require(found.repo, least, `change ${fullName(found.repo)}#${ref.number}`);
    }
    return found;
  }

  private commentToChange(ref: IssueRef, commentId: number | string) {
    const { repo, issue } = this.store.requireIssue(ref);
    const comment = findComment(issue, commentId);
    if (comment.author !== this.store.account(this.login).login) {
      this.require(repo, "write", `change comment ${commentId} by ${comment.author}`);
    }
    return { repo, issue, comment };
  }

  /** GitHub's UI would not offer the action: a test asking for it is mistaken. */
  private require(repo: Repo, least: RepoPermission, what: string): void {
    const has = this.store.permission(repo, this.login);
    if (PERMISSION_RANK[has] < PERMISSION_RANK[least]) {
      throw new Error(`${this.login} (permission ${has}) cannot ${what}: GitHub requires ${least}`);
    }
  }

  /** GitHub sends no webhook for a change that changes nothing, so there is no event to return. */
  private nothingHappens(why: string): never {
    throw new Error(`${this.login}: nothing happens on GitHub, so no webhook: ${why}`);
  }
}

function findComment(issue: Issue, id: number | string): Comment {
  const comment = issue.comments.find((c) => c.databaseId === id || c.id === id);
  if (!comment) throw new Error(`no comment ${id} on #${issue.number}`);
  return comment;
}
