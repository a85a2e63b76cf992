/**
 * Backlog adoption, only when a maintainer asks (the onboarding issue's second box, or
 * `squad-bot adopt`): open feature requests updated since a date that have no card get one, at a
 * bounded rate. Each is the squad's own reconcile, so an adopted issue gets its card and phase
 * label and nothing else: one notification per issue.
 */
import type { Config } from "../../config/schema.js";
import type { IssueRef, RepoRef } from "../../github/types.js";
import { type RecognisedIssue, recognitionReason } from "../squad/recognition-preview.js";
import type { RecentIssuesPort } from "../sweep/recent.js";

/** The backlog an adoption would card: open, updated at or after `since`, recognised, no card; oldest first. */
export async function backlogCandidates(
  recent: RecentIssuesPort,
  config: Config,
  repo: RepoRef,
  since: Date,
): Promise<RecognisedIssue[]> {
  const found: RecognisedIssue[] = [];
  for await (const page of recent.issues(repo, since)) {
    for (const issue of page) {
      const reason = issue.card ? null : recognitionReason(config, issue);
      if (reason) found.push({ number: issue.number, title: issue.title, reason });
    }
  }
  return found;
}

export interface AdoptionDeps {
  /** Load, plan and apply one issue, as a webhook would. */
  reconcile(ref: IssueRef): Promise<void>;
  /** Waits between two cards (the CLI's rate); none by default. */
  wait?(ms: number): Promise<void>;
}

export interface AdoptionReport {
  carded: number[];
  failed: { number: number; error: string }[];
  /** Candidates not tried in this run: the next one continues. */
  left: number;
}

/** Cards at most `limit` of `candidates`, in order, `gapMs` apart; one failure stops nothing. */
export async function adoptCandidates(
  deps: AdoptionDeps,
  repo: RepoRef,
  candidates: RecognisedIssue[],
  limit: number,
  gapMs = 0,
): Promise<AdoptionReport> {
  const report: AdoptionReport = { carded: [], failed: [], left: 0 };
  const batch = candidates.slice(0, limit);
  for (const [index, candidate] of batch.entries()) {
    if (index > 0 && gapMs > 0) await deps.wait?.(gapMs);
    try {
      await deps.reconcile({ ...repo, number: candidate.number });
      report.carded.push(candidate.number);
    } catch (error) {
      report.failed.push({
        number: candidate.number,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  report.left = candidates.length - batch.length;
  return report;
}
