/**
 * The lines of a Markdown text that GitHub shows as the writer's own prose: code (fenced and
 * indented), block quotes, HTML blocks and comments left out. What slash commands are read from.
 */
import type { Nodes, Parents } from "mdast";
import {
  descendants,
  lineSpan,
  type MarkdownDocument,
  partitionPoint,
  type Span,
  spanOf,
  visibleParts,
} from "./markdown-tree.js";

export interface ProseLine {
  /** The whole source line as typed (list markers included), hidden parts removed. */
  text: string;
  /** Its first shown character belongs to inline code, e.g. a code span opened a line earlier. */
  startsInCode: boolean;
}

/** Blocks whose lines are text the writer typed, as opposed to code, quotes or raw HTML. */
const PROSE_BLOCKS = new Set(["paragraph", "heading", "table"]);
const CONTAINERS = new Set(["list", "listItem"]);

/** Whether `offset` falls in one of `spans` (sorted, apart). */
function inside(spans: Span[], offset: number): boolean {
  const span = spans[partitionPoint(spans.length, (i) => (spans[i]?.end ?? 0) <= offset)];
  return span !== undefined && span.start <= offset;
}

/**
 * Unlike CommonMark, a line right after a quote is not a lazy continuation of it: quote-reply
 * leaves a blank line, so such a line was typed by the commenter. A quoted line starts with `>`.
 */
function isQuotedLine(document: MarkdownDocument, line: number): boolean {
  const { start, end } = lineSpan(document, line);
  return /^[ \t]*>/.test(document.source.slice(start, end));
}

function lineOf(document: MarkdownDocument, line: number, code: Span[]): ProseLine {
  let text = "";
  let first: number | null = null;
  for (const part of visibleParts(document, lineSpan(document, line))) {
    const piece = document.source.slice(part.start, part.end);
    const shown = piece.search(/[^ \t]/);
    if (first === null && shown >= 0) first = part.start + shown;
    text += piece;
  }
  return { text, startsInCode: first !== null && inside(code, first) };
}

function blockLines(document: MarkdownDocument, block: Parents, quoted: boolean): ProseLine[] {
  const code = [...descendants(block)].filter((node) => node.type === "inlineCode").map(spanOf);
  const from = block.position?.start.line ?? 1;
  const to = block.position?.end.line ?? from;
  const lines: ProseLine[] = [];
  for (let line = from; line <= to; line++) {
    if (quoted && isQuotedLine(document, line)) continue;
    lines.push(lineOf(document, line, code));
  }
  return lines;
}

/**
 * An HTML comment block ends on the line where its comment closes, and GitHub shows what follows
 * on that line: that much is read like any other line.
 */
function afterComment(document: MarkdownDocument, node: Nodes): ProseLine[] {
  if (node.type !== "html" || !node.value.startsWith("<!--")) return [];
  return [lineOf(document, node.position?.end.line ?? 1, [])];
}

function collect(document: MarkdownDocument, parent: Parents, quoted: boolean): ProseLine[] {
  return parent.children.flatMap((child): ProseLine[] => {
    if (PROSE_BLOCKS.has(child.type)) return blockLines(document, child as Parents, quoted);
    if (child.type === "blockquote") return collect(document, child, true);
    if (CONTAINERS.has(child.type)) return collect(document, child as Parents, quoted);
    return quoted ? [] : afterComment(document, child);
  });
}

/** The prose lines of the document, in order. */
export function proseLines(document: MarkdownDocument): ProseLine[] {
  return collect(document, document.root, false);
}
