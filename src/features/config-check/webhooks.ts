/**
 * A change to `.github/squad-bot.yml` gets a check run on its commit, refreshes the cached config,
 * and on the default branch opens or closes the one "config is invalid" issue.
 */
import type { Scope } from "../feature.js";
import type { PullRequestHint, PushHint } from "../hints.js";
import { configChangedIn, reportConfigHealth, runConfigCheck } from "./index.js";

export const wantsPush = (hint: PushHint): boolean => configChangedIn(hint.paths);

export async function onConfigPush(scope: Scope, hint: PushHint): Promise<void> {
  const { repo } = hint;
  const onDefaultBranch = hint.ref === `refs/heads/${hint.defaultBranch}`;
  // The org's `.github` repository holds defaults for every repository of the owner.
  if (onDefaultBranch && repo.repo === ".github") scope.invalidateConfig(repo.owner, null);
  if (onDefaultBranch) scope.invalidateConfig(repo.owner, repo.repo);
  const result = await runConfigCheck(scope.port, repo, { sha: hint.after, ref: hint.after });
  if (onDefaultBranch) {
    // The pushed commit is the default branch's head, so its config is the one now in force.
    scope.storeConfig(repo, result);
    await reportConfigHealth(scope.port, repo, result, await scope.appLogin());
  }
  scope.log.info({ repo, ok: result.ok }, "checked squad-bot config");
}

const PR_ACTIONS = new Set(["opened", "synchronize", "reopened"]);

export const wantsPullRequest = (hint: PullRequestHint): boolean => PR_ACTIONS.has(hint.action);

export async function onConfigPullRequest(scope: Scope, hint: PullRequestHint): Promise<void> {
  const { repo } = hint;
  if (!configChangedIn(await scope.port.listPullRequestFiles(repo, hint.number))) return;
  const result = await runConfigCheck(scope.port, repo, { sha: hint.headSha, ref: hint.headSha });
  scope.log.info(
    { repo, pull: hint.number, ok: result.ok },
    "checked squad-bot config in a pull request",
  );
}
