/**
 * The community journey's stages, computed from a person's contributions in time windows with
 * the thresholds in config. Pure, except `stageOf`, which reads only the windows it needs.
 */

import type { Templates } from "../../core/templates.js";
import { COMMUNITY_STAGES, type CommunityStage } from "../../store/types.js";
import type { StagesConfig, StageThreshold } from "./config.js";
import type { CommunityContributor, CommunityStore, ContributionCounts } from "./store.js";

/** Highest first, so the first stage met wins. */
const RULES: [CommunityStage, Exclude<keyof StagesConfig, "demote">][] = [
  ["thriving", "thriving"],
  ["sustained-engagement", "sustainedEngagement"],
  ["engagement", "engagement"],
  ["onboarding", "onboarding"],
];

/** Every contribution once: a merged pull request was already counted when it was opened. */
export function contributionsOf(counts: ContributionCounts): number {
  return counts.issuesOpened + counts.prsOpened + counts.reviews + counts.comments;
}

function meets(counts: ContributionCounts, threshold: StageThreshold): boolean {
  return (
    contributionsOf(counts) >= threshold.contributions &&
    counts.prsMerged >= threshold.prsMerged &&
    counts.reviews >= threshold.reviews
  );
}

/**
 * The time windows worth reading: a stage whose threshold the all-time totals miss cannot be
 * met within a window either, so newcomers cost no query at all.
 */
export function windowsToRead(config: StagesConfig, totals: ContributionCounts): number[] {
  const days = RULES.map(([, key]) => config[key])
    .filter((threshold) => meets(totals, threshold))
    .map((threshold) => threshold.days);
  return [...new Set(days)];
}

/** The highest stage whose threshold the counts within its window meet. */
export function stageFor(
  config: StagesConfig,
  within: (days: number) => ContributionCounts,
): CommunityStage {
  for (const [stage, key] of RULES) {
    const threshold = config[key];
    if (meets(within(threshold.days), threshold)) return stage;
  }
  return "initial-interaction";
}

const known = (stage: string) => COMMUNITY_STAGES.includes(stage as CommunityStage);
const rank = (stage: string) => Math.max(0, COMMUNITY_STAGES.indexOf(stage as CommunityStage));

/** The stage to record, or null to keep the current one; without `demote`, stages only rise. */
export function nextStage(
  current: string,
  computed: CommunityStage,
  demote: boolean,
): CommunityStage | null {
  if (current === computed) return null;
  if (!demote && rank(computed) <= rank(current) && known(current)) return null;
  return computed;
}

/** Reads the windows the totals make reachable, then computes the stage. */
export async function stageOf(
  store: CommunityStore,
  config: StagesConfig,
  person: { org: string; login: string; totals: ContributionCounts; now: Date },
): Promise<CommunityStage> {
  const days = windowsToRead(config, person.totals);
  const counts = new Map<number, ContributionCounts>();
  await Promise.all(
    days.map(async (d) => {
      const since = new Date(person.now.getTime() - d * 86_400_000);
      counts.set(d, await store.countsSince(person.org, person.login, since));
    }),
  );
  return stageFor(config, (d) => counts.get(d) ?? person.totals);
}

export interface ThrivingCandidate {
  login: string;
  counts: ContributionCounts;
  lastContributionAt: Date | null;
  /** One line for the digest, e.g. "12 merged pull requests, 30 reviews". */
  reason: string;
}

/**
 * Thriving contributors for the monthly digest, most merged first. With `activeSince`, only
 * people who contributed since then: a stage is the highest reached, not a promise of activity.
 * Stages are kept for everyone, staff included; `isInsider` (e.g. the port's membership check,
 * one request per thriving person) leaves out those already in the organization.
 */
export async function thrivingCandidates(
  store: CommunityStore,
  org: string,
  templates: Templates,
  options: { activeSince?: Date; isInsider?: (login: string) => Promise<boolean> } = {},
): Promise<ThrivingCandidate[]> {
  const people = await store.listContributors({ org, stage: "thriving" });
  const active = (p: CommunityContributor) =>
    !options.activeSince ||
    (p.lastContributionAt !== null && p.lastContributionAt >= options.activeSince);
  const { isInsider } = options;
  const outside = isInsider
    ? await Promise.all(people.map(async (p) => !(await isInsider(p.login))))
    : people.map(() => true);
  return people
    .filter((p, i) => outside[i] && active(p))
    .sort(
      (a, b) =>
        b.counts.prsMerged - a.counts.prsMerged ||
        b.counts.reviews - a.counts.reviews ||
        a.login.localeCompare(b.login),
    )
    .map((p) => ({
      login: p.login,
      counts: p.counts,
      lastContributionAt: p.lastContributionAt,
      reason: templates.message("community.thriving.reason", p.counts),
    }));
}
