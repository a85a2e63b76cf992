/** Slash commands on a feature request, checked against the sender's role, run through its reconcile. */
import { type CommandRequest, commandLinesOf, requestsOf } from "../../commands/requests.js";
import type { CommandKind } from "../../commands/specs.js";
import type { Config } from "../../config/schema.js";
import type { Templates } from "../../core/templates.js";
import type { Scope } from "../feature.js";
import type { CommentHint } from "../hints.js";
import { resolveCommandLinks } from "../squad-links/resolve.js";
import { needsMaintainerCheck } from "./apply-commands.js";
import { findCard } from "./card-state.js";
import { JOURNEY_COMMANDS, runsInSquad, SQUAD_COMMANDS } from "./command-kinds.js";
import { reconcileFeature } from "./reconcile.js";
import { isMaintainer } from "./roles.js";

export { SQUAD_COMMANDS } from "./command-kinds.js";

/** The journey's commands run here only where their section is on; elsewhere they are refused as off. */
const runsHere = (scope: Scope, config: Config) => (kind: CommandKind) =>
  SQUAD_COMMANDS.includes(kind) ||
  (JOURNEY_COMMANDS.includes(kind) && scope.commandOff(config, kind) === null);

export async function onSquadComment(
  scope: Scope,
  hint: CommentHint,
  config: Config | null,
): Promise<void> {
  if (!config || hint.onPullRequest || hint.comment.authorIsBot) return;
  const read = commandLinesOf(hint.comment.body, hint.previousBody);
  const requests = requestsOf(read, runsHere(scope, config), scope.templates, {
    offReason: (kind) => scope.commandOff(config, kind),
  });
  if (requests.length === 0) return;
  const login = hint.comment.author;
  await reconcileFeature(scope, config, { ...hint.repo, number: hint.number }, async (issue) => {
    const state = findCard(issue.comments).card?.state ?? null;
    const maintainer = needsMaintainerCheck(state, login, requests)
      ? await isMaintainer(scope.port, config, hint.repo, login)
      : false;
    const actor = { login, maintainer };
    const accounts = await accountsNamed(scope, requests, login);
    const links = await resolveCommandLinks(
      { scope, config },
      issue,
      actor,
      requests,
      hint.comment.id,
    );
    return {
      kind: "comment",
      commentId: hint.comment.nodeId,
      commentDatabaseId: hint.comment.id,
      actor,
      commands: requests,
      ...(links ? { links } : {}),
      ...(accounts ? { accounts } : {}),
    };
  });
}

/** One request per person named by `/lead @x` or `/role x @y`; `me` and `none` need none. */
async function accountsNamed(scope: Scope, requests: CommandRequest[], author: string) {
  const named = (login: string | null) =>
    login !== null && login !== "me" && login.toLowerCase() !== author.toLowerCase()
      ? [login.toLowerCase()]
      : [];
  const logins = new Set(
    requests.flatMap(({ command }) =>
      command.kind === "lead" || command.kind === "role" ? named(command.login) : [],
    ),
  );
  if (logins.size === 0) return undefined;
  const found = await Promise.all([...logins].map(async (l) => [l, await scope.port.findUser(l)]));
  return Object.fromEntries(found) as Record<string, string | null>;
}

/** Only whether a comment has requests matters before anything is read, not what a refusal says. */
const UNSAID: Templates = { render: () => "", message: () => "" };

/** Whether a comment has anything for the squad to run: nothing is read otherwise. */
export function hasSquadCommands(hint: CommentHint): boolean {
  if (hint.onPullRequest || hint.comment.authorIsBot) return false;
  const read = commandLinesOf(hint.comment.body, hint.previousBody);
  // Another feature's command may be off where it is typed: the config (cached) tells.
  return requestsOf(read, runsInSquad, UNSAID, { offReason: () => "maybe" }).length > 0;
}
