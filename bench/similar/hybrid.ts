/**
 * Evaluates "raised before?" ranking on the fixed split of bench/similar (split.json): BM25F alone,
 * embeddings alone and their reciprocal-rank fusion; hit@3, MRR@10, the listing decision's recall
 * and false alarms; and the first-stage recall of the one GitHub search.
 * Run: `npx tsx bench/similar/hybrid.ts [--sweep]` (loads the sentence encoder, ~1 min).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCorpus } from "../../src/features/similar/corpus.js";
import {
  embeddingText,
  loadSentenceEncoder,
  type Vector,
} from "../../src/features/similar/embedder.js";
import { HYBRID_DEFAULTS, rankCandidates, rankRelated } from "../../src/features/similar/hybrid.js";
import { buildIndex, type CorpusIssue, rankIndexed } from "../../src/features/similar/rank.js";
import { firstStage, searchResults } from "./first-stage.js";

const here = dirname(fileURLToPath(import.meta.url));
const sweep = process.argv.includes("--sweep");

interface Labelled {
  query: number;
  relevant: number[];
}
interface Split {
  tuning: Record<string, number[]>;
  test: Record<string, number[]>;
}
interface Case {
  set: string;
  corpus: CorpusIssue[];
  vectors: Map<number, Vector>;
  query: CorpusIssue;
  relevant: number[];
  /** Candidates: every other issue for a duplicate; earlier issues only for a no-duplicate request. */
  pool: CorpusIssue[];
}

const split = JSON.parse(readFileSync(join(here, "split.json"), "utf8")) as Split;
const model = await loadSentenceEncoder();

