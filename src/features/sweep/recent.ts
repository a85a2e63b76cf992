/**
 * The sweep's second listing: open issues created or updated in a recent window, labelled or not,
 * with their body so a request recognised by its template heading alone is found too. Production
 * reads GitHub's GraphQL API (`github/octokit/recent-issues.ts`); tests read the in-memory GitHub
 * (`test/double/recent-issues.ts`).
 */
import type { RepoRef } from "../../github/types.js";
import type { DigestReadStats } from "../digest/source.js";
import type { FeatureState } from "../squad/state.js";

/** One open issue as the recent listing sees it. */
export interface RecentIssue {
  number: number;
  title: string;
  createdAt: string;
  state: "open";
  labels: string[];
  /** The issue's Markdown body, for the template-heading check. */
  body: string;
  /** The state in the app's card among the first comments, or null when none was found. */
  card: FeatureState | null;
}

/**
 * Issues per request: the same points per issue as 100 (a page of 50 asks for 101 connection
 * nodes, 1 point; 100 ask for 201, 2 points), with half the worst-case answer, since every issue
 * brings its body and a few comment bodies of up to 65,536 characters each.
 */
export const RECENT_PAGE_SIZE = 50;

export interface RecentIssuesPort {
  /**
   * Open issues updated (or created) at or after `since`, oldest first, a page (one request) at a
   * time, streamed so the caller holds one page only.
   */
  issues(repo: RepoRef, since: Date): AsyncIterable<RecentIssue[]>;
  /** Totals so far, over every `issues` call on this port. */
  stats(): DigestReadStats;
}
