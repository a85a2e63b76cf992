/** Finds slash commands in comment text, skipping whatever GitHub shows as code, quotes or comments. */

export interface CommandLine {
  /** The word after the slash, e.g. `phase`; unknown names are returned too, for "did you mean". */
  name: string;
  /** The rest of the line, trimmed, as typed. */
  args: string;
  /** `/name args` with runs of whitespace collapsed: what edits are compared on. */
  line: string;
  /** 0-based position among the commands of the comment it came from. */
  index: number;
}

/**
 * Flood protection: one comment runs at most this many commands, so a pasted log or a prank
 * cannot make the bot write dozens of times for one webhook.
 */
export const MAX_COMMANDS_PER_COMMENT = 20;

/** The name must be followed by whitespace or the end: `/path/to/file` and `/etc.` are prose. */
const COMMAND = /^\/([a-z][a-z-]*)(?:\s(.*))?$/;
const BLANK = /^[ \t]*$/;
const FENCE_OPEN = /^(`{3,})[^`]*$|^(~{3,})/;

interface Fence {
  char: string;
  length: number;
}

/** Leading indentation in columns (a tab reaches the next multiple of 4) and its length. */
function indentation(line: string): { columns: number; length: number } {
  let columns = 0;
  let length = 0;
  for (; length < line.length; length++) {
    const char = line[length];
    if (char === " ") columns += 1;
    else if (char === "\t") columns += 4 - (columns % 4);
    else break;
  }
  return { columns, length };
}

function closesFence(line: string, fence: Fence): boolean {
  const { columns, length } = indentation(line);
  if (columns > 3) return false;
  const rest = line.slice(length).trimEnd();
  return rest.length >= fence.length && [...rest].every((char) => char === fence.char);
}

/**
 * Splits the text into paragraphs: runs of lines that GitHub renders as ordinary text. Fenced and
 * indented code, block quotes and multi-line HTML comments are dropped here, since inline code
 * spans and inline comments can never cross those boundaries.
 *
 * Unlike CommonMark, a line right after a quote is not a lazy continuation of it: quote-reply
 * leaves a blank line, so such a line was typed by the commenter and is meant to run.
 */
function paragraphs(text: string): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  let fence: Fence | null = null;
  let inComment = false;
  let previous: "blank" | "text" | "other" = "blank";
  const endParagraph = (after: typeof previous) => {
    if (current.length > 0) result.push(current);
    current = [];
    previous = after;
  };

  for (const line of text.split("\n")) {
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (inComment) {
      const end = line.indexOf("-->");
      if (end < 0) continue;
      inComment = false;
      // Text after the comment's end is shown by GitHub, so it is read like any other line.
      const rest = line.slice(end + 3);
      if (BLANK.test(rest)) previous = "other";
      else {
        current.push(rest);
        previous = "text";
      }
      continue;
    }
    if (BLANK.test(line)) {
      endParagraph("blank");
      continue;
    }
    const { columns, length } = indentation(line);
    if (columns > 3) {
      // Indented text continues a paragraph; anywhere else it is a code block.
      if (previous === "text") current.push(line);
      else endParagraph("other");
      continue;
    }
    const stripped = line.slice(length);
    const opening = FENCE_OPEN.exec(stripped);
    if (opening) {
      const marks = opening[1] ?? opening[2] ?? "";
      fence = { char: marks.charAt(0), length: marks.length };
      endParagraph("other");
    } else if (stripped.startsWith(">")) {
      endParagraph("other");
    } else if (stripped.startsWith("<!--") && stripped.indexOf("-->", 2) < 0) {
      inComment = true;
      endParagraph("other");
    } else {
      current.push(line);
      previous = "text";
    }
  }
  endParagraph("blank");
  return result;
}

interface Span {
  start: number;
  end: number;
  code: boolean;
}

