/**
 * The roadmap step of an issue's reconcile: the board is read in the load step (cached per
 * installation), and after the squad planner decided the feature's state, the pure plan of the
 * writes that make the board agree joins the same mutation.
 */
import type { ExecuteResult } from "../../actions/executor.js";
import type { Config } from "../../config/schema.js";
import type { Templates } from "../../core/templates.js";
import type { LoadIssueOptions } from "../../github/port.js";
import type { IssueSnapshot } from "../../github/types.js";
import type { Scope } from "../feature.js";
import type { FeatureState } from "../squad/state.js";
import { type BoardLookup, projectLabel, roadmapFieldNames } from "./board.js";
import { BoardCache } from "./cache.js";
import { planRoadmap, type RoadmapPlan } from "./plan.js";

/** Board ids per installation and board: kept across deliveries, for the whole process. */
export function boardsOf(scope: Scope): BoardCache {
  return scope.shared(
    "roadmap:boards",
    () => new BoardCache({ templates: scope.templates, now: () => scope.now().getTime() }),
  );
}

/** Reading the issue's items costs nothing extra: they come in the same loadIssue query. */
export function roadmapLoadOptions(config: Config): Pick<LoadIssueOptions, "projectFields"> {
  return config.roadmap ? { projectFields: roadmapFieldNames(config.roadmap) } : {};
}

/** What `loadRoadmapBoard` reads when its cache misses, as `config` says; null without a roadmap. */
export function roadmapBoardRead(
  config: Config,
): { org: string; number: number; fieldNames: string[] } | null {
  if (!config.roadmap) return null;
  const { org, number } = config.roadmap.project;
  return { org, number, fieldNames: roadmapFieldNames(config.roadmap) };
}

/** The board when the repository has a roadmap; read from the cache when it can be. */
export async function loadRoadmapBoard(scope: Scope, config: Config): Promise<BoardLookup | null> {
  if (!config.roadmap) return null;
  return boardsOf(scope).get(scope.port, scope.installation, config.roadmap, scope.log);
}

/** Pure: null when the repository has no roadmap or the feature has no state. */
export function planRoadmapSync(
  config: Config,
  issue: IssueSnapshot,
  state: FeatureState | null,
  board: BoardLookup | null,
  templates: Templates,
): RoadmapPlan | null {
  const { roadmap } = config;
  if (!roadmap || !board || !state) return null;
  const items = issue.projectItems ?? [];
  return planRoadmap({ config, roadmap, board, items, state, templates });
}

/** A failed board write most likely means stale ids: the next event reads the board again. */
export function afterRoadmapWrites(scope: Scope, config: Config, result: ExecuteResult): void {
  if (!config.roadmap) return;
  const failed = result.results.filter(
    (r) => !r.ok && (r.op === "addProjectItem" || r.op === "setProjectField"),
  );
  if (failed.length === 0) return;
  boardsOf(scope).invalidate(scope.installation, config.roadmap);
  scope.log.warn(
    {
      project: projectLabel(config.roadmap),
      errors: failed.map((r) => (r.ok ? "" : r.error)),
      fix: "If the error says 'not accessible', grant the app the organization permission Projects: read and write",
    },
    "roadmap board write failed; its ids are read again on the next event",
  );
}
