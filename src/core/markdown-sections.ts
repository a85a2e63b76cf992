/**
 * Headings of a Markdown text and what stands under each: the lines and the task-list items of
 * its section. Headings inside code, quotes, lists or HTML comments are no section headings.
 */
import type { ListItem, Parents } from "mdast";
import { toString as shownText } from "mdast-util-to-string";
import { isHidden, type MarkdownDocument, spanOf, visibleText } from "./markdown-tree.js";

export interface Heading {
  /** 1 to 6 for `#` to `######` (and setext); a bold lead-in line ranks below all of them. */
  depth: number;
  /** As shown: emphasis, code marks, closing hashes and comments gone. */
  text: string;
  /** Where the heading's line starts, and where the text under it starts. */
  lineStart: number;
  contentStart: number;
}

export interface Section {
  heading: Heading;
  /** Where the next heading as high or higher starts its line, or the end of the text. */
  end: number;
}

export interface HeadingOptions {
  /**
   * Classic issue templates ask their questions in bold (`**Describe the solution**`): a line of
   * a paragraph that starts with bold text counts as a heading, the rest of the line as under it.
   */
  leadIns?: boolean;
}

const LEAD_IN_DEPTH = 7;

/** How headings compare: case, surrounding emphasis, closing hashes and a trailing colon ignored. */
export function normalizeHeading(text: string): string {
  return text
    .replace(/[ \t]+#+[ \t]*$/, "")
    .trim()
    .replace(/:$/, "")
    .replace(/^([*_]{1,2})(.*)\1$/, "$2")
    .trim()
    .replace(/:$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function lineStartOf(document: MarkdownDocument, offset: number): number {
  return document.source.lastIndexOf("\n", offset - 1) + 1;
}

function realHeadings(document: MarkdownDocument): Heading[] {
  return document.root.children.flatMap((node): Heading[] => {
    if (node.type !== "heading") return [];
    const { start, end } = spanOf(node);
    if (isHidden(document, start)) return [];
    const text = shownText(node, { includeHtml: false });
    return [
      { depth: node.depth, text, lineStart: lineStartOf(document, start), contentStart: end },
    ];
  });
}

/** Bold text that opens a line of a top-level paragraph. */
function leadIns(document: MarkdownDocument): Heading[] {
  return document.root.children.flatMap((node): Heading[] => {
    if (node.type !== "paragraph") return [];
    return node.children.flatMap((child): Heading[] => {
      if (child.type !== "strong") return [];
      const { start, end } = spanOf(child);
      const lineStart = lineStartOf(document, start);
      const before = document.source.slice(lineStart, start);
      if (before.trim() !== "" || isHidden(document, start)) return [];
      const text = shownText(child, { includeHtml: false });
      return [{ depth: LEAD_IN_DEPTH, text, lineStart, contentStart: end }];
    });
  });
}

/** The section headings, in order. */
export function headings(document: MarkdownDocument, options: HeadingOptions = {}): Heading[] {
  const found = realHeadings(document);
  if (options.leadIns) found.push(...leadIns(document));
  return found.sort((a, b) => a.lineStart - b.lineStart);
}

/** One section per heading, each running to the next heading as high or higher. */
function sections(document: MarkdownDocument, options: HeadingOptions = {}): Section[] {
  const all = headings(document, options);
  const result = all.map((heading) => ({ heading, end: document.source.length }));
  // Sections still open, outermost first: a heading closes every one at its depth or deeper.
  const open: Section[] = [];
  for (const section of result) {
    while ((open.at(-1)?.heading.depth ?? 0) >= section.heading.depth) {
      const closed = open.pop();
      if (closed) closed.end = section.heading.lineStart;
    }
    open.push(section);
  }
  return result;
}

/** The section of the first heading that reads as `wanted` (see `normalizeHeading`). */
export function findSection(
  document: MarkdownDocument,
  wanted: string,
  options: HeadingOptions = {},
): Section | undefined {
  const key = normalizeHeading(wanted);
  return sections(document, options).find((s) => normalizeHeading(s.heading.text) === key);
}

/** The lines under the heading as GitHub shows them (comments gone), the heading's own line first. */
export function sectionLines(document: MarkdownDocument, section: Section): string[] {
  return visibleText(document, { start: section.heading.contentStart, end: section.end }).split(
    "\n",
  );
}

/**
 * Task-list items (`- [ ]`, `- [x]`) are shown by GitHub as checkboxes; nested ones count too.
 * A quoted checklist is someone else's text being answered, so its items are not counted.
 */
function taskItems(parent: Parents, found: ListItem[] = []): ListItem[] {
  for (const child of parent.children) {
    if (child.type === "blockquote" || !("children" in child)) continue;
    if (child.type === "listItem" && typeof child.checked === "boolean") found.push(child);
    taskItems(child, found);
  }
  return found;
}

/** Whether each task item of the section is ticked, in order. */
export function sectionTasks(document: MarkdownDocument, section: Section): boolean[] {
  return taskItems(document.root)
    .filter((item) => {
      const { start } = spanOf(item);
      return start >= section.heading.contentStart && start < section.end;
    })
    .filter((item) => !isHidden(document, spanOf(item).start))
    .map((item) => item.checked === true);
}
