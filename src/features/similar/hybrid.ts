/**
 * "Raised before?" ranking: BM25F and sentence-embedding cosine fused by reciprocal rank, then a
 * listing decision that does not depend on the request's length (a calibrated cosine, or shared
 * title terms when no model is at hand). Pure: texts and vectors in, listed issues with the
 * reason for each out.
 */
import { cosine, type Vector } from "./embedder.js";
import {
  buildIndex,
  type CorpusIssue,
  type IssueText,
  type RankParams,
  rankIndexed,
} from "./rank.js";
import { stem } from "./stemmer.js";
import { isStopWord } from "./stopwords.js";
import { words } from "./tokenize.js";

/** Chosen on the tuning split of bench/similar (BENCHMARKS.md, "Similar issues"). */
export const HYBRID_DEFAULTS = {
  /** Reciprocal-rank-fusion constant: larger flattens the difference between ranks. */
  rrfK: 60,
  /** With a model: listed when the meaning is at least this close (cosine, -1 to 1). */
  minCosine: 0.7,
  /** Without a model, or as a second reason: listed when both titles share this many words. */
  minSharedTerms: 2,
} as const;

export type RelatedReason =
  /** Words of the earlier issue's title that the request also uses (surface forms). */
  { kind: "terms"; terms: string[] } | { kind: "meaning" };

export interface RankedRelated {
  issue: CorpusIssue;
  reason: RelatedReason;
  /** Cosine to the request, when a model ranked it. */
  cosine?: number;
}

export interface HybridOptions {
  top?: number;
  exclude?: number[];
  /** The request's vector and the candidates' by issue number; absent: BM25F alone. */
  vectors?: { query: Vector; candidates: Map<number, Vector> };
  rrfK?: number;
  minCosine?: number;
  minSharedTerms?: number;
  /** Show the top results even when none passes the decision (the CLI's `--all`, the benchmark). */
  unfiltered?: boolean;
  params?: Partial<RankParams>;
}

/** Reciprocal-rank fusion of best-first lists: each list adds 1 / (k + rank). */
export function fuseRanks(lists: number[][], k: number = HYBRID_DEFAULTS.rrfK): number[] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    for (const [rank, id] of list.entries()) {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + rank + 1));
    }
  }
  return [...scores].sort(([a, x], [b, y]) => y - x || a - b).map(([id]) => id);
}

function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length > 2 && !isStopWord(w) && !/^\d+$/.test(w));
}

const stemsOf = (text: string): Set<string> => new Set(contentWords(text).map(stem));

/** Words of `title` whose stem is in `stems`, each stem once, first seen first. */
function wordsWithStems(stems: Set<string>, title: string): string[] {
  const seen = new Set<string>();
  const shared: string[] = [];
  for (const word of contentWords(title)) {
    const s = stem(word);
    if (stems.has(s) && !seen.has(s)) {
      seen.add(s);
      shared.push(word);
    }
  }
  return shared;
}

/** Words of `candidateTitle` whose stem the request's title or body also has, first seen first. */
export function sharedTerms(request: IssueText, candidateTitle: string): string[] {
  return wordsWithStems(stemsOf(`${request.title}\n${request.body}`), candidateTitle);
}

/** The ranked list before the decision: fused order, with each candidate's cosine. */
export function rankCandidates(
  request: IssueText,
  corpus: CorpusIssue[],
  options: HybridOptions = {},
): { issue: CorpusIssue; cosine?: number }[] {
  const excluded = new Set(options.exclude ?? []);
  const pool = corpus.filter((issue) => !excluded.has(issue.number));
  const lexical = rankIndexed(buildIndex(pool, options.params), request, { minScore: 0 }).map(
    (r) => r.issue.number,
  );
  const byNumber = new Map(pool.map((issue) => [issue.number, issue]));
  const vectors = options.vectors;
  if (!vectors)
    return lexical.flatMap((n) =>
      byNumber.has(n) ? [{ issue: byNumber.get(n) as CorpusIssue }] : [],
    );
  const cosines = new Map<number, number>();
  for (const issue of pool) {
    const vector = vectors.candidates.get(issue.number);
    if (vector) cosines.set(issue.number, cosine(vectors.query, vector));
  }
  const semantic = [...cosines].sort(([a, x], [b, y]) => y - x || a - b).map(([n]) => n);
  return fuseRanks([lexical, semantic], options.rrfK).flatMap((n) => {
    const issue = byNumber.get(n);
    if (!issue) return [];
    const c = cosines.get(n);
    return [c === undefined ? { issue } : { issue, cosine: c }];
  });
}

/**
 * The earlier issues worth listing for `request`, best first, each with why it is listed. An
 * issue is listed when its meaning is close enough (cosine), or when both titles share enough
 * words; neither depends on how long the request is.
 */
export function rankRelated(
  request: IssueText,
  corpus: CorpusIssue[],
  options: HybridOptions = {},
): RankedRelated[] {
  const minCosine = options.minCosine ?? HYBRID_DEFAULTS.minCosine;
  const minShared = options.minSharedTerms ?? HYBRID_DEFAULTS.minSharedTerms;
  const requestStems = stemsOf(`${request.title}\n${request.body}`);
  const titleStems = stemsOf(request.title);
  const listed: RankedRelated[] = [];
  for (const { issue, cosine: c } of rankCandidates(request, corpus, options)) {
    if (options.top !== undefined && listed.length >= options.top) break;
    const terms = wordsWithStems(requestStems, issue.title);
    const byWords = wordsWithStems(titleStems, issue.title).length >= minShared;
    const close = c !== undefined && c >= minCosine;
    if (!options.unfiltered && !close && !byWords) continue;
    // The reason given is the one that listed it: words when the titles share enough of them.
    const reason: RelatedReason =
      byWords || (!close && terms.length > 0) ? { kind: "terms", terms } : { kind: "meaning" };
    listed.push(c === undefined ? { issue, reason } : { issue, reason, cosine: c });
  }
  return listed;
}
