/**
 * The reconcile of writes that are not about one loaded issue (digests, the config report, a squad
 * issue): load → plan → apply → log, with the same dry run, no-op skipping and log line as the
 * issue loop in `loop.ts`. No per-issue lock: callers that race (digests) hold their own.
 */
import type { RepoAction } from "../actions/action.js";
import {
  executeRepo,
  type RepoExecuteOptions,
  type RepoExecuteResult,
  type RepoWriters,
} from "../actions/repo-executor.js";
import type { Log } from "../core/log.js";

export interface RepoHost extends RepoWriters {
  log: Log;
}

export interface RepoStep<L, P extends { actions: RepoAction[] }> {
  /** For the log line: which feature wrote. */
  feature: string;
  /** For the log line: what the writes are about (repository, period, commit). */
  about: object;
  apply: RepoExecuteOptions;
  load(): Promise<L>;
  /** Pure. */
  plan(loaded: L): P;
}

export interface RepoReconciled<P> {
  plan: P;
  result: RepoExecuteResult;
}

const NOTHING: RepoExecuteResult = { outcomes: [], writes: [], skipped: [], failures: [] };

export async function reconcileRepo<L, P extends { actions: RepoAction[] }>(
  host: RepoHost,
  step: RepoStep<L, P>,
): Promise<RepoReconciled<P>> {
  const plan = step.plan(await step.load());
  const result =
    plan.actions.length === 0 ? NOTHING : await executeRepo(host, plan.actions, step.apply);
  const line = {
    feature: step.feature,
    ...step.about,
    writes: result.writes,
    skipped: result.skipped.length,
  };
  if (result.failures.length > 0)
    host.log.error({ ...line, failures: result.failures }, "some writes failed");
  else if (plan.actions.length > 0)
    host.log.info(line, step.apply.dryRun ? "dry run: planned" : "reconciled");
  return { plan, result };
}
