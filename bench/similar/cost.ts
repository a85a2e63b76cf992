/**
 * Cost of "raised before?" with the sentence encoder: memory before any model, load time and
 * memory after, and the time to rank one new request against 30 search results (the bot's one
 * search) with their vectors cached, as in the bot after warm-up; also the Porter2 stemmer
 * against snowball-stemmers. Run: `npx tsx bench/similar/cost.ts` (about 15 s).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { intakeConfigSchema } from "../../src/features/similar/config.js";
import { parseCorpus } from "../../src/features/similar/corpus.js";
import { lazyEmbedder } from "../../src/features/similar/embedder.js";
import { findRelated } from "../../src/features/similar/intake.js";
import type { SimilarCandidate, SimilarSearchPort } from "../../src/features/similar/port.js";
import { stem } from "../../src/features/similar/stemmer.js";
import { words } from "../../src/features/similar/tokenize.js";
import { MemoryVectorCache } from "../../src/features/similar/vector-cache.js";
import { searchResults } from "./first-stage.js";

const here = dirname(fileURLToPath(import.meta.url));
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const memory = () => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `rss ${mb(rss)}, heap ${mb(heapUsed)}`;
};

const corpus = parseCorpus(
  readFileSync(join(here, "microsoft-vscode/corpus.jsonl"), "utf8"),
).issues;
const byNumber = new Map(corpus.map((issue) => [issue.number, issue]));
const requests = corpus.slice(0, 40);
/** The search answer for a request: what first-stage.ts says GitHub would return. */
const port = (request: (typeof corpus)[number]): SimilarSearchPort => ({
  async searchIssues() {
    return searchResults(request, corpus).map(
      (n): SimilarCandidate => ({
        ...(byNumber.get(n) as (typeof corpus)[number]),
        repo: "microsoft/vscode",
        updatedAt: "2026-01-01",
      }),
    );
  },
});
const config = intakeConfigSchema.parse({}).similar;

console.log(`before the model: ${memory()}`);
const started = performance.now();
const embedder = lazyEmbedder();
await embedder();
console.log(`model load: ${Math.round(performance.now() - started)} ms; after: ${memory()}`);

const semantic = { embedder, cache: new MemoryVectorCache() };
const issue = (r: (typeof corpus)[number]) => ({
  repo: "microsoft/vscode",
  number: r.number,
  title: r.title,
  body: r.body,
});
// Warm-up: fills the cache with every candidate's vector, as earlier requests would.
for (const r of requests) await findRelated(port(r), config, issue(r), semantic);
const times: number[] = [];
for (const r of requests) {
  const t = performance.now();
  await findRelated(port(r), config, issue(r), semantic);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const at = (q: number) => (times[Math.floor(q * (times.length - 1))] as number).toFixed(1);
console.log(
  `rank one request (30 cached candidates + embed the request): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
);
const wordsOnly: number[] = [];
for (const r of requests) {
  const t = performance.now();
  await findRelated(port(r), config, issue(r));
  wordsOnly.push(performance.now() - t);
}
wordsOnly.sort((a, b) => a - b);
console.log(`words only (no model): median ${(wordsOnly[20] as number).toFixed(1)} ms`);
console.log(`after ranking: ${memory()}`);

const vocabulary = [
  ...new Set(
    corpus.flatMap((i) => words(`${i.title} ${i.body}`)).filter((w) => /^[a-z]+$/.test(w)),
  ),
];
const snowball = (
  createRequire(import.meta.url)("snowball-stemmers") as {
    newStemmer(l: string): { stem(w: string): string };
  }
).newStemmer("english");
for (const [name, fn] of [
  ["hand-written Porter2", stem],
  ["snowball-stemmers", (w: string) => snowball.stem(w)],
] as const) {
  const t = performance.now();
  for (let i = 0; i < 20; i++) for (const w of vocabulary) fn(w);
  console.log(
    `${name}: ${(((performance.now() - t) / (20 * vocabulary.length)) * 1000).toFixed(2)} µs a word (${vocabulary.length} words)`,
  );
}
