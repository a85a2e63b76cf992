/** `/nominate`: the nomination issue in the governance repository, opened once per person and role. */
import type { RepoAction } from "../../actions/action.js";
import { personLink } from "../../core/markdown.js";
import { decodeMarker, encodeMarker } from "../../core/markers.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSummary, RepoRef } from "../../github/types.js";
import type { GovernanceConfig } from "./config.js";

const NOMINATION_MARKER = "nomination";

/** What the nomination issue's hidden marker holds: whom, for what, and how many sponsors. */
export interface Nomination {
  login: string;
  role: string;
}

export function readNomination(body: string): Nomination | null {
  const data = decodeMarker(body, NOMINATION_MARKER) as Partial<Nomination> | undefined | null;
  return typeof data?.login === "string" && typeof data.role === "string"
    ? { login: data.login, role: data.role }
    : null;
}

/** The configured role a typed one means (case and spacing aside), or null. */
export function roleNamed(config: GovernanceConfig, typed: string): string | null {
  const key = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
  return config.roles.find((role) => key(role) === key(typed)) ?? null;
}

/** An open nomination of this person for this role that the app opened, if any. */
function findNomination(
  issues: IssueSummary[],
  wanted: Nomination,
  appLogin: string,
): IssueSummary | undefined {
  return issues.find((issue) => {
    if (issue.state !== "open" || !sameName(issue.author, appLogin)) return false;
    const found = readNomination(issue.body);
    return (
      found !== null && sameName(found.login, wanted.login) && sameName(found.role, wanted.role)
    );
  });
}

export interface NominationInput {
  config: GovernanceConfig;
  repo: RepoRef;
  nomination: Nomination;
  by: string;
  /** Where the command was typed, as a Markdown link. */
  from: string;
  profile: { contributions: string[]; squads: string[]; activity: string };
  issues: IssueSummary[];
  appLogin: string;
  templates: Templates;
}

/** The open nomination for the same person and role, or the issue that opens it. */
export function planNomination(input: NominationInput): {
  earlier: IssueSummary | undefined;
  actions: RepoAction[];
} {
  const { config, nomination, templates } = input;
  const earlier = findNomination(input.issues, nomination, input.appLogin);
  if (earlier) return { earlier, actions: [] };
  const body = templates.render("nomination", {
    person: personLink(nomination.login),
    role: nomination.role,
    by: personLink(input.by),
    from: input.from,
    ...input.profile,
    sponsors: config.sponsors,
  });
  return {
    earlier,
    actions: [
      {
        type: "openIssue",
        repo: input.repo,
        issue: {
          // No @ in the title: GitHub shows titles in many places, and a title cannot be edited quietly.
          title: templates.message("governance.title", {
            login: nomination.login,
            role: nomination.role,
          }),
          body: `${body}\n\n${encodeMarker(NOMINATION_MARKER, nomination)}`,
          labels: [config.label],
        },
      },
    ],
  };
}
