/**
 * A change to `.github/squad-bot.yml` gets a check run on its commit, and on the default branch
 * opens or closes the one "config is invalid" issue.
 */
import { loadConfig } from "../../config/load.js";
import type { RepoRef } from "../../github/types.js";
import type { Scope } from "../feature.js";
import type { PullRequestHint, PushHint } from "../hints.js";
import {
  type ConfigReportOptions,
  configChangedIn,
  reportCheckRun,
  reportConfigHealth,
  runConfigCheck,
} from "./index.js";

export const wantsPush = (hint: PushHint): boolean => configChangedIn(hint.paths);

/**
 * Dry runs follow the app and the configuration in force, the default branch's: a pull
 * request's own config cannot switch its check off.
 */
async function reportOptions(scope: Scope, repo: RepoRef): Promise<ConfigReportOptions> {
  return {
    dryRun: scope.dryRun(await scope.config(repo)),
    log: scope.log,
    references: scope.services.references,
    templates: scope.templates,
  };
}

export async function onConfigPush(scope: Scope, hint: PushHint): Promise<void> {
  const { repo } = hint;
  const onDefaultBranch = hint.ref === `refs/heads/${hint.defaultBranch}`;
  // Nothing to refresh: every delivery reads the config in force afresh.
  const result = await loadConfig(scope.port, repo, scope.templates, { ref: hint.after });
  const options = await reportOptions(scope, repo);
  const appLogin = await scope.appLogin();
  await reportCheckRun(scope.port, repo, result, hint.after, appLogin, options);
  if (onDefaultBranch) await reportConfigHealth(scope.port, repo, result, appLogin, options);
  scope.log.info({ repo, ok: result.ok }, "checked squad-bot config");
}

const PR_ACTIONS = new Set(["opened", "synchronize", "reopened"]);

export const wantsPullRequest = (hint: PullRequestHint): boolean => PR_ACTIONS.has(hint.action);

export async function onConfigPullRequest(scope: Scope, hint: PullRequestHint): Promise<void> {
  const { repo } = hint;
  if (!configChangedIn(await scope.port.listPullRequestFiles(repo, hint.number))) return;
  const commit = { sha: hint.headSha, ref: hint.headSha };
  const options = await reportOptions(scope, repo);
  const result = await runConfigCheck(scope.port, repo, commit, await scope.appLogin(), options);
  scope.log.info(
    { repo, pull: hint.number, ok: result.ok },
    "checked squad-bot config in a pull request",
  );
}
