/**
 * The one reading of user-written Markdown (comments, issue bodies): parsed once into an mdast
 * tree, plus what GitHub hides from view, so that every feature agrees on which text is prose and
 * which is code, quoted or commented out.
 *
 * Of GitHub's extensions only tables and task lists are read: they change which lines are blocks
 * of what kind. Autolinks, footnotes and strikethrough change none of that, and cost: footnote
 * labels grow superlinearly on `](` runs, and the autolink pass recurses once per nesting level.
 */
import type { Html, Nodes, Parents, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { boundedParse } from "./markdown-guard.js";

/** A half-open span of offsets into `MarkdownDocument.source`. */
export interface Span {
  start: number;
  end: number;
}

export interface MarkdownDocument {
  /** The text as parsed: every line ending made `\n`, so offsets and lines agree. */
  source: string;
  root: Root;
  /** False when the text could not be read in time or at all; it then reads as empty. */
  complete: boolean;
  /** What GitHub does not show: HTML comments, sorted and apart. */
  hidden: Span[];
  /** Offset where each line starts; line 1 is at index 0. */
  lineStarts: number[];
}

/**
 * Long enough for any text GitHub accepts (65,536 characters) to be read on a busy machine (about
 * 1.5 s at worst, measured), short enough that a text built to make the parser crawl costs
 * seconds, not the minutes deep nesting would take.
 */
const PARSE_BUDGET_MS = 10_000;

function parse(source: string, budgetMs: number): { root: Root; complete: boolean } {
  try {
    const root = fromMarkdown(source, {
      extensions: [gfmTable(), gfmTaskListItem(), boundedParse(source, budgetMs)],
      mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
    });
    return { root, complete: true };
  } catch {
    // Out of time, or out of stack on absurd nesting: nothing of it is read, so nothing runs.
    return { root: { type: "root", children: [] }, complete: false };
  }
}

/** Where `node` sits in the source. */
export function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Every node below `parent`, in document order (depth first). */
export function* descendants(parent: Parents): Generator<Nodes> {
  for (const child of parent.children) {
    yield child;
    if ("children" in child) yield* descendants(child);
  }
}

/** An HTML block is flow content; inline HTML is one tag or one comment inside phrasing. */
function isBlock(parent: Parents): boolean {
  return ["root", "blockquote", "listItem"].includes(parent.type);
}

function htmlNodes(parent: Parents, found: { node: Html; block: boolean }[] = []) {
  for (const child of parent.children) {
    if (child.type === "html") found.push({ node: child, block: isBlock(parent) });
    else if ("children" in child) htmlNodes(child, found);
  }
  return found;
}

/** Every offset where `needle` occurs, ascending. */
function occurrences(source: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = source.indexOf(needle); at >= 0; at = source.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/** The first index in `[0, length)` where `before` turns false (it must be true, then false). */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first of `sorted` in `[from, to)`, or -1. */
function firstBetween(sorted: number[], from: number, to: number): number {
  const found = sorted[partitionPoint(sorted.length, (i) => (sorted[i] ?? 0) < from)];
  return found !== undefined && found < to ? found : -1;
}

/**
 * HTML comments as the browser sees GitHub's output: raw HTML passes through, so a comment opened
 * in an HTML block and not closed there hides everything up to the next raw `-->`, or to the end.
 */
function hiddenSpans(source: string, root: Root): Span[] {
  const opens = occurrences(source, "<!--");
  const closes = occurrences(source, "-->");
  const spans: Span[] = [];
  let openedAt: number | null = null;
  for (const { node, block } of htmlNodes(root)) {
    const { start, end } = spanOf(node);
    if (openedAt === null && !block && !node.value.startsWith("<!--")) continue;
    let at = start;
    while (at < end) {
      if (openedAt === null) {
        const open = firstBetween(opens, at, end - 3);
        if (open < 0) break;
        openedAt = open;
        at = open + 2; // `<!-->` is a whole comment
      }
      const close = firstBetween(closes, at, end - 2);
      if (close < 0) break;
      spans.push({ start: openedAt, end: close + 3 });
      openedAt = null;
      at = close + 3;
    }
  }
  if (openedAt !== null) spans.push({ start: openedAt, end: source.length });
  return spans;
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let at = source.indexOf("\n"); at >= 0; at = source.indexOf("\n", at + 1)) {
    starts.push(at + 1);
  }
  return starts;
}

function read(text: string, budgetMs: number): MarkdownDocument {
  const source = text.replace(/\r\n?/g, "\n");
  const { root, complete } = parse(source, budgetMs);
  return {
    source,
    root,
    complete,
    hidden: hiddenSpans(source, root),
    lineStarts: lineStartsOf(source),
  };
}

/** A reconcile reads one issue body in several features: the last few readings are kept. */
const recent = new Map<string, MarkdownDocument>();
const RECENT_READINGS = 4;

/**
 * The reading of `text`. Never throws; treat the result as read-only (it may be shared). A parse
 * that outlives `budgetMs` reads as empty.
 */
export function readMarkdown(text: string, budgetMs = PARSE_BUDGET_MS): MarkdownDocument {
  if (budgetMs !== PARSE_BUDGET_MS) return read(text, budgetMs);
  const known = recent.get(text);
  if (known) return known;
  const document = read(text, budgetMs);
  recent.set(text, document);
  if (recent.size > RECENT_READINGS) recent.delete(recent.keys().next().value ?? "");
  return document;
}

/** The offsets of 1-based `line`, without its line ending. */
export function lineSpan(document: MarkdownDocument, line: number): Span {
  const start = document.lineStarts[line - 1] ?? document.source.length;
  const next = document.lineStarts[line];
  return { start, end: next === undefined ? document.source.length : next - 1 };
}

/** First hidden span that ends after `offset`. */
function firstHiddenAfter(hidden: Span[], offset: number): number {
  return partitionPoint(hidden.length, (i) => (hidden[i]?.end ?? 0) <= offset);
}

/** The text of `span` as GitHub shows it: hidden parts dropped, their line breaks kept. */
export function visibleText(document: MarkdownDocument, span: Span): string {
  return visibleParts(document, span)
    .map((part) => document.source.slice(part.start, part.end))
    .join("");
}

/** The shown pieces of `span`, with each hidden stretch reduced to its line breaks. */
export function visibleParts(document: MarkdownDocument, span: Span): Span[] {
  const { hidden } = document;
  const parts: Span[] = [];
  let at = span.start;
  for (let index = firstHiddenAfter(hidden, at); at < span.end; index++) {
    const gap = hidden[index];
    if (!gap || gap.start >= span.end) {
      parts.push({ start: at, end: span.end });
      break;
    }
    if (gap.start > at) parts.push({ start: at, end: gap.start });
    const to = Math.min(gap.end, span.end);
    const from = Math.max(at, gap.start);
    // Line breaks are where lines start, less one: found by search, not by scanning the gap.
    const starts = document.lineStarts;
    for (let line = partitionPoint(starts.length, (i) => (starts[i] ?? 0) <= from); ; line++) {
      const lineBreak = (starts[line] ?? Number.POSITIVE_INFINITY) - 1;
      if (lineBreak >= to) break;
      parts.push({ start: lineBreak, end: lineBreak + 1 });
    }
    at = Math.max(at, to);
  }
  return parts;
}

/** Whether `offset` is hidden from view. */
export function isHidden(document: MarkdownDocument, offset: number): boolean {
  const gap = document.hidden[firstHiddenAfter(document.hidden, offset)];
  return gap !== undefined && gap.start <= offset;
}
