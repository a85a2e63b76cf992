/** The card's lines for a journey's roles and cycles: who holds which role, what the phase needs. */
import type { Config } from "../../config/schema.js";
import { escapeInline } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { FeatureState } from "./state.js";

export interface RolesView {
  /** One line per configured role: its name and the people who hold it. */
  lines: string[];
  /** The roles the current phase involves, each filled or not; null when it involves none. */
  needed: string | null;
}

/** Null for a journey without roles, so the squad cards keep their text. */
export function rolesView(
  config: Config,
  state: FeatureState,
  people: (logins: string[]) => string,
  templates: Templates,
): RolesView | null {
  if (config.roles.length === 0) return null;
  const lines = config.roles.map((role) =>
    templates.message("card.roles.line", {
      name: escapeInline(role.name),
      people: people(state.roles?.[role.id] ?? []),
    }),
  );
  const involved = config.roles.filter((role) => role.phases.includes(state.phase));
  const phase = config.phases.find((p) => p.id === state.phase);
  const needed =
    involved.length > 0 && phase
      ? templates.message("card.roles.needed", {
          phase: escapeInline(phase.name),
          roles: involved
            .map((role) =>
              templates.message(
                (state.roles?.[role.id] ?? []).length > 0
                  ? "card.roles.filled"
                  : "card.roles.unfilled",
                { name: escapeInline(role.name), id: role.id },
              ),
            )
            .join(", "),
        })
      : null;
  return { lines, needed };
}

/** "cycle 2" from the second cycle on; nothing in the first or in a journey without cycles. */
export function cycleLabel(state: FeatureState, templates: Templates): string | null {
  return state.cycle && state.cycle > 1
    ? templates.message("card.cycle", { cycle: state.cycle })
    : null;
}

/** The lead, the members and the people in roles who are neither: who is working on the feature. */
export function squadSize(state: FeatureState): number {
  const counted = new Set([state.lead ?? "", ...state.members].map((l) => l.toLowerCase()));
  const inRoles = new Set(
    Object.values(state.roles ?? {})
      .flat()
      .map((login) => login.toLowerCase())
      .filter((login) => !counted.has(login)),
  );
  return state.members.length + (state.lead ? 1 : 0) + inRoles.size;
}
