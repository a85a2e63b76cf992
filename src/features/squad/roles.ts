/** Who counts as a maintainer of a repository: a permission at or above the configured one, or a team. */
import type { Config } from "../../config/schema.js";
import type { GitHubPort } from "../../github/port.js";
import type { RepoPermission, RepoRef } from "../../github/types.js";

const RANK: Record<RepoPermission, number> = {
  none: 0,
  read: 1,
  triage: 2,
  write: 3,
  maintain: 4,
  admin: 5,
};

/** One permission request, then one per configured team until one answers yes. */
export async function isMaintainer(
  port: GitHubPort,
  config: Config,
  repo: RepoRef,
  login: string,
): Promise<boolean> {
  const permission = await port.getPermission(repo, login);
  if (RANK[permission] >= RANK[config.maintainers.permission]) return true;
  for (const team of config.maintainers.teams) {
    const [org, slug] = team.includes("/") ? team.split("/", 2) : [repo.owner, team];
    if (org && slug && (await port.isTeamMember(org, slug, login))) return true;
  }
  return false;
}
