/**
 * Which features a repair sweep must reconcile, judged from a listing alone: GitHub never retries
 * a failed delivery, so a missed webhook shows as a card that disagrees with the labels.
 */
import type { Config } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import type { DigestIssue } from "../digest/source.js";
import { looksLikeFeatureRequest, phaseLabelsIn } from "../squad/recognize.js";

/** What a listing knows of an issue: the body only when the recent listing read it. */
export type ListedIssue = Pick<DigestIssue, "state" | "labels" | "card" | "createdAt"> & {
  body?: string;
};

/**
 * Why this issue needs a reconcile, or null when labels and card agree. An issue without a card
 * is adopted only when it was opened since `openedSince` (its `opened` webhook was lost) or a
 * person gave it a phase label: the sweep repairs, it never adopts a backlog.
 */
export function repairReason(config: Config, issue: ListedIssue, openedSince: Date): string | null {
  if (issue.state !== "open") return null;
  const phases = phaseLabelsIn(config, issue.labels);
  if (!issue.card) {
    if (phases.length > 0) return "phase label but no card found";
    const recent = Date.parse(issue.createdAt) >= openedSince.getTime();
    // The listing reads a few comments only; a card further down is found by the full load.
    return recent && looksLikeFeatureRequest(config, issue.labels, issue.body ?? "")
      ? "no card found"
      : null;
  }
  if (phases.length > 1) return `several phase labels: ${phases.map((p) => p.label).join(", ")}`;
  const onCard = issue.card.phase;
  if (phases.length === 1 && phases[0]?.id !== onCard) {
    return `label ${phases[0]?.label} but the card says ${onCard}`;
  }
  if (phases.length === 0 && issue.card.labelRemovedBy === null) return "phase label missing";
  const blocked = config.labels.blocked;
  if (blocked) {
    const hasLabel = issue.labels.some((l) => sameName(l, blocked));
    if (hasLabel !== (issue.card.blocked !== null)) return "blocked label and card disagree";
  }
  return null;
}

/** The labels that make an issue worth listing: recognition and phase labels. */
export function sweepLabels(config: Config): string[] {
  return [...config.recognize.labels, ...config.phases.map((p) => p.label)];
}
