/** Webhook deliveries shaped like GitHub's: a real example payload overridden with our state. */
import type { Context } from "probot";
import {
  example,
  type JsonObject,
  object,
  organizationTemplate,
  rewriteStrings,
} from "./examples.js";
import type {
  Comment,
  Commit,
  Issue,
  Label,
  Org,
  Project,
  ProjectItem,
  PullRequest,
  Repo,
  Review,
} from "./model.js";
import { fullName } from "./model.js";
import {
  accountJson,
  authorAssociation,
  commentJson,
  issueJson,
  labelJson,
  repoJson,
} from "./payload-parts.js";
import type { Store } from "./store.js";

export type EventName =
  | "issues"
  | "issue_comment"
  | "push"
  | "pull_request"
  | "pull_request_review"
  | "release"
  | "projects_v2_item";

/** One delivery, typed as Probot types it, so `probot.receive(event)` accepts it as is. */
export type WebhookEvent<N extends EventName = EventName> = N extends EventName
  ? { id: string; name: N; payload: Context<N>["payload"] }
  : never;

/** What GitHub sends back for the app's own writes: issue, comment and project item events. */
export type AppEvent = WebhookEvent<"issues" | "issue_comment" | "projects_v2_item">;

export type ProjectItemAction =
  | "created"
  | "edited"
  | "archived"
  | "restored"
  | "deleted"
  | "converted";

/** What changed, as `changes` of a `projects_v2_item` delivery spells it. */
export type ProjectItemChanges =
  | { field_value: JsonObject }
  | { archived_at: { from: string | null; to: string | null } }
  | { content_type: { from: string; to: string } };

export type IssuesAction = "opened" | "edited" | "closed" | "reopened" | "labeled" | "unlabeled";
export type CommentAction = "created" | "edited" | "deleted";

const short = (sha: string): string => sha.slice(0, 12);

/** Points the example's pull request links (`_links`, `commits_url` …) at our number. */
function renumber(pull: JsonObject, number: number): JsonObject {
  let json = pull;
  for (const path of ["pulls", "pull", "issues"]) {
    json = rewriteStrings(json, `/${path}/${String(pull.number)}`, `/${path}/${number}`);
  }
  return json;
}

export class Webhooks {
  constructor(private readonly store: Store) {}

  issues(
    repo: Repo,
    issue: Issue,
    action: IssuesAction,
    sender: string,
    extra: { label?: Label; changes?: JsonObject } = {},
  ): WebhookEvent<"issues"> {
    const payload = this.envelope("issues", action, repo, sender);
    payload.issue = issueJson(this.store, payload.issue, repo, issue);
    if (extra.label) payload.label = labelJson(repo, extra.label.id);
    if (extra.changes) payload.changes = extra.changes;
    else if (action !== "edited") delete payload.changes;
    return this.deliver("issues", payload);
  }

  issueComment(
    repo: Repo,
    issue: Issue,
    comment: Comment,
    action: CommentAction,
    sender: string,
    previousBody?: string,
  ): WebhookEvent<"issue_comment"> {
    const payload = this.envelope("issue_comment", action, repo, sender);
    payload.issue = issueJson(this.store, payload.issue, repo, issue);
    payload.comment = commentJson(this.store, payload.comment, repo, issue, comment);
    if (action === "edited") payload.changes = { body: { from: previousBody ?? "" } };
    return this.deliver("issue_comment", payload);
  }

  push(repo: Repo, branch: string, made: Commit & { before: string }, sender: string) {
    const payload = this.envelope("push", undefined, repo, sender);
    const pusher = this.store.account(sender);
    const email = `${pusher.databaseId}+${pusher.login}@users.noreply.github.com`;
    const person = { name: pusher.login, email, username: pusher.login };
    const web = `https://github.com/${fullName(repo)}`;
    const commitJson = {
      ...object(payload.head_commit),
      id: made.sha,
      // Trees are not modelled; any stable 40-hex value keeps the field's shape.
      tree_id: made.sha.split("").reverse().join(""),
      distinct: true,
      message: made.message,
      timestamp: made.timestamp,
      url: `${web}/commit/${made.sha}`,
      author: person,
      committer: person,
      added: made.added,
      removed: made.removed,
      modified: made.modified,
    };
    Object.assign(payload, {
      ref: `refs/heads/${branch}`,
      before: made.before,
      after: made.sha,
      created: /^0+$/.test(made.before),
      deleted: false,
      forced: false,
      base_ref: null,
      compare: `${web}/compare/${short(made.before)}...${short(made.sha)}`,
      commits: [commitJson],
      head_commit: commitJson,
      pusher: { name: pusher.login, email },
    });
    return this.deliver("push", payload);
  }

  /** `opened`, or `closed` (merged when `pull.mergedAt` is set). */
  pullRequest(
    repo: Repo,
    pull: PullRequest,
    sender: string,
    action: "opened" | "closed" = "opened",
  ): WebhookEvent<"pull_request"> {
    const payload = this.envelope("pull_request", action, repo, sender);
    payload.number = pull.number;
    payload.pull_request = this.pullJson(payload, repo, pull);
    return this.deliver("pull_request", payload);
  }

