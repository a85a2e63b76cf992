/**
 * The roadmap step of a reconcile: after the squad planner decided the feature's state, the
 * writes that make the board agree, planned in the same pass so they join the same mutation.
 */
import type { Context } from "probot";
import type { ExecuteResult } from "../../actions/executor.js";
import type { Config } from "../../config/schema.js";
import type { GitHubPort, LoadIssueOptions } from "../../github/port.js";
import type { IssueSnapshot } from "../../github/types.js";
import type { FeatureState } from "../squad/state.js";
import { projectLabel, roadmapFieldNames } from "./board.js";
import type { BoardCache } from "./cache.js";
import { planRoadmap, type RoadmapPlan } from "./plan.js";

export interface RoadmapDeps {
  port: GitHubPort;
  boards: BoardCache;
  installation: number;
  log: Context["log"];
}

/** Reading the issue's items costs nothing extra: they come in the same loadIssue query. */
export function roadmapLoadOptions(config: Config): Pick<LoadIssueOptions, "projectFields"> {
  return config.roadmap ? { projectFields: roadmapFieldNames(config.roadmap) } : {};
}

/** Null when the repository has no roadmap; the board is read from the cache when it can be. */
export async function planRoadmapSync(
  deps: RoadmapDeps,
  config: Config,
  issue: IssueSnapshot,
  state: FeatureState,
): Promise<RoadmapPlan | null> {
  const { roadmap } = config;
  if (!roadmap) return null;
  const board = await deps.boards.get(deps.port, deps.installation, roadmap, deps.log);
  return planRoadmap({ config, roadmap, board, items: issue.projectItems ?? [], state });
}

/** A failed board write most likely means stale ids: the next event reads the board again. */
export function afterRoadmapWrites(deps: RoadmapDeps, config: Config, result: ExecuteResult): void {
  if (!config.roadmap) return;
  const failed = result.results.filter(
    (r) => !r.ok && (r.op === "addProjectItem" || r.op === "setProjectField"),
  );
  if (failed.length === 0) return;
  deps.boards.invalidate(deps.installation, config.roadmap);
  deps.log.warn(
    {
      project: projectLabel(config.roadmap),
      errors: failed.map((r) => (r.ok ? "" : r.error)),
      fix: "If the error says 'not accessible', grant the app the organization permission Projects: read and write",
    },
    "roadmap board write failed; its ids are read again on the next event",
  );
}
