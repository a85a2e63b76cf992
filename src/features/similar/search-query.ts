/**
 * The GitHub search query for candidate issues: the new issue's most telling words, OR-ed, inside
 * `is:issue repo:…` qualifiers, within the search API's limits.
 */
import { isStopWord } from "./stopwords.js";
import { words } from "./tokenize.js";

/** GitHub refuses queries longer than 256 characters. */
export const MAX_QUERY_LENGTH = 256;
/** GitHub refuses queries with more than five AND/OR/NOT operators, so six OR-ed words at most. */
const MAX_TERMS = 6;

/**
 * Words GitHub should match, best first: title words before body words, then by how often they
 * occur. Surface words, not stems: GitHub search stems on its side.
 */
export function searchTerms(query: { title: string; body: string }, max = MAX_TERMS): string[] {
  const counts = new Map<string, { count: number; inTitle: boolean; first: number }>();
  const add = (text: string, inTitle: boolean) => {
    for (const word of words(text)) {
      // Search syntax (quotes, colons, leading dashes) never survives `words`; short or numeric words match noise.
      if (isStopWord(word) || word.length < 3 || /^\d+$/.test(word) || word.includes("'")) continue;
      const entry = counts.get(word) ?? { count: 0, inTitle, first: counts.size };
      entry.count += 1;
      entry.inTitle ||= inTitle;
      counts.set(word, entry);
    }
  };
  add(query.title, true);
  add(query.body, false);
  return [...counts]
    .sort(
      ([, a], [, b]) =>
        Number(b.inTitle) - Number(a.inTitle) || b.count - a.count || a.first - b.first,
    )
    .slice(0, max)
    .map(([word]) => word);
}

/**
 * `is:issue repo:a/b repo:c/d word1 OR word2 …`, dropping the weakest words until it fits.
 * Throws when the qualifiers alone do not fit: a configuration that lists too many repositories.
 */
export function buildSearchQuery(repos: string[], terms: string[]): string {
  const qualifiers = ["is:issue", ...repos.map((repo) => `repo:${repo}`)].join(" ");
  if (qualifiers.length > MAX_QUERY_LENGTH) {
    throw new Error(`the repository list makes a search query over ${MAX_QUERY_LENGTH} characters`);
  }
  const kept = terms.slice(0, MAX_TERMS);
  while (kept.length > 0) {
    const q = `${qualifiers} ${kept.join(" OR ")}`;
    if (q.length <= MAX_QUERY_LENGTH) return q;
    kept.pop();
  }
  return qualifiers;
}