async function loadSet(set: string) {
  const dir = join(here, set);
  const corpus = parseCorpus(readFileSync(join(dir, "corpus.jsonl"), "utf8")).issues;
  const labelled = readFileSync(join(dir, "labelled.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
  const embedded = await model.embed(corpus.map(embeddingText));
  const vectors = new Map(corpus.map((issue, i) => [issue.number, embedded[i] as Vector]));
  return { corpus, labelled, vectors };
}

const cases: Record<"tuning" | "test", { dup: Case[]; none: Case[] }> = {
  tuning: { dup: [], none: [] },
  test: { dup: [], none: [] },
};
for (const set of Object.keys(split.test)) {
  const { corpus, labelled, vectors } = await loadSet(set);
  const byNumber = new Map(corpus.map((i) => [i.number, i]));
  for (const part of ["tuning", "test"] as const) {
    const pairs = new Set(split[part][set] ?? []);
    const seen = new Set<number>();
    // Every issue linked to a pair's key issue, in either direction: none may count as unrelated.
    const linked = new Map<number, Set<number>>();
    const keyOf = (l: Labelled) => [l.query, ...l.relevant].find((n) => pairs.has(n));
    for (const l of labelled) {
      const k = keyOf(l);
      if (k === undefined) continue;
      const set = linked.get(k) ?? new Set<number>();
      for (const n of [l.query, ...l.relevant]) set.add(n);
      linked.set(k, set);
    }
    for (const { query, relevant } of labelled) {
      const k = keyOf({ query, relevant });
      if (k === undefined) continue;
      const issue = byNumber.get(query) as CorpusIssue;
      const pool = corpus.filter((i) => i.number !== query);
      cases[part].dup.push({ set, corpus, vectors, query: issue, relevant, pool });
      if (seen.has(k)) continue;
      seen.add(k);
      const first = byNumber.get(k) as CorpusIssue;
      const others = linked.get(k) as Set<number>;
      const before = corpus.filter((i) => i.number < k && !others.has(i.number));
      cases[part].none.push({ set, corpus, vectors, query: first, relevant: [], pool: before });
    }
  }
}

type Order = (c: Case) => number[];
const queryVector = (c: Case) => c.vectors.get(c.query.number) as Vector;
const withVectors = (c: Case) => ({ query: queryVector(c), candidates: c.vectors });

const orders: Record<string, Order> = {
  "BM25F alone": (c) => rankCandidates(c.query, c.pool).map((r) => r.issue.number),
  "embeddings alone": (c) =>
    rankCandidates(c.query, c.pool, { vectors: withVectors(c) })
      .filter((r) => r.cosine !== undefined)
      .sort((a, b) => (b.cosine ?? 0) - (a.cosine ?? 0))
      .map((r) => r.issue.number),
  "fusion (RRF, k 60)": (c) =>
    rankCandidates(c.query, c.pool, { vectors: withVectors(c) }).map((r) => r.issue.number),
};

function quality(order: Order, list: Case[]) {
  let hit3 = 0;
  let mrr = 0;
  for (const c of list) {
    const ranked = order(c);
    const first = ranked.findIndex((n) => c.relevant.includes(n));
    if (first >= 0 && first < 3) hit3 += 1;
    if (first >= 0 && first < 10) mrr += 1 / (first + 1);
  }
  return { hit3: hit3 / list.length, mrr: mrr / list.length };
}

/** A decision's recall (target among the listed top 3) and false-alarm rate (anything listed). */
type Decide = (c: Case) => number[];
function decision(decide: Decide, part: { dup: Case[]; none: Case[] }) {
  const hits = part.dup.filter((c) => decide(c).some((n) => c.relevant.includes(n))).length;
  const alarms = part.none.filter((c) => decide(c).length > 0).length;
  return { recall: hits / part.dup.length, falseAlarms: alarms / part.none.length };
}

const today: Decide = (c) =>
  rankIndexed(buildIndex(c.pool), c.query, { top: 3 }).map((r) => r.issue.number);
const hybrid =
  (minCosine: number, minSharedTerms: number, model = true): Decide =>
  (c) =>
    rankRelated(c.query, c.pool, {
      top: 3,
      minCosine,
      minSharedTerms,
      ...(model ? { vectors: withVectors(c) } : {}),
    }).map((r) => r.issue.number);
/** As the bot does it: one search (simulated, 30 results), then fusion and the decision. */
const endToEnd: Decide = (c) => {
  const found = new Set(searchResults(c.query, c.pool));
  return hybrid(
    HYBRID_DEFAULTS.minCosine,
    HYBRID_DEFAULTS.minSharedTerms,
  )({
    ...c,
    pool: c.pool.filter((i) => found.has(i.number)),
  });
};
const always: Decide = (c) =>
  rankRelated(c.query, c.pool, { top: 3, unfiltered: true, vectors: withVectors(c) }).map(
    (r) => r.issue.number,
  );

const f = (x: number) => x.toFixed(3);
for (const part of ["tuning", "test"] as const) {
  const { dup, none } = cases[part];
  console.log(
    `\n## ${part}: ${dup.length} duplicate queries, ${none.length} no-duplicate requests`,
  );
  console.log("| ranker | hit@3 | MRR@10 |\n| --- | --- | --- |");
  for (const [name, order] of Object.entries(orders)) {
    const q = quality(order, dup);
    console.log(`| ${name} | ${f(q.hit3)} | ${f(q.mrr)} |`);
  }
  const d = HYBRID_DEFAULTS;
  console.log(
    "\n| listing decision | duplicates listed in top 3 | false alarms |\n| --- | --- | --- |",
  );
  for (const [name, decide] of [
    ["today: BM25F, relative score >= 0.06", today],
    ["always the top 3 (fusion), labelled as hints", always],
    [
      `fusion, cosine >= ${d.minCosine} or >= ${d.minSharedTerms} shared title words`,
      hybrid(d.minCosine, d.minSharedTerms),
    ],
    [`fusion, cosine >= ${d.minCosine} only`, hybrid(d.minCosine, 99)],
    ["the bot end to end: one simulated search (30), then the decision of line 3", endToEnd],
    [
      `no model (fallback): BM25F, >= ${d.minSharedTerms} shared title words`,
      hybrid(d.minCosine, d.minSharedTerms, false),
    ],
  ] as const) {
    const r = decision(decide, cases[part]);
    console.log(`| ${name} | ${f(r.recall)} | ${f(r.falseAlarms)} |`);
  }
  const stage = firstStage(dup);
  console.log(
    `\nFirst stage (one simulated GitHub search, 30 results): target returned for ${stage.found} of ${dup.length} (${f(stage.found / dup.length)})`,
  );
  if (sweep && part === "tuning") {
    console.log("\nSweep (tuning only): minCosine × minSharedTerms → recall / false alarms");
    for (const shared of [1, 2, 3, 99]) {
      const row: string[] = [];
      for (const c of [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 2]) {
        const r = decision(hybrid(c, shared), cases[part]);
        row.push(`${c}: ${f(r.recall)}/${f(r.falseAlarms)}`);
      }
      console.log(`shared ${shared} | ${row.join(" | ")}`);
    }
  }
}
