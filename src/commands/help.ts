/** The `/help` reply, generated from the command specs so it cannot drift from what is parsed. */
import { message, renderTemplate } from "../core/global-templates.js";
import { type CommandSpec, ROLES, type Role } from "./specs.js";

export type RoleNames = Readonly<Record<Role, string>>;

/** GFM splits table cells on `|`, even inside code spans, unless it is escaped. */
const cell = (text: string): string => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");

function defaultRoleNames(): RoleNames {
  return Object.fromEntries(ROLES.map((role) => [role, message(`command.role.${role}`)])) as Record<
    Role,
    string
  >;
}

/** A Markdown table of `specs`; `roleNames` lets a deployment call its roles its own way. */
export function renderHelp(specs: readonly CommandSpec[], roleNames?: RoleNames): string {
  const names = roleNames ?? defaultRoleNames();
  return renderTemplate("help", {
    commands: specs.map((spec) => ({
      usage: cell(spec.usage),
      who: cell(names[spec.role]),
      summary: cell(spec.summary),
    })),
  });
}
