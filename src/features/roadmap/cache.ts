/**
 * The roadmap board's ids (project, field, options), cached per installation for a short time so
 * that a burst of events reads the board once. A failed write drops the entry: ids change when
 * someone deletes and recreates a field or an option.
 */

import { ConfigCache } from "../../config/cache.js";
import type { RoadmapConfig } from "../../config/schema.js";
import type { Log } from "../../core/log.js";
import type { Templates } from "../../core/templates.js";
import { GitHubError, type GitHubPort } from "../../github/port.js";
import {
  type BoardLookup,
  boardUnavailable,
  projectLabel,
  resolveBoard,
  roadmapFieldNames,
} from "./board.js";

const DEFAULT_BOARD_TTL_MS = 10 * 60_000;

/** Repositories may name different fields of the same board, so the names are part of the key. */
function keyOf(installation: number, roadmap: RoadmapConfig): [string, string] {
  return [String(installation), `${projectLabel(roadmap)}:${roadmapFieldNames(roadmap).join("|")}`];
}

export class BoardCache {
  private readonly entries: ConfigCache<BoardLookup>;
  /** A board's problems are worded once, when it is read. */
  private readonly templates: Templates;

  constructor(options: { templates: Templates; ttlMs?: number; now?: () => number }) {
    this.templates = options.templates;
    this.entries = new ConfigCache<BoardLookup>({
      ttlMs: options.ttlMs ?? DEFAULT_BOARD_TTL_MS,
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /**
   * The board, or the problem that stops syncing. Problems are logged when the board is read, so
   * the log says it once per read rather than once per event. A failure other than a missing
   * board or permission is not cached: the next event tries again.
   */
  async get(
    port: GitHubPort,
    installation: number,
    roadmap: RoadmapConfig,
    log: Log,
  ): Promise<BoardLookup> {
    const [owner, repo] = keyOf(installation, roadmap);
    try {
      return await this.entries.getOrLoad(owner, repo, async () => {
        const lookup = await readBoard(port, roadmap, this.templates);
        const problems = lookup.ok ? lookup.board.problems : [lookup.problem];
        if (problems.length > 0) {
          log.warn({ project: projectLabel(roadmap), problems }, "roadmap board needs fixing");
        }
        return lookup;
      });
    } catch (error) {
      log.error({ err: error, project: projectLabel(roadmap) }, "could not read the roadmap board");
      const detail = error instanceof Error ? error.message : "";
      return boardUnavailable(roadmap, "error", this.templates, detail);
    }
  }

  invalidate(installation: number, roadmap: RoadmapConfig): void {
    this.entries.invalidate(...keyOf(installation, roadmap));
  }
}

async function readBoard(
  port: GitHubPort,
  roadmap: RoadmapConfig,
  templates: Templates,
): Promise<BoardLookup> {
  const { org, number } = roadmap.project;
  try {
    const project = await port.loadProject(org, number, roadmapFieldNames(roadmap));
    return project
      ? resolveBoard(roadmap, project, templates)
      : boardUnavailable(roadmap, "missing", templates);
  } catch (error) {
    if (error instanceof GitHubError && error.kind === "forbidden") {
      return boardUnavailable(roadmap, "forbidden", templates);
    }
    throw error;
  }
}
