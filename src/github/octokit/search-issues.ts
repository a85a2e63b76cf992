/**
 * The Octokit SimilarSearchPort: one REST `GET /search/issues` per call.
 * Search has its own rate limit (30 requests a minute per installation): intake calls this once
 * per new issue, Probot's throttling plugin spaces search requests, and a rate-limited answer
 * surfaces as GitHubError "rate-limited" so that intake posts without "Possibly related" rather
 * than retrying inside a webhook.
 */
import type { ProbotOctokit } from "probot";
import type { SimilarCandidate, SimilarSearchPort } from "../../features/similar/port.js";
import { buildSearchQuery } from "../../features/similar/search-query.js";
import { type Client, send } from "./client.js";

/** GitHub returns at most 100 a page; more candidates only slow the re-ranking down. */
const MAX_PER_PAGE = 50;

interface SearchItem {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  labels: (string | { name?: string })[];
  repository_url: string;
  pull_request?: unknown;
  state_reason?: string | null;
  updated_at?: string;
}

/** `https://api.github.com/repos/owner/name` → `owner/name`. */
function repoOf(url: string): string {
  return url.replace(/^.*\/repos\//, "");
}

function toCandidate(item: SearchItem): SimilarCandidate {
  return {
    number: item.number,
    title: item.title,
    body: item.body ?? "",
    state: item.state === "closed" ? "closed" : "open",
    labels: item.labels
      .map((label) => (typeof label === "string" ? label : (label.name ?? "")))
      .filter(Boolean),
    repo: repoOf(item.repository_url),
    // The search answer carries the outcome: the card says it without another request.
    ...(item.state_reason ? { stateReason: item.state_reason } : {}),
    ...(item.updated_at ? { updatedAt: item.updated_at } : {}),
  };
}

export interface OctokitSimilarSearchOptions {
  /** Called before every HTTP request, like OctokitGitHub's. */
  onRequest?: (kind: string) => void;
}

export class OctokitSimilarSearch implements SimilarSearchPort {
  private readonly client: Client;

  constructor(octokit: ProbotOctokit, options: OctokitSimilarSearchOptions = {}) {
    this.client = { octokit, count: (kind) => options.onRequest?.(kind) };
  }

  async searchIssues(repos: string[], terms: string[], limit: number): Promise<SimilarCandidate[]> {
    if (terms.length === 0 || repos.length === 0) return [];
    const q = buildSearchQuery(repos, terms);
    const perPage = Math.max(1, Math.min(limit, MAX_PER_PAGE));
    const response = await send(this.client, "searchIssues", (octokit) =>
      octokit.request("GET /search/issues", { q, per_page: perPage }),
    );
    const items = response.data.items as SearchItem[];
    // `is:issue` already excludes pull requests; the check guards against a changed qualifier.
    return items.filter((item) => item.pull_request === undefined).map(toCandidate);
  }
}
