/**
 * `/sponsor` on a nomination: maintainers other than the nominee vouch for it, counted once each
 * in the bot's status comment; with enough of them, the nomination is labelled ready.
 */
import type { Action } from "../../actions/action.js";
import { personLink } from "../../core/markdown.js";
import { decodeMarker, encodeMarker } from "../../core/markers.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSnapshot } from "../../github/types.js";
import type { GovernanceConfig } from "./config.js";
import { type Nomination, readNomination } from "./nomination.js";

const SPONSORS_MARKER = "nomination-sponsors";

interface SponsorState {
  sponsors: string[];
}

/** The status comment and what it holds; only the app's own comment counts. */
function findSponsors(issue: IssueSnapshot): {
  commentId: string | null;
  sponsors: string[];
} {
  const ours = issue.comments.find(
    (c) => c.byThisApp && c.body.includes(`squad-bot:${SPONSORS_MARKER} `),
  );
  const data = ours && (decodeMarker(ours.body, SPONSORS_MARKER) as Partial<SponsorState> | null);
  const sponsors = Array.isArray(data?.sponsors)
    ? data.sponsors.filter((s): s is string => typeof s === "string")
    : [];
  return { commentId: ours?.id ?? null, sponsors };
}

/** The nomination an issue is, when the app opened it; null for any other issue. */
export function nominationOf(issue: IssueSnapshot, appLogin: string): Nomination | null {
  return sameName(issue.author, appLogin) ? readNomination(issue.body) : null;
}

export interface SponsorInput {
  config: GovernanceConfig;
  issue: IssueSnapshot;
  nomination: Nomination;
  sponsor: { login: string; maintainer: boolean };
  comment: { nodeId: string; databaseId: number };
  templates: Templates;
}

export function planSponsor(input: SponsorInput): {
  actions: Action[];
  cardCommentId: string | null;
} {
  const { config, issue, nomination, sponsor, templates } = input;
  const found = findSponsors(issue);
  const reply = (key: string, view: object = {}): Action => ({
    type: "comment",
    key: `sponsor:${input.comment.databaseId}`,
    body: templates.message(key, { person: personLink(sponsor.login), ...view }),
  });
  const refusal =
    issue.state === "closed"
      ? "governance.sponsor.closed"
      : sameName(sponsor.login, nomination.login)
        ? "governance.sponsor.self"
        : !sponsor.maintainer
          ? "governance.sponsor.notMaintainer"
          : null;
  if (refusal) return { actions: [reply(refusal)], cardCommentId: found.commentId };
  const sponsors = found.sponsors.some((s) => sameName(s, sponsor.login))
    ? found.sponsors
    : [...found.sponsors, sponsor.login];
  const ready = sponsors.length >= config.sponsors;
  const status = templates.message(
    ready ? "governance.status.ready" : "governance.status.waiting",
    {
      count: sponsors.length,
      needed: config.sponsors,
      sponsors: sponsors.map(personLink).join(", "),
      label: config.readyLabel,
    },
  );
  return {
    actions: [
      { type: "react", commentId: input.comment.nodeId, content: "THUMBS_UP" },
      { type: "upsertCard", body: `${encodeMarker(SPONSORS_MARKER, { sponsors })}\n${status}` },
      // Only when the count crosses the bar: a maintainer who removed the label decided otherwise.
      ...(ready && found.sponsors.length < config.sponsors
        ? [{ type: "addLabels" as const, labels: [config.readyLabel] }]
        : []),
    ],
    cardCommentId: found.commentId,
  };
}
