/**
 * Where a digest goes, as a pure plan: one issue per period (found again by the key in its
 * hidden marker, written by us), the previous digest of the same kind closed and marked
 * superseded, and copies from concurrent runs closed. The runner applies it (`run.ts`).
 */
import type { RepoAction } from "../../actions/action.js";
import { decodeMarker, encodeMarker, hasMarker } from "../../core/markers.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSummary, NewIssue, RepoRef } from "../../github/types.js";
import type { DigestKind } from "./config.js";
import type { Period } from "./period.js";
import type { RenderedDigest } from "./weekly.js";

export const DIGEST_MARKER = "digest";
const SUPERSEDED_MARKER = "digest-superseded";

export interface DigestIssueMarker {
  kind: DigestKind;
  key: string;
}

/** A digest issue of ours: its marker read. Others' issues, even with a pasted marker, are not. */
interface OurDigest {
  issue: IssueSummary;
  marker: DigestIssueMarker;
}

/** REST names apps `name[bot]`, GraphQL `name`: both are the same author. */
const loginKey = (login: string) => login.toLowerCase().replace(/\[bot\]$/, "");

function ourDigests(existing: IssueSummary[], author: string): OurDigest[] {
  return existing.flatMap((issue) => {
    if (loginKey(issue.author) !== loginKey(author)) return [];
    const marker = decodeMarker(issue.body, DIGEST_MARKER) as Partial<DigestIssueMarker> | null;
    const valid =
      typeof marker?.key === "string" && (marker.kind === "weekly" || marker.kind === "monthly");
    return valid
      ? [{ issue, marker: { kind: marker.kind, key: marker.key } as DigestIssueMarker }]
      : [];
  });
}

export function digestIssue(period: Period, rendered: RenderedDigest, label: string): NewIssue {
  const marker = encodeMarker(DIGEST_MARKER, { kind: period.kind, key: period.key });
  // Already fitted by whole sections (`fit.ts`): never cut here, where a cut could break a chart.
  return { title: rendered.title, body: `${marker}\n${rendered.markdown}`, labels: [label] };
}

export interface DeliveryPlan {
  /** The digest already posted for this period (the oldest, if a race made several). */
  posted: IssueSummary | null;
  /** Open this period's issue when there is none; else close superseded digests and copies. */
  actions: RepoAction[];
}

export interface DeliveryInput {
  /** Issues with the digest label, any state, newest first (one `listIssuesWithLabel` page). */
  existing: IssueSummary[];
  /** Who posts digests: the app's bot, or `github-actions[bot]` when run from a workflow. */
  author: string;
  period: Period;
  /** Where the digest is posted, and what it posts. */
  repo: RepoRef;
  issue: NewIssue;
  /** After posting: the number this run created, so a run that lost a race only removes its copy. */
  created?: number;
  templates: Templates;
}

export function planDelivery(input: DeliveryInput): DeliveryPlan {
  const ours = ourDigests(input.existing, input.author).filter(
    (d) => d.marker.kind === input.period.kind,
  );
  const sameKey = ours
    .filter((d) => d.marker.key === input.period.key)
    .sort((a, b) => a.issue.number - b.issue.number);
  const [kept, ...copies] = sameKey;
  const actions: RepoAction[] = [];
  const { templates } = input;
  const closeCopy = (copy: IssueSummary, of: IssueSummary) => {
    const note = templates.message("digest.issue.duplicate", { number: of.number });
    actions.push({
      type: "editIssue",
      issue: copy,
      body: `${note}\n\n${copy.body}`,
      close: "DUPLICATE",
    });
  };
  if (!kept) {
    return { posted: null, actions: [{ type: "openIssue", repo: input.repo, issue: input.issue }] };
  }

  if (input.created !== undefined && input.created !== kept.issue.number) {
    // Another run posted first: remove our copy and leave the rest to that run.
    const mine = copies.find((c) => c.issue.number === input.created);
    if (mine && mine.issue.state === "open") closeCopy(mine.issue, kept.issue);
    return { posted: kept.issue, actions };
  }
  for (const copy of copies) if (copy.issue.state === "open") closeCopy(copy.issue, kept.issue);
  // Earlier periods only: a back-dated rerun must not close the digest that follows it.
  for (const previous of ours) {
    const older = previous.marker.key < input.period.key;
    if (!older || previous.issue.state !== "open") continue;
    const close = { type: "editIssue", issue: previous.issue, close: "COMPLETED" } as const;
    if (hasMarker(previous.issue.body, SUPERSEDED_MARKER)) actions.push(close);
    else {
      const note = templates.message("digest.issue.superseded", { number: kept.issue.number });
      const body = `${encodeMarker(SUPERSEDED_MARKER)}\n${note}\n\n${previous.issue.body}`;
      actions.push({ ...close, body });
    }
  }
  return { posted: kept.issue, actions };
}
