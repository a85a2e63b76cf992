/** What a person sees after a command: a reaction when it worked, one reply when it did not. */
import { renderHelp } from "../../commands/help.js";
import { type CommandKind, SPECS } from "../../commands/specs.js";
import { shortHash } from "../../core/hash.js";
import { mention } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { CommandOutcome, CommandRequest } from "./apply-commands.js";

/** Identifies one command occurrence in one comment, so a redelivery does not apply it again. */
export function commandKey(commentDatabaseId: number, request: CommandRequest): string {
  return `${commentDatabaseId}:${shortHash(`${request.line}#${request.occurrence}`)}`;
}

export interface Reply {
  body: string;
  key(commentDatabaseId: number): string;
}

/** `commandsOn`: what `/help` lists, the commands of the features on here (all when absent). */
export function renderCommandReplies(
  actor: string,
  outcomes: CommandOutcome[],
  templates: Templates,
  commandsOn?: readonly CommandKind[],
): Reply | null {
  const shown = outcomes.filter((o) => o.status !== "elsewhere");
  const refused = shown.filter((o) => o.status === "refused");
  const wantsHelp = shown.some((o) => o.status === "help");
  if (refused.length === 0 && !wantsHelp) return null;
  const body = templates.render("command-reply", {
    actor: mention(actor),
    refused: groupedByReason(refused),
    hasRefused: refused.length > 0,
    help: wantsHelp
      ? renderHelp(commandsOn ? SPECS.filter((s) => commandsOn.includes(s.name)) : SPECS, templates)
      : "",
  });
  const fingerprint = shortHash(shown.map((o) => `${o.status}:${o.line}`).join("\n"));
  return { body, key: (id) => `reply:${id}:${fingerprint}` };
}

/** One bullet per reason: twenty commands refused for the same reason are said once. */
function groupedByReason(refused: Extract<CommandOutcome, { status: "refused" }>[]) {
  const groups = new Map<string, string[]>();
  for (const { line, reason } of refused) groups.set(reason, [...(groups.get(reason) ?? []), line]);
  return [...groups].map(([reason, lines]) => {
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
    const shown = [...counts].map(([line, n]) => {
      const code = `\`${line.replace(/`/g, "'")}\``;
      return n > 1 ? `${code} (×${n})` : code;
    });
    return { lines: shown.join(", "), reason };
  });
}
