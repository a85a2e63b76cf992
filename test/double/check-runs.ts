/** Check runs in the in-memory GitHub: every run is the app's own, as only the app creates them here. */

import { GitHubError } from "../../src/github/port.js";
import type { CheckRunReport, CheckRunSnapshot, RepoRef } from "../../src/github/types.js";
import type { Store } from "./store.js";

export function createCheckRun(store: Store, repo: RepoRef, report: CheckRunReport): void {
  const run = { ...structuredClone(report), id: store.nextId(), createdAt: store.timestamp() };
  store.repo(repo).checkRuns.push(run);
}

/** Newest first, as `filter=latest` lists them. */
export function listCheckRuns(
  store: Store,
  repo: RepoRef,
  sha: string,
  name: string,
): CheckRunSnapshot[] {
  return store
    .repo(repo)
    .checkRuns.filter((run) => run.headSha === sha && run.name === name)
    .reverse()
    .map((run) => ({
      id: run.id,
      name: run.name,
      headSha: run.headSha,
      conclusion: run.conclusion,
      title: run.title,
      summary: run.summary,
      text: run.text ?? "",
      author: store.appLogin,
    }));
}

export function updateCheckRun(
  store: Store,
  repo: RepoRef,
  id: number,
  report: CheckRunReport,
): void {
  const run = store.repo(repo).checkRuns.find((r) => r.id === id);
  if (!run) throw new GitHubError(`No check run ${id}`, "not-found", 404);
  const { conclusion, title, summary, text } = structuredClone(report);
  Object.assign(run, { conclusion, title, summary });
  if (text === undefined) delete run.text;
  else run.text = text;
}
