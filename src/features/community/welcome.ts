/** Welcomes on a person's first issue, pull request and merged pull request: when, and the text. */

import { mention, safeUrl } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { RepoRef } from "../../github/types.js";
import type { WelcomeConfig } from "./config.js";
import { COUNT_OF } from "./milestones.js";
import type { ContributionCounts, ContributionKind, WelcomeKind } from "./store.js";

const WELCOMES: Partial<
  Record<ContributionKind, { kind: WelcomeKind; switch: keyof WelcomeConfig }>
> = {
  "issue-opened": { kind: "first-issue", switch: "firstIssue" },
  "pr-opened": { kind: "first-pr", switch: "firstPullRequest" },
  "pr-merged": { kind: "first-merge", switch: "firstMerge" },
};

/**
 * The welcome this event may deserve, judged by the store's counts alone (no request): the
 * person's first of its kind in the organization, with that welcome switched on. The store's
 * `claimWelcome` then settles races, and the caller rules out members and bots.
 */
export function welcomeCandidate(
  config: WelcomeConfig,
  kind: ContributionKind,
  counts: ContributionCounts,
): WelcomeKind | null {
  const welcome = WELCOMES[kind];
  if (!welcome || config[welcome.switch] !== true) return null;
  return counts[COUNT_OF[kind]] === 1 ? welcome.kind : null;
}

export const welcomeKey = (kind: WelcomeKind, login: string) =>
  `welcome:${kind}:${login.toLowerCase()}`;

export interface WelcomeView {
  kind: WelcomeKind;
  login: string;
  org: string;
  repo: RepoRef;
  config: WelcomeConfig;
  /** Ready Markdown list lines from `opportunityLines`. */
  opportunities: string[];
  templates: Templates;
}

const LINKS = ["guide", "forum", "demo", "onboarding", "aiGuidelines"] as const;

/** Configured links as list lines; without a guide, GitHub's /contribute page of the repository. */
function linkLines(config: WelcomeConfig, repo: RepoRef, templates: Templates): string[] {
  const fallback = `https://github.com/${repo.owner}/${repo.repo}/contribute`;
  return LINKS.flatMap((name) => {
    const url = safeUrl(config.links[name] ?? (name === "guide" ? fallback : ""));
    return url ? [templates.message(`community.welcome.link.${name}`, { url })] : [];
  });
}

export function renderWelcome(view: WelcomeView): string {
  const { config, templates } = view;
  const links = linkLines(config, view.repo, templates);
  // Advice for before a first pull request; once one is open it comes too late.
  const advise = config.askToBeAssigned && view.kind === "first-issue";
  return templates.render("welcome", {
    greeting: templates.message(`community.welcome.greeting.${view.kind}`, {
      name: mention(view.login),
      org: view.org,
      repository: `${view.repo.owner}/${view.repo.repo}`,
    }),
    assign: advise ? templates.message("community.welcome.assign") : null,
    links:
      links.length > 0
        ? { heading: templates.message("community.welcome.links"), items: links }
        : null,
    opportunities:
      view.opportunities.length > 0
        ? {
            heading: templates.message(`community.welcome.opportunities.${view.kind}`),
            items: view.opportunities,
          }
        : null,
    quietHint: templates.message("community.quietHint"),
  });
}
