/** The production app: the features over Probot's own Octokit, with metrics and health checks. */
import type { Context, Probot } from "probot";
import { collectDefaultMetrics } from "prom-client";
import { createApp } from "./app/create-app.js";
import { OctokitGitHub } from "./github/octokit/index.js";
import { OctokitSimilarSearch } from "./github/octokit/search-issues.js";
import { Metrics } from "./observability/metrics.js";

async function botLogin(app: Probot): Promise<string> {
  if (process.env.SQUAD_BOT_LOGIN) return process.env.SQUAD_BOT_LOGIN;
  const octokit = await app.auth();
  const { data } = await octokit.rest.apps.getAuthenticated();
  return `${data?.slug ?? "squad-bot"}[bot]`;
}

const metrics = new Metrics();
collectDefaultMetrics({ register: metrics.registry, prefix: "squad_bot_process_" });

/** Counts every request by kind and remembers the rate limit GitHub reports for the installation. */
function instrument(context: Context) {
  const installation = String(
    (context.payload as { installation?: { id?: number } }).installation?.id ?? "none",
  );
  context.octokit.hook.after("request", (response) => {
    const headers = response.headers as Record<string, string | undefined>;
    const remaining = Number(headers["x-ratelimit-remaining"]);
    const resource = headers["x-ratelimit-resource"] ?? "core";
    if (Number.isFinite(remaining))
      metrics.rateLimitRemaining.set({ installation, resource }, remaining);
  });
  return { onRequest: (kind: string) => metrics.githubRequests.inc({ kind }) };
}

export default createApp({
  githubFor: (context) => new OctokitGitHub(context.octokit, instrument(context)),
  searchFor: (context) =>
    new OctokitSimilarSearch(context.octokit, {
      onRequest: (kind) => metrics.githubRequests.inc({ kind }),
    }),
  appLogin: botLogin,
  now: () => new Date(),
  dryRun: process.env.SQUAD_BOT_DRY_RUN === "true",
  metrics,
  healthChecks: [],
});
