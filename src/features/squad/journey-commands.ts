/**
 * `/role` and `/cycle next`: the journey's roles (personas) and its cycles, applied to a feature's
 * state. Pure; `apply-commands.ts` turns the results into outcomes.
 */
import type { Command } from "../../commands/specs.js";
import { didYouMean } from "../../config/problems.js";
import type { Config, Phase } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import type { FeatureState } from "./state.js";

/** A change to apply, or why not: a message key of `messages.commands.yml` and its view. */
export type JourneyResult<T> = { ok: true; value: T } | { ok: false; key: string; view: object };

const same = (a: string, b: string) => sameName(a, b);

export function holdsAnyRole(state: FeatureState, login: string): boolean {
  return Object.values(state.roles ?? {}).some((people) => people.some((p) => same(p, login)));
}

/** The roles, without `login`: leaving the squad gives up every role too. */
export function withoutRoles(state: FeatureState, login: string): FeatureState {
  if (!state.roles || !holdsAnyRole(state, login)) return state;
  return { ...state, roles: prune(state.roles, (people) => people.filter((p) => !same(p, login))) };
}

/** Roles nobody holds are dropped, so the card's state stays as small as the people in it. */
function prune(
  roles: Record<string, string[]>,
  change: (people: string[], role: string) => string[],
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(roles)
      .map(([role, people]) => [role, change(people, role)] as const)
      .filter(([, people]) => people.length > 0),
  );
}

interface RoleContext {
  config: Config;
  actor: string;
  /** The actor is the feature's lead or a maintainer: may name others and clear roles. */
  leads: boolean;
  /** Accounts looked up before planning (`/role x @login`); null: no such account. */
  accounts?: Record<string, string | null> | undefined;
}

export function applyRole(
  state: FeatureState,
  command: Extract<Command, { kind: "role" }>,
  { config, actor, leads, accounts }: RoleContext,
): JourneyResult<FeatureState> {
  const role = config.roles.find((r) => r.id === command.role);
  // Another journey of the repository has roles; this has none.
  if (config.roles.length === 0) return { ok: false, key: "refuse.role.none", view: {} };
  if (!role) {
    const ids = config.roles.map((r) => r.id);
    const suggestion = didYouMean(command.role, ids);
    return {
      ok: false,
      key: "refuse.role.unknown",
      view: { role: command.role, suggestion, roles: ids.map((id) => `\`${id}\``).join(", ") },
    };
  }
  const holders = state.roles?.[role.id] ?? [];
  const set = (people: string[]) => {
    const roles = prune({ ...state.roles, [role.id]: people }, (p) => p);
    const { roles: _old, ...rest } = state;
    return Object.keys(roles).length > 0 ? { ...rest, roles } : rest;
  };
  if (command.login === null) {
    if (leads) return { ok: true, value: set([]) };
    // Anyone may give up a role of their own; clearing others' needs the lead.
    if (holders.some((p) => same(p, actor))) {
      return { ok: true, value: set(holders.filter((p) => !same(p, actor))) };
    }
    return { ok: false, key: "refuse.role.clear", view: { role: role.name } };
  }
  const named = command.login === "me" ? actor : command.login;
  if (!same(named, actor) && !leads) {
    return { ok: false, key: "refuse.role.others", view: { role: role.id } };
  }
  const account = same(named, actor) ? actor : accounts?.[named.toLowerCase()];
  if (account === null) return { ok: false, key: "refuse.lead.noAccount", view: { login: named } };
  const login = account ?? named;
  if (holders.some((p) => same(p, login))) return { ok: true, value: state };
  return { ok: true, value: set([...holders, login]) };
}

/** Where `/cycle next` goes: the configured restart, from a phase that ends a cycle. */
export function nextCycleStart(state: FeatureState, config: Config): JourneyResult<Phase> {
  const { cycle } = config;
  const restart = cycle && config.phases.find((phase) => phase.id === cycle.restartAt);
  if (!cycle || !restart) return { ok: false, key: "refuse.cycle.none", view: {} };
  if (!cycle.ends.includes(state.phase)) {
    const names = cycle.ends.map((id) => config.phases.find((p) => p.id === id)?.name ?? id);
    return { ok: false, key: "refuse.cycle.notAtEnd", view: { ends: names.join(", ") } };
  }
  return { ok: true, value: restart };
}

/** People who hold a role involved in `phase`, in the order of the configured roles. */
export function roleHoldersFor(state: FeatureState, config: Config, phase: string): string[] {
  return config.roles
    .filter((role) => role.phases.includes(phase))
    .flatMap((role) => state.roles?.[role.id] ?? []);
}
