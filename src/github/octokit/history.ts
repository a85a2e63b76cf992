/** The backfill's HistoryPort over Octokit's GraphQL: one request per call, rate limit included. */
import type { ProbotOctokit } from "probot";
import type {
  HistoryAuthor,
  HistoryComment,
  HistoryIssue,
  HistoryPage,
  HistoryPort,
  HistoryPullRequest,
  HistoryRepository,
  HistoryReview,
  ListOptions,
  Nested,
} from "../../store/history-port.js";
import { GitHubError } from "../port.js";
import { type Client, send } from "./client.js";
import type {
  AuthorData,
  CommentData,
  ConnectionData,
  IssueData,
  PullRequestData,
  RateLimitData,
  ReviewData,
} from "./graphql/history-fields.js";
import { HISTORY_ISSUES_QUERY, type HistoryIssuesResponse } from "./graphql/history-issues.js";
import {
  HISTORY_PULL_REQUESTS_QUERY,
  type HistoryPullRequestsResponse,
} from "./graphql/history-pull-requests.js";
import {
  HISTORY_REPOSITORIES_QUERY,
  type HistoryRepositoriesResponse,
} from "./graphql/history-repositories.js";
import {
  HISTORY_COMMENTS_QUERY,
  HISTORY_REVIEWS_QUERY,
  type HistoryCommentsResponse,
  type HistoryReviewsResponse,
} from "./graphql/history-threads.js";

export interface OctokitHistoryOptions {
  /** Called before every HTTP request with the port method it serves. */
  onRequest?: (kind: string) => void;
}

const EMPTY: ConnectionData<never> = {
  pageInfo: { hasNextPage: false, endCursor: null },
  nodes: [],
};

const toAuthor = (author: AuthorData | null): HistoryAuthor | null =>
  author ? { login: author.login, isBot: author.__typename === "Bot" } : null;

function nested<D, T>(connection: ConnectionData<D>, map: (data: D) => T): Nested<T> {
  const nodes = (connection.nodes ?? []).filter((node): node is D => node !== null);
  return {
    items: nodes.map(map),
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

const page = <D, T>(
  rateLimit: RateLimitData,
  connection: ConnectionData<D>,
  map: (data: D) => T,
): HistoryPage<T> => ({
  ...nested(connection, map),
  rateLimit: {
    remaining: rateLimit.remaining,
    resetAt: new Date(rateLimit.resetAt),
    cost: rateLimit.cost,
  },
});

const toComment = (data: CommentData): HistoryComment => ({
  id: data.id,
  url: data.url,
  createdAt: new Date(data.createdAt),
  author: toAuthor(data.author),
});

const toReview = (data: ReviewData): HistoryReview => ({
  id: data.id,
  url: data.url,
  submittedAt: data.submittedAt ? new Date(data.submittedAt) : null,
  author: toAuthor(data.author),
});

const toIssue = (data: IssueData): HistoryIssue => ({
  id: data.id,
  url: data.url,
  author: toAuthor(data.author),
  createdAt: new Date(data.createdAt),
  updatedAt: new Date(data.updatedAt),
  comments: nested(data.comments, toComment),
});

const toPullRequest = (data: PullRequestData): HistoryPullRequest => ({
  ...toIssue(data),
  mergedAt: data.mergedAt ? new Date(data.mergedAt) : null,
  reviews: nested(data.reviews, toReview),
});

const notFound = (what: string) => new GitHubError(`${what} not found`, "not-found");

export class OctokitHistory implements HistoryPort {
  private readonly client: Client;

  constructor(octokit: ProbotOctokit, options: OctokitHistoryOptions = {}) {
    this.client = { octokit, count: (kind) => options.onRequest?.(kind) };
  }

  private query<R>(kind: string, query: string, variables: Record<string, unknown>): Promise<R> {
    return send(this.client, kind, (octokit) => octokit.graphql<R>(query, variables));
  }

  async listRepositories(org: string, after: string | null) {
    const data = await this.query<HistoryRepositoriesResponse>(
      "listRepositories",
      HISTORY_REPOSITORIES_QUERY,
      { org, after },
    );
    if (!data.organization) throw notFound(`organization ${org}`);
    return page(data.rateLimit, data.organization.repositories, (repo): HistoryRepository => repo);
  }

  async listIssues(org: string, repo: string, options: ListOptions) {
    const data = await this.query<HistoryIssuesResponse>("listIssues", HISTORY_ISSUES_QUERY, {
      owner: org,
      repo,
      after: options.after,
      since: options.since?.toISOString() ?? null,
    });
    if (!data.repository) throw notFound(`repository ${org}/${repo}`);
    return page(data.rateLimit, data.repository.issues, toIssue);
  }

  async listPullRequests(org: string, repo: string, options: ListOptions) {
    const { since } = options;
    const data = await this.query<HistoryPullRequestsResponse>(
      "listPullRequests",
      HISTORY_PULL_REQUESTS_QUERY,
      {
        owner: org,
        repo,
        after: options.after,
        order: since ? "UPDATED_AT" : "CREATED_AT",
        direction: since ? "DESC" : "ASC",
      },
    );
    if (!data.repository) throw notFound(`repository ${org}/${repo}`);
    const result = page(data.rateLimit, data.repository.pullRequests, toPullRequest);
    if (!since) return result;
    // Newest updates come first, so the first one older than `since` ends the list.
    const recent = result.items.filter((pull) => pull.updatedAt >= since);
    const ended = recent.length < result.items.length;
    return { ...result, items: recent, hasNextPage: result.hasNextPage && !ended };
  }

  async listComments(subjectId: string, after: string) {
    const data = await this.query<HistoryCommentsResponse>("listComments", HISTORY_COMMENTS_QUERY, {
      id: subjectId,
      after,
    });
    return page(data.rateLimit, data.node?.comments ?? EMPTY, toComment);
  }

  async listReviews(pullRequestId: string, after: string) {
    const data = await this.query<HistoryReviewsResponse>("listReviews", HISTORY_REVIEWS_QUERY, {
      id: pullRequestId,
      after,
    });
    return page(data.rateLimit, data.node?.reviews ?? EMPTY, toReview);
  }
}
