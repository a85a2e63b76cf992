/**
 * What the server's scheduled jobs read through the app's own credentials: its installations, each
 * one's repositories (both paginated), and the ports over an installation's token.
 */
import type { ProbotOctokit } from "probot";
import type { RepoRef } from "../types.js";
import { OctokitCommunity } from "./community.js";
import { OctokitDigestDelivery } from "./digest-delivery.js";
import { OctokitDigestSource } from "./digest-source.js";
import { OctokitGitHub } from "./octokit-github.js";
import { OctokitRecentIssues } from "./recent-issues.js";
import { OctokitRepoVisibility } from "./repo-visibility.js";

/** `app.auth`: the app's JWT client without an id, an installation's client with one. */
export type AppAuth = (installationId?: number) => Promise<ProbotOctokit>;

export class OctokitJobHost {
  constructor(
    private readonly auth: AppAuth,
    private readonly onRequest: (kind: string) => void = () => {},
  ) {}

  /** Installations that are not suspended: a suspended one answers every request with 403. */
  async installations(): Promise<number[]> {
    const octokit = await this.auth();
    this.onRequest("listInstallations");
    const all = await octokit.paginate(octokit.rest.apps.listInstallations, { per_page: 100 });
    return all.filter((i) => !i.suspended_at).map((i) => i.id);
  }

  /** Archived repositories are read-only, so nothing is scheduled there. */
  async repositories(installation: number): Promise<RepoRef[]> {
    const octokit = await this.auth(installation);
    this.onRequest("listInstallationRepos");
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    return repos
      .filter((r) => !r.archived && !r.disabled)
      .map((r) => ({ owner: r.owner.login, repo: r.name }));
  }

  /** Probot caches installation tokens and renews them, so asking per run costs nothing extra. */
  async connect(installation: number) {
    const octokit = await this.auth(installation);
    const options = { onRequest: this.onRequest };
    return {
      port: new OctokitGitHub(octokit, options),
      source: new OctokitDigestSource(octokit, options),
      recent: new OctokitRecentIssues(octokit, options),
      community: new OctokitCommunity(octokit, options),
      delivery: new OctokitDigestDelivery(octokit, options),
      visibility: new OctokitRepoVisibility(octokit, options),
    };
  }
}
