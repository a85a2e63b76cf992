/**
 * The digest port over the in-memory GitHub's inspection API, counting requests as the GraphQL
 * source does: one per page of 100 issues per query (open issues, then recently changed closed
 * ones), an empty answer included. Cards are looked for among the first CARD_COMMENTS comments.
 */

import {
  type DigestIssue,
  type DigestQuery,
  type DigestReadStats,
  type DigestSource,
  PAGE_SIZE,
} from "../../src/features/digest/source.js";
import { findCard } from "../../src/features/squad/card-state.js";
import type { FeatureState } from "../../src/features/squad/state.js";
import { CARD_COMMENTS } from "../../src/github/octokit/digest-source.js";
import type { RepoRef } from "../../src/github/types.js";
import type { MemoryGitHub } from "./memory-github.js";
import type { IssueView } from "./views.js";

export class MemoryDigestSource implements DigestSource {
  private requests = 0;

  constructor(private readonly github: MemoryGitHub) {}

  stats(): DigestReadStats {
    return { requests: this.requests, cost: this.requests, remaining: null };
  }

  async *issues(repo: RepoRef, query: DigestQuery): AsyncIterable<DigestIssue[]> {
    const wanted = new Set(query.labels.map((l) => l.toLowerCase()));
    const since = query.closedSince.toISOString();
    const matches = (view: IssueView) => view.labels.some((l) => wanted.has(l.toLowerCase()));
    // Only numbers are kept between pages; each page re-reads its own hundred issues, so the
    // double's copies of the whole repository are never held while the caller aggregates.
    const numbers = (state: "open" | "closed") =>
      this.github
        .issues(repo)
        .filter(
          (v) => v.state === state && matches(v) && (state === "open" || v.updatedAt >= since),
        )
        .map((v) => v.number);
    for (const state of ["open", "closed"] as const) {
      const all = numbers(state);
      for (let from = 0; from === 0 || from < all.length; from += PAGE_SIZE) {
        this.requests += 1;
        const page = all.slice(from, from + PAGE_SIZE).flatMap((number) => {
          const view = this.github.issue({ ...repo, number });
          return view ? [this.toDigestIssue(repo, view)] : [];
        });
        yield page;
      }
    }
  }

  private toDigestIssue(repo: RepoRef, view: IssueView): DigestIssue {
    return {
      repo,
      number: view.number,
      title: view.title,
      url: `https://github.com/${repo.owner}/${repo.repo}/issues/${view.number}`,
      state: view.state,
      createdAt: view.createdAt,
      updatedAt: view.updatedAt,
      closedAt: view.closedAt,
      labels: view.labels,
      thumbsUp: view.thumbsUp,
      card: cardInFirstComments(view, this.github.appLogin),
    };
  }
}

/** The card among an issue's first comments, as the GraphQL listings read it: the app's only. */
export function cardInFirstComments(view: IssueView, appLogin: string): FeatureState | null {
  const comments = view.comments.slice(0, CARD_COMMENTS).map((c) => ({
    id: c.id,
    databaseId: c.databaseId,
    author: c.author,
    byThisApp: c.author.toLowerCase() === appLogin.toLowerCase(),
    body: c.body,
    createdAt: c.createdAt,
  }));
  return findCard(comments).card?.state ?? null;
}
