/** Issue snapshots for planner tests, shaped as the port returns them. */
import type { CommentSnapshot, IssueSnapshot } from "../../src/github/types.js";

let nextId = 1;

export function comment(body: string, options: Partial<CommentSnapshot> = {}): CommentSnapshot {
  const id = nextId++;
  return {
    id: `IC_${id}`,
    databaseId: 1000 + id,
    author: "squad-bot[bot]",
    byThisApp: true,
    body,
    createdAt: `2026-01-01T00:00:${String(id % 60).padStart(2, "0")}Z`,
    ...options,
  };
}

export function issue(
  options: Partial<IssueSnapshot> & { labelNames?: string[] } = {},
): IssueSnapshot {
  const { labelNames = [], ...rest } = options;
  return {
    id: "I_1",
    ref: { owner: "medic", repo: "cht-core", number: 7 },
    repositoryId: "R_1",
    title: "Offline sync status for CHWs",
    body: "### Is your feature request related to a problem?\nSync is opaque.",
    state: "open",
    author: "amina",
    createdAt: "2026-01-01T00:00:00Z",
    url: "https://github.com/medic/cht-core/issues/7",
    labels: labelNames.map((name, i) => ({ id: `LA_${i}`, name })),
    repoLabels: [],
    comments: [],
    thumbsUp: 0,
    ...rest,
  };
}
