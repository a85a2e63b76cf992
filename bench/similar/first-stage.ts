/**
 * Simulates the bot's one GitHub search over a benchmark corpus, to measure first-stage recall:
 * the query words are `searchTerms` (title first, six at most, OR-ed), an issue matches when its
 * title or body holds one of them (stemmed on both sides, as GitHub's search stems), open and
 * closed alike; "best match" is approximated by BM25F over the search words; 30 results are kept.
 */
import { buildIndex, type CorpusIssue, rankIndexed } from "../../src/features/similar/rank.js";
import { searchTerms } from "../../src/features/similar/search-query.js";

const RESULTS = 30;

export function searchResults(query: CorpusIssue, pool: CorpusIssue[]): number[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const index = buildIndex(pool, { bigramWeight: 0 });
  return rankIndexed(
    index,
    { title: terms.join(" "), body: "" },
    { minScore: 0, top: RESULTS },
  ).map((r) => r.issue.number);
}

export function firstStage(
  cases: { query: CorpusIssue; relevant: number[]; pool: CorpusIssue[] }[],
) {
  let found = 0;
  for (const c of cases) {
    if (searchResults(c.query, c.pool).some((n) => c.relevant.includes(n))) found += 1;
  }
  return { found };
}
