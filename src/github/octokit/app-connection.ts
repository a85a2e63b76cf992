/**
 * The app's own ports on one repository outside the webhook server (`squad-bot adopt`): the
 * app's JWT finds its installation there, whose token writes as the app, so the cards it posts
 * are the app's own and count.
 */
import { Probot } from "probot";
import type { RecentIssuesPort } from "../../features/sweep/recent.js";
import { GitHubError, type GitHubPort } from "../port.js";
import type { RepoRef } from "../types.js";
import type { DoctorCredentials } from "./doctor-facts.js";
import { toGitHubError } from "./errors.js";
import { OctokitGitHub } from "./octokit-github.js";
import { OctokitRecentIssues } from "./recent-issues.js";

export interface AppConnection {
  port: GitHubPort;
  recent: RecentIssuesPort;
  /** `slug[bot]`, as REST spells the app. */
  appLogin: string;
}

export async function connectAsApp(
  credentials: DoctorCredentials,
  repo: RepoRef,
): Promise<AppConnection> {
  const probot = new Probot({
    appId: credentials.appId,
    privateKey: credentials.privateKey,
    ...(credentials.baseUrl ? { baseUrl: credentials.baseUrl } : {}),
  });
  try {
    const asApp = await probot.auth();
    const { data: app } = await asApp.rest.apps.getAuthenticated();
    const { data: installation } = await asApp.rest.apps.getRepoInstallation({ ...repo });
    const octokit = await probot.auth(installation.id);
    return {
      port: new OctokitGitHub(octokit),
      recent: new OctokitRecentIssues(octokit),
      appLogin: `${app?.slug ?? "squad-bot"}[bot]`,
    };
  } catch (error) {
    const failure = toGitHubError(error, "connectAsApp");
    if (failure.kind === "not-found") {
      throw new GitHubError(`the app is not installed on ${repo.owner}/${repo.repo}`, "not-found");
    }
    throw failure;
  }
}
