/** The production entry point for `probot run`: the app over Probot's own Octokit. */
import type { Probot } from "probot";
import { createApp } from "./app/create-app.js";
import { OctokitGitHub } from "./github/octokit/index.js";
import { OctokitSimilarSearch } from "./github/octokit/search-issues.js";

async function botLogin(app: Probot): Promise<string> {
  if (process.env.SQUAD_BOT_LOGIN) return process.env.SQUAD_BOT_LOGIN;
  const octokit = await app.auth();
  const { data } = await octokit.rest.apps.getAuthenticated();
  return `${data?.slug ?? "squad-bot"}[bot]`;
}

export default createApp({
  githubFor: (context) => new OctokitGitHub(context.octokit),
  searchFor: (context) => new OctokitSimilarSearch(context.octokit),
  appLogin: botLogin,
  now: () => new Date(),
  dryRun: process.env.SQUAD_BOT_DRY_RUN === "true",
});
