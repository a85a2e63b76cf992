/**
 * From a comment's command lines to the requests one feature runs: known commands of that feature
 * with their typed arguments, malformed ones as refusals with the parser's message, and unknown
 * ones answered only when they look like a typo of ours (other bots use slash commands too).
 */
import type { Templates } from "../core/templates.js";
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

/** A comment's command lines: those it runs now, those it had before an edit, those past the limit. */
export interface CommentCommands {
  lines: CommandLine[];
  before: CommandLine[];
  /** Commands past the flood limit: not run, and said so, so nobody waits for them. */
  dropped: CommandLine[];
}

/** The command lines a comment runs now: all of a new comment, only the added ones of an edit. */
export function commandLinesOf(body: string, previousBody: string | null): CommentCommands {
  // Read whole, so the commands past the limit can be named.
  const all =
    previousBody === null
      ? parseCommands(body, Number.POSITIVE_INFINITY)
      : newCommands(previousBody, body, Number.POSITIVE_INFINITY);
  return {
    lines: all.slice(0, MAX_COMMANDS_PER_COMMENT),
    before: previousBody === null ? [] : parseCommands(previousBody),
    dropped: all.slice(MAX_COMMANDS_PER_COMMENT),
  };
}

/** What only the feature that answers for all commands is told (see `requestsOf`). */
export interface Answering {
  /** Why another feature's command cannot run here, or null when it can. */
  offReason(kind: CommandKind): string | null;
}

/**
 * `runsHere` says which commands this feature runs; commands of other features are neither
 * refused nor answered here. One feature is `answering`: it refuses typos of our commands,
 * commands of features that are off here, and the commands past the flood limit, each once.
 */
export function requestsOf(
  read: CommentCommands,
  runsHere: (kind: CommandKind) => boolean,
  templates: Templates,
  answering?: Answering,
): CommandRequest[] {
  const seen = new Map<string, number>();
  for (const line of read.before) seen.set(line.line, (seen.get(line.line) ?? 0) + 1);
  const requests: CommandRequest[] = [];
  const tooMany = templates.message("refuse.tooMany", { max: MAX_COMMANDS_PER_COMMENT });
  const dropped = new Set(answering ? read.dropped : []);
  for (const line of [...read.lines, ...dropped]) {
    const occurrence = (seen.get(line.line) ?? 0) + 1;
    seen.set(line.line, occurrence);
    if (dropped.has(line)) {
      requests.push(refusal(line, occurrence, tooMany));
      continue;
    }
    const spec = findSpec(line.name);
    if (spec && !runsHere(spec.name)) {
      // Said once, by one feature, so a command that cannot run is never met with silence.
      const off = answering?.offReason(spec.name);
      if (off) requests.push(refusal(line, occurrence, off));
      continue;
    }
    if (!spec) {
      const close = answering ? suggest(line.name) : null;
      if (close) {
        const reason = templates.message("refuse.unknown", { name: line.name, suggestion: close });
        requests.push(refusal(line, occurrence, reason));
      }
      continue;
    }
    const result = spec.parse(line.args, templates);
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
