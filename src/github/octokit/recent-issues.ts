/** The sweep's recent listing over GitHub's GraphQL API: paginated, 50 issues a request. */
import type { ProbotOctokit } from "probot";
import type { DigestReadStats } from "../../features/digest/source.js";
import { findCard } from "../../features/squad/card-state.js";
import {
  RECENT_PAGE_SIZE,
  type RecentIssue,
  type RecentIssuesPort,
} from "../../features/sweep/recent.js";
import type { CommentSnapshot, RepoRef } from "../types.js";
import { type Client, send } from "./client.js";
import { CARD_COMMENTS } from "./digest-source.js";
import {
  SWEEP_RECENT_ISSUES_QUERY,
  type SweepRecentIssueNode,
  type SweepRecentIssuesResponse,
} from "./graphql/sweep-recent-issues.js";

/** A safety stop: 200 pages is 10,000 issues updated in one window. */
const MAX_PAGES = 200;

const present = <T>(nodes: (T | null)[] | null | undefined): T[] =>
  (nodes ?? []).filter((node): node is T => node !== null);

export class OctokitRecentIssues implements RecentIssuesPort {
  private readonly client: Client;
  private readonly totals: DigestReadStats = { requests: 0, cost: 0, remaining: null };

  constructor(octokit: ProbotOctokit, options: { onRequest?: (kind: string) => void } = {}) {
    this.client = {
      octokit,
      count: (kind) => {
        this.totals.requests += 1;
        options.onRequest?.(kind);
      },
    };
  }

  stats(): DigestReadStats {
    return { ...this.totals };
  }

  async *issues(repo: RepoRef, since: Date): AsyncIterable<RecentIssue[]> {
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const variables = {
        owner: repo.owner,
        name: repo.repo,
        since: since.toISOString(),
        after,
        pageSize: RECENT_PAGE_SIZE,
        cardComments: CARD_COMMENTS,
      };
      const response: SweepRecentIssuesResponse = await send(
        this.client,
        "sweepRecentIssues",
        (octokit) =>
          octokit.graphql<SweepRecentIssuesResponse>(SWEEP_RECENT_ISSUES_QUERY, variables),
      );
      if (response.rateLimit) {
        this.totals.cost += response.rateLimit.cost;
        this.totals.remaining = response.rateLimit.remaining;
      }
      const connection = response.repository?.issues;
      if (!connection) return;
      yield present(connection.nodes).map(toRecentIssue);
      if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
      after = connection.pageInfo.endCursor;
    }
  }
}

function toRecentIssue(node: SweepRecentIssueNode): RecentIssue {
  const comments: CommentSnapshot[] = present(node.comments.nodes).map((c, index) => ({
    id: `${node.number}:${index}`,
    databaseId: index,
    author: c.viewerDidAuthor ? "viewer" : "someone",
    byThisApp: c.viewerDidAuthor,
    body: c.body,
    // Comments come oldest first; findCard keeps the first card, as on the issue itself.
    createdAt: String(index).padStart(4, "0"),
  }));
  return {
    number: node.number,
    state: "open",
    labels: present(node.labels?.nodes).map((l) => l.name),
    body: node.body,
    card: findCard(comments).card?.state ?? null,
  };
}
