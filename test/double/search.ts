/** GitHub issue search over the in-memory GitHub: any term matches, issues only, most terms first. */
import type { SimilarCandidate, SimilarSearchPort } from "../../src/features/similar/port.js";
import type { MemoryGitHub } from "./memory-github.js";

export class MemorySimilarSearch implements SimilarSearchPort {
  /** One entry per search request, as GitHub would count them. */
  readonly requests: { repos: string[]; terms: string[] }[] = [];

  constructor(private readonly github: MemoryGitHub) {}

  async searchIssues(repos: string[], terms: string[], limit: number): Promise<SimilarCandidate[]> {
    this.requests.push({ repos, terms });
    // A quoted phrase matches as written, as GitHub's phrase search does.
    const wanted = terms.map((t) => t.toLowerCase().replace(/^"(.*)"$/, "$1"));
    const hits: { candidate: SimilarCandidate; matches: number }[] = [];
    for (const full of repos) {
      const [owner = "", repo = ""] = full.split("/");
      for (const issue of this.github.issues({ owner, repo })) {
        const text = `${issue.title}\n${issue.body}`.toLowerCase();
        const matches = wanted.filter((term) => text.includes(term)).length;
        if (matches === 0) continue;
        const candidate = {
          repo: full,
          number: issue.number,
          title: issue.title,
          body: issue.body,
          state: issue.state,
          labels: issue.labels,
        };
        hits.push({ candidate, matches });
      }
    }
    return hits
      .sort((a, b) => b.matches - a.matches || b.candidate.number - a.candidate.number)
      .slice(0, limit)
      .map((h) => h.candidate);
  }
}
