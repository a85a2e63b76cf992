/** Moving a feature between phases: the only place history entries are written. */
import type { Config, Phase } from "../../config/schema.js";
import type { FeatureState, HistoryEntry } from "./state.js";

export interface Transition {
  from: string | null;
  to: string;
  by: string;
  via: HistoryEntry["via"];
}

/** What of the config decides whether a move starts a new cycle. */
type Journey = Pick<Config, "phases" | "cycle">;

/**
 * Whether moving from `from` to `to` starts the next cycle: in a journey with cycles, a move
 * back from a phase that ends a cycle to an earlier phase of the main path. Any other move,
 * and every move of a journey without cycles, stays in the cycle it is in.
 */
function startsCycle(journey: Journey, from: string, to: Phase): boolean {
  const { cycle } = journey;
  if (!cycle || to.optional || !cycle.ends.includes(from)) return false;
  const end = journey.phases.find((phase) => phase.id === from);
  return end !== undefined && to.index < end.index;
}

export function enterPhase(
  state: FeatureState,
  to: Phase,
  entry: Omit<HistoryEntry, "phase" | "cycle">,
  journey: Journey,
): FeatureState {
  const cycle = startsCycle(journey, state.phase, to) ? (state.cycle ?? 1) + 1 : state.cycle;
  const historyEntry: HistoryEntry = { phase: to.id, ...entry };
  if (historyEntry.note === undefined || historyEntry.note === "") delete historyEntry.note;
  if (!historyEntry.forced) delete historyEntry.forced;
  if (cycle !== undefined) historyEntry.cycle = cycle;
  return {
    ...state,
    phase: to.id,
    history: [...state.history, historyEntry],
    labelRemovedBy: null,
    ...(cycle !== undefined ? { cycle } : {}),
  };
}

/** Records a reason for the phase the feature is already in (e.g. `/phase sunset <reason>` again). */
export function noteCurrentPhase(state: FeatureState, note: string): FeatureState {
  const history = [...state.history];
  const last = history[history.length - 1];
  if (last) history[history.length - 1] = { ...last, note };
  return { ...state, history };
}
