/** The sweep's recent listing over GitHub's GraphQL API: paginated, 50 issues a request. */
import type { ProbotOctokit } from "probot";
import type { DigestReadStats } from "../../features/digest/source.js";
import {
  RECENT_PAGE_SIZE,
  type RecentIssue,
  type RecentIssuesPort,
} from "../../features/sweep/recent.js";
import type { RepoRef } from "../types.js";
import { CARD_COMMENTS } from "./digest-source.js";
import {
  SWEEP_RECENT_ISSUES_QUERY,
  type SweepRecentIssueNode,
  type SweepRecentIssuesResponse,
} from "./graphql/sweep-recent-issues.js";
import { cardInFirstComments, IssuePager, present } from "./issue-pages.js";

/** A safety stop: 200 pages is 10,000 issues updated in one window. */
const MAX_PAGES = 200;

export class OctokitRecentIssues implements RecentIssuesPort {
  private readonly pager: IssuePager;

  constructor(octokit: ProbotOctokit, options: { onRequest?: (kind: string) => void } = {}) {
    this.pager = new IssuePager(octokit, options.onRequest);
  }

  stats(): DigestReadStats {
    return this.pager.stats();
  }

  async *issues(repo: RepoRef, since: Date): AsyncIterable<RecentIssue[]> {
    const pages = this.pager.pages<SweepRecentIssueNode>(
      "sweepRecentIssues",
      MAX_PAGES,
      (octokit, after) =>
        octokit.graphql<SweepRecentIssuesResponse>(SWEEP_RECENT_ISSUES_QUERY, {
          owner: repo.owner,
          name: repo.repo,
          since: since.toISOString(),
          after,
          pageSize: RECENT_PAGE_SIZE,
          cardComments: CARD_COMMENTS,
        }),
    );
    for await (const nodes of pages) yield nodes.map(toRecentIssue);
  }
}

function toRecentIssue(node: SweepRecentIssueNode): RecentIssue {
  return {
    number: node.number,
    title: node.title,
    createdAt: node.createdAt,
    state: "open",
    labels: present(node.labels?.nodes).map((l) => l.name),
    body: node.body,
    // Only the app's own comments are trusted: a pasted card marker counts for nothing.
    card: cardInFirstComments(node.number, node.comments.nodes, (c) => c.viewerDidAuthor),
  };
}
