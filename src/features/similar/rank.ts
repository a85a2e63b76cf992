/**
 * Ranks earlier issues by how likely they raise the same request as a new one: BM25F over the
 * title and body fields (title weighted higher), with a relative score so that a threshold can
 * leave unrelated issues out. Pure: the corpus comes in, scored candidates go out.
 */
import { tokenize } from "./tokenize.js";

export interface CorpusIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
}

export interface IssueText {
  title: string;
  body: string;
}

export interface RankParams {
  /** Term-frequency saturation: higher lets repeated words count longer. */
  k1: number;
  /** Length normalisation of the title field (0 = none, 1 = full). */
  bTitle: number;
  /** Length normalisation of the body field. */
  bBody: number;
  /** How much a word in a candidate's title counts against one in its body. */
  titleWeight: number;
  /** How much a word in the new issue's title counts against one only in its body. */
  queryTitleWeight: number;
  /** Weight of adjacent-word pairs relative to single words; 0 turns pairs off. */
  bigramWeight: number;
}

/** Chosen on the labelled set of bench/similar (see BENCHMARKS.md for the figures). */
export const DEFAULT_PARAMS: RankParams = {
  k1: 1.2,
  bTitle: 0.3,
  bBody: 0.75,
  titleWeight: 2.5,
  queryTitleWeight: 2,
  bigramWeight: 0.5,
};

/** Below this relative score a candidate is not listed: it shares only incidental words. */
export const DEFAULT_MIN_SCORE = 0.06;

export interface RankOptions {
  top?: number;
  /** Relative score in [0, 1): the share of the best score this query could reach. */
  minScore?: number;
  /** Issue numbers never returned, such as the new issue itself. */
  exclude?: number[];
  params?: Partial<RankParams>;
}

export interface ScoredIssue {
  issue: CorpusIssue;
  /** Relative score in [0, 1), rounded to 3 decimals. */
  score: number;
}

interface Field {
  counts: Map<string, number>;
  length: number;
}

interface IndexedIssue {
  issue: CorpusIssue;
  title: Field;
  body: Field;
}

/** A corpus tokenized once, to rank many queries against it. */
export interface SimilarIndex {
  issues: IndexedIssue[];
  documentFrequency: Map<string, number>;
  averageTitle: number;
  averageBody: number;
  params: RankParams;
}

function withBigrams(terms: string[], bigrams: boolean): string[] {
  if (!bigrams) return terms;
  const pairs = terms.slice(1).map((term, i) => `${terms[i]} ${term}`);
  return [...terms, ...pairs];
}

function field(text: string, bigrams: boolean): Field {
  const terms = tokenize(text);
  const counts = new Map<string, number>();
  for (const term of withBigrams(terms, bigrams)) counts.set(term, (counts.get(term) ?? 0) + 1);
  // Length counts words only, so that turning pairs on does not change length normalisation.
  return { counts, length: terms.length };
}

const average = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

export function buildIndex(corpus: CorpusIssue[], params: Partial<RankParams> = {}): SimilarIndex {
  const full = { ...DEFAULT_PARAMS, ...params };
  const bigrams = full.bigramWeight > 0;
  const issues = corpus.map((issue) => ({
    issue,
    title: field(issue.title, bigrams),
    body: field(issue.body, bigrams),
  }));
  const documentFrequency = new Map<string, number>();
  for (const { title, body } of issues) {
    for (const term of new Set([...title.counts.keys(), ...body.counts.keys()])) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  return {
    issues,
    documentFrequency,
    averageTitle: average(issues.map((i) => i.title.length)),
    averageBody: average(issues.map((i) => i.body.length)),
    params: full,
  };
}

/** Robertson–Spärck Jones idf, kept positive even for a term in most issues. */
function idf(index: SimilarIndex, term: string): number {
  const n = index.issues.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The query's terms with their weights: words of the new issue's title count more. */
function queryTerms(query: IssueText, params: RankParams): Map<string, number> {
  const bigrams = params.bigramWeight > 0;
  const weights = new Map<string, number>();
  const add = (terms: string[], weight: number) => {
    for (const term of terms) {
      const w = term.includes(" ") ? weight * params.bigramWeight : weight;
      weights.set(term, Math.max(weights.get(term) ?? 0, w));
    }
  };
  add(withBigrams(tokenize(query.body), bigrams), 1);
  add(withBigrams(tokenize(query.title), bigrams), params.queryTitleWeight);
  return weights;
}

function normalisedFrequency(f: Field, term: string, b: number, averageLength: number): number {
  const tf = f.counts.get(term) ?? 0;
  if (tf === 0) return 0;
  const norm = averageLength > 0 ? 1 - b + (b * f.length) / averageLength : 1;
  return tf / norm;
}

/** Ranks an indexed corpus; see `rankSimilar`. */
export function rankIndexed(
  index: SimilarIndex,
  query: IssueText,
  options: RankOptions = {},
): ScoredIssue[] {
  const params = index.params;
  const terms = [...queryTerms(query, params)].map(([term, weight]) => ({
    term,
    weight: weight * idf(index, term),
  }));
  // The best any issue could score: every query term saturated in it. Scores are shares of it.
  const ceiling = terms.reduce((sum, t) => sum + t.weight * (params.k1 + 1), 0);
  if (ceiling === 0) return [];
  const excluded = new Set(options.exclude ?? []);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const scored: ScoredIssue[] = [];
  for (const doc of index.issues) {
    if (excluded.has(doc.issue.number)) continue;
    let score = 0;
    for (const { term, weight } of terms) {
      const tf =
        params.titleWeight *
          normalisedFrequency(doc.title, term, params.bTitle, index.averageTitle) +
        normalisedFrequency(doc.body, term, params.bBody, index.averageBody);
      if (tf > 0) score += (weight * tf * (params.k1 + 1)) / (params.k1 + tf);
    }
    const relative = Math.round((score / ceiling) * 1000) / 1000;
    if (relative > 0 && relative >= minScore) scored.push({ issue: doc.issue, score: relative });
  }
  // Older first on a tie: the earlier issue is the one a duplicate would be closed in favour of.
  scored.sort((a, b) => b.score - a.score || a.issue.number - b.issue.number);
  return options.top === undefined ? scored : scored.slice(0, options.top);
}

/** The issues of `corpus` most likely to raise the same request as `query`, best first. */
export function rankSimilar(
  query: IssueText,
  corpus: CorpusIssue[],
  options: RankOptions = {},
): ScoredIssue[] {
  return rankIndexed(buildIndex(corpus, options.params), query, options);
}
