/**
 * From a comment's command lines to the requests one feature runs: known commands of that feature
 * with their typed arguments, malformed ones as refusals with the parser's message, and unknown
 * ones answered only when they look like a typo of ours (other bots use slash commands too).
 */
import { message } from "../core/templates.js";
import { type CommandLine, MAX_COMMANDS_PER_COMMENT, newCommands, parseCommands } from "./parse.js";
import { type Command, type CommandKind, findSpec, type Role, suggest } from "./specs.js";

/** A command, or one whose arguments did not parse: it is refused with the parser's message. */
export type RequestedCommand = Command | { kind: "invalid"; reason: string };

export interface CommandRequest {
  /** `/name args` as typed, whitespace collapsed: with `occurrence`, what makes it the same command. */
  line: string;
  /** 1 for the first time this exact line appears in the comment, 2 for the second, … */
  occurrence: number;
  command: RequestedCommand;
  role: Role;
}

/** The command lines a comment runs now: all of a new comment, only the added ones of an edit. */
export function commandLinesOf(
  body: string,
  previousBody: string | null,
): {
  lines: CommandLine[];
  before: CommandLine[];
  /** Commands past the flood limit: not run, and said so, so nobody waits for them. */
  dropped: CommandLine[];
} {
  // One more than the limit is enough to know; the rest are named from the full list.
  const all =
    previousBody === null
      ? parseCommands(body, Number.POSITIVE_INFINITY)
      : newCommands(previousBody, body, Number.POSITIVE_INFINITY);
  const lines = all.slice(0, MAX_COMMANDS_PER_COMMENT);
  const dropped = all.slice(MAX_COMMANDS_PER_COMMENT);
  return { lines, before: previousBody === null ? [] : parseCommands(previousBody), dropped };
}

/** One refusal per command past the limit, all with the same reason (said once in the reply). */
export function droppedRequests(read: {
  lines: CommandLine[];
  before: CommandLine[];
  dropped: CommandLine[];
}): CommandRequest[] {
  const reason = message("refuse.tooMany", { max: MAX_COMMANDS_PER_COMMENT });
  // Occurrences continue the count of the commands read, as `requestsOf` keys them.
  const seen = new Map<string, number>();
  for (const line of [...read.before, ...read.lines])
    seen.set(line.line, (seen.get(line.line) ?? 0) + 1);
  return read.dropped.map((line) => {
    const occurrence = (seen.get(line.line) ?? 0) + 1;
    seen.set(line.line, occurrence);
    return refusal(line, occurrence, reason);
  });
}

/**
 * `runsHere` says which commands this feature runs; commands of other features are neither
 * refused nor answered here. An unknown command is answered once, by the feature that answers typos.
 */
export function requestsOf(
  lines: CommandLine[],
  before: CommandLine[],
  runsHere: (kind: CommandKind) => boolean,
  answersTypos: boolean,
  /** For the feature that answers typos: why another feature's command cannot run here. */
  offReason?: (kind: CommandKind) => string | null,
): CommandRequest[] {
  const seen = new Map<string, number>();
  for (const line of before) seen.set(line.line, (seen.get(line.line) ?? 0) + 1);
  const requests: CommandRequest[] = [];
  for (const line of lines) {
    const occurrence = (seen.get(line.line) ?? 0) + 1;
    seen.set(line.line, occurrence);
    const spec = findSpec(line.name);
    if (spec && !runsHere(spec.name)) {
      // Said once, by one feature, so a command that cannot run is never met with silence.
      const off = answersTypos ? offReason?.(spec.name) : null;
      if (off) requests.push(refusal(line, occurrence, off));
      continue;
    }
    if (!spec) {
      const close = answersTypos ? suggest(line.name) : null;
      if (close) {
        const reason = message("refuse.unknown", { name: line.name, suggestion: close });
        requests.push(refusal(line, occurrence, reason));
      }
      continue;
    }
    const result = spec.parse(line.args);
    requests.push(
      result.ok
        ? { line: line.line, occurrence, command: result.command, role: spec.role }
        : refusal(line, occurrence, result.error),
    );
  }
  return requests;
}

function refusal(line: CommandLine, occurrence: number, reason: string): CommandRequest {
  return { line: line.line, occurrence, command: { kind: "invalid", reason }, role: "anyone" };
}
