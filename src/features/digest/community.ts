/**
 * The monthly community digest: new contributors welcomed, milestones, thriving contributors as
 * candidates, good first issues, community links and a call to action. It renders from
 * `CommunityDigestData`, which the contributor store's collector will produce.
 */

import { escapeInline, safeUrl } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { RepoRef } from "../../github/types.js";
import type { FeatureRef } from "./collect.js";
import type { MonthlyDigestConfig } from "./config.js";
import { fitSections } from "./fit.js";
import { digestPhrases, person, repoNames } from "./format.js";
import type { Period } from "./period.js";
import type { RenderedDigest } from "./weekly.js";
import { periodTitle } from "./weekly.js";

/** What the contributor store answers for one month; every list already ranked, best first. */
export interface CommunityDigestData {
  period: Period;
  repos: RepoRef[];
  /** People whose first contribution landed this month. */
  newContributors: { login: string; firstContribution: FeatureRef | null }[];
  /** e.g. "10th merged pull request", "first squad led"; written by the collector, not users. */
  milestones: { login: string; milestone: string }[];
  /** People active across several months and areas: candidates for squads or governance. */
  thriving: { login: string; reason: string }[];
  /** Open, unassigned issues with the good-first-issue label. */
  goodFirstIssues: FeatureRef[];
}

/** The collector will be a second implementation of this; tests pass data directly. */
export interface CommunityDigestProvider {
  load(period: Period, repos: RepoRef[]): Promise<CommunityDigestData>;
}

const limited = <T>(items: T[], limit: number) => ({
  items: items.slice(0, limit),
  more: Math.max(0, items.length - limit),
});

/** Maintainer-written Markdown: kept as Markdown, but it cannot notify anyone either. */
const defuseMentions = (text: string) => text.replace(/@/g, "@\u200d");

export function renderCommunityDigest(
  data: CommunityDigestData,
  settings: MonthlyDigestConfig,
  templates: Templates,
): RenderedDigest {
  const { countMessage, featureLink, section } = digestPhrases(templates);
  const manyRepos = data.repos.length > 1;
  const limit = settings.listLimit;
  const { label } = periodTitle(data);
  const sections = [
    section(
      templates.message("digest.monthly.welcome"),
      limited(data.newContributors, limit),
      (c) =>
        templates.message("digest.line.newContributor", {
          person: person(c.login),
          first: c.firstContribution ? featureLink(c.firstContribution, manyRepos) : undefined,
        }),
    ),
    section(templates.message("digest.monthly.milestones"), limited(data.milestones, limit), (m) =>
      templates.message("digest.line.milestone", {
        person: person(m.login),
        milestone: escapeInline(m.milestone),
      }),
    ),
    section(
      templates.message("digest.monthly.thriving"),
      limited(data.thriving, limit),
      (t) =>
        templates.message("digest.line.thriving", {
          person: person(t.login),
          reason: escapeInline(t.reason),
        }),
      { intro: templates.message("digest.monthly.thriving.intro") },
    ),
    section(
      templates.message("digest.monthly.goodFirst"),
      limited(data.goodFirstIssues, limit),
      (f) => featureLink(f, manyRepos),
    ),
  ];
  const links = settings.links.flatMap((link) => {
    const url = safeUrl(link.url);
    return url
      ? [templates.message("digest.line.link", { title: escapeInline(link.title), url })]
      : [];
  });
  if (links.length > 0) {
    sections.push({ heading: templates.message("digest.monthly.links"), items: links });
  }
  const title = templates.message("digest.monthly.title", { label });
  const markdown = fitSections(sections, (kept, leftOut) =>
    templates.render("digest-monthly", {
      title,
      range: periodTitle(data).range,
      timezone: escapeInline(data.period.timezone),
      repos: repoNames(data.repos),
      summary: [
        countMessage("digest.summary.newContributors", data.newContributors.length),
        countMessage("digest.summary.milestones", data.milestones.length),
      ].join(" · "),
      sections: kept,
      leftOut: leftOut > 0 ? countMessage("digest.leftOut", leftOut) : undefined,
      ctaHeading: templates.message("digest.monthly.cta.heading"),
      callToAction: defuseMentions(
        settings.callToAction ?? templates.message("digest.monthly.cta.default"),
      ),
    }),
  );
  return { title, markdown };
}
