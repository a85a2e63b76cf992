/** Commits, branches and pull requests: just enough git for config files and changed-file lists. */
import type { Commit, Issue, PullRequest, Repo } from "./model.js";
import type { Store } from "./store.js";

/** A file's new content, or null to delete it. */
export type FileChanges = Record<string, string | null>;

const ZERO_SHA = "0".repeat(40);

/** Commits `files` on `branch`, branching from `from` when `branch` is new. */
export function commit(
  store: Store,
  repo: Repo,
  author: string,
  branch: string,
  files: FileChanges,
  message: string,
  from = repo.defaultBranch,
): Commit & { before: string } {
  const before = repo.heads.get(branch) ?? ZERO_SHA;
  const tree = new Map(repo.trees.get(branch) ?? repo.trees.get(from));
  const made: Commit = {
    sha: store.newSha(repo),
    message,
    author: store.account(author).login,
    timestamp: store.timestamp(),
    added: [],
    modified: [],
    removed: [],
  };
  for (const [path, content] of Object.entries(files)) {
    if (content === null) {
      if (tree.delete(path)) made.removed.push(path);
      continue;
    }
    (tree.has(path) ? made.modified : made.added).push(path);
    tree.set(path, content);
  }
  repo.trees.set(branch, tree);
  repo.trees.set(made.sha, tree);
  repo.heads.set(branch, made.sha);
  return { ...made, before };
}

/** `path` at a branch, a `refs/heads/` ref or a commit sha; the default branch when omitted. */
export function readFile(repo: Repo, path: string, ref?: string): string | null {
  const key = (ref ?? repo.defaultBranch).replace(/^refs\/heads\//, "");
  return repo.trees.get(key)?.get(path.replace(/^\//, "")) ?? null;
}

export interface PullFields {
  title: string;
  body: string;
  files: FileChanges;
  head: string;
  base: string;
}

export function openPull(
  store: Store,
  repo: Repo,
  author: string,
  fields: PullFields,
): PullRequest {
  const baseSha = repo.heads.get(fields.base);
  if (!baseSha) throw new Error(`no branch ${fields.base} in ${repo.owner}/${repo.name}`);
  const head = commit(store, repo, author, fields.head, fields.files, fields.title, fields.base);
  const databaseId = store.nextId();
  repo.lastNumber += 1;
  const at = store.timestamp();
  const login = store.account(author).login;
  const thread: Issue = {
    id: `PR_${databaseId}`,
    databaseId,
    number: repo.lastNumber,
    title: fields.title,
    body: fields.body,
    state: "open",
    stateReason: null,
    author: login,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    labelIds: [],
    comments: [],
    reactions: [],
    pullRequest: true,
  };
  // Registered under the pull request's node id, so comments and reactions on it resolve.
  store.register({ kind: "issue", repo, issue: thread });
  const pull: PullRequest = {
    id: thread.id,
    databaseId,
    number: repo.lastNumber,
    title: fields.title,
    body: fields.body,
    author: login,
    createdAt: at,
    headRef: fields.head,
    headSha: head.sha,
    baseRef: fields.base,
    baseSha,
    files: Object.keys(fields.files),
    thread,
    mergedAt: null,
    mergedBy: null,
    reviews: [],
  };
  repo.pulls.set(pull.number, pull);
  return pull;
}
