/** Whether a repository is public: one REST read of the repository per call. */
import type { ProbotOctokit } from "probot";
import type { RepoVisibilityPort } from "../../features/dashboard/visibility.js";
import type { RepoRef } from "../types.js";

export class OctokitRepoVisibility implements RepoVisibilityPort {
  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly options: { onRequest?: (kind: string) => void } = {},
  ) {}

  async isPublic(repo: RepoRef): Promise<boolean> {
    this.options.onRequest?.("getRepository");
    try {
      const { data } = await this.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
      return data.private === false && (data.visibility ?? "public") === "public";
    } catch (error) {
      if ((error as { status?: number }).status === 404) return false;
      throw error;
    }
  }
}
