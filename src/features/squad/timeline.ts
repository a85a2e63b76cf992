/** How long a feature spent in each phase, as spans and as a Mermaid gantt chart for the card. */

import type { Phase } from "../../config/schema.js";
import { mermaidEscape } from "../../core/mermaid.js";
import { daysBetween, isoDate, parseDate } from "../../core/time.js";
import type { FeatureState, HistoryEntry } from "./state.js";

export interface PhaseSpan {
  phase: string;
  /** ISO instant the phase was entered. */
  from: string;
  /** ISO instant it was left; null for the current phase. */
  to: string | null;
  /** Calendar days (UTC) from `from` to `to`, or to now for the current phase; never negative. */
  days: number;
  /** The history entry that opened the span: who moved it, how, and why. */
  entry: HistoryEntry;
}

/**
 * One span per stay in a phase, oldest first; a phase entered again later gets a new span.
 * Consecutive entries for the same phase (a forced re-entry, a repair by the sweep) extend one
 * stay rather than splitting it. Entries whose time cannot be read are left out.
 */
export function phaseSpans(state: FeatureState, now: Date): PhaseSpan[] {
  const entries = state.history.filter((entry) => parseDate(entry.at) !== null);
  const stays: HistoryEntry[] = entries.filter(
    (entry, index) => index === 0 || entries[index - 1]?.phase !== entry.phase,
  );
  return stays.map((entry, index) => {
    const to = stays[index + 1]?.at ?? null;
    return {
      phase: entry.phase,
      from: entry.at,
      to,
      days: Math.max(0, daysBetween(entry.at, to ?? now)),
      entry,
    };
  });
}

/** Words that start a statement in Mermaid's gantt grammar (case-insensitive) when a line does. */
const GANTT_KEYWORD =
  /^(?:gantt|click\s|call\s|href\s|acc(?:Title|Descr)|dateFormat|inclusiveEndDates|topAxis|axisFormat|tickInterval|includes|excludes|todayMarker|weekday|title|section|\d{4}-\d\d-\d\d)/i;
/** A task name that stays one task, its punctuation escaped; a keyword gets an invisible prefix. */
export function ganttTaskName(name: string): string {
  return mermaidEscape(name, { keywords: GANTT_KEYWORD }) || "phase";
}

/**
 * A fenced Mermaid gantt chart with one bar per span: `done` for stays that ended, `active` for
 * the current one. A stay shorter than a day is drawn one day long, or it would vanish. When the
 * feature went round more than once, each cycle is a section named by `cycleName`.
 */
export function mermaidTimeline(
  spans: PhaseSpan[],
  phases: Phase[],
  now: Date,
  cycleName: (cycle: number) => string = (cycle) => `Cycle ${cycle}`,
): string {
  if (spans.length === 0) return "";
  const names = new Map(phases.map((phase) => [phase.id, phase.name]));
  const cycled = spans.some((span) => (span.entry.cycle ?? 1) > 1);
  const tasks = spans.flatMap((span, index) => {
    const name = ganttTaskName(names.get(span.phase) ?? span.phase);
    const status = span.to === null ? "active" : "done";
    const days = Math.max(1, span.to === null ? daysBetween(span.from, now) : span.days);
    const task = `  ${name} :${status}, p${index}, ${isoDate(span.from)}, ${days}d`;
    const cycle = span.entry.cycle ?? 1;
    const opens = cycled && (index === 0 || (spans[index - 1]?.entry.cycle ?? 1) !== cycle);
    return opens ? [`  section ${ganttTaskName(cycleName(cycle))}`, task] : [task];
  });
  return [
    "```mermaid",
    "gantt",
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %b %d",
    ...tasks,
    "```",
  ].join("\n");
}
