/** Mermaid charts GitHub renders in digests: a pie of features per phase, a timeline of moves. */
import { mermaidEscape } from "../../core/mermaid.js";

const KEYWORDS = /^(title|section|pie|showData|timeline|acc)/i;

/** One label or event, escaped and cut to `max` characters; empty becomes `fallback`. */
export function mermaidText(text: string, max = 60, fallback = "item"): string {
  const escaped = mermaidEscape(text, { max, keywords: KEYWORDS });
  return escaped === "" ? fallback : escaped;
}

const fence = (lines: string[]) => ["```mermaid", ...lines, "```"].join("\n");

/** A pie with one slice per non-empty phase; empty when there is nothing to draw. */
export function mermaidPie(title: string, slices: { name: string; count: number }[]): string {
  const drawn = slices.filter((slice) => slice.count > 0);
  if (drawn.length === 0) return "";
  return fence([
    `pie showData title ${mermaidText(title, 80, "Features")}`,
    ...drawn.map((slice) => `  "${mermaidText(slice.name)}" : ${slice.count}`),
  ]);
}

/** A timeline with one row per day, oldest first, each listing that day's events. */
export function mermaidTimeline(title: string, days: { day: string; events: string[] }[]): string {
  if (days.length === 0) return "";
  return fence([
    "timeline",
    `  title ${mermaidText(title, 80, "Timeline")}`,
    ...days.map(
      (row) =>
        `  ${mermaidText(row.day, 20, "day")} : ${row.events.map((e) => mermaidText(e, 120)).join(" : ")}`,
    ),
  ]);
}
