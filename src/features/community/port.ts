/**
 * The GitHub reads the community journey needs beyond `GitHubPort`. Every method is one HTTP
 * request. Production: `github/octokit/community.ts`; tests: `test/community/fake-port.ts`.
 */
import type { RepoRef } from "../../github/types.js";

export interface GoodFirstIssue {
  repo: RepoRef;
  number: number;
  title: string;
  url: string;
}

export interface GoodFirstIssueQuery {
  /** Searched when `repos` is empty. */
  org: string;
  repos: RepoRef[];
  label: string;
  limit: number;
}

export interface CommunityPort {
  /** Members and owners, private membership included (needs the "Members: read" permission). */
  isOrgMember(org: string, login: string): Promise<boolean>;
  /** Anyone with access to the repository: outside collaborators and org members alike. */
  isCollaborator(repo: RepoRef, login: string): Promise<boolean>;
  /** Open issues with the label and no assignee, newest first: one search request. */
  listGoodFirstIssues(query: GoodFirstIssueQuery): Promise<GoodFirstIssue[]>;
}
