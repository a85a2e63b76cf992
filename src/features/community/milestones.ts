/** Milestones (1st, 5th … merged pull request, first review): which an event reached, and its note. */

import { mention } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { Milestone } from "./config.js";
import type { ContributionCounts, ContributionKind } from "./store.js";

export const COUNT_OF: Record<ContributionKind, keyof ContributionCounts> = {
  "issue-opened": "issuesOpened",
  "pr-opened": "prsOpened",
  "pr-merged": "prsMerged",
  review: "reviews",
  comment: "comments",
};

/**
 * Milestones this event reached. Equality, not `>=`: each new event raises its count by one, so
 * a person first seen with a long history (before a backfill) is not congratulated on all at once.
 */
export function milestonesReached(
  milestones: Milestone[],
  kind: ContributionKind,
  counts: ContributionCounts,
): Milestone[] {
  return milestones.filter((m) => m.kind === kind && counts[COUNT_OF[kind]] === m.count);
}

/** English ordinals: 1st → "first", then 2nd, 3rd, 4th, 11th, 21st, … */
export function ordinal(n: number, templates: Templates): string {
  if (n === 1) return templates.message("community.ordinal.first");
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** The once-key of a milestone comment: one per person and milestone, wherever it lands. */
export const milestoneKey = (login: string, milestone: Milestone) =>
  `milestone:${login.toLowerCase()}:${milestone.name}`;

export function renderMilestone(input: {
  login: string;
  org: string;
  milestone: Milestone;
  templates: Templates;
}) {
  const { milestone, templates } = input;
  return templates.render("milestone", {
    summary: templates.message("community.milestone.summary", {
      name: mention(input.login),
      org: input.org,
      what: templates.message(`community.milestone.kind.${milestone.kind}`, {
        ordinal: ordinal(milestone.count, templates),
      }),
    }),
    quietHint: templates.message("community.quietHint"),
  });
}
