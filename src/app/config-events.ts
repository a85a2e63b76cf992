/**
 * `push` and `pull_request` webhooks: a change to `.github/squad-bot.yml` gets a check run on its
 * commit, refreshes the cached config, and on the default branch opens or closes the one
 * "config is invalid" issue.
 */
import type { Context } from "probot";
import {
  configChangedIn,
  reportConfigHealth,
  runConfigCheck,
} from "../features/config-check/index.js";
import { pullRequestPayload, pushPayload, repoOf } from "./payloads.js";
import type { Runtime } from "./runtime.js";

export async function onPush(runtime: Runtime, context: Context): Promise<void> {
  const parsed = pushPayload.safeParse(context.payload);
  if (!parsed.success || parsed.data.deleted) return;
  const payload = parsed.data;
  const repo = repoOf(payload);
  const paths = payload.commits.flatMap((c) => [
    ...(c.added ?? []),
    ...(c.modified ?? []),
    ...(c.removed ?? []),
  ]);
  if (payload.head_commit) {
    paths.push(
      ...(payload.head_commit.added ?? []),
      ...(payload.head_commit.modified ?? []),
      ...(payload.head_commit.removed ?? []),
    );
  }
  if (!configChangedIn(paths)) return;
  const onDefaultBranch =
    payload.ref === `refs/heads/${payload.repository.default_branch ?? "main"}`;
  // The org's `.github` repository holds defaults for every repository of the owner.
  if (onDefaultBranch && repo.repo === ".github") runtime.configs.invalidateOwner(repo.owner);
  if (onDefaultBranch) runtime.configs.invalidate(repo.owner, repo.repo);
  const port = runtime.deps.githubFor(context);
  const result = await runConfigCheck(port, repo, { sha: payload.after, ref: payload.after });
  if (onDefaultBranch) {
    // The pushed commit is the default branch's head, so its config is the one now in force.
    runtime.configs.set(repo.owner, repo.repo, result);
    await reportConfigHealth(port, repo, result, await runtime.appLogin());
  }
  context.log.info({ repo, ok: result.ok }, "checked squad-bot config");
}

const PR_ACTIONS = new Set(["opened", "synchronize", "reopened"]);

export async function onPullRequest(runtime: Runtime, context: Context): Promise<void> {
  const parsed = pullRequestPayload.safeParse(context.payload);
  if (!parsed.success || !PR_ACTIONS.has(parsed.data.action)) return;
  const payload = parsed.data;
  const repo = repoOf(payload);
  const port = runtime.deps.githubFor(context);
  if (!configChangedIn(await port.listPullRequestFiles(repo, payload.number))) return;
  const sha = payload.pull_request.head.sha;
  const result = await runConfigCheck(port, repo, { sha, ref: sha });
  context.log.info(
    { repo, pull: payload.number, ok: result.ok },
    "checked squad-bot config in a pull request",
  );
}
