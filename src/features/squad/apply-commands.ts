/**
 * Applies a comment's squad commands to a feature's state, in order, checking roles and entry
 * criteria. Pure: returns the new state and, per command, whether it was applied or why not.
 */
import type { CommandRequest, RequestedCommand } from "../../commands/requests.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import { topicOfUrl } from "../../forum/topic-url.js";
import type { LinkCheck } from "../squad-links/links.js";
import { sameLink } from "../squad-links/links.js";
import {
  type Actor,
  type CommandOutcome,
  type Context,
  type OneResult,
  refuse,
} from "./command-outcome.js";
import {
  applyRole,
  holdsAnyRole,
  type JourneyResult,
  nextCycleStart,
  withoutRoles,
} from "./journey-commands.js";
import { movePhase, moveToPhase } from "./phase-move.js";
import type { FeatureState } from "./state.js";
import type { Transition } from "./transitions.js";

export type Role = "anyone" | "member" | "lead" | "maintainer";
const RANK: Record<Role, number> = { anyone: 0, member: 1, lead: 2, maintainer: 3 };

export type { CommandRequest } from "../../commands/requests.js";
export type { Actor, CommandOutcome } from "./command-outcome.js";

/** A command, or one whose arguments did not parse: it is refused with the parser's message. */
type SquadCommand = RequestedCommand;

export interface CommandsResult {
  state: FeatureState;
  outcomes: CommandOutcome[];
  transitions: Transition[];
}

const sameLogin = (a: string | null, b: string) => a !== null && sameName(a, b);
const without = (list: string[], login: string) => list.filter((l) => !sameLogin(l, login));
const withAdded = (list: string[], login: string) =>
  list.some((l) => sameLogin(l, login)) ? list : [...list, login];

export function roleOf(state: FeatureState, actor: Actor): Role {
  if (actor.maintainer) return "maintainer";
  if (sameLogin(state.lead, actor.login)) return "lead";
  if (state.members.some((m) => sameLogin(m, actor.login))) return "member";
  if (holdsAnyRole(state, actor.login)) return "member";
  return "anyone";
}

/** Whether the planner will need to know if the actor is a maintainer (one API request). */
export function needsMaintainerCheck(
  state: FeatureState | null,
  actor: string,
  requests: CommandRequest[],
): boolean {
  let known: Role = state ? roleOf(state, { login: actor, maintainer: false }) : "anyone";
  let leadFree = state !== null && state.lead === null;
  for (const { command, role } of requests) {
    if (command.kind === "phase" && command.force) return true;
    // Volunteering to lead a squad without one needs no permission, and makes the person lead
    // for the rest of the comment.
    if (
      command.kind === "lead" &&
      leadFree &&
      (command.login === "me" || sameLogin(command.login, actor))
    ) {
      known = "lead";
      leadFree = false;
      continue;
    }
    if (RANK[role] > RANK[known]) return true;
    // Naming someone else for a role, or clearing it, is the lead's: a maintainer counts as one.
    if (command.kind === "role" && RANK[known] < RANK.lead) {
      const self =
        command.login === "me" || (command.login !== null && sameLogin(command.login, actor));
      if (!self) return true;
    }
  }
  return false;
}

export function applyCommands(
  initial: FeatureState,
  requests: CommandRequest[],
  ctx: Context,
): CommandsResult {
  let state = initial;
  const outcomes: CommandOutcome[] = [];
  const transitions: Transition[] = [];
  for (const request of requests) {
    const { line, command } = request;
    const role = roleOf(state, ctx.actor);
    const selfNomination =
      command.kind === "lead" &&
      state.lead === null &&
      (command.login === "me" || sameLogin(command.login, ctx.actor.login));
    if (RANK[role] < RANK[request.role] && !selfNomination) {
      outcomes.push(refuse(ctx.templates, line, `refuse.role.${request.role}`, { command: line }));
      continue;
    }
    const result = applyOne(state, command, line, ctx);
    outcomes.push(result.outcome);
    if (result.outcome.status !== "refused") state = result.state;
    if (result.transition && result.outcome.status === "applied")
      transitions.push(result.transition);
  }
  return { state, outcomes, transitions };
}

