/** "Connect to opportunities": good first issues and forming squads that a welcome lists. */

import { escapeInline, safeUrl } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { IssueRef, RepoRef } from "../../github/types.js";
import type { DigestSource } from "../digest/source.js";
import type { FeatureState } from "../squad/state.js";
import type { WelcomeConfig } from "./config.js";
import type { CommunityPort, GoodFirstIssue } from "./port.js";

/** A feature as the caller knows it (from its card); open ones only. */
export interface SquadCandidate {
  /** Where it is, so a welcome never points someone back at their own issue. */
  ref?: IssueRef;
  title: string;
  url: string;
  state: Pick<FeatureState, "phase" | "members" | "lead">;
}

export interface SeekingSquad {
  title: string;
  url: string;
  phaseName: string;
  members: number;
}

/** The lead counts as a member: a squad of one lead is one person, not none. */
const squadSize = (state: SquadCandidate["state"]) =>
  new Set([...(state.lead ? [state.lead] : []), ...state.members].map((l) => l.toLowerCase())).size;

/**
 * Squads still forming (in the first `firstPhases` configured phases) with fewer people than
 * `membersBelow`, smallest first so the welcome points where a newcomer helps most.
 */
export function squadsSeekingMembers(
  squads: SquadCandidate[],
  phases: { id: string; name: string }[],
  settings: WelcomeConfig["squads"],
): SeekingSquad[] {
  const forming = new Map(phases.slice(0, settings.firstPhases).map((p) => [p.id, p.name]));
  return squads
    .filter((s) => forming.has(s.state.phase) && squadSize(s.state) < settings.membersBelow)
    .map((s) => ({
      title: s.title,
      url: s.url,
      phaseName: forming.get(s.state.phase) ?? s.state.phase,
      members: squadSize(s.state),
    }))
    .sort((a, b) => a.members - b.members || a.title.localeCompare(b.title))
    .slice(0, settings.limit);
}

/**
 * Open features carrying the label of one of the first `firstPhases` phases, with their cards:
 * one request, the first page of up to 100 (oldest first). A forming squad beyond the first 100
 * is not listed; a welcome names at most `limit` (≤ 10), so a page is enough. A feature whose
 * card could not be read is left out: how many people it has is not known, and listing a full
 * squad as seeking members is what this list must not do.
 */
export async function loadFormingSquads(
  source: DigestSource,
  repo: RepoRef,
  phases: { label: string }[],
  settings: WelcomeConfig["squads"],
  now: Date,
): Promise<SquadCandidate[]> {
  const labels = [...new Set(phases.slice(0, settings.firstPhases).map((p) => p.label))];
  if (settings.limit === 0 || labels.length === 0) return [];
  // Open issues come first; leaving after the first page never asks for the closed ones.
  for await (const page of source.issues(repo, { labels, closedSince: now })) {
    return page.flatMap((issue) =>
      issue.state === "open" && issue.card
        ? [
            {
              ref: { ...issue.repo, number: issue.number },
              title: issue.title,
              url: issue.url,
              state: issue.card,
            },
          ]
        : [],
    );
  }
  return [];
}

const toRepo = (name: string): RepoRef => {
  const [owner = "", repo = ""] = name.split("/");
  return { owner, repo };
};

/** One search request, or none when the list is turned off. */
export function loadGoodFirstIssues(
  port: CommunityPort,
  org: string,
  settings: WelcomeConfig["goodFirstIssues"],
): Promise<GoodFirstIssue[]> {
  if (settings.limit === 0) return Promise.resolve([]);
  return port.listGoodFirstIssues({
    org,
    repos: settings.repos.map(toRepo),
    label: settings.label,
    limit: settings.limit,
  });
}

const link = (title: string, url: string) => {
  const safe = safeUrl(url);
  return safe ? `[${escapeInline(title)}](${safe})` : escapeInline(title);
};

/** Markdown list lines; the repository is named only when issues come from several. */
export function opportunityLines(
  issues: GoodFirstIssue[],
  squads: SeekingSquad[],
  templates: Templates,
): string[] {
  const repos = new Set(issues.map((i) => `${i.repo.owner}/${i.repo.repo}`));
  return [
    ...issues.map((i) =>
      templates.message("community.welcome.goodFirstIssue", {
        link: link(i.title, i.url),
        repo: repos.size > 1 ? escapeInline(i.repo.repo) : null,
      }),
    ),
    ...squads.map((s) =>
      templates.message("community.welcome.squad", {
        link: link(s.title, s.url),
        phase: escapeInline(s.phaseName),
      }),
    ),
  ];
}
