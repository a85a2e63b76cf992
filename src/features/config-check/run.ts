/** Thin runners of the config check: load or take a result, plan, and write through the port. */
import { type ConfigLoadResult, loadConfig } from "../../config/load.js";
import type { GitHubPort } from "../../github/port.js";
import type { IssueSummary, MutationOp, RepoRef } from "../../github/types.js";
import {
  CONFIG_ISSUE_LABEL,
  type ConfigIssuePlan,
  planConfigErrorIssue,
  renderCheckRun,
} from "./plan.js";

/**
 * Validates the configuration as of a commit (`ref`, usually the same as `sha`) and reports it as
 * the "squad-bot config" check run on `sha`. Returns the result so a push to the default branch
 * can pass it on to `reportConfigHealth` without reading the files again.
 */
export async function runConfigCheck(
  port: GitHubPort,
  repo: RepoRef,
  commit: { sha: string; ref?: string },
): Promise<ConfigLoadResult> {
  const result = await loadConfig(port, repo, { ref: commit.ref ?? commit.sha });
  await port.createCheckRun(repo, renderCheckRun(result, commit.sha));
  return result;
}

/**
 * Keeps the configuration error issue in line with `result` (the default branch's configuration):
 * one list request, then at most one create and one batched mutation. Returns the steps taken.
 */
export async function reportConfigHealth(
  port: GitHubPort,
  repo: RepoRef,
  result: ConfigLoadResult,
  appLogin: string,
): Promise<ConfigIssuePlan[]> {
  let issues: IssueSummary[] = await port.listIssuesWithLabel(repo, CONFIG_ISSUE_LABEL, "open");
  const steps: ConfigIssuePlan[] = [];
  const ops: MutationOp[] = [];
  // Each step changes the simulated list, so planning again converges; the bound is a safety net.
  for (let round = 0; round <= issues.length + 1; round++) {
    const step = planConfigErrorIssue(result, issues, appLogin);
    if (step.kind === "none") break;
    steps.push(step);
    if (step.kind === "create") {
      await port.createIssue(repo, step.issue);
      break;
    }
    if (step.kind === "update") {
      ops.push({ op: "updateIssueBody", issueId: step.issueId, body: step.body });
      issues = issues.map((issue) =>
        issue.id === step.issueId ? { ...issue, body: step.body } : issue,
      );
    } else {
      ops.push({ op: "closeIssue", issueId: step.issueId, reason: "COMPLETED" });
      issues = issues.filter((issue) => issue.id !== step.issueId);
    }
  }
  if (ops.length > 0) await port.mutate(ops);
  return steps;
}
