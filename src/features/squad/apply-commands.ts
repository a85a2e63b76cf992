/**
 * Applies a comment's squad commands to a feature's state, in order, checking roles and entry
 * criteria. Pure: returns the new state and, per command, whether it was applied or why not.
 */
import type { CommandRequest, RequestedCommand } from "../../commands/requests.js";
import type { Command } from "../../commands/specs.js";
import type { Config, Phase } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import { topicOfUrl } from "../../forum/topic-url.js";
import type { CommandLinks, LinkCheck } from "../squad-links/links.js";
import { sameLink } from "../squad-links/links.js";
import { criteriaForEntering, evaluateCriteria } from "./criteria.js";
import { readPhasePhrase } from "./phase-phrase.js";
import { phaseById } from "./recognize.js";
import type { FeatureState } from "./state.js";
import { enterPhase, noteCurrentPhase, type Transition } from "./transitions.js";

export type Role = "anyone" | "member" | "lead" | "maintainer";
const RANK: Record<Role, number> = { anyone: 0, member: 1, lead: 2, maintainer: 3 };

export interface Actor {
  login: string;
  /** Repository permission at or above the configured one, or member of a maintainer team. */
  maintainer: boolean;
}

export type { CommandRequest } from "../../commands/requests.js";

/** A command, or one whose arguments did not parse: it is refused with the parser's message. */
type SquadCommand = RequestedCommand;

export type CommandOutcome =
  | { line: string; status: "applied" }
  | { line: string; status: "refused"; reason: string }
  | { line: string; status: "help" }
  /** Run by another handler (`/quiet`): the squad neither reacts nor answers. */
  | { line: string; status: "elsewhere" };

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
  }
  return false;
}

function refuse(
  templates: Templates,
  line: string,
  key: string,
  view: object = {},
): CommandOutcome {
  return { line, status: "refused", reason: templates.message(key, view) };
}

interface Context {
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

interface OneResult {
  state: FeatureState;
  outcome: CommandOutcome;
  transition?: Transition;
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
        ...state,
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

function phaseList(config: Config): string {
  return config.phases.map((p) => `\`${p.id}\``).join(", ");
}

function movePhase(
  state: FeatureState,
  command: Extract<Command, { kind: "phase" }>,
  line: string,
  ctx: Context,
): OneResult {
  const read = readPhasePhrase(ctx.config, command.phrase);
  if (!read.ok) {
    const view =
      read.problem === "reason-too-long"
        ? { length: read.length, max: read.max }
        : { name: read.typed, phases: phaseList(ctx.config) };
    return { state, outcome: refuse(ctx.templates, line, `refuse.phase.${read.problem}`, view) };
  }
  const { phase: resolved, reason } = read;
  if (command.force && !ctx.actor.maintainer) {
    return { state, outcome: refuse(ctx.templates, line, "refuse.force", { command: line }) };
  }
  const from = phaseById(ctx.config, state.phase);
  if (from?.id === resolved.id) {
    return reason
      ? { state: noteCurrentPhase(state, reason), outcome: { line, status: "applied" } }
      : { state, outcome: { line, status: "applied" } };
  }
  const unmet = unmetCriteria(ctx, from ?? null, resolved, state, reason);
  if (unmet.length > 0 && !command.force) {
    return {
      state,
      outcome: refuse(ctx.templates, line, "refuse.phase.criteria", {
        phase: resolved.name,
        // Indented so the list nests under the refused command's bullet in the reply.
        unmet: unmet.map((u) => `  - ${u.text}: ${u.fix}`).join("\n"),
      }),
    };
  }
  const next = enterPhase(state, resolved, {
    at: ctx.at,
    by: ctx.actor.login,
    via: "command",
    ...(reason ? { note: reason } : {}),
    ...(command.force && unmet.length > 0 ? { forced: true } : {}),
  });
  return {
    state: next,
    outcome: { line, status: "applied" },
    transition: { from: state.phase, to: resolved.id, by: ctx.actor.login, via: "command" },
  };
}

function unmetCriteria(
  { config, issueBody, templates }: Context,
  from: Phase | null,
  to: Phase,
  state: FeatureState,
  note: string | null,
) {
  const criteria = criteriaForEntering(config, from?.id ?? "", to.id);
  return evaluateCriteria(criteria, { state, issueBody, transitionNote: note, templates }).filter(
    (r) => !r.met,
  );
}
