/** A CommunityPort from fixed answers, counting requests as the Octokit one would. */
import type {
  CommunityPort,
  GoodFirstIssue,
  GoodFirstIssueQuery,
} from "../../src/features/community/port.js";
import type { RepoRef } from "../../src/github/types.js";

export class FakeCommunityPort implements CommunityPort {
  readonly requests: string[] = [];
  readonly queries: GoodFirstIssueQuery[] = [];

  constructor(
    private readonly answers: {
      members?: string[];
      collaborators?: string[];
      goodFirstIssues?: GoodFirstIssue[];
      failSearch?: boolean;
    } = {},
  ) {}

  private has(list: string[] | undefined, login: string) {
    return (list ?? []).some((l) => l.toLowerCase() === login.toLowerCase());
  }

  async isOrgMember(_org: string, login: string) {
    this.requests.push("isOrgMember");
    return this.has(this.answers.members, login);
  }

  async isCollaborator(_repo: RepoRef, login: string) {
    this.requests.push("isCollaborator");
    return this.has(this.answers.collaborators, login);
  }

  async listGoodFirstIssues(query: GoodFirstIssueQuery) {
    this.requests.push("listGoodFirstIssues");
    this.queries.push(query);
    if (this.answers.failSearch) throw new Error("search is down");
    return (this.answers.goodFirstIssues ?? []).slice(0, query.limit);
  }
}
