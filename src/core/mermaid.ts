/**
 * Text inside Mermaid diagrams GitHub draws: escaped with Mermaid's entity codes (`#58;` for `:`),
 * never stripped, so a title keeps its punctuation. Mermaid turns `#<code>;` back into the
 * character after parsing, so no escaped character can end a statement, start a comment, open
 * a directive or close the code fence.
 */

const ZERO_WIDTH_SPACE = "\u200b";
const SPECIAL = /[:;#%`"{}<>[\]\\]/g;

/** At most `max` characters as shown, the last one `…` when the text is cut. */
export function shortened(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : text;
}

/** `max` counts the characters as shown (see `shortened`). */
export function mermaidEscape(text: string, options: { max?: number; keywords?: RegExp } = {}) {
  const collapsed = text.replace(/\s+/g, " ").trim();
  const shown = options.max === undefined ? collapsed : shortened(collapsed, options.max);
  const escaped = shown
    .replace(SPECIAL, (char) => `#${char.codePointAt(0)};`)
    // Drawn text is not Markdown, but a mention in it would still read as one to people.
    .replace(/@/g, "@\u200d");
  // A line that reads as a keyword would start a new statement; an invisible prefix prevents it.
  return options.keywords?.test(escaped) ? `${ZERO_WIDTH_SPACE}${escaped}` : escaped;
}
