/** `squad-bot similar`: ranks a local corpus of issues against a new request, offline. */
import { readFile } from "node:fs/promises";
import { parseCorpus } from "../../features/similar/corpus.js";
import {
  embeddingText,
  loadSentenceEncoder,
  type Vector,
} from "../../features/similar/embedder.js";
import { HYBRID_DEFAULTS, type HybridOptions, rankRelated } from "../../features/similar/hybrid.js";
import type { CorpusIssue, IssueText } from "../../features/similar/rank.js";
import { type CliCommand, type CliIo, readOptions, UsageError } from "../command.js";

const DEFAULT_TOP = 5;

const usage = `Usage: squad-bot similar --corpus <issues.jsonl> --title <text> [--body <text>] [--top <n>] [--min-cosine <x>] [--all] [--words-only]

Ranks the issues of a JSON-lines corpus as the bot does for a new request (BM25F and the meaning
of the titles, fused), keeps those it would list, and prints them as a JSON array of
{number, title, state, score, labels, why}, best first: score is the cosine of the titles'
meaning (null without the model), why the shared title words or "similar meaning".

Options:
  --corpus <file>    one issue per line: number, title, body (or body_excerpt), state, labels
  --title <text>     title of the new request
  --body <text>      body of the new request (default: empty)
  --top <n>          at most this many results (default: ${DEFAULT_TOP})
  --min-cosine <x>   listed when the meaning is this close, -1 to 1 (default: ${HYBRID_DEFAULTS.minCosine}),
                     or when both titles share ${HYBRID_DEFAULTS.minSharedTerms} words
  --all              the top results whether or not the bot would list them
  --words-only       no sentence encoder: BM25F and shared words, as when the model cannot load`;

const parse = (args: string[]) =>
  readOptions(args, {
    corpus: { type: "string" },
    title: { type: "string" },
    body: { type: "string", default: "" },
    top: { type: "string", default: String(DEFAULT_TOP) },
    "min-cosine": { type: "string", default: String(HYBRID_DEFAULTS.minCosine) },
    all: { type: "boolean", default: false },
    "words-only": { type: "boolean", default: false },
  });

function number(text: string, name: string, check: (n: number) => boolean, expected: string) {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name} must be ${expected}, got "${text}"`);
  }
  return value;
}

async function readCorpus(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`corpus file not found: ${path}`);
    throw new Error(`cannot read corpus file ${path}: ${(error as Error).message}`);
  }
}

/** The request's and every issue's vectors; undefined, with a note, when the model cannot load. */
async function embedAll(
  request: IssueText,
  issues: CorpusIssue[],
  io: CliIo,
): Promise<HybridOptions["vectors"]> {
  try {
    const model = await loadSentenceEncoder();
    const [query, ...rest] = await model.embed([request, ...issues].map(embeddingText));
    const candidates = new Map(issues.map((issue, i) => [issue.number, rest[i] as Vector]));
    return { query: query as Vector, candidates };
  } catch (error) {
    io.stderr(`squad-bot similar: sentence encoder did not load (${String(error)}); words only\n`);
    return undefined;
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const values = parse(args);
  if (!values.corpus) throw new UsageError("--corpus is required");
  if (values.title === undefined || values.title.trim() === "") {
    throw new UsageError("--title is required");
  }
  const top = number(values.top, "top", (n) => Number.isInteger(n) && n > 0, "a positive integer");
  const minCosine = number(
    values["min-cosine"],
    "min-cosine",
    (n) => n >= -1 && n <= 1,
    "a number from -1 to 1",
  );
  const { issues, problems } = parseCorpus(await readCorpus(values.corpus));
  for (const problem of problems) {
    io.stderr(`squad-bot similar: ${values.corpus}:${problem.line}: skipped, ${problem.message}\n`);
  }
  const request = { title: values.title, body: values.body };
  const wordsOnly = values["words-only"] || process.env.SQUAD_BOT_SIMILAR_MODEL === "off";
  const vectors = wordsOnly ? undefined : await embedAll(request, issues, io);
  const ranked = rankRelated(request, issues, {
    top,
    minCosine,
    unfiltered: values.all,
    ...(vectors ? { vectors } : {}),
  });
  const output = ranked.map(({ issue, cosine, reason }) => ({
    number: issue.number,
    title: issue.title,
    state: issue.state,
    score: cosine === undefined ? null : Math.round(cosine * 1000) / 1000,
    labels: issue.labels,
    why: reason.kind === "terms" ? reason.terms : "similar meaning",
  }));
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

export const similarCommand: CliCommand = {
  name: "similar",
  summary: "Rank a local JSON-lines corpus of issues against a new request",
  usage,
  run,
};