  pullRequestReview(
    repo: Repo,
    pull: PullRequest,
    review: Review,
    sender: string,
  ): WebhookEvent<"pull_request_review"> {
    const payload = this.envelope("pull_request_review", "submitted", repo, sender);
    payload.pull_request = this.pullJson(payload, repo, pull);
    const template = object(payload.review);
    const web = `https://github.com/${fullName(repo)}/pull/${pull.number}`;
    payload.review = {
      ...template,
      id: review.databaseId,
      node_id: review.id,
      user: accountJson(template.user, this.store.account(review.author)),
      body: review.body,
      state: review.state.toLowerCase(),
      html_url: `${web}#pullrequestreview-${review.databaseId}`,
      pull_request_url: `https://api.github.com/repos/${fullName(repo)}/pulls/${pull.number}`,
      submitted_at: review.submittedAt,
      commit_id: pull.headSha,
      author_association: authorAssociation(this.store, repo, review.author),
    };
    return this.deliver("pull_request_review", payload);
  }

  release(
    repo: Repo,
    release: { tag: string; name: string; body: string; prerelease: boolean },
    sender: string,
  ): WebhookEvent<"release"> {
    const payload = this.envelope("release", "published", repo, sender);
    const template = object(payload.release);
    const id = this.store.nextId();
    payload.release = {
      ...template,
      id,
      node_id: `RE_${id}`,
      tag_name: release.tag,
      name: release.name,
      body: release.body,
      draft: false,
      prerelease: release.prerelease,
      html_url: `https://github.com/${fullName(repo)}/releases/tag/${release.tag}`,
      author: accountJson(template.author, this.store.account(sender)),
      created_at: this.store.timestamp(),
      published_at: this.store.timestamp(),
    };
    return this.deliver("release", payload);
  }

  private pullJson(payload: JsonObject, repo: Repo, pull: PullRequest): JsonObject {
    const json = renumber(object(payload.pull_request), pull.number);
    const url = `https://api.github.com/repos/${fullName(repo)}/pulls/${pull.number}`;
    const side = (template: unknown, ref: string, sha: string) => ({
      ...object(template),
      label: `${repo.owner}:${ref}`,
      ref,
      sha,
      user: object(payload.repository).owner,
      repo: payload.repository,
    });
    const { thread } = pull;
    return {
      ...json,
      url,
      html_url: `https://github.com/${fullName(repo)}/pull/${pull.number}`,
      issue_url: `https://api.github.com/repos/${fullName(repo)}/issues/${pull.number}`,
      id: pull.databaseId,
      node_id: pull.id,
      number: pull.number,
      state: thread.state,
      title: pull.title,
      body: pull.body,
      user: accountJson(json.user, this.store.account(pull.author)),
      author_association: authorAssociation(this.store, repo, pull.author),
      created_at: pull.createdAt,
      updated_at: thread.updatedAt,
      closed_at: thread.closedAt,
      merged_at: pull.mergedAt,
      merged_by: pull.mergedBy ? accountJson(json.user, this.store.account(pull.mergedBy)) : null,
      labels: thread.labelIds.map((id) => labelJson(repo, id)),
      assignee: null,
      assignees: [],
      milestone: null,
      head: side(json.head, pull.headRef, pull.headSha),
      base: side(json.base, pull.baseRef, pull.baseSha),
      draft: false,
      merged: pull.mergedAt !== null,
      changed_files: pull.files.length,
    };
  }

  /** Organization project events carry no `repository`: only the item's content node id. */
  projectsV2Item(
    project: Project,
    item: ProjectItem,
    action: ProjectItemAction,
    sender: string,
    changes?: ProjectItemChanges,
  ): WebhookEvent<"projects_v2_item"> {
    const payload = example("projects_v2_item", action);
    const template = object(payload.projects_v2_item);
    payload.projects_v2_item = {
      ...template,
      id: item.databaseId,
      node_id: item.id,
      project_node_id: project.id,
      content_node_id: item.contentId,
      content_type: "Issue",
      creator: accountJson(template.creator, this.store.account(item.creator)),
      created_at: item.createdAt,
      updated_at: item.updatedAt,
      archived_at: item.archivedAt,
    };
    if (changes) payload.changes = changes;
    else delete payload.changes;
    const org = this.store.org(project.org);
    if (!org) throw new Error(`no organization ${project.org}`);
    payload.organization = this.orgJson(payload.organization, org);
    this.sign(payload, sender);
    return this.deliver("projects_v2_item", payload);
  }

  private orgJson(template: unknown, org: Org): JsonObject {
    const json = template ? object(template) : organizationTemplate();
    return {
      ...rewriteStrings(json, `/${String(json.login)}`, `/${org.account.login}`),
      login: org.account.login,
      id: org.account.databaseId,
      node_id: org.account.nodeId,
    };
  }

  /** Sender and installation, which every delivery to an installed app carries. */
  private sign(payload: JsonObject, sender: string): void {
    payload.sender = accountJson(payload.sender, this.store.account(sender));
    const installation = this.store.installationId;
    payload.installation = {
      id: installation,
      node_id: Buffer.from(`023:IntegrationInstallation${installation}`).toString("base64"),
    };
  }

  /** What every delivery to an installed app carries: repository, org, sender, installation. */
  private envelope(name: EventName, action: string | undefined, repo: Repo, sender: string) {
    const raw = example(name, action);
    const payload = rewriteStrings(raw, String(object(raw.repository).full_name), fullName(repo));
    payload.repository = repoJson(this.store, payload.repository, repo);
    const org = this.store.org(repo.owner);
    if (org) payload.organization = this.orgJson(payload.organization, org);
    else delete payload.organization;
    this.sign(payload, sender);
    return payload;
  }

  private deliver<N extends EventName>(name: N, payload: JsonObject): WebhookEvent<N> {
    return { id: this.store.deliveryId(), name, payload } as unknown as WebhookEvent<N>;
  }
}
