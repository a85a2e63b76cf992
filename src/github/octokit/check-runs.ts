/** Check runs over REST: create one, list a commit's by name, and update one in place. */
import type { CheckRunReport, CheckRunSnapshot, RepoRef } from "../types.js";
import { fitOutput } from "./check-output.js";
import { type Client, send } from "./client.js";

const CONCLUSIONS: readonly CheckRunReport["conclusion"][] = ["success", "failure", "neutral"];

/** What both create and update send: a completed run with its output cut to GitHub's limits. */
function completed(report: CheckRunReport) {
  return {
    status: "completed" as const,
    conclusion: report.conclusion,
    output: {
      title: report.title,
      summary: fitOutput(report.summary),
      ...(report.text === undefined ? {} : { text: fitOutput(report.text) }),
    },
  };
}

export async function createCheckRun(
  client: Client,
  repo: RepoRef,
  report: CheckRunReport,
): Promise<void> {
  await send(client, "createCheckRun", (octokit) =>
    octokit.rest.checks.create({
      ...repo,
      name: report.name,
      head_sha: report.headSha,
      ...completed(report),
    }),
  );
}

export async function updateCheckRun(
  client: Client,
  repo: RepoRef,
  id: number,
  report: CheckRunReport,
): Promise<void> {
  await send(client, "updateCheckRun", (octokit) =>
    octokit.rest.checks.update({ ...repo, check_run_id: id, ...completed(report) }),
  );
}

export async function listCheckRuns(
  client: Client,
  repo: RepoRef,
  sha: string,
  name: string,
): Promise<CheckRunSnapshot[]> {
  const response = await send(client, "listCheckRuns", (octokit) =>
    octokit.rest.checks.listForRef({
      ...repo,
      ref: sha,
      check_name: name,
      filter: "latest",
      per_page: 100,
    }),
  );
  return response.data.check_runs.map((run) => ({
    id: run.id,
    name: run.name,
    headSha: run.head_sha,
    conclusion: CONCLUSIONS.find((c) => c === run.conclusion) ?? null,
    title: run.output.title ?? "",
    summary: run.output.summary ?? "",
    text: run.output.text ?? "",
    // An app posts as `slug[bot]`, the spelling the rest of the port uses for the app.
    author: run.app?.slug ? `${run.app.slug}[bot]` : "ghost",
  }));
}
