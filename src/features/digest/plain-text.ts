/**
 * The plain-text rendering of a digest, for email bodies: the same words as the Markdown, with
 * charts, HTML and Markdown syntax taken out and links written as `text <url>`.
 */

/** Undoes `escapeInline`'s backslashes and entity, which mean nothing outside Markdown. */
const unescapeMarkdown = (text: string) =>
  text.replace(/\\([\\`*_{}[\]()#+!|~>-])/g, "$1").replace(/&lt;/g, "<");

function inline(line: string): string {
  return unescapeMarkdown(
    line
      // A link's text may hold escaped brackets; its URL never holds spaces or parentheses.
      .replace(
        /\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/g,
        (_, text: string, url: string) => `${text} <${url}>`,
      )
      .replace(/\*\*(.+?)\*\*/g, "$1")
      .replace(/(^|[\s(])_(.+?)_(?=$|[\s.,;:)])/g, "$1$2")
      .replace(/<\/?(sub|sup|details|summary)>/g, ""),
  );
}

export function toPlainText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.replace(/<!--[\s\S]*?-->/g, "").split("\n")) {
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2] ?? "");
      out.push(text, (heading[1] === "#" || heading[1] === "##" ? "=" : "-").repeat(text.length));
      continue;
    }
    if (/^>\s*\[!\w+\]\s*$/.test(line)) continue;
    out.push(inline(line.replace(/^>\s?/, "").replace(/^(\s*)- /, "$1* ")));
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
