/**
 * The monthly community digest's collector: `CommunityDigestData` for one month from the
 * contributor store, plus one search for good first issues through the community port.
 */

import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { RepoRef } from "../../github/types.js";
import type { ContributionCounts, Contributor, ContributorStore } from "../../store/types.js";
import type { CommunityConfig, Milestone } from "../community/config.js";
import { ordinal } from "../community/milestones.js";
import { isInsider } from "../community/people.js";
import type { CommunityPort } from "../community/port.js";
import { thrivingCandidates } from "../community/stages.js";
import { communityStoreOf } from "../community/store.js";
import type { FeatureRef } from "./collect.js";
import type { CommunityDigestData, CommunityDigestProvider } from "./community.js";
import type { Period } from "./period.js";

export interface StoreCommunityDigestOptions {
  store: ContributorStore;
  community: CommunityConfig;
  /** Good first issues and the membership check of thriving people; without it both are empty. */
  port?: CommunityPort;
  /** How many good first issues to list. */
  limit?: number;
  /** Milestones and the reasons thriving people are listed are worded when collected. */
  templates: Templates;
}

const COUNT_OF: Record<Milestone["kind"], keyof ContributionCounts> = {
  "issue-opened": "issuesOpened",
  "pr-opened": "prsOpened",
  "pr-merged": "prsMerged",
  review: "reviews",
};

const isBot = (login: string) => login.toLowerCase().endsWith("[bot]");
const ZERO: ContributionCounts = {
  issuesOpened: 0,
  prsOpened: 0,
  prsMerged: 0,
  reviews: 0,
  comments: 0,
};
const minus = (a: ContributionCounts, b: ContributionCounts): ContributionCounts => ({
  issuesOpened: a.issuesOpened - b.issuesOpened,
  prsOpened: a.prsOpened - b.prsOpened,
  prsMerged: a.prsMerged - b.prsMerged,
  reviews: a.reviews - b.reviews,
  comments: a.comments - b.comments,
});

/** `https://github.com/o/r/pull/12#…` → a link to it; null for anything else. */
export function firstContributionRef(url: string | null, templates: Templates): FeatureRef | null {
  const match = url?.match(/^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(issues|pull)\/(\d+)/);
  if (!url || !match) return null;
  const [, owner = "", repo = "", kind, number = "0"] = match;
  // A first comment links to the issue with an anchor: it is a comment, not an issue of theirs.
  const what = /#(issuecomment|discussion_r|pullrequestreview)-/.test(url)
    ? "comment"
    : kind === "pull"
      ? "pr"
      : "issue";
  return {
    repo: { owner, repo },
    number: Number(number),
    title: templates.message(`digest.firstContribution.${what}`),
    url,
  };
}

/**
 * Milestones crossed within the period, from counts: the store keeps no list of them, and counts
 * before the start and at the end say the same for backfilled history as for live events.
 */
function milestonesCrossed(
  milestones: Milestone[],
  before: ContributionCounts,
  atEnd: ContributionCounts,
): Milestone[] {
  return milestones.filter((m) => {
    const key = COUNT_OF[m.kind];
    return before[key] < m.count && atEnd[key] >= m.count;
  });
}

export class StoreCommunityDigest implements CommunityDigestProvider {
  constructor(private readonly options: StoreCommunityDigestOptions) {}

  async load(period: Period, repos: RepoRef[]): Promise<CommunityDigestData> {
    const orgs = [...new Set(repos.map((r) => r.owner.toLowerCase()))];
    const parts = await Promise.all(orgs.map((org) => this.loadOrg(org, period, repos)));
    const goodFirstIssues = await this.goodFirstIssues(orgs[0] ?? "", repos);
    return {
      period,
      repos,
      newContributors: parts.flatMap((p) => p.newContributors),
      milestones: parts.flatMap((p) => p.milestones),
      thriving: parts.flatMap((p) => p.thriving),
      goodFirstIssues,
    };
  }

  private async loadOrg(org: string, period: Period, repos: RepoRef[]) {
    const { store, community, port, templates } = this.options;
    const joined = await store.listContributors({ org, since: period.start });
    const arrived = joined
      .filter((c) => c.firstInteractionAt !== null && c.firstInteractionAt < period.end)
      .filter((c) => !isBot(c.login));
    // The welcome's rule: members, owners and collaborators are not new contributors.
    const home = repos.find((r) => sameName(r.owner, org)) ?? { owner: org, repo: ".github" };
    const outside = port
      ? await Promise.all(arrived.map(async (c) => !(await isInsider(port, home, c))))
      : arrived.map(() => true);
    const newContributors = arrived
      .filter((_, index) => outside[index])
      .map((c) => ({
        login: c.login,
        firstContribution: firstContributionRef(c.firstInteractionUrl, templates),
      }));

    // Totals minus what came after an instant are the counts as of that instant.
    const [everyone, sinceStart, sinceEnd] = await Promise.all([
      store.listContributors({ org }),
      store.contributorsWithCountsSince(org, period.start),
      store.contributorsWithCountsSince(org, period.end),
    ]);
    const totals = new Map<string, Contributor>(everyone.map((c) => [c.login.toLowerCase(), c]));
    const after = new Map(sinceEnd.map((a) => [a.login.toLowerCase(), a.counts]));
    const milestones = sinceStart
      .filter((a) => !isBot(a.login))
      .flatMap((active) => {
        const key = active.login.toLowerCase();
        const total = totals.get(key)?.counts;
        if (!total) return [];
        const before = minus(total, active.counts);
        const atEnd = minus(total, after.get(key) ?? ZERO);
        return milestonesCrossed(community.milestones, before, atEnd).map((m) => ({
          login: active.login,
          milestone: templates.message(`community.milestone.kind.${m.kind}`, {
            ordinal: ordinal(m.count, templates),
          }),
        }));
      });

    const thriving = await thrivingCandidates(communityStoreOf(store), org, templates, {
      activeSince: period.start,
      ...(port ? { isInsider: (login: string) => port.isOrgMember(org, login) } : {}),
    });
    return {
      newContributors,
      milestones,
      thriving: thriving
        .filter((t) => !isBot(t.login))
        .map((t) => ({ login: t.login, reason: t.reason })),
    };
  }

  /** One search: the welcome's label and repositories, else the digest's own repositories. */
  private async goodFirstIssues(org: string, repos: RepoRef[]): Promise<FeatureRef[]> {
    const { port, community, limit } = this.options;
    if (!port) return [];
    const settings = community.welcome.goodFirstIssues;
    const configured = settings.repos.map((name) => {
      const [owner = "", repo = ""] = name.split("/");
      return { owner, repo };
    });
    const found = await port.listGoodFirstIssues({
      org,
      repos: configured.length > 0 ? configured : repos,
      label: settings.label,
      limit: limit ?? 15,
    });
    return found.map((f) => ({ repo: f.repo, number: f.number, title: f.title, url: f.url }));
  }
}
