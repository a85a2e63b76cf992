/**
 * `/quiet` and `/unquiet`: a person opts out of (or back into) every mention by the bot in an
 * organization. The specs below are for `src/commands` to register; `applyQuiet` is pure.
 */
import type { Action } from "../../actions/action.js";
import { personLink } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { CommunityStore } from "./store.js";

export type QuietCommand = "quiet" | "unquiet";

/** What `src/commands/specs.ts` needs: bare commands anyone may run; trailing words are talk. */
export const QUIET_SPECS = [
  { name: "quiet", usage: "/quiet", role: "anyone", summaryKey: "command.summary.quiet" },
  { name: "unquiet", usage: "/unquiet", role: "anyone", summaryKey: "command.summary.unquiet" },
] as const;

export interface QuietOutcome {
  quiet: boolean;
  changed: boolean;
  /** Names the person without a mention: they may just have asked not to be mentioned. */
  reply: string;
}

export function applyQuiet(
  current: boolean,
  command: QuietCommand,
  who: { login: string; org: string },
  templates: Templates,
): QuietOutcome {
  const quiet = command === "quiet";
  const changed = quiet !== current;
  const view = { person: personLink(who.login), org: who.org };
  const key = `community.quiet.${changed ? "" : "already."}${quiet ? "on" : "off"}`;
  return { quiet, changed, reply: templates.message(key, view) };
}

/** Runs the command against the store; the actions confirm it on the comment that asked. */
export async function handleQuietCommand(
  store: CommunityStore,
  input: {
    org: string;
    login: string;
    command: QuietCommand;
    commentNodeId: string;
    commentDatabaseId: number;
    templates: Templates;
  },
): Promise<Action[]> {
  const contributor = await store.getContributor(input.org, input.login);
  const outcome = applyQuiet(contributor?.quiet ?? false, input.command, input, input.templates);
  if (outcome.changed) await store.setQuiet(input.org, input.login, outcome.quiet);
  return [
    { type: "react", commentId: input.commentNodeId, content: "THUMBS_UP" },
    {
      type: "comment",
      key: `quiet:${input.commentDatabaseId}:${input.command}`,
      body: outcome.reply,
    },
  ];
}

/** Everyone in the organization who said /quiet, lower-cased: for early access and notices. */
export async function quietLogins(store: CommunityStore, org: string): Promise<Set<string>> {
  const people = await store.listContributors({ org });
  return new Set(people.filter((p) => p.quiet).map((p) => p.login.toLowerCase()));
}
