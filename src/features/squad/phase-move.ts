/** `/phase` and `/cycle next`: a move to another phase, through its entry criteria. */
import type { Command } from "../../commands/specs.js";
import type { Config, Phase } from "../../config/schema.js";
import { type Context, type OneResult, refuse } from "./command-outcome.js";
import { criteriaForEntering, evaluateCriteria } from "./criteria.js";
import { readPhasePhrase } from "./phase-phrase.js";
import { phaseById } from "./recognize.js";
import type { FeatureState } from "./state.js";
import { enterPhase, noteCurrentPhase } from "./transitions.js";

function phaseList(config: Config): string {
  return config.phases.map((p) => `\`${p.id}\``).join(", ");
}

export function movePhase(
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
  return moveToPhase(state, read.phase, read.reason, command.force, line, ctx);
}

/** A move to a phase already resolved: `/phase` and `/cycle next` alike. */
export function moveToPhase(
  state: FeatureState,
  resolved: Phase,
  reason: string | null,
  force: boolean,
  line: string,
  ctx: Context,
): OneResult {
  if (force && !ctx.actor.maintainer) {
    return { state, outcome: refuse(ctx.templates, line, "refuse.force", { command: line }) };
  }
  const from = phaseById(ctx.config, state.phase);
  if (from?.id === resolved.id) {
    return reason
      ? { state: noteCurrentPhase(state, reason), outcome: { line, status: "applied" } }
      : { state, outcome: { line, status: "applied" } };
  }
  const unmet = unmetCriteria(ctx, from ?? null, resolved, state, reason);
  if (unmet.length > 0 && !force) {
    return {
      state,
      outcome: refuse(ctx.templates, line, "refuse.phase.criteria", {
        phase: resolved.name,
        // Indented so the list nests under the refused command's bullet in the reply.
        unmet: unmet.map((u) => `  - ${u.text}: ${u.fix}`).join("\n"),
      }),
    };
  }
  const next = enterPhase(
    state,
    resolved,
    {
      at: ctx.at,
      by: ctx.actor.login,
      via: "command",
      ...(reason ? { note: reason } : {}),
      ...(force && unmet.length > 0 ? { forced: true } : {}),
    },
    ctx.config,
  );
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
