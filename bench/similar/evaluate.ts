/**
 * Measures the similar-issue ranker on real duplicate links (bench/similar/labelled.jsonl) against
 * a plain term-frequency baseline. Run: `npx tsx bench/similar/evaluate.ts [--set <dir>] [--sweep]`.
 * `--set <dir>` reads `<dir>/corpus.jsonl` and `<dir>/labelled.jsonl` instead (relative paths are
 * taken from bench/similar, e.g. `--set microsoft-vscode`); without it, the files next to this one.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCorpus } from "../../src/features/similar/corpus.js";
import {
  buildIndex,
  type CorpusIssue,
  DEFAULT_PARAMS,
  type RankParams,
  rankIndexed,
} from "../../src/features/similar/rank.js";
import { tokenize } from "../../src/features/similar/tokenize.js";

const here = dirname(fileURLToPath(import.meta.url));
const K = 3;

interface Labelled {
  query: number;
  relevant: number[];
}

/** Ranked issue numbers for one query, best first. */
type Ranker = (query: CorpusIssue) => number[];

/** The baseline: surface words, no stemming, no idf, no length normalisation. */
function plainTf(corpus: CorpusIssue[]): Ranker {
  const docs = corpus.map((issue) => {
    const counts = new Map<string, number>();
    for (const t of tokenize(`${issue.title}\n${issue.body}`, { stemming: false })) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return { issue, counts };
  });
  return (query) => {
    const terms = new Set(tokenize(`${query.title}\n${query.body}`, { stemming: false }));
    return docs
      .filter((d) => d.issue.number !== query.number)
      .map((d) => ({
        n: d.issue.number,
        s: [...terms].reduce((sum, t) => sum + (d.counts.get(t) ?? 0), 0),
      }))
      .filter((r) => r.s > 0)
      .sort((a, b) => b.s - a.s || a.n - b.n)
      .map((r) => r.n);
  };
}

/** Without a threshold, so that recall is not capped by it; the threshold is reported apart. */
function bm25f(corpus: CorpusIssue[], params: Partial<RankParams>): Ranker {
  const index = buildIndex(corpus, params);
  return (query) =>
    rankIndexed(index, query, { exclude: [query.number], minScore: 0 }).map((r) => r.issue.number);
}

interface Metrics {
  precision: number;
  recall: number;
  mrr: number;
}

function evaluate(ranker: Ranker, byNumber: Map<number, CorpusIssue>, set: Labelled[]): Metrics {
  let precision = 0;
  let recall = 0;
  let mrr = 0;
  for (const { query, relevant } of set) {
    const issue = byNumber.get(query);
    if (!issue) throw new Error(`query #${query} is not in the corpus`);
    const ranked = ranker(issue);
    const hits = ranked.slice(0, K).filter((n) => relevant.includes(n)).length;
    precision += hits / K;
    recall += hits / relevant.length;
    const first = ranked.findIndex((n) => relevant.includes(n));
    mrr += first < 0 ? 0 : 1 / (first + 1);
  }
  return { precision: precision / set.length, recall: recall / set.length, mrr: mrr / set.length };
}

const fmt = (m: Metrics) =>
  `P@${K} ${m.precision.toFixed(3)}  R@${K} ${m.recall.toFixed(3)}  MRR ${m.mrr.toFixed(3)}`;

/** The labelled set's directory: `--set <dir>` (relative to bench/similar), else bench/similar. */
function setDir(): string {
  const at = process.argv.indexOf("--set");
  if (at < 0) return here;
  const dir = process.argv[at + 1];
  if (!dir || dir.startsWith("--")) throw new Error("--set needs a directory");
  return resolve(here, dir);
}

function main(): void {
  const dir = setDir();
  const { issues, problems } = parseCorpus(readFileSync(join(dir, "corpus.jsonl"), "utf8"));
  if (problems.length > 0) throw new Error(`corpus.jsonl: ${JSON.stringify(problems)}`);
  const set: Labelled[] = readFileSync(join(dir, "labelled.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  const byNumber = new Map(issues.map((issue) => [issue.number, issue]));
  console.log(`set: ${dir}`);
  console.log(`corpus: ${issues.length} issues; labelled queries: ${set.length}`);
  console.log(`plain TF baseline     ${fmt(evaluate(plainTf(issues), byNumber, set))}`);
  console.log(`BM25F (defaults)      ${fmt(evaluate(bm25f(issues, {}), byNumber, set))}`);
  console.log(
    `BM25F, no bigrams     ${fmt(evaluate(bm25f(issues, { bigramWeight: 0 }), byNumber, set))}`,
  );
  console.log(
    `BM25F, title = body   ${fmt(evaluate(bm25f(issues, { titleWeight: 1 }), byNumber, set))}`,
  );
  thresholdReport(issues, byNumber, set);
  if (process.argv.includes("--sweep")) sweep(issues, byNumber, set);
}

/** How many relevant issues the default threshold would hide, and how many results it keeps. */
function thresholdReport(
  issues: CorpusIssue[],
  byNumber: Map<number, CorpusIssue>,
  set: Labelled[],
) {
  const index = buildIndex(issues);
  let kept = 0;
  let relevantKept = 0;
  let relevantTotal = 0;
  for (const { query, relevant } of set) {
    const issue = byNumber.get(query);
    if (!issue) continue;
    const listed = rankIndexed(index, issue, { exclude: [query], top: K });
    kept += listed.length;
    relevantKept += listed.filter((r) => relevant.includes(r.issue.number)).length;
    relevantTotal += relevant.length;
  }
  console.log(
    `default threshold: ${kept} of ${set.length * K} top-${K} slots listed, ` +
      `${relevantKept} of ${relevantTotal} relevant issues among them`,
  );
}

function sweep(issues: CorpusIssue[], byNumber: Map<number, CorpusIssue>, set: Labelled[]) {
  for (const titleWeight of [1, 1.5, 2.5, 4]) {
    for (const k1 of [0.9, 1.2, 2]) {
      for (const bBody of [0.5, 0.75, 1]) {
        const params = { ...DEFAULT_PARAMS, titleWeight, k1, bBody };
        console.log(JSON.stringify(params), fmt(evaluate(bm25f(issues, params), byNumber, set)));
      }
    }
  }
}

main();
