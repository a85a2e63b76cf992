/** Renders the squad card: the one status comment per feature, with its state in a hidden marker. */
import { type Config, LINK_KINDS, type Phase } from "../../config/schema.js";
import { escapeInline, personLink, safeUrl } from "../../core/markdown.js";
import { encodeMarker } from "../../core/markers.js";
import type { Templates } from "../../core/templates.js";
import { daysBetween, formatDuration, isoDate, parseDate } from "../../core/time.js";
import { linkLines } from "../squad-links/card-lines.js";
import { cycleLabel, rolesView, squadSize } from "./card-journey.js";
import type { CriterionResult } from "./criteria.js";
import { CARD_MARKER, type FeatureState } from "./state.js";
import { mermaidTimeline, type PhaseSpan, phaseSpans } from "./timeline.js";

export interface CardInput {
  config: Config;
  state: FeatureState;
  issue: {
    title: string;
    url: string;
    author: string;
    state: "open" | "closed";
    /** 👍 reactions on the issue: demand, shown with the interested and squad counts. */
    thumbsUp?: number;
    /** `owner/repo`: links to issues of the same repository are written `#N`. */
    repo?: string;
  };
  now: Date;
  /** The next main-path phase and how the feature stands against its entry criteria. */
  next: { phase: Phase; results: CriterionResult[] } | null;
  /** Unmet criteria of the current phase, shown when a label move skipped them. */
  warnings: CriterionResult[];
  /** Already-rendered one-line problems, e.g. a missing permission. */
  problems: string[];
  /** The intake section (Markdown) for a request still in its first phase. */
  intake?: string | null;
  templates: Templates;
}

/** Enough to see where a feature has been; the rest stays in the marker and the issue timeline. */
const HISTORY_ROWS = 30;
/** People listed by name before "and N more": a card with hundreds of links is unreadable. */
const PEOPLE_SHOWN = 30;
/** The target date is a release target: it cannot be overdue once the feature is released. */
const RELEASE_PHASE_ID = "release";
/** Notes and reasons are cut here: the card is a summary, the full text is in the issue. */
const NOTE_CHARS = 300;

function countMessage(templates: Templates, key: string, count: number, view: object = {}): string {
  return templates.message(`${key}.${count === 1 ? "one" : "other"}`, { ...view, count });
}

function phaseName(config: Config, id: string, templates: Templates): string {
  const phase = config.phases.find((candidate) => candidate.id === id);
  return phase
    ? escapeInline(phase.name)
    : templates.message("card.phase.unknown", { id: escapeInline(id) });
}

/** "Inception ✔ → Convergence ✔ → **Building** → Testing …": visited phases behind get a tick. */
function progressLine(config: Config, state: FeatureState, templates: Templates): string {
  const current = config.phases.find((phase) => phase.id === state.phase);
  // A new cycle goes through the phases again: ticks are this cycle's.
  const cycle = state.cycle ?? 1;
  const visited = new Set(
    state.history.filter((entry) => (entry.cycle ?? 1) === cycle).map((entry) => entry.phase),
  );
  return config.phases
    .filter((phase) => !phase.optional || phase === current)
    .map((phase) => {
      const name = escapeInline(phase.name);
      if (phase === current) return templates.message("card.progress.current", { name });
      const behind = current !== undefined && phase.index < current.index && visited.has(phase.id);
      return templates.message(behind ? "card.progress.done" : "card.progress.todo", { name });
    })
    .join(" → ");
}

/** A profile link for a real login; anything else (a corrupted state) as inert text. */
function person(login: string): string {
  return /^[A-Za-z0-9-]+(\[bot\])?$/.test(login) ? personLink(login) : escapeInline(login);
}

/**
 * A link target that cannot end the Markdown link early: `safeUrl` leaves `(`, `)`, `[`, `]`
 * and `|` as they are, and `https://x.org/a)[y](https://evil.example` would add a second link.
 */
