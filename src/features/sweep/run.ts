/**
 * The repair sweep of one repository: list feature issues a page at a time, then open issues
 * updated in a recent window (labelled or not), reconcile only those whose labels and card
 * disagree, and stop early when the installation's rate limit runs low.
 */
import type { Config } from "../../config/schema.js";
import type { IssueRef, RepoRef } from "../../github/types.js";
import type { DigestIssue, DigestReadStats, DigestSource } from "../digest/source.js";
import type { FeatureState } from "../squad/state.js";
import { type ListedIssue, repairReason, sweepLabels } from "./plan.js";
import type { RecentIssuesPort } from "./recent.js";

export interface SweepDeps {
  source: DigestSource;
  /** Open issues updated lately, with their bodies: requests known by their template alone. */
  recent: RecentIssuesPort;
  /** Load, plan and apply one issue, as a webhook would. */
  reconcile(ref: IssueRef): Promise<void>;
  /**
   * Checks the linked forum topic of a feature GitHub needs no repair for (a post missed in a
   * forum outage is made, never doubled); absent while the forum bridge is off.
   */
  repairTopic?(issue: {
    number: number;
    title: string;
    url: string;
    card: FeatureState;
  }): Promise<void>;
  log: { info(data: object, text: string): void; warn(data: object, text: string): void };
  /** The end of the recent window; the system clock by default. */
  now?: () => Date;
}

export interface SweepOptions {
  /** Stop when fewer GraphQL points than this are left for the hour. */
  minRemaining: number;
  /** At most this many reconciles in one run; the next run continues. */
  maxRepairs: number;
  /** The recent listing reads open issues updated in this many days; 7 by default. */
  lookbackDays?: number;
  /** When squad-bot was turned on: an issue without a card opened before it is backlog. */
  openedAfter?: Date;
}

export interface SweepReport {
  /** Issues read by the labelled listing. */
  listed: number;
  /** Issues read by the recent listing, those already judged by the labelled one included. */
  recentListed: number;
  repaired: { number: number; reason: string }[];
  failed: { number: number; error: string }[];
  stoppedEarly: string | null;
  requests: number;
}

const DAY_MS = 86_400_000;

interface Listed extends ListedIssue {
  number: number;
}

export async function sweepRepository(
  deps: SweepDeps,
  repo: RepoRef,
  config: Config,
  options: SweepOptions,
): Promise<SweepReport> {
  const report: SweepReport = {
    listed: 0,
    recentListed: 0,
    repaired: [],
    failed: [],
    stoppedEarly: null,
    requests: 0,
  };
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - (options.lookbackDays ?? 7) * DAY_MS);
  const after = options.openedAfter;
  const openedSince = after && after > since ? after : since;
  /** Issues the labelled listing judged, so the recent listing neither re-judges nor repeats them. */
  const judged = new Set<number>();

  /** Points left, from the listing that read last; the other's answer when it knows none. */
  const remaining = (first: DigestReadStats, second: DigestReadStats) =>
    first.remaining ?? second.remaining;

  /** Reconciles `issue` if it needs it; false when the run must stop. */
  const consider = async (issue: Listed, left: () => number | null): Promise<boolean> => {
    const reason = repairReason(config, issue, openedSince);
    if (!reason) {
      const { title, url } = issue as Partial<DigestIssue>;
      if (deps.repairTopic && issue.state === "open" && issue.card?.links.forum && title && url)
        await deps
          .repairTopic({ number: issue.number, title, url, card: issue.card })
          .catch((error: unknown) =>
            deps.log.warn(
              { issue: issue.number, error: String(error) },
              "forum topic repair failed",
            ),
          );
      return true;
    }
    const points = left();
    if (points !== null && points < options.minRemaining) {
      report.stoppedEarly = `only ${points} rate-limit points left`;
      return false;
    }
    if (report.repaired.length + report.failed.length >= options.maxRepairs) {
      report.stoppedEarly = `reached ${options.maxRepairs} repairs`;
      return false;
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
    return true;
  };

  const labelled = () => remaining(deps.source.stats(), deps.recent.stats());
  const query = { labels: sweepLabels(config), closedSince: now };
  labelledListing: for await (const page of deps.source.issues(repo, query)) {
    for (const issue of page) {
      report.listed++;
      judged.add(issue.number);
      if (!(await consider(issue, labelled))) break labelledListing;
    }
  }

  const before = labelled();
  if (report.stoppedEarly === null && before !== null && before < options.minRemaining) {
    // Listing costs points too, and nothing it finds could be repaired.
    report.stoppedEarly = `only ${before} rate-limit points left`;
  }
  if (report.stoppedEarly === null) {
    const recent = () => remaining(deps.recent.stats(), deps.source.stats());
    recentListing: for await (const page of deps.recent.issues(repo, since)) {
      for (const issue of page) {
        report.recentListed++;
        if (judged.has(issue.number)) continue;
        judged.add(issue.number);
        if (!(await consider(issue, recent))) break recentListing;
      }
    }
  }

  report.requests = deps.source.stats().requests + deps.recent.stats().requests;
  deps.log.info({ repo, ...report }, "repair sweep finished");
  return report;
}
