/** Mermaid charts GitHub renders in digests: a pie of features per phase, a timeline of moves. */

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Text that stays one label or event: nothing that ends a statement or separates fields (`:`,
 * `;`, newlines), starts a comment (`%%`, `#`), closes the code fence, or opens HTML, quotes or
 * directives, nor mention anyone. Cut to `max` characters; an empty result becomes `fallback`.
 */
export function mermaidText(text: string, max = 60, fallback = "item"): string {
  let clean = text
    .replace(/[:;#%`"{}<>[\]\\\r\n]/g, " ")
    .replace(/@/g, "@\u200d")
    .replace(/\s+/g, " ")
    .trim();
  if (clean.length > max) clean = `${clean.slice(0, max - 1).trimEnd()}…`;
  if (clean === "") return fallback;
  // A line that reads as a keyword would start a new statement; an invisible prefix prevents it.
  return /^(title|section|pie|showData|timeline|acc)/i.test(clean)
    ? `${ZERO_WIDTH_SPACE}${clean}`
    : clean;
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
        `  ${mermaidText(row.day, 20, "day")} : ${row.events.map((e) => mermaidText(e)).join(" : ")}`,
    ),
  ]);
}
