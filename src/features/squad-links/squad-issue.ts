/** The squad issue `/squad propose` opens: its text, and finding the one opened before. Pure. */

import type { Paragraph } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import type { RepoAction } from "../../actions/action.js";
import { LINK_KINDS } from "../../config/schema.js";
import { escapeInline, safeUrl } from "../../core/markdown.js";
import { descendants, readMarkdown } from "../../core/markdown-tree.js";
import { decodeMarker, encodeMarker } from "../../core/markers.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSummary, NewIssue, RepoRef } from "../../github/types.js";
import type { FeatureState, IssueLink } from "../squad/state.js";
import type { SquadsConfig } from "./config.js";
import { linkKey, linkMarkdown } from "./links.js";

/** In the squad issue's body: the request it was proposed from, trusted only in the app's issues. */
const SQUAD_OF_MARKER = "squad-of";
/** The request's text is summarised, not copied: the squad issue links to the full request. */
const SUMMARY_CHARS = 600;

export interface SquadRequest {
  link: IssueLink;
  title: string;
  body: string;
  state: FeatureState;
}

/**
 * The request's own words as GitHub shows them (`**bold**` is the word, not asterisks), without
 * template headings, code, unanswered fields or comments, shortened.
 */
export function summaryOf(body: string): string {
  const document = readMarkdown(body);
  const text = [...descendants(document.root)]
    .filter((node): node is Paragraph => node.type === "paragraph")
    .map(authorsWords)
    .filter((words) => words.trim() !== "No response")
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(text);
  return chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join("")}…` : text;
}

/** A paragraph's words, without a bold line that leads it (a classic template's question). */
function authorsWords(paragraph: Paragraph): string {
  const [first, next] = paragraph.children;
  const leadIn =
    first?.type === "strong" &&
    (next === undefined || (next.type === "text" && next.value.startsWith("\n")));
  return (leadIn ? paragraph.children.slice(1) : paragraph.children).map((n) => textOf(n)).join("");
}

export function renderSquadIssue(
  squads: SquadsConfig,
  request: SquadRequest,
  templates: Templates,
): NewIssue {
  const requestLink = linkMarkdown(request.link);
  const links = LINK_KINDS.flatMap((kind) => {
    const url = safeUrl(request.state.links[kind] ?? "");
    return url ? [`[${templates.message(`card.link.${kind}`)}](${url})`] : [];
  });
  const summary = summaryOf(request.body);
  const body = templates.render("squad-issue", {
    ...squads.sections,
    title: escapeInline(request.title),
    summary: summary ? `> ${escapeInline(summary)}` : null,
    proposedFrom: templates.message("squad.issue.request", { request: requestLink }),
    links: [templates.message("squad.issue.resource.request", { request: requestLink }), ...links],
    organizationsHint: templates.message("squad.issue.organizations"),
  });
  return {
    title: templates.message("squad.issue.title", { title: request.title }).slice(0, 256),
    body: `${body}\n\n${encodeMarker(SQUAD_OF_MARKER, request.link)}`,
    labels: squads.labels,
  };
}

/** The squad issue the app opened for this request earlier, if one is among `issues`. */
export function findSquadIssue(
  issues: IssueSummary[],
  request: IssueLink,
  appLogin: string,
): IssueSummary | undefined {
  return issues.find((issue) => {
    if (!sameName(issue.author, appLogin)) return false;
    const data = decodeMarker(issue.body, SQUAD_OF_MARKER) as Partial<IssueLink> | undefined;
    return (
      typeof data?.repo === "string" &&
      typeof data.number === "number" &&
      linkKey({ repo: data.repo, number: data.number }) === linkKey(request)
    );
  });
}

/** The squad issue opened before for this request, or the action that opens it in `repo`. */
export function planSquadIssue(
  squads: SquadsConfig,
  repo: RepoRef,
  request: SquadRequest,
  issues: IssueSummary[],
  appLogin: string,
  templates: Templates,
): { earlier: IssueSummary | undefined; actions: RepoAction[] } {
  const earlier = findSquadIssue(issues, request.link, appLogin);
  if (earlier) return { earlier, actions: [] };
  return {
    earlier,
    actions: [{ type: "openIssue", repo, issue: renderSquadIssue(squads, request, templates) }],
  };
}
