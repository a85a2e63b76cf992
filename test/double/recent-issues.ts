/**
 * The sweep's recent listing over the in-memory GitHub's inspection API, counting requests as the
 * GraphQL port does: one per page of RECENT_PAGE_SIZE open issues updated since the window start,
 * oldest first, an empty answer included. Cards are looked for among the first CARD_COMMENTS
 * comments, and only the app's own are trusted.
 */
import type { DigestReadStats } from "../../src/features/digest/source.js";
import {
  RECENT_PAGE_SIZE,
  type RecentIssue,
  type RecentIssuesPort,
} from "../../src/features/sweep/recent.js";
import type { RepoRef } from "../../src/github/types.js";
import { cardInFirstComments } from "./digest-source.js";
import type { MemoryGitHub } from "./memory-github.js";
import type { IssueView } from "./views.js";

export class MemoryRecentIssues implements RecentIssuesPort {
  private requests = 0;

  constructor(private readonly github: MemoryGitHub) {}

  stats(): DigestReadStats {
    return { requests: this.requests, cost: this.requests, remaining: null };
  }

  async *issues(repo: RepoRef, since: Date): AsyncIterable<RecentIssue[]> {
    const from = since.toISOString();
    // Only numbers are kept between pages; each page re-reads its own issues, as GitHub would.
    const all = this.github
      .issues(repo)
      .filter((v) => v.state === "open" && v.updatedAt >= from)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number)
      .map((v) => v.number);
    for (let start = 0; start === 0 || start < all.length; start += RECENT_PAGE_SIZE) {
      this.requests += 1;
      yield all.slice(start, start + RECENT_PAGE_SIZE).flatMap((number) => {
        const view = this.github.issue({ ...repo, number });
        return view?.state === "open" ? [this.toRecentIssue(view)] : [];
      });
    }
  }

  private toRecentIssue(view: IssueView): RecentIssue {
    return {
      number: view.number,
      title: view.title,
      createdAt: view.createdAt,
      state: "open",
      labels: view.labels.slice(0, 20),
      body: view.body,
      card: cardInFirstComments(view, this.github.appLogin),
    };
  }
}
