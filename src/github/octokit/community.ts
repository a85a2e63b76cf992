/** The community journey's GitHub reads over Octokit: membership checks and the good-first-issue search. */
import type { ProbotOctokit } from "probot";
import type {
  CommunityPort,
  GoodFirstIssue,
  GoodFirstIssueQuery,
} from "../../features/community/port.js";
import type { RepoRef } from "../types.js";
import { type Client, send, unlessNotFound } from "./client.js";

interface SearchItem {
  number: number;
  title: string;
  html_url: string;
  repository_url: string;
  assignee?: unknown;
  assignees?: unknown[] | null;
  pull_request?: unknown;
}

const REPO_URL = /\/repos\/([^/]+)\/([^/]+)$/;

function toIssue(item: SearchItem): GoodFirstIssue | null {
  const [, owner, repo] = REPO_URL.exec(item.repository_url) ?? [];
  if (!owner || !repo) return null;
  return { repo: { owner, repo }, number: item.number, title: item.title, url: item.html_url };
}

/** GitHub's search syntax; a quote inside the label would end the quoted value early. */
export function goodFirstIssueSearch(query: GoodFirstIssueQuery): string {
  const scope =
    query.repos.length > 0
      ? query.repos.map((r) => `repo:${r.owner}/${r.repo}`).join(" ")
      : `org:${query.org}`;
  return `${scope} is:issue is:open no:assignee archived:false label:"${query.label.replace(/"/g, "")}"`;
}

/** Make one per delivery, with the same Octokit and request counter as the `OctokitGitHub`. */
export class OctokitCommunity implements CommunityPort {
  private readonly client: Client;

  constructor(octokit: ProbotOctokit, options: { onRequest?: (kind: string) => void } = {}) {
    this.client = { octokit, count: (kind) => options.onRequest?.(kind) };
  }

  /**
   * 204 member, 404 not. Without the "Members: read" permission GitHub redirects (302) to the
   * public-membership check, which fetch follows: private members would then read as outsiders.
   */
  async isOrgMember(org: string, login: string): Promise<boolean> {
    const response = await unlessNotFound(
      send(this.client, "isOrgMember", (octokit) =>
        octokit.rest.orgs.checkMembershipForUser({ org, username: login }),
      ),
      null,
    );
    // Typed as 204 | 302, but fetch follows the redirect and answers with the final status.
    const status: number | undefined = response?.status;
    return status === 204;
  }

  async isCollaborator(repo: RepoRef, login: string): Promise<boolean> {
    const response = await unlessNotFound(
      send(this.client, "isCollaborator", (octokit) =>
        octokit.rest.repos.checkCollaborator({ ...repo, username: login }),
      ),
      null,
    );
    return response?.status === 204;
  }

  async listGoodFirstIssues(query: GoodFirstIssueQuery): Promise<GoodFirstIssue[]> {
    if (query.limit <= 0) return [];
    const response = await send(this.client, "listGoodFirstIssues", (octokit) =>
      octokit.rest.search.issuesAndPullRequests({
        q: goodFirstIssueSearch(query),
        sort: "created",
        order: "desc",
        // A few spare, since the search index can lag behind a fresh assignment.
        per_page: Math.min(100, query.limit * 2),
      }),
    );
    const items = response.data.items as SearchItem[];
    return items
      .filter((i) => !i.pull_request && !i.assignee && (i.assignees ?? []).length === 0)
      .flatMap((i) => toIssue(i) ?? [])
      .slice(0, query.limit);
  }
}
