/** Rebuilds the contributor store from GitHub history, page by page, resumable and quota-aware. */
import { GitHubError } from "../github/port.js";
import {
  type BackfillProgress,
  type BackfillReport,
  BackfillStopped,
  type ItemTally,
} from "./backfill-report.js";
import type {
  HistoryAuthor,
  HistoryComment,
  HistoryIssue,
  HistoryPage,
  HistoryPort,
  HistoryPullRequest,
  HistoryRepository,
  HistoryReview,
  Nested,
  RateLimit,
} from "./history-port.js";
import type { ContributionEvent, ContributionKind, ContributorStore } from "./types.js";

export { type BackfillProgress, type BackfillReport, BackfillStopped };

/** The cursor of a source read to its end; GitHub's cursors are base64, so it cannot clash. */
export const DONE = "(done)";

/** Points left for the running app, which shares an installation's quota with a backfill. */
const DEFAULT_RESERVE = 200;

/** GitHub's quota window is an hour; a longer wait means a clock or an answer is wrong. */
const MAX_WAIT_MS = 65 * 60_000;

export interface BackfillOptions {
  org: string;
  /** Only this repository, instead of every public repository of the organization. */
  repo?: string;
  /** Only items updated, and events that happened, at or after this instant. */
  since?: Date;
  /** Forget the saved cursors and read everything again (events already stored stay counted once). */
  restart?: boolean;
  /** When the quota runs low: true waits for its reset (default), false stops. */
  wait?: boolean;
  reserve?: number;
}

export interface BackfillDeps {
  store: ContributorStore;
  history: HistoryPort;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** After every page of issues or pull requests. */
  onProgress?: (progress: BackfillProgress) => void;
  /** Things a person watching should know, such as a wait for the quota. */
  onNotice?: (message: string) => void;
}

/** Cursors are kept per source; a --since run reads in another order, so it keeps its own. */
export function sourceKey(kind: "issues" | "pulls", repo: string, since?: Date): string {
  return `${kind}:${repo.toLowerCase()}${since ? `@${since.toISOString()}` : ""}`;
}

export function backfill(deps: BackfillDeps, options: BackfillOptions): Promise<BackfillReport> {
  return new BackfillRun(deps, options).execute();
}

class BackfillRun {
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly started: Date;
  private readonly items: ItemTally = { issues: 0, pullRequests: 0, comments: 0, reviews: 0 };
  private requests = 0;
  private points = 0;
  private newEvents = 0;
  private knownEvents = 0;
  private repositories = 0;
  private lastRateLimit: RateLimit | undefined;
  /** Events of the page being read, not stored yet. */
  private readonly pending: ContributionEvent[] = [];

  constructor(
    private readonly deps: BackfillDeps,
    private readonly options: BackfillOptions,
  ) {
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.started = this.now();
  }

  async execute(): Promise<BackfillReport> {
    const { store, history } = this.deps;
    const { org, since } = this.options;
    if (this.options.restart) await store.clearCursors(org);
    const repos = this.options.repo ? [this.options.repo] : await this.allRepositories();
    this.repositories = repos.length;
    for (const [index, repo] of repos.entries()) {
      const at = { repo, repository: index + 1 };
      await this.source(
        { ...at, source: "issues" },
        sourceKey("issues", repo, since),
        (after) => history.listIssues(org, repo, { after, ...(since ? { since } : {}) }),
        (issue) => this.issue(repo, issue),
      );
      await this.source(
        { ...at, source: "pull requests" },
        sourceKey("pulls", repo, since),
        (after) => history.listPullRequests(org, repo, { after, ...(since ? { since } : {}) }),
        (pull) => this.pullRequest(repo, pull),
      );
    }
    return this.report();
  }