function linkTarget(raw: string): string | null {
  const percent = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
  return safeUrl(raw.trim())?.replace(/[()[\]|`]/g, percent) ?? null;
}

function people(logins: string[], templates: Templates): string {
  if (logins.length === 0) return templates.message("card.people.none");
  const shown = logins.slice(0, PEOPLE_SHOWN).map(person);
  const hidden = logins.length - shown.length;
  return hidden > 0
    ? `${shown.join(", ")} ${templates.message("card.people.more", { count: hidden })}`
    : shown.join(", ");
}

function links(state: FeatureState, templates: Templates): string {
  const rendered = LINK_KINDS.flatMap((kind) => {
    const raw = state.links[kind]?.trim();
    if (!raw) return [];
    const name = templates.message(`card.link.${kind}`);
    if (kind === "slack") return [templates.message("card.link.channel", { name, channel: raw })];
    const url = linkTarget(raw);
    return url
      ? [templates.message("card.link.safe", { name, url })]
      : [templates.message("card.link.unsafe", { name, url: escapeInline(raw) })];
  });
  return rendered.length > 0 ? rendered.join(" · ") : templates.message("card.links.none");
}

/** Whether the current phase comes before the release, so a missed target still matters. */
export function beforeRelease(config: Config, state: FeatureState): boolean {
  const current = config.phases.find((phase) => phase.id === state.phase);
  if (!current || current.optional) return false;
  const release = config.phases.find((phase) => phase.id === RELEASE_PHASE_ID);
  if (release) return current.index < release.index;
  // Without a phase called `release`, only the last main-path phase is past the target.
  const main = config.phases.filter((phase) => !phase.optional);
  return current !== main[main.length - 1];
}

function target(config: Config, state: FeatureState, now: Date, templates: Templates): string {
  if (!state.target) return templates.message("card.target.none");
  const date = /^\d{4}-\d{2}-\d{2}$/.test(state.target) ? parseDate(state.target) : null;
  if (!date) return escapeInline(state.target);
  const view = { date: isoDate(date) };
  const late = daysBetween(date, now);
  if (late > 0 && beforeRelease(config, state)) {
    return countMessage(templates, "card.target.overdue", late, { ...view, days: late });
  }
  return templates.message("card.target.date", view);
}

/** Escaped user text, cut before escaping so that no escape sequence is split. */
function userText(text: string): string {
  const chars = Array.from(text.trim());
  return escapeInline(chars.length > NOTE_CHARS ? `${chars.slice(0, NOTE_CHARS).join("")}…` : text);
}

function when(at: string): string {
  return parseDate(at) ? isoDate(at) : escapeInline(at);
}

function blocked(state: FeatureState, templates: Templates): string | null {
  if (!state.blocked) return null;
  const { reason, by, at } = state.blocked;
  const view = { date: when(at), by: person(by), reason: userText(reason) };
  return templates.message(view.reason ? "card.blocked" : "card.blocked.noreason", view);
}

/** What a person last did to the roadmap item; the board itself is the place for the rest. */
function roadmapLine(config: Config, state: FeatureState, templates: Templates): string | null {
  if (!state.roadmap) return null;
  const { event, by, at } = state.roadmap;
  const labels = (config.roadmap?.addOnLabels ?? []).map((label) => `\`${escapeInline(label)}\``);
  return templates.message(`card.roadmap.${event}`, {
    by: person(by),
    date: when(at),
    labels: labels.length > 0 ? labels.join(", ") : null,
  });
}

function historyRow(config: Config, span: PhaseSpan, now: Date, templates: Templates) {
  const end = span.to ? Date.parse(span.to) : now.getTime();
  const duration = formatDuration(end - Date.parse(span.from));
  const via = templates.message(`card.via.${span.entry.via}`);
  const phase = phaseName(config, span.phase, templates);
  const { cycle } = span.entry;
  return {
    phase: cycle ? templates.message("card.history.inCycle", { phase, cycle }) : phase,
    entered: isoDate(span.from),
    by: person(span.entry.by),
    via: span.entry.forced ? templates.message("card.via.forced", { via }) : via,
    duration: span.to ? duration : templates.message("card.history.current", { duration }),
    note: userText(span.entry.note ?? ""),
  };
}

function criterionLine(result: CriterionResult, templates: Templates): string {
  const key = result.met ? "card.criterion.met" : "card.criterion.unmet";
  return templates.message(key, { text: result.text, fix: result.fix });
}

function issueTitle(issue: CardInput["issue"], templates: Templates): string {
  const title = escapeInline(issue.title);
  const url = linkTarget(issue.url);
  return url
    ? templates.message("card.title", { title, url })
    : templates.message("card.title.inert", { title });
}

/** The full card body: the marker line with the state, then `config/templates/card.md`. */
export function renderCard(input: CardInput): string {
  const { config, state, issue, now, next, templates } = input;
  const current = config.phases.find((phase) => phase.id === state.phase);
  const allSpans = phaseSpans(state, now);
  const spans = allSpans.slice(-HISTORY_ROWS);
  const earlier = allSpans.length - spans.length;
  const view = {
    phase: phaseName(config, state.phase, templates),
    cycle: cycleLabel(state, templates),
    title: issueTitle(issue, templates),
    requestedBy: templates.message("card.opened.by", { author: person(issue.author) }),
    progress: progressLine(config, state, templates),
    closed: issue.state === "closed" ? templates.message("card.closed") : null,
    blocked: blocked(state, templates),
    description: current?.description ? escapeInline(current.description) : null,
    nobodyYet: !state.lead && state.members.length === 0 && state.interested.length === 0,
    squadNone: templates.message("card.squad.none"),
    lead: state.lead ? person(state.lead) : templates.message("card.people.none"),
    members: people(state.members, templates),
    interested: people(state.interested, templates),
    roles: rolesView(config, state, (logins) => people(logins, templates), templates),
    links: links(state, templates),
    target: target(config, state, now, templates),
    roadmap: roadmapLine(config, state, templates),
    demand: templates.message("card.demand", {
      thumbsUp: issue.thumbsUp ?? 0,
      interested: state.interested.length,
      squad: squadSize(state),
    }),
    linked: linkLines(state, templates, issue.repo),
    intake: input.intake ?? null,
    hasWarnings: input.warnings.length > 0,
    warnings: input.warnings.map((r) => criterionLine(r, templates)),
    next: next && {
      name: escapeInline(next.phase.name),
      items: next.results.map((r) => criterionLine(r, templates)),
      nothing: templates.message("card.next.nothing"),
    },
    // The intake section already lists the first phase's activities: said once.
    hasActivities: !input.intake && (current?.activities.length ?? 0) > 0,
    activities: (current?.activities ?? []).map(escapeInline),
    // One row says no more than the progress line; history starts with the first move.
    hasHistory: allSpans.length > 1,
    history: spans.map((span) => historyRow(config, span, now, templates)),
    earlier: earlier > 0 ? countMessage(templates, "card.history.earlier", earlier) : null,
    mermaid:
      config.card.mermaid && allSpans.length > 1
        ? mermaidTimeline(spans, config.phases, now, (cycle) =>
            templates.message("card.cycle.section", { cycle }),
          ) || null
        : null,
    hasProblems: input.problems.length > 0,
    problems: input.problems,
  };
  return `${encodeMarker(CARD_MARKER, state)}\n${templates.render("card", view)}`;
}
