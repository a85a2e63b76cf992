/** The digest port over GitHub's GraphQL API: paginated, 100 issues a request, streamed. */
import type { ProbotOctokit } from "probot";
import type {
  DigestIssue,
  DigestQuery,
  DigestReadStats,
  DigestSource,
} from "../../features/digest/source.js";
import type { RepoRef } from "../types.js";
import {
  DIGEST_ISSUES_QUERY,
  type DigestIssueNode,
  type DigestIssuesResponse,
} from "./graphql/digest-issues.js";
import { cardInFirstComments, type FirstComment, IssuePager, present } from "./issue-pages.js";

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

const loginKey = (login: string) => login.toLowerCase().replace(/\[bot\]$/, "");

export class OctokitDigestSource implements DigestSource {
  private readonly pager: IssuePager;

  constructor(
    octokit: ProbotOctokit,
    private readonly options: OctokitDigestSourceOptions = {},
  ) {
    this.pager = new IssuePager(octokit, options.onRequest);
  }

  stats(): DigestReadStats {
    return this.pager.stats();
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
    const pages = this.pager.pages<DigestIssueNode>("digestIssues", MAX_PAGES, (octokit, after) =>
      octokit.graphql<DigestIssuesResponse>(DIGEST_ISSUES_QUERY, {
        owner: repo.owner,
        name: repo.repo,
        labels,
        states: [state],
        since,
        after,
        cardComments: CARD_COMMENTS,
      }),
    );
    for await (const nodes of pages) yield nodes.map((node) => this.toDigestIssue(repo, node));
  }

  private toDigestIssue(repo: RepoRef, node: DigestIssueNode): DigestIssue {
    const author = this.options.cardAuthor ?? "viewer";
    // Another identity reading (a workflow's token) trusts the app's login instead of viewer.
    const trusted = (c: FirstComment) =>
      author === "viewer"
        ? c.viewerDidAuthor
        : !!c.author && loginKey(c.author.login) === loginKey(author);
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
      card: cardInFirstComments(node.number, node.comments.nodes, trusted),
    };
  }
}
