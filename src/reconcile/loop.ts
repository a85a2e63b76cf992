/**
 * The one reconcile loop: lock → load → plan → apply → log. Every trigger (webhooks, commands,
 * the repair sweep, scheduled jobs) and every feature that writes to an issue or pull request
 * goes through it, so the per-issue lock, dry runs, no-op skipping and the log line are the same
 * for all of them.
 */
import type { Action } from "../actions/action.js";
import { type ExecuteResult, execute } from "../actions/executor.js";
import type { KeyedLock } from "../core/keyed-lock.js";
import type { Log } from "../core/log.js";
import type { GitHubPort, LoadIssueOptions } from "../github/port.js";
import type { IssueRef, IssueSnapshot } from "../github/types.js";
import type { Metrics } from "../observability/metrics.js";

/** What one reconcile writes through, and how: shared by every feature of a delivery. */
export interface ReconcileHost {
  readonly lock: KeyedLock;
  readonly port: GitHubPort;
  readonly log: Log;
  readonly metrics?: Metrics | undefined;
}

/** How the loop applies a plan: from the repository's config. */
export interface ApplyOptions {
  dryRun: boolean;
  protectedLabels: string[];
  labelColor: string;
}

/** The issue or pull request a reconcile is about, and what to read with it in the same request. */
interface Subject {
  ref: IssueRef;
  pullRequest: boolean;
  load?: LoadIssueOptions;
}

/** A plan as the loop applies it; `carry` is whatever the feature needs again after applying. */
interface LoopPlan<C = undefined> {
  actions: Action[];
  notes: string[];
  /** The feature's card comment, if it has one: `upsertCard` edits it in place. */
  cardCommentId: string | null;
  carry: C;
}

interface Applied<L, C> {
  loaded: L;
  plan: LoopPlan<C>;
  result: ExecuteResult;
  /** Written for real and without failure: only then may other issues follow what this one holds. */
  applied: boolean;
}

export interface ReconcileStep<L, C, R> {
  /** For the log line and metrics: which feature reconciled. */
  feature: string;
  subject: Subject;
  apply: ApplyOptions;
  /** Everything else the plan needs, read under the lock; null skips the issue. */
  load(subject: IssueSnapshot): Promise<L | null>;
  /** Pure. */
  plan(loaded: L): LoopPlan<C>;
  /** Runs under the lock after applying (caches to drop, follow-ups to return). */
  after?(outcome: Applied<L, C>): R;
}

/** The per-issue lock's key. */
export function issueKey(ref: IssueRef): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase();
}

/** Runs one step under its issue's lock; undefined when there was nothing to reconcile. */
export async function reconcile<L, C, R>(
  host: ReconcileHost,
  step: ReconcileStep<L, C, R>,
): Promise<R | undefined> {
  const { ref, pullRequest } = step.subject;
  return host.lock.run(issueKey(ref), async () => {
    // Completed reconciles are timed; a failed one is counted by the delivery's metrics instead.
    const stopTimer = host.metrics?.reconcileSeconds.startTimer();
    {
      const subject = pullRequest
        ? await host.port.loadPullRequest(ref)
        : await host.port.loadIssue(ref, step.subject.load ?? { labelNames: [] });
      if (!subject) return undefined;
      const loaded = await step.load(subject);
      if (loaded === null) return undefined;
      const plan = step.plan(loaded);
      const result =
        plan.actions.length === 0
          ? { ops: [], results: [], skipped: [], failures: [] }
          : await execute(host.port, subject, plan.actions, {
              ...step.apply,
              cardCommentId: plan.cardCommentId,
            });
      logOutcome(host.log, step, plan, result);
      const applied = !step.apply.dryRun && result.failures.length === 0;
      const after = step.after?.({ loaded, plan, result, applied });
      stopTimer?.();
      return after;
    }
  });
}

function logOutcome<C>(
  log: Log,
  step: { feature: string; subject: Subject; apply: ApplyOptions },
  plan: LoopPlan<C>,
  result: ExecuteResult,
): void {
  const line = {
    feature: step.feature,
    issue: step.subject.ref,
    notes: plan.notes,
    ops: result.ops.map((o) => o.op),
    skipped: result.skipped.length,
  };
  if (result.failures.length > 0)
    log.error({ ...line, failures: result.failures }, "some writes failed");
  else if (plan.actions.length > 0 || plan.notes.length > 0)
    log.info(line, step.apply.dryRun ? "dry run: planned" : "reconciled");
}
