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

export const runsInSquad = (kind: string): boolean =>
  (SQUAD_COMMANDS as readonly string[]).includes(kind);
