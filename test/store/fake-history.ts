/** An in-memory HistoryPort: an organization's repositories, paged like GraphQL, with a quota. */
import { GitHubError } from "../../src/github/port.js";
import type {
  HistoryAuthor,
  HistoryComment,
  HistoryIssue,
  HistoryPage,
  HistoryPort,
  HistoryPullRequest,
  HistoryReview,
  ListOptions,
  Nested,
} from "../../src/store/history-port.js";

export interface FakeIssue {
  id: string;
  author: string | null;
  createdAt: Date;
  updatedAt?: Date;
  comments?: HistoryComment[];
}

export interface FakePullRequest extends FakeIssue {
  mergedAt?: Date;
  reviews?: HistoryReview[];
}

export interface FakeRepo {
  name: string;
  issues?: FakeIssue[];
  pulls?: FakePullRequest[];
}

export interface FakeHistoryOptions {
  /** Items per top-level page; GitHub's is 100, tests use less to see pages. */
  pageSize?: number;
  /** Items per nested page (comments, reviews of one item). */
  nestedSize?: number;
  /** Points left at the start, and how the quota refills. */
  remaining?: number;
  limit?: number;
  resetAt?: Date;
  cost?: number;
  now?: () => Date;
}

/** An author as GitHub reports one: logins ending in "[bot]" are bots. */
const author = (login: string | null): HistoryAuthor | null =>
  login === null ? null : { login, isBot: login.endsWith("[bot]") };

export const comment = (id: string, login: string | null, createdAt: Date): HistoryComment => ({
  id,
  author: author(login),
  createdAt,
  url: `https://github.com/comment/${id}`,
});

export const review = (id: string, login: string | null, submittedAt: Date): HistoryReview => ({
  id,
  author: author(login),
  submittedAt,
  url: `https://github.com/review/${id}`,
});

const offsetOf = (after: string | null): number => (after ? Number(after.split(":")[1]) : 0);

function slice<T>(all: T[], after: string | null, size: number): Nested<T> {
  const start = offsetOf(after);
  const items = all.slice(start, start + size);
  const end = start + items.length;
  return {
    items,
    hasNextPage: end < all.length,
    endCursor: items.length ? `cursor:${end}` : after,
  };
}

export class FakeHistory implements HistoryPort {
  /** Every request, as "method target", in order. */
  readonly requests: string[] = [];
  /** Throw this error on the request with this 1-based number (once). */
  failOn: { request: number; error: Error } | undefined;
  remaining: number;
  resetAt: Date;
  private readonly options: Required<Omit<FakeHistoryOptions, "remaining" | "resetAt">>;

  constructor(
    private readonly repos: FakeRepo[],
    options: FakeHistoryOptions = {},
  ) {
    this.options = {
      pageSize: options.pageSize ?? 100,
      nestedSize: options.nestedSize ?? 100,
      limit: options.limit ?? 5000,
      cost: options.cost ?? 1,
      now: options.now ?? (() => new Date()),
    };
    this.remaining = options.remaining ?? this.options.limit;
    this.resetAt = options.resetAt ?? new Date(this.options.now().getTime() + 3_600_000);
  }

  private answer<T>(what: string, nested: Nested<T>): HistoryPage<T> {
    this.requests.push(what);
    if (this.failOn?.request === this.requests.length) {
      const { error } = this.failOn;
      this.failOn = undefined;
      throw error;
    }
    if (this.options.now() >= this.resetAt) {
      this.remaining = this.options.limit;
      this.resetAt = new Date(this.resetAt.getTime() + 3_600_000);
    }
    if (this.remaining < this.options.cost) {
      throw new GitHubError(`${what} failed: API rate limit exceeded`, "rate-limited", 403);
    }
    this.remaining -= this.options.cost;
    const rateLimit = { remaining: this.remaining, resetAt: this.resetAt, cost: this.options.cost };
    return { ...nested, rateLimit };
  }

  private repo(name: string): FakeRepo {
    const repo = this.repos.find((r) => r.name.toLowerCase() === name.toLowerCase());
    if (!repo) throw new GitHubError(`repository ${name} not found`, "not-found");
    return repo;
  }

  private item(id: string): FakePullRequest {
    const all = this.repos.flatMap((r) => [...(r.issues ?? []), ...(r.pulls ?? [])]);
    const found = all.find((item) => item.id === id);
    if (!found) throw new GitHubError(`node ${id} not found`, "not-found");
    return found;
  }

  private toIssue(issue: FakeIssue): HistoryIssue {
    return {
      id: issue.id,
      url: `https://github.com/item/${issue.id}`,
      author: author(issue.author),
      createdAt: issue.createdAt,
      updatedAt: issue.updatedAt ?? issue.createdAt,
      comments: slice(issue.comments ?? [], null, this.options.nestedSize),
    };
  }

  private toPullRequest(pull: FakePullRequest): HistoryPullRequest {
    return {
      ...this.toIssue(pull),
      mergedAt: pull.mergedAt ?? null,
      reviews: slice(pull.reviews ?? [], null, this.options.nestedSize),
    };
  }

  async listRepositories(org: string, after: string | null) {
    const names = this.repos.map(({ name }) => ({ name }));
    return this.answer(`listRepositories ${org}`, slice(names, after, this.options.pageSize));
  }

  async listIssues(org: string, repo: string, { after, since }: ListOptions) {
    const updated = (i: FakeIssue) => i.updatedAt ?? i.createdAt;
    const issues = (this.repo(repo).issues ?? []).filter((i) => !since || updated(i) >= since);
    const page = slice(issues, after, this.options.pageSize);
    return this.answer(`listIssues ${org}/${repo}`, {
      ...page,
      items: page.items.map((i) => this.toIssue(i)),
    });
  }

  async listPullRequests(org: string, repo: string, { after, since }: ListOptions) {
    const updated = (p: FakePullRequest) => (p.updatedAt ?? p.createdAt).getTime();
    let pulls = this.repo(repo).pulls ?? [];
    if (since) {
      pulls = [...pulls].sort((a, b) => updated(b) - updated(a));
      pulls = pulls.filter((p) => updated(p) >= since.getTime());
    }
    const page = slice(pulls, after, this.options.pageSize);
    return this.answer(`listPullRequests ${org}/${repo}`, {
      ...page,
      items: page.items.map((p) => this.toPullRequest(p)),
    });
  }

  async listComments(subjectId: string, after: string) {
    const comments = this.item(subjectId).comments ?? [];
    return this.answer(
      `listComments ${subjectId}`,
      slice(comments, after, this.options.nestedSize),
    );
  }

  async listReviews(pullRequestId: string, after: string) {
    const reviews = this.item(pullRequestId).reviews ?? [];
    return this.answer(
      `listReviews ${pullRequestId}`,
      slice(reviews, after, this.options.nestedSize),
    );
  }
}
