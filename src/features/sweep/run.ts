/**
 * The repair sweep of one repository: list feature issues a page at a time, reconcile only those
 * whose labels and card disagree, and stop early when the installation's rate limit runs low.
 */
import type { Config } from "../../config/schema.js";
import type { IssueRef, RepoRef } from "../../github/types.js";
import type { DigestSource } from "../digest/source.js";
import { repairReason, sweepLabels } from "./plan.js";

export interface SweepDeps {
  source: DigestSource;
  /** Load, plan and apply one issue, as a webhook would. */
  reconcile(ref: IssueRef): Promise<void>;
  log: { info(data: object, text: string): void; warn(data: object, text: string): void };
}

export interface SweepOptions {
  /** Stop when fewer GraphQL points than this are left for the hour. */
  minRemaining: number;
  /** At most this many reconciles in one run; the next run continues. */
  maxRepairs: number;
}

export interface SweepReport {
  listed: number;
  repaired: { number: number; reason: string }[];
  failed: { number: number; error: string }[];
  stoppedEarly: string | null;
  requests: number;
}

export async function sweepRepository(
  deps: SweepDeps,
  repo: RepoRef,
  config: Config,
  options: SweepOptions,
): Promise<SweepReport> {
  const report: SweepReport = {
    listed: 0,
    repaired: [],
    failed: [],
    stoppedEarly: null,
    requests: 0,
  };
  const query = { labels: sweepLabels(config), closedSince: new Date() };
  outer: for await (const page of deps.source.issues(repo, query)) {
    for (const issue of page) {
      report.listed++;
      const reason = repairReason(config, issue);
      if (!reason) continue;
      const remaining = deps.source.stats().remaining;
      if (remaining !== null && remaining < options.minRemaining) {
        report.stoppedEarly = `only ${remaining} rate-limit points left`;
        break outer;
      }
      if (report.repaired.length + report.failed.length >= options.maxRepairs) {
        report.stoppedEarly = `reached ${options.maxRepairs} repairs`;
        break outer;
      }
      try {
        await deps.reconcile({ ...repo, number: issue.number });
        report.repaired.push({ number: issue.number, reason });
      } catch (error) {
        // One broken issue must not stop the repair of the others.
        report.failed.push({
          number: issue.number,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  report.requests = deps.source.stats().requests;
  deps.log.info({ repo, ...report }, "repair sweep finished");
  return report;
}
