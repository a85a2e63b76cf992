/** Finds slash commands in comment text, on the lines GitHub shows as the commenter's own prose. */
import { proseLines } from "../core/markdown-prose.js";
import { readMarkdown } from "../core/markdown-tree.js";

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
  for (const line of proseLines(readMarkdown(body))) {
    if (commands.length >= limit) break;
    if (line.startsInCode) continue;
    const command = commandIn(line.text, commands.length);
    if (command) commands.push(command);
  }
  return commands;
}

/** The commands of a comment, at most `limit` (`MAX_COMMANDS_PER_COMMENT`). Never throws. */
export function parseCommands(body: string, limit = MAX_COMMANDS_PER_COMMENT): CommandLine[] {
  return scanCommands(body, limit);
}

/**
 * The commands an edit added: those of `after` beyond the ones `before` already had, compared on
 * `line` as a multiset, so fixing a typo elsewhere in the comment does not run its commands again.
 * Earlier occurrences count as the old ones; `index` is the position in `after`.
 */
export function newCommands(
  before: string,
  after: string,
  limit = MAX_COMMANDS_PER_COMMENT,
): CommandLine[] {
  const seen = new Map<string, number>();
  for (const command of scanCommands(before, Number.POSITIVE_INFINITY)) {
    seen.set(command.line, (seen.get(command.line) ?? 0) + 1);
  }
  const added: CommandLine[] = [];
  for (const command of scanCommands(after, Number.POSITIVE_INFINITY)) {
    const left = seen.get(command.line) ?? 0;
    if (left > 0) seen.set(command.line, left - 1);
    else added.push(command);
    if (added.length >= limit) break;
  }
  return added;
}
