/** The objects inside webhook payloads (account, repository, label, issue, comment) from state. */
import { type JsonObject, object, rewriteStrings } from "./examples.js";
import {
  type Account,
  type Comment,
  fullName,
  type Issue,
  REST_REACTIONS,
  type Reaction,
  type Repo,
} from "./model.js";
import type { Store } from "./store.js";

const API = "https://api.github.com";
const WEB = "https://github.com";

export function accountJson(template: unknown, account: Account): JsonObject {
  const base = object(template);
  const json = rewriteStrings(base, `/${String(base.login)}`, `/${account.login}`);
  return {
    ...json,
    login: account.login,
    id: account.databaseId,
    node_id: account.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${account.databaseId}?v=4`,
    html_url:
      account.type === "Bot"
        ? `${WEB}/apps/${account.login.replace(/\[bot\]$/, "")}`
        : `${WEB}/${account.login}`,
    type: account.type,
    site_admin: false,
  };
}

export function repoJson(store: Store, template: unknown, repo: Repo): JsonObject {
  const json = object(template);
  const owner = store.account(repo.owner);
  return {
    ...json,
    id: repo.databaseId,
    node_id: repo.id,
    name: repo.name,
    full_name: fullName(repo),
    owner: accountJson(json.owner, owner),
    private: repo.private,
    ...("visibility" in json ? { visibility: repo.private ? "private" : "public" } : {}),
    html_url: `${WEB}/${fullName(repo)}`,
    url: `${API}/repos/${fullName(repo)}`,
    default_branch: repo.defaultBranch,
    ...("master_branch" in json ? { master_branch: repo.defaultBranch } : {}),
  };
}

/** A person's relation to the repository as GitHub reports it: history, not permission. */
export function authorAssociation(store: Store, repo: Repo, login: string): string {
  const key = login.toLowerCase();
  if (store.isApp(login)) return "NONE";
  if (repo.owner.toLowerCase() === key) return "OWNER";
  const org = store.org(repo.owner);
  if (org && store.isOrgMember(org, login)) return "MEMBER";
  if (repo.collaborators.has(key)) return "COLLABORATOR";
  if (repo.contributors.has(key)) return "CONTRIBUTOR";
  return "NONE";
}

export function labelJson(repo: Repo, labelId: string): JsonObject {
  const label = repo.labels.find((l) => l.id === labelId);
  if (!label) throw new Error(`label ${labelId} is not in ${fullName(repo)}`);
  return {
    id: label.databaseId,
    node_id: label.id,
    url: `${API}/repos/${fullName(repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

function reactionsJson(url: string, reactions: Reaction[]): JsonObject {
  const counts: JsonObject = { url, total_count: reactions.length };
  for (const [content, rest] of Object.entries(REST_REACTIONS)) {
    counts[rest] = reactions.filter((r) => r.content === content).length;
  }
  return counts;
}

const threadPath = (issue: Issue) => (issue.pullRequest ? "pull" : "issues");

/** What marks an issue payload as a pull request's; `merged_at` is left null, as issue events do. */
function pullRequestLink(repo: Repo, number: number): JsonObject {
  const web = `${WEB}/${fullName(repo)}/pull/${number}`;
  return {
    url: `${API}/repos/${fullName(repo)}/pulls/${number}`,
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    merged_at: null,
  };
}

export function issueJson(store: Store, template: unknown, repo: Repo, issue: Issue): JsonObject {
  const json = object(template);
  const url = `${API}/repos/${fullName(repo)}/issues/${issue.number}`;
  return {
    ...json,
    url,
    repository_url: `${API}/repos/${fullName(repo)}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${fullName(repo)}/${threadPath(issue)}/${issue.number}`,
    id: issue.databaseId,
    node_id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    user: accountJson(json.user, store.account(issue.author)),
    labels: issue.labelIds.map((id) => labelJson(repo, id)),
    state: issue.state,
    state_reason: issue.stateReason,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: issue.comments.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(store, repo, issue.author),
    reactions: reactionsJson(`${url}/reactions`, issue.reactions),
    ...("timeline_url" in json ? { timeline_url: `${url}/timeline` } : {}),
    ...(issue.pullRequest ? { pull_request: pullRequestLink(repo, issue.number) } : {}),
  };
}

export function commentJson(
  store: Store,
  template: unknown,
  repo: Repo,
  issue: Issue,
  comment: Comment,
): JsonObject {
  const json = object(template);
  const url = `${API}/repos/${fullName(repo)}/issues/comments/${comment.databaseId}`;
  return {
    ...json,
    url,
    html_url: `${WEB}/${fullName(repo)}/${threadPath(issue)}/${issue.number}#issuecomment-${comment.databaseId}`,
    issue_url: `${API}/repos/${fullName(repo)}/issues/${issue.number}`,
    id: comment.databaseId,
    node_id: comment.id,
    user: accountJson(json.user, store.account(comment.author)),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(store, repo, comment.author),
    body: comment.body,
    reactions: reactionsJson(`${url}/reactions`, comment.reactions),
  };
}
