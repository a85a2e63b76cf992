/** The digest port over GitHub's GraphQL API: paginated, 100 issues a request, streamed. */
import type { ProbotOctokit } from "probot";
import type {
  DigestIssue,
  DigestQuery,
  DigestReadStats,
  DigestSource,
} from "../../features/digest/source.js";
import { findCard } from "../../features/squad/card-state.js";
import type { CommentSnapshot, RepoRef } from "../types.js";
import { type Client, send } from "./client.js";
import {
  DIGEST_ISSUES_QUERY,
  type DigestIssueNode,
  type DigestIssuesResponse,
} from "./graphql/digest-issues.js";

/** Comments searched for the card: see the cost note in `graphql/digest-issues.ts`. */
export const CARD_COMMENTS = 5;
/** A safety stop: 500 pages is 50,000 issues in one state of one repository. */
const MAX_PAGES = 500;

export interface OctokitDigestSourceOptions {
  /**
   * Who writes squad cards. `viewer` (default) when the token is the app's own installation
   * token; a login (e.g. `squad-bot[bot]`) when another identity reads, such as a workflow's
   * GITHUB_TOKEN, whose viewer is `github-actions[bot]`.
   */
  cardAuthor?: "viewer" | string;
  onRequest?: (kind: string) => void;
}

const present = <T>(nodes: (T | null)[] | null | undefined): T[] =>
  (nodes ?? []).filter((node): node is T => node !== null);

const loginKey = (login: string) => login.toLowerCase().replace(/\[bot\]$/, "");

export class OctokitDigestSource implements DigestSource {
  private readonly client: Client;
  private readonly totals: DigestReadStats = { requests: 0, cost: 0, remaining: null };

  constructor(
    octokit: ProbotOctokit,
    private readonly options: OctokitDigestSourceOptions = {},
  ) {
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

  async *issues(repo: RepoRef, query: DigestQuery): AsyncIterable<DigestIssue[]> {
    // Open features all count; closed ones only if they changed in the period.
    yield* this.pages(repo, query.labels, "OPEN", null);
    yield* this.pages(repo, query.labels, "CLOSED", query.closedSince.toISOString());
  }

  private async *pages(
    repo: RepoRef,
    labels: string[],
    state: "OPEN" | "CLOSED",
    since: string | null,
  ): AsyncIterable<DigestIssue[]> {
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const variables = {
        owner: repo.owner,
        name: repo.repo,
        labels,
        states: [state],
        since,
        after,
        cardComments: CARD_COMMENTS,
      };
      const response: DigestIssuesResponse = await send(this.client, "digestIssues", (octokit) =>
        octokit.graphql<DigestIssuesResponse>(DIGEST_ISSUES_QUERY, variables),
      );
      if (response.rateLimit) {
        this.totals.cost += response.rateLimit.cost;
        this.totals.remaining = response.rateLimit.remaining;
      }
      const connection = response.repository?.issues;
      if (!connection) return;
      yield present(connection.nodes).map((node) => this.toDigestIssue(repo, node));
      if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
      after = connection.pageInfo.endCursor;
    }
  }

  private toDigestIssue(repo: RepoRef, node: DigestIssueNode): DigestIssue {
    const author = this.options.cardAuthor ?? "viewer";
    const comments: CommentSnapshot[] = present(node.comments.nodes).map((c, index) => ({
      id: `${node.number}:${index}`,
      databaseId: index,
      author: c.author?.login ?? "ghost",
      byThisApp:
        author === "viewer"
          ? c.viewerDidAuthor
          : c.author !== null && loginKey(c.author.login) === loginKey(author),
      body: c.body,
      // Comments come oldest first; findCard keeps the first card, as on the issue itself.
      createdAt: String(index).padStart(4, "0"),
    }));
    return {
      repo,
      number: node.number,
      title: node.title,
      url: node.url,
      state: node.state === "OPEN" ? "open" : "closed",
      createdAt: node.createdAt,
      updatedAt: node.updatedAt,
      closedAt: node.closedAt,
      labels: present(node.labels?.nodes).map((l) => l.name),
      thumbsUp: node.reactions.totalCount,
      card: findCard(comments).card?.state ?? null,
    };
  }
}
