/**
 * Phase and blocked labels: which label a person chose, adopting people's label changes into the
 * feature's state, and the label writes that bring GitHub in line with the state.
 */
import type { Action } from "../../actions/action.js";
import type { Config, Phase } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import { phaseById, phaseLabelsIn, phaseOfLabel } from "./recognize.js";
import type { FeatureState } from "./state.js";
import { enterPhase, type Transition } from "./transitions.js";
import type { Trigger } from "./trigger.js";

/** The phase label a person chose: the one just added, else the furthest along. */
export function pickPhaseLabel(
  config: Config,
  labels: string[],
  trigger: Trigger,
): Phase | undefined {
  if (trigger.kind === "labeled" && labels.some((l) => sameName(l, trigger.label))) {
    const hinted = phaseOfLabel(config, trigger.label);
    if (hinted) return hinted;
  }
  return phaseLabelsIn(config, labels).sort((a, b) => b.index - a.index)[0];
}

/**
 * People change labels; the bot writes labels and card together. So a label that disagrees with
 * the card is a person's change (possibly one whose webhook was lost) and is adopted, never reverted.
 */
export function adoptLabelChanges(
  config: Config,
  initial: FeatureState,
  labels: string[],
  trigger: Exclude<Trigger, { kind: "comment" }>,
  at: string,
  templates: Templates,
) {
  let state = initial;
  const transitions: Transition[] = [];
  const current = phaseById(config, state.phase);
  const others = phaseLabelsIn(config, labels).filter((p) => p.id !== state.phase);
  const chosen =
    others.length > 0
      ? pickPhaseLabel(
          config,
          labels.filter((l) => !current || !sameName(l, current.label)),
          trigger,
        )
      : undefined;
  if (chosen) {
    const via = trigger.kind === "labeled" ? "label" : "sweep";
    state = enterPhase(state, chosen, { at, by: trigger.actor, via }, config);
    transitions.push({ from: current?.id ?? null, to: chosen.id, by: trigger.actor, via });
  } else if (current && !labels.some((l) => sameName(l, current.label))) {
    if (trigger.kind === "unlabeled" && sameName(trigger.label, current.label)) {
      state = { ...state, labelRemovedBy: trigger.actor };
    }
  } else if (current && state.labelRemovedBy) {
    state = { ...state, labelRemovedBy: null };
  }
  const blockedLabel = config.labels.blocked;
  if (blockedLabel) {
    const hasBlockedLabel = labels.some((l) => sameName(l, blockedLabel));
    if (hasBlockedLabel && !state.blocked) {
      state = {
        ...state,
        blocked: {
          reason: templates.message("blocked.byLabel", { label: blockedLabel }),
          by: trigger.actor,
          at,
        },
      };
    } else if (
      !hasBlockedLabel &&
      state.blocked &&
      (trigger.kind !== "labeled" || !sameName(trigger.label, blockedLabel))
    ) {
      state = { ...state, blocked: null };
    }
  }
  return { state, transitions };
}

/** Only real changes: a plan is also what a dry run shows. */
export function labelActions(config: Config, state: FeatureState, labels: string[]): Action[] {
  const has = (name: string) => labels.some((l) => sameName(l, name));
  const add: string[] = [];
  const remove = phaseLabelsIn(config, labels)
    .filter((p) => p.id !== state.phase)
    .map((p) => p.label);
  const current = phaseById(config, state.phase);
  if (current && state.labelRemovedBy === null && !has(current.label)) add.push(current.label);
  const blockedLabel = config.labels.blocked;
  if (blockedLabel && state.blocked && !has(blockedLabel)) add.push(blockedLabel);
  if (blockedLabel && !state.blocked && has(blockedLabel)) remove.push(blockedLabel);
  const actions: Action[] = [];
  if (add.length > 0) actions.push({ type: "addLabels", labels: add });
  if (remove.length > 0) actions.push({ type: "removeLabels", labels: remove });
  return actions;
}