function applyOne(
  state: FeatureState,
  command: SquadCommand,
  line: string,
  ctx: Context,
): OneResult {
  const ok = (next: FeatureState): OneResult => ({
    state: next,
    outcome: { line, status: "applied" },
  });
  const who = ctx.actor.login;
  switch (command.kind) {
    case "help":
      return { state, outcome: { line, status: "help" } };
    case "quiet":
    case "unquiet":
    case "nominate":
    case "sponsor":
      return { state, outcome: { line, status: "elsewhere" } };
    case "invalid":
      return { state, outcome: { line, status: "refused", reason: command.reason } };
    case "join":
      // The lead is already part of the squad; listing them twice would only confuse the card.
      if (sameLogin(state.lead, who)) return ok(state);
      return ok({
        ...state,
        members: withAdded(state.members, who),
        interested: without(state.interested, who),
      });
    case "leave":
      return ok({
        ...withoutRoles(state, who),
        members: without(state.members, who),
        interested: without(state.interested, who),
        lead: sameLogin(state.lead, who) ? null : state.lead,
      });
    case "interested":
      return ok(
        state.members.some((m) => sameLogin(m, who))
          ? state
          : { ...state, interested: withAdded(state.interested, who) },
      );
    case "uninterested":
      return ok({ ...state, interested: without(state.interested, who) });
    case "lead": {
      const account = command.login === "me" ? who : ctx.accounts?.[command.login.toLowerCase()];
      // A lead who does not exist could never be reached: refuse rather than 👍 it.
      if (account === null) {
        return {
          state,
          outcome: refuse(ctx.templates, line, "refuse.lead.noAccount", { login: command.login }),
        };
      }
      const lead = account ?? command.login;
      return ok({ ...state, lead, members: without(state.members, lead) });
    }
    case "link": {
      const forum = ctx.config.forum?.url;
      // With a forum configured, a forum link is one of its topics: the bridge reads and posts there.
      if (command.linkKind === "forum" && command.url && forum && !topicOfUrl(forum, command.url)) {
        return {
          state,
          outcome: refuse(ctx.templates, line, "refuse.link.notForumTopic", { forum }),
        };
      }
      const links = { ...state.links };
      if (command.url === null) delete links[command.linkKind];
      else links[command.linkKind] = command.url;
      return ok({ ...state, links });
    }
    case "target":
      return ok({ ...state, target: command.date });
    case "blocked":
      return ok({ ...state, blocked: { reason: command.reason, by: who, at: ctx.at } });
    case "unblocked":
      return ok({ ...state, blocked: null });
    case "phase":
      return movePhase(state, command, line, ctx);
    case "duplicate":
      return linked(
        state,
        ctx.links?.duplicates?.[line],
        line,
        (issue, nodeId) => ({ ...state, duplicateOf: nodeId ? { ...issue, nodeId } : issue }),
        ctx.templates,
      );
    case "role": {
      const leads = RANK[roleOf(state, ctx.actor)] >= RANK.lead;
      const context = { config: ctx.config, actor: who, leads, accounts: ctx.accounts };
      return journeyOutcome(state, line, ctx, applyRole(state, command, context), ok);
    }
    case "cycle":
      return journeyOutcome(state, line, ctx, nextCycleStart(state, ctx.config), (start) =>
        moveToPhase(state, start, command.reason, false, line, ctx),
      );
    case "squad":
      return linked(
        state,
        ctx.links?.squad,
        line,
        (issue) => ({
          ...state,
          squad: sameLink(state.squad, issue) ? { ...state.squad, ...issue } : issue,
        }),
        ctx.templates,
      );
  }
}

function journeyOutcome<T>(
  state: FeatureState,
  line: string,
  ctx: Context,
  result: JourneyResult<T>,
  apply: (value: T) => OneResult,
): OneResult {
  return result.ok
    ? apply(result.value)
    : { state, outcome: refuse(ctx.templates, line, result.key, result.view) };
}

/** A command about another issue applies only when that issue was found fit for it. */
function linked(
  state: FeatureState,
  check: LinkCheck | undefined,
  line: string,
  apply: (issue: Extract<LinkCheck, { ok: true }>["issue"], nodeId?: string) => FeatureState,
  templates: Templates,
): OneResult {
  if (!check) return { state, outcome: refuse(templates, line, "link.unchecked") };
  if (!check.ok) return { state, outcome: { line, status: "refused", reason: check.reason } };
  return { state: apply(check.issue, check.nodeId), outcome: { line, status: "applied" } };
}
