/** The `/help` reply, generated from the command specs so it cannot drift from what is parsed. */
import type { Templates } from "../core/templates.js";
import { type CommandSpec, ROLES, type Role } from "./specs.js";

export type RoleNames = Readonly<Record<Role, string>>;

/** GFM splits table cells on `|`, even inside code spans, unless it is escaped. */
const cell = (text: string): string => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");

function defaultRoleNames(templates: Templates): RoleNames {
  return Object.fromEntries(
    ROLES.map((role) => [role, templates.message(`command.role.${role}`)]),
  ) as Record<Role, string>;
}

/** A Markdown table of `specs`; `roleNames` lets a deployment call its roles its own way. */
export function renderHelp(
  specs: readonly CommandSpec[],
  templates: Templates,
  roleNames?: RoleNames,
): string {
  const names = roleNames ?? defaultRoleNames(templates);
  return templates.render("help", {
    commands: specs.map((spec) => ({
      usage: cell(spec.usage),
      who: cell(names[spec.role]),
      summary: cell(templates.message(spec.summaryKey)),
    })),
  });
}
