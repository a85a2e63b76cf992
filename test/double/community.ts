/** The community journey's extra GitHub reads over the in-memory GitHub, counted with its requests. */
import type {
  CommunityPort,
  GoodFirstIssue,
  GoodFirstIssueQuery,
} from "../../src/features/community/port.js";
import type { RepoRef } from "../../src/github/types.js";
import type { Store } from "./store.js";
import { labelNames } from "./views.js";

export class MemoryCommunity implements CommunityPort {
  constructor(
    private readonly store: Store,
    /** Records one request, as `MemoryGitHub` does for its port methods. */
    private readonly request: (method: keyof CommunityPort, detail: string) => void,
  ) {}

  async isOrgMember(org: string, login: string): Promise<boolean> {
    this.request("isOrgMember", `${org} ${login}`);
    const found = this.store.org(org);
    return found ? this.store.isOrgMember(found, login) : false;
  }

  /** Organization owners have access to every repository, so GitHub counts them too. */
  async isCollaborator(repo: RepoRef, login: string): Promise<boolean> {
    this.request("isCollaborator", `${repo.owner}/${repo.repo} ${login}`);
    return this.store.permission(this.store.repo(repo), login) !== "none";
  }

  /** Open issues with the label, newest first; nobody is ever assigned in the double. */
  async listGoodFirstIssues(query: GoodFirstIssueQuery): Promise<GoodFirstIssue[]> {
    this.request("listGoodFirstIssues", `${query.org} ${query.label}`);
    const wanted = query.label.toLowerCase();
    const repos =
      query.repos.length > 0
        ? query.repos.flatMap((r) => this.store.findRepo(r) ?? [])
        : [...this.store.repos.values()].filter(
            (r) => r.owner.toLowerCase() === query.org.toLowerCase(),
          );
    return repos
      .flatMap((repo) =>
        [...repo.issues.values()]
          .filter(
            (i) =>
              i.state === "open" &&
              labelNames(repo, i).some((name) => name.toLowerCase() === wanted),
          )
          .map((i) => ({
            at: i.createdAt,
            issue: {
              repo: { owner: repo.owner, repo: repo.name },
              number: i.number,
              title: i.title,
              url: `https://github.com/${repo.owner}/${repo.name}/issues/${i.number}`,
            },
          })),
      )
      .sort((a, b) => b.at.localeCompare(a.at) || b.issue.number - a.issue.number)
      .slice(0, query.limit)
      .map((found) => found.issue);
  }
}