  private async allRepositories(): Promise<string[]> {
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const page: HistoryPage<HistoryRepository> = await this.request(() =>
        this.deps.history.listRepositories(this.options.org, cursor),
      );
      names.push(...page.items.map((repo) => repo.name));
      if (!page.hasNextPage || !page.endCursor) return names;
      after = page.endCursor;
    }
  }

  /** Reads one source from its saved cursor, saving the cursor after each page it has stored. */
  private async source<T>(
    where: Pick<BackfillProgress, "repo" | "repository" | "source">,
    key: string,
    list: (after: string | null) => Promise<HistoryPage<T>>,
    handle: (item: T) => Promise<void>,
  ): Promise<void> {
    const { store } = this.deps;
    let cursor = await store.getCursor(this.options.org, key);
    while (cursor !== DONE) {
      const after = cursor;
      const page = await this.request(() => list(after));
      for (const item of page.items) await handle(item);
      await this.flush();
      cursor = page.hasNextPage && page.endCursor ? page.endCursor : DONE;
      await store.setCursor(this.options.org, key, cursor);
      this.deps.onProgress?.({ ...this.tally(), ...where });
    }
  }

  private async issue(repo: string, issue: HistoryIssue): Promise<void> {
    this.items.issues++;
    this.record(repo, issue.author, "issue-opened", issue.id, issue.createdAt, issue.url);
    await this.comments(repo, issue);
  }

  private async pullRequest(repo: string, pull: HistoryPullRequest): Promise<void> {
    this.items.pullRequests++;
    this.record(repo, pull.author, "pr-opened", pull.id, pull.createdAt, pull.url);
    if (pull.mergedAt) {
      this.record(repo, pull.author, "pr-merged", pull.id, pull.mergedAt, pull.url);
    }
    await this.comments(repo, pull);
    await this.all(
      pull.reviews,
      (after) => this.deps.history.listReviews(pull.id, after),
      async (review: HistoryReview) => {
        this.items.reviews++;
        // Answering a review opens a "review" by the author; that is not reviewing.
        if (!review.submittedAt || review.author?.login === pull.author?.login) return;
        this.record(repo, review.author, "review", review.id, review.submittedAt, review.url);
      },
    );
  }

  private comments(repo: string, subject: HistoryIssue): Promise<void> {
    return this.all(
      subject.comments,
      (after) => this.deps.history.listComments(subject.id, after),
      async (comment: HistoryComment) => {
        this.items.comments++;
        this.record(repo, comment.author, "comment", comment.id, comment.createdAt, comment.url);
      },
    );
  }

  /** A nested connection's first page, then its further pages, one request each. */
  private async all<T>(
    first: Nested<T>,
    more: (after: string) => Promise<HistoryPage<T>>,
    each: (item: T) => Promise<void>,
  ): Promise<void> {
    let page: Nested<T> = first;
    for (;;) {
      for (const item of page.items) await each(item);
      const after = page.endCursor;
      if (!page.hasNextPage || !after) return;
      page = await this.request(() => more(after));
    }
  }

  private record(
    repo: string,
    author: HistoryAuthor | null,
    kind: ContributionKind,
    githubId: string,
    at: Date,
    url: string,
  ): void {
    // Ghosts cannot be welcomed and bots are not community members.
    if (!author || author.isBot) return;
    if (this.options.since && at < this.options.since) return;
    this.pending.push({
      org: this.options.org,
      repo,
      login: author.login,
      kind,
      githubId,
      at,
      url,
    });
  }

  /** Stores a page's events in one transaction, before its cursor moves past them. */
  private async flush(): Promise<void> {
    const results = await this.deps.store.recordContributions(this.pending.splice(0));
    const inserted = results.filter((result) => result.inserted).length;
    this.newEvents += inserted;
    this.knownEvents += results.length - inserted;
  }

  /** One GitHub request, after making sure the quota allows it. */
  private async request<T>(call: () => Promise<HistoryPage<T>>): Promise<HistoryPage<T>> {
    await this.awaitQuota();
    this.requests++;
    let page: HistoryPage<T>;
    try {
      page = await call();
    } catch (error) {
      if (error instanceof GitHubError && error.kind === "rate-limited") {
        throw this.stopped(`GitHub refused a request for its rate limit (${error.message})`);
      }
      throw error;
    }
    this.points += page.rateLimit.cost;
    this.lastRateLimit = page.rateLimit;
    return page;
  }

  private async awaitQuota(): Promise<void> {
    const limit = this.lastRateLimit;
    const reserve = this.options.reserve ?? DEFAULT_RESERVE;
    if (!limit || limit.remaining >= reserve) return;
    const waitMs = Math.max(0, limit.resetAt.getTime() - this.now().getTime()) + 1000;
    const state = `${limit.remaining} points left, below the ${reserve} kept for the app; the quota resets at ${limit.resetAt.toISOString()}`;
    if (this.options.wait === false || waitMs > MAX_WAIT_MS) throw this.stopped(state);
    this.deps.onNotice?.(`GitHub quota low: ${state}. Waiting ${Math.ceil(waitMs / 60_000)} min.`);
    await this.sleep(waitMs);
    this.lastRateLimit = undefined;
  }

  private stopped(reason: string): BackfillStopped {
    return new BackfillStopped(
      `stopped: ${reason}. Progress is saved; run the same command again to continue.`,
      this.report(),
    );
  }

  private tally() {
    return {
      org: this.options.org,
      repositories: this.repositories,
      requests: this.requests,
      points: this.points,
      items: { ...this.items },
      newEvents: this.newEvents,
      knownEvents: this.knownEvents,
    };
  }

  private report(): BackfillReport {
    const tally = this.tally();
    const totalItems = Object.values(tally.items).reduce((sum, count) => sum + count, 0);
    return {
      ...tally,
      totalItems,
      itemsPerRequest: tally.requests === 0 ? 0 : totalItems / tally.requests,
      elapsedMs: this.now().getTime() - this.started.getTime(),
    };
  }
}
