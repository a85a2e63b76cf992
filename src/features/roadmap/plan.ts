/**
 * The roadmap planner: from the board, the item on it and the feature's state, the
 * writes that make the board show what the card says. Pure; values are compared first, so a
 * plan holds only real changes.
 */
import type { Action } from "../../actions/action.js";
import type { Config, RoadmapConfig } from "../../config/schema.js";
import { escapeInline } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { ProjectFieldInput, ProjectItemSnapshot } from "../../github/types.js";
import { phaseById } from "../squad/recognize.js";
import type { FeatureState } from "../squad/state.js";
import { type BoardLookup, findOption, type RoadmapBoard } from "./board.js";

export interface RoadmapPlanInput {
  config: Config;
  roadmap: RoadmapConfig;
  board: BoardLookup;
  /** The items on every board; the one on this board is picked by project id. */
  items: ProjectItemSnapshot[];
  state: FeatureState;
  templates: Templates;
}

export interface RoadmapPlan {
  actions: Action[];
  /** For the card and the log; each says how to fix it. */
  problems: string[];
  notes: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** When the feature left its first phase: the board's "start" of real work. */
export function startDate(config: Config, state: FeatureState): string | null {
  const first = config.phases[0]?.id;
  const left = state.history.find((entry) => entry.phase !== first);
  return left ? left.at.slice(0, 10) : null;
}

function itemOnBoard(
  items: ProjectItemSnapshot[],
  board: RoadmapBoard,
): ProjectItemSnapshot | null {
  return items.find((item) => item.project.id === board.projectId) ?? null;
}

function optionProblem({ config, roadmap, state, templates }: RoadmapPlanInput): string {
  return templates.message("roadmap.problem.optionMissing", {
    field: escapeInline(roadmap.field),
    option: escapeInline(roadmap.options[state.phase] ?? ""),
    phase: escapeInline(phaseById(config, state.phase)?.name ?? state.phase),
    id: state.phase,
  });
}

/** The field writes the item needs; `item` null means it is being added, so every value is new. */
function fieldWrites(
  input: RoadmapPlanInput,
  board: RoadmapBoard,
  item: ProjectItemSnapshot | null,
  problems: string[],
): Action[] {
  const { config, roadmap, state } = input;
  const writes: Action[] = [];
  const write = (fieldId: string, field: string, value: ProjectFieldInput) =>
    writes.push({
      type: "setProjectField",
      projectId: board.projectId,
      itemId: item?.id ?? null,
      fieldId,
      field,
      value,
    });
  const wanted = roadmap.options[state.phase];
  if (wanted !== undefined && board.stage) {
    const option = findOption(board, wanted);
    const current = item?.fields[roadmap.field];
    if (!option) problems.push(optionProblem(input));
    else if (current?.type !== "singleSelect" || current.optionId !== option.id) {
      write(board.stage.fieldId, roadmap.field, { singleSelectOptionId: option.id });
    }
  }
  const dates = {
    target: state.target !== null && DAY.test(state.target) ? state.target : null,
    start: startDate(config, state),
  };
  for (const kind of ["target", "start"] as const) {
    const fieldId = board.dates[kind];
    const name = roadmap.dates[kind];
    const date = dates[kind];
    if (!fieldId || !name || !date) continue;
    const current = item?.fields[name];
    if (current?.type !== "date" || current.date !== date) write(fieldId, name, { date });
  }
  return writes;
}

export function planRoadmap(input: RoadmapPlanInput): RoadmapPlan {
  const { board: lookup, state } = input;
  if (!lookup.ok) return { actions: [], problems: [lookup.problem], notes: [] };
  const board = lookup.board;
  const problems = [...board.problems];
  const notes: string[] = [];
  const item = itemOnBoard(input.items, board);
  // A person took it off the board: putting it back would undo their decision.
  if (!item && state.roadmap?.event === "removed") {
    notes.push("removed from the roadmap board by a person; not added back");
    return { actions: [], problems, notes };
  }
  const writes = fieldWrites(input, board, item, problems);
  if (!board.writable) return { actions: [], problems, notes };
  const actions: Action[] = [];
  if (!item) {
    actions.push({ type: "addProjectItem", projectId: board.projectId });
    notes.push("added to the roadmap board");
  }
  actions.push(...writes);
  return { actions, problems, notes };
}
