/** `squad-bot similar`: ranks a local corpus of issues against a new request, offline. */
import { readFile } from "node:fs/promises";
import { parseCorpus } from "../../features/similar/corpus.js";
import { DEFAULT_MIN_SCORE, rankSimilar } from "../../features/similar/rank.js";
import { type CliCommand, type CliIo, readOptions, UsageError } from "../command.js";

const DEFAULT_TOP = 5;

const usage = `Usage: squad-bot similar --corpus <issues.jsonl> --title <text> [--body <text>] [--top <n>] [--min-score <x>]

Ranks the issues of a JSON-lines corpus by how likely they raise the same request, and prints
them as a JSON array of {number, title, state, score, labels}, best first.

Options:
  --corpus <file>    one issue per line: number, title, body (or body_excerpt), state, labels
  --title <text>     title of the new request
  --body <text>      body of the new request (default: empty)
  --top <n>          at most this many results (default: ${DEFAULT_TOP})
  --min-score <x>    leave out results under this relative score, 0 to 1 (default: ${DEFAULT_MIN_SCORE})`;

const parse = (args: string[]) =>
  readOptions(args, {
    corpus: { type: "string" },
    title: { type: "string" },
    body: { type: "string", default: "" },
    top: { type: "string", default: String(DEFAULT_TOP) },
    "min-score": { type: "string", default: String(DEFAULT_MIN_SCORE) },
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

async function run(args: string[], io: CliIo): Promise<number> {
  const values = parse(args);
  if (!values.corpus) throw new UsageError("--corpus is required");
  if (values.title === undefined || values.title.trim() === "") {
    throw new UsageError("--title is required");
  }
  const top = number(values.top, "top", (n) => Number.isInteger(n) && n > 0, "a positive integer");
  const minScore = number(
    values["min-score"],
    "min-score",
    (n) => n >= 0 && n < 1,
    "a number from 0 to 1",
  );
  const { issues, problems } = parseCorpus(await readCorpus(values.corpus));
  for (const problem of problems) {
    io.stderr(`squad-bot similar: ${values.corpus}:${problem.line}: skipped, ${problem.message}\n`);
  }
  const ranked = rankSimilar({ title: values.title, body: values.body }, issues, { top, minScore });
  const output = ranked.map(({ issue, score }) => ({
    number: issue.number,
    title: issue.title,
    state: issue.state,
    score,
    labels: issue.labels,
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
