/** Which commands the squad journey runs; the others belong to other features. */
import type { CommandKind } from "../../commands/specs.js";

/** The commands the squad journey runs (with its links: `/duplicate`, `/squad`). */
export const SQUAD_COMMANDS: readonly CommandKind[] = [
  "phase",
  "lead",
  "join",
  "leave",
  "interested",
  "uninterested",
  "link",
  "target",
  "blocked",
  "unblocked",
  "duplicate",
  "squad",
  "help",
];

/**
 * Commands the squad runs for the journey's roles and cycles; they belong to the `roles` and
 * `cycle` sections (`features/journey`), so `/help` lists them only where those are configured.
 */
export const JOURNEY_COMMANDS: readonly CommandKind[] = ["role", "cycle"];

export const runsInSquad = (kind: string): boolean =>
  (SQUAD_COMMANDS as readonly string[]).includes(kind) ||
  (JOURNEY_COMMANDS as readonly string[]).includes(kind);