/** Start offsets of maximal backtick runs, by run length: where a code span may close. */
function backtickRuns(text: string): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  const pattern = /`+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const starts = runs.get(match[0].length) ?? [];
    starts.push(match.index);
    runs.set(match[0].length, starts);
  }
  return runs;
}

function firstAtOrAfter(sorted: number[], from: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  return sorted[low] ?? -1;
}

/**
 * Code spans and HTML comments of one paragraph, in order, as CommonMark reads them: whichever
 * opens first wins, a backslash escapes the next character, and a code span closes only on a
 * backtick run of the same length. Linear in practice, whatever the input.
 */
function inlineSpans(text: string): Span[] {
  const runs = backtickRuns(text);
  const spans: Span[] = [];
  let commentsCanClose = true;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\") {
      i += 2;
    } else if (char === "`") {
      let length = 1;
      while (text[i + length] === "`") length++;
      const close = firstAtOrAfter(runs.get(length) ?? [], i + length);
      if (close >= 0) spans.push({ start: i, end: close + length, code: true });
      i = close >= 0 ? close + length : i + length;
    } else if (char === "<" && commentsCanClose && text.startsWith("<!--", i)) {
      const close = text.indexOf("-->", i + 2);
      if (close >= 0) spans.push({ start: i, end: close + 3, code: false });
      else commentsCanClose = false;
      i = close >= 0 ? close + 3 : i + 1;
    } else {
      i++;
    }
  }
  return spans;
}

/**
 * The paragraph's lines as GitHub shows them: comments removed (their line breaks kept, so text
 * after a comment starts a line), with, per line, whether its first visible character is code.
 */
function visibleLines(paragraph: string[]): { text: string; startsInCode: boolean }[] {
  const text = paragraph.join("\n");
  let visible = "";
  let mask = "";
  let position = 0;
  const keep = (until: number, code: boolean) => {
    visible += text.slice(position, until);
    mask += (code ? "c" : " ").repeat(until - position);
    position = until;
  };
  for (const span of inlineSpans(text)) {
    keep(span.start, false);
    if (span.code) keep(span.end, true);
    else {
      const breaks = text.slice(span.start, span.end).replace(/[^\n]/g, "");
      visible += breaks;
      mask += " ".repeat(breaks.length);
      position = span.end;
    }
  }
  keep(text.length, false);

  const lines: { text: string; startsInCode: boolean }[] = [];
  let start = 0;
  for (const line of visible.split("\n")) {
    const first = start + indentation(line).length;
    lines.push({ text: line, startsInCode: mask[first] === "c" });
    start += line.length + 1;
  }
  return lines;
}

function commandIn(text: string, index: number): CommandLine | null {
  const { columns, length } = indentation(text);
  if (columns > 3) return null;
  const match = COMMAND.exec(text.slice(length).trimEnd());
  if (!match) return null;
  const name = match[1] ?? "";
  const args = (match[2] ?? "").trim();
  const line = args === "" ? `/${name}` : `/${name} ${args.replace(/\s+/g, " ")}`;
  return { name, args, line, index };
}

/** Every command in the text, in order, stopping after `limit`. */
function scanCommands(body: string, limit: number): CommandLine[] {
  const commands: CommandLine[] = [];
  for (const paragraph of paragraphs(body.replace(/\r\n?/g, "\n"))) {
    for (const line of visibleLines(paragraph)) {
      if (commands.length >= limit) return commands;
      if (line.startsInCode) continue;
      const command = commandIn(line.text, commands.length);
      if (command) commands.push(command);
    }
  }
  return commands;
}

/** The commands of a comment, at most `MAX_COMMANDS_PER_COMMENT`. Never throws. */
export function parseCommands(body: string): CommandLine[] {
  return scanCommands(body, MAX_COMMANDS_PER_COMMENT);
}

/**
 * The commands an edit added: those of `after` beyond the ones `before` already had, compared on
 * `line` as a multiset, so fixing a typo elsewhere in the comment does not run its commands again.
 * Earlier occurrences count as the old ones; `index` is the position in `after`.
 */
export function newCommands(before: string, after: string): CommandLine[] {
  const seen = new Map<string, number>();
  for (const command of scanCommands(before, Number.POSITIVE_INFINITY)) {
    seen.set(command.line, (seen.get(command.line) ?? 0) + 1);
  }
  const added: CommandLine[] = [];
  for (const command of scanCommands(after, Number.POSITIVE_INFINITY)) {
    const left = seen.get(command.line) ?? 0;
    if (left > 0) seen.set(command.line, left - 1);
    else added.push(command);
    if (added.length >= MAX_COMMANDS_PER_COMMENT) break;
  }
  return added;
}
