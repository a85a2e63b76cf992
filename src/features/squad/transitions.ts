/** Moving a feature between phases: the only place history entries are written. */
import type { Phase } from "../../config/schema.js";
import type { FeatureState, HistoryEntry } from "./state.js";

export interface Transition {
  from: string | null;
  to: string;
  by: string;
  via: HistoryEntry["via"];
}

export function enterPhase(
  state: FeatureState,
  to: Phase,
  entry: Omit<HistoryEntry, "phase">,
): FeatureState {
  const historyEntry: HistoryEntry = { phase: to.id, ...entry };
  if (historyEntry.note === undefined || historyEntry.note === "") delete historyEntry.note;
  if (!historyEntry.forced) delete historyEntry.forced;
  return {
    ...state,
    phase: to.id,
    history: [...state.history, historyEntry],
    labelRemovedBy: null,
  };
}

/** Records a reason for the phase the feature is already in (e.g. `/phase sunset <reason>` again). */
export function noteCurrentPhase(state: FeatureState, note: string): FeatureState {
  const history = [...state.history];
  const last = history[history.length - 1];
  if (last) history[history.length - 1] = { ...last, note };
  return { ...state, history };
}
