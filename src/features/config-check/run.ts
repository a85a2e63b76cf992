/** Thin runners of the config check: load (or take) a result, plan, and apply through the executor. */
import { type ConfigLoadResult, loadConfig } from "../../config/load.js";
import {
  checkReferences,
  type ReferenceProblem,
  type ReferenceReader,
  referencesOf,
} from "../../config/references.js";
import { type Log, SILENT_LOG } from "../../core/log.js";
import type { Templates } from "../../core/templates.js";
import type { GitHubPort } from "../../github/port.js";
import type { RepoRef } from "../../github/types.js";
import { reconcileRepo } from "../../reconcile/repo.js";
import {
  CHECK_NAME,
  CONFIG_ISSUE_LABEL,
  type ConfigIssuePlan,
  planCheckRun,
  planConfigHealth,
} from "./plan.js";

export interface ConfigReportOptions {
  /** Plan and log, write nothing. */
  dryRun?: boolean;
  log?: Log;
  /** Reads what the config's references name; without it they are not checked. */
  references?: ReferenceReader | undefined;
  /** The check run's and the issue's text. */
  templates: Templates;
}

const FEATURE = "config-check";

/**
 * Validates the configuration as of a commit (`ref`, usually the same as `sha`) and reports it as
 * the "squad-bot config" check run on `sha`. Returns the result so a push to the default branch
 * can pass it on to `reportConfigHealth` without reading the files again.
 */
export async function runConfigCheck(
  port: GitHubPort,
  repo: RepoRef,
  commit: { sha: string; ref?: string },
  appLogin: string,
  options: ConfigReportOptions,
): Promise<ConfigLoadResult> {
  const result = await loadConfig(port, repo, options.templates, { ref: commit.ref ?? commit.sha });
  await reportCheckRun(port, repo, result, commit.sha, appLogin, options);
  return result;
}

/** One list of the commit's runs, then at most one create or update. */
export async function reportCheckRun(
  port: GitHubPort,
  repo: RepoRef,
  result: ConfigLoadResult,
  sha: string,
  appLogin: string,
  options: ConfigReportOptions,
): Promise<void> {
  const unknown = await unknownReferences(repo, result, options);
  await reconcileRepo(
    { port, log: options.log ?? SILENT_LOG },
    {
      feature: FEATURE,
      about: { repo, sha },
      apply: { dryRun: options.dryRun ?? false },
      load: () => port.listCheckRuns(repo, sha, CHECK_NAME),
      plan: (runs) => planCheckRun(repo, result, sha, runs, appLogin, options.templates, unknown),
    },
  );
}

/** Only a usable config is worth the reads; a failed read checks nothing rather than fail the run. */
async function unknownReferences(
  repo: RepoRef,
  result: ConfigLoadResult,
  { references, log }: ConfigReportOptions,
): Promise<ReferenceProblem[]> {
  if (!references || result.ok !== true) return [];
  try {
    const existing = await references.readExisting(repo, result.config);
    return checkReferences(referencesOf(result.config, repo.owner), existing);
  } catch (error) {
    log?.warn({ err: error, repo }, "could not read what the config names; not checked");
    return [];
  }
}

/**
 * Keeps the configuration error issue in line with `result` (the default branch's configuration):
 * one list request, then at most one create or one batched mutation. Returns the steps planned.
 */
export async function reportConfigHealth(
  port: GitHubPort,
  repo: RepoRef,
  result: ConfigLoadResult,
  appLogin: string,
  options: ConfigReportOptions,
  /** Problems found while running (the roadmap board), to show maintainers instead of cards. */
  running?: string[],
): Promise<ConfigIssuePlan[]> {
  const { plan } = await reconcileRepo(
    { port, log: options.log ?? SILENT_LOG },
    {
      feature: FEATURE,
      about: { repo, label: CONFIG_ISSUE_LABEL },
      apply: { dryRun: options.dryRun ?? false },
      load: () => port.listIssuesWithLabel(repo, CONFIG_ISSUE_LABEL, "open"),
      plan: (issues) =>
        planConfigHealth(repo, result, issues, appLogin, options.templates, running),
    },
  );
  return plan.steps;
}
