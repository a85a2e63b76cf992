/** What applying a command gives: the outcome said back, the new state, and the context it runs in. */
import type { Config } from "../../config/schema.js";
import type { Templates } from "../../core/templates.js";
import type { CommandLinks } from "../squad-links/links.js";
import type { FeatureState } from "./state.js";
import type { Transition } from "./transitions.js";

export interface Actor {
  login: string;
  /** Repository permission at or above the configured one, or member of a maintainer team. */
  maintainer: boolean;
}

export type CommandOutcome =
  | { line: string; status: "applied" }
  | { line: string; status: "refused"; reason: string }
  | { line: string; status: "help" }
  /** Run by another handler (`/quiet`): the squad neither reacts nor answers. */
  | { line: string; status: "elsewhere" };

export interface Context {
  config: Config;
  actor: Actor;
  issueBody: string;
  at: string;
  /** Checked before planning, since they need another issue (features/squad-links/resolve.ts). */
  links?: CommandLinks | undefined;
  /** Looked up before planning; absent, a named lead is taken as typed. */
  accounts?: Record<string, string | null> | undefined;
  templates: Templates;
}

export interface OneResult {
  state: FeatureState;
  outcome: CommandOutcome;
  transition?: Transition;
}

export function refuse(
  templates: Templates,
  line: string,
  key: string,
  view: object = {},
): CommandOutcome {
  return { line, status: "refused", reason: templates.message(key, view) };
}
