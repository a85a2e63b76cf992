/** The port that says whether a repository is public, so a public dashboard shows only those. */
import type { RepoRef } from "../../github/types.js";

export interface RepoVisibilityPort {
  /** True for a public repository; false for a private or internal one, or one not found. */
  isPublic(repo: RepoRef): Promise<boolean>;
}

/** The repositories a dashboard may show: all with `includePrivate`, else the public ones. */
export async function shownRepos(
  repos: RepoRef[],
  includePrivate: boolean,
  visibility: RepoVisibilityPort | undefined,
): Promise<{ shown: RepoRef[]; hidden: RepoRef[] }> {
  if (includePrivate) return { shown: repos, hidden: [] };
  // Without a way to tell, nothing is assumed public: the page may be open to anyone.
  const open = await Promise.all(repos.map((r) => visibility?.isPublic(r) ?? false));
  return {
    shown: repos.filter((_, index) => open[index]),
    hidden: repos.filter((_, index) => !open[index]),
  };
}
