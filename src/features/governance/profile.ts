/** What a nomination says of the person: contributions by kind, squads, first and last activity. */
import { escapeInline } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { Contributor } from "../../store/types.js";

export interface SquadRole {
  title: string;
  url: string;
  /** "lead", "member" or a role's name. */
  as: string;
}

/** Lines for the nomination's template; without a store record, says so instead of guessing. */
export function profileLines(
  contributor: Contributor | null,
  squads: SquadRole[],
  templates: Templates,
): { contributions: string[]; squads: string[]; activity: string } {
  const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);
  const contributions = contributor
    ? [
        ["issues", contributor.counts.issuesOpened],
        ["prsOpened", contributor.counts.prsOpened],
        ["prsMerged", contributor.counts.prsMerged],
        ["reviews", contributor.counts.reviews],
        ["comments", contributor.counts.comments],
      ].map(([kind, count]) =>
        templates.message(`governance.profile.${kind}`, { count: count as number }),
      )
    : [templates.message("governance.profile.unknown")];
  return {
    contributions,
    squads:
      squads.length > 0
        ? squads.map((s) =>
            templates.message("governance.profile.squad", {
              title: escapeInline(s.title),
              url: s.url,
              as: escapeInline(s.as),
            }),
          )
        : [templates.message("governance.profile.noSquads")],
    activity: templates.message("governance.profile.activity", {
      first: day(contributor?.firstInteractionAt ?? null) ?? "—",
      last: day(contributor?.lastContributionAt ?? null) ?? "—",
    }),
  };
}
