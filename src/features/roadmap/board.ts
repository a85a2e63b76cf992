/** The roadmap board as squad-bot uses it: ids looked up by name, and what is wrong with it. */
import type { RoadmapConfig } from "../../config/schema.js";
import { escapeInline } from "../../core/markdown.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { ProjectSnapshot } from "../../github/types.js";

export interface RoadmapBoard {
  projectId: string;
  title: string;
  /** False without the organization "Projects: write" permission: nothing is written then. */
  writable: boolean;
  /** The phase field; null when it is missing or not a single-select field. */
  stage: { fieldId: string; options: { id: string; name: string }[] } | null;
  /** Field ids of the configured date fields that exist as date fields. */
  dates: { target?: string; start?: string };
  /** Board-wide problems, each saying how to fix it; shown on every card of the board. */
  problems: string[];
}

/** What loading the board gave: the board, or the one problem that stops all syncing. */
export type BoardLookup = { ok: true; board: RoadmapBoard } | { ok: false; problem: string };

/** Field names read from the board and from each item, in a fixed order. */
export function roadmapFieldNames(roadmap: RoadmapConfig): string[] {
  const names = [roadmap.field, roadmap.dates.target, roadmap.dates.start];
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}

export function projectLabel(roadmap: RoadmapConfig): string {
  return `${roadmap.project.org}#${roadmap.project.number}`;
}

export function findOption(board: RoadmapBoard, name: string) {
  return board.stage?.options.find((option) => sameName(option.name, name));
}

/** A failed read as a problem: a missing permission or board says how to fix it. */
export function boardUnavailable(
  roadmap: RoadmapConfig,
  reason: "missing" | "forbidden" | "error",
  templates: Templates,
  detail = "",
): BoardLookup {
  const view = { project: projectLabel(roadmap), detail: escapeInline(detail) };
  return { ok: false, problem: templates.message(`roadmap.problem.${reason}`, view) };
}

export function resolveBoard(
  roadmap: RoadmapConfig,
  project: ProjectSnapshot,
  templates: Templates,
): BoardLookup {
  const problems: string[] = [];
  const field = project.fields[roadmap.field] ?? null;
  const view = { project: projectLabel(roadmap), field: escapeInline(roadmap.field) };
  if (!field) problems.push(templates.message("roadmap.problem.fieldMissing", view));
  else if (field.type !== "singleSelect") {
    problems.push(templates.message("roadmap.problem.fieldNotSelect", view));
  }
  const dates: RoadmapBoard["dates"] = {};
  for (const kind of ["target", "start"] as const) {
    const name = roadmap.dates[kind];
    if (name === undefined) continue;
    const date = project.fields[name] ?? null;
    if (date?.type === "date") dates[kind] = date.id;
    else
      problems.push(
        templates.message("roadmap.problem.dateMissing", { kind, field: escapeInline(name) }),
      );
  }
  if (!project.canUpdate) problems.push(templates.message("roadmap.problem.readOnly", view));
  return {
    ok: true,
    board: {
      projectId: project.id,
      title: project.title,
      writable: project.canUpdate,
      stage: field?.type === "singleSelect" ? { fieldId: field.id, options: field.options } : null,
      dates,
      problems,
    },
  };
}
