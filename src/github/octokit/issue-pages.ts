/**
 * Reading a repository's issues page by page with GraphQL, as the digest and the sweep listings
 * do: one request a page, rate-limit cost and points left tallied, a safety stop on pages, and
 * the squad card read from each issue's first comments.
 */
import type { ProbotOctokit } from "probot";
import type { DigestReadStats } from "../../features/digest/source.js";
import { findCard } from "../../features/squad/card-state.js";
import type { FeatureState } from "../../features/squad/state.js";
import type { CommentSnapshot } from "../types.js";
import { type Client, send } from "./client.js";

export const present = <T>(nodes: (T | null)[] | null | undefined): T[] =>
  (nodes ?? []).filter((node): node is T => node !== null);

/** What every paged issue query answers besides its nodes. */
export interface IssuePageResponse<Node> {
  rateLimit: { cost: number; remaining: number } | null;
  repository: {
    issues: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: (Node | null)[] | null;
    };
  } | null;
}

export class IssuePager {
  private readonly client: Client;
  private readonly totals: DigestReadStats = { requests: 0, cost: 0, remaining: null };

  constructor(octokit: ProbotOctokit, onRequest?: (kind: string) => void) {
    this.client = {
      octokit,
      count: (kind) => {
        this.totals.requests += 1;
        onRequest?.(kind);
      },
    };
  }

  stats(): DigestReadStats {
    return { ...this.totals };
  }

  /** Pages of nodes until the connection ends, the repository is gone, or `maxPages` is reached. */
  async *pages<Node>(
    kind: string,
    maxPages: number,
    fetch: (octokit: ProbotOctokit, after: string | null) => Promise<IssuePageResponse<Node>>,
  ): AsyncIterable<Node[]> {
    let after: string | null = null;
    for (let page = 0; page < maxPages; page += 1) {
      const cursor = after;
      const response: IssuePageResponse<Node> = await send(this.client, kind, (octokit) =>
        fetch(octokit, cursor),
      );
      if (response.rateLimit) {
        this.totals.cost += response.rateLimit.cost;
        this.totals.remaining = response.rateLimit.remaining;
      }
      const connection = response.repository?.issues;
      if (!connection) return;
      yield present(connection.nodes);
      if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
      after = connection.pageInfo.endCursor;
    }
  }
}

export interface FirstComment {
  body: string;
  viewerDidAuthor: boolean;
  author?: { login: string } | null;
}

/** The card among an issue's first comments; `trusted` says which comments are the app's own. */
export function cardInFirstComments<C extends FirstComment>(
  issueNumber: number,
  nodes: (C | null)[] | null | undefined,
  trusted: (comment: C) => boolean,
): FeatureState | null {
  const comments: CommentSnapshot[] = present(nodes).map((c, index) => ({
    id: `${issueNumber}:${index}`,
    databaseId: index,
    author: c.author?.login ?? "unknown",
    byThisApp: trusted(c),
    body: c.body,
    // Comments come oldest first; findCard keeps the first card, as on the issue itself.
    createdAt: String(index).padStart(4, "0"),
  }));
  return findCard(comments).card?.state ?? null;
}
