/**
 * What a person did on the roadmap board, as a trigger for the squad planner. Pure. The webhook
 * is only a hint: the item's stage is read from the freshly loaded issue, never from the payload.
 */
import type { Config, RoadmapConfig } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import type { IssueSnapshot } from "../../github/types.js";
import { findCard } from "../squad/card-state.js";
import type { Trigger } from "../squad/plan.js";

export const BOARD_EVENTS = [
  "created",
  "edited",
  "archived",
  "restored",
  "deleted",
  "converted",
] as const;
export type BoardEvent = (typeof BOARD_EVENTS)[number];

export interface BoardMoveInput {
  config: Config;
  roadmap: RoadmapConfig;
  issue: IssueSnapshot;
  projectId: string;
  event: BoardEvent;
  actor: string;
}

/** The option the issue's item shows in the phase field, if any. */
function stageOnBoard(input: BoardMoveInput): string | null {
  const item = input.issue.projectItems?.find((i) => i.project.id === input.projectId);
  const value = item?.fields[input.roadmap.field];
  return value?.type === "singleSelect" ? value.name : null;
}

/**
 * Many phases may share one option: a move to the option the current phase already shows
 * changes nothing; any other mapped option enters the first phase mapped to it. An option no
 * phase maps to (or a cleared field) is not a move: the reconcile puts the phase's option back.
 */
export function boardTrigger(input: BoardMoveInput): Trigger {
  const { config, roadmap, event, actor } = input;
  if (event === "archived" || event === "restored") return { kind: "projectItem", event, actor };
  if (event === "deleted") return { kind: "projectItem", event: "removed", actor };
  if (event === "created") return { kind: "projectItem", event: "added", actor };
  const reconcile: Trigger = { kind: "reconcile", actor };
  const option = stageOnBoard(input);
  if (option === null) return reconcile;
  const state = findCard(input.issue.comments).card?.state ?? null;
  const current = state ? roadmap.options[state.phase] : undefined;
  if (current !== undefined && sameName(current, option)) return reconcile;
  const phase = config.phases.find((p) => {
    const mapped = roadmap.options[p.id];
    return mapped !== undefined && sameName(mapped, option);
  });
  return phase ? { kind: "project", phase: phase.id, actor } : reconcile;
}
