/**
 * Turns validation failures into problems a maintainer can act on: a readable path, a plain
 * sentence (phrases from `messages.yml`, keys `config.problem.*`) and the file to edit.
 */
import type { z } from "zod";
import type { Templates } from "../core/templates.js";
import { valueAt } from "./merge.js";
import { knownKeysAt } from "./zod-walk.js";

export interface ConfigProblem {
  /** Where in the file, e.g. `phases[2].entry[0].kind`; "" for the whole file. */
  path: string;
  /** Plain English, Markdown-safe: user values appear only inside code spans. */
  message: string;
  /** The file to edit, e.g. `medic/cht-core:.github/squad-bot.yml`. */
  source: string;
}

type PathKey = string | number;

/** `phases[2].entry[0].kind`; keys that are not plain words are quoted: `labels["a b"]`. */
export function formatPath(path: readonly PathKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      if (/^[A-Za-z_$][\w$-]*$/.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join("");
}

const MAX_SHOWN = 60;

/** A value as an inline code span that nothing inside can break out of (and so cannot mention). */
export function code(value: unknown): string {
  let text = String(value)
    .replace(/\p{Cc}+/gu, " ")
    .trim();
  if (text.length > MAX_SHOWN) text = `${text.slice(0, MAX_SHOWN)}…`;
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (row[j - 1] ?? 0) + 1,
        (previous[j] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `word` (case-insensitive), if it is close enough to be a typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && candidate !== word) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "`true` or `false`",
  array: "a list",
  object: "a mapping (`key: value` lines)",
  null: "`null`",
};

/** What a user wrote, in words: "the text `red`", "a list", "nothing". */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text ${code(value)}`;
  if (typeof value === "number") return `the number ${code(value)}`;
  return code(value);
}

const list = (values: readonly unknown[]): string => values.map(code).join(", ");

function sizeProblem(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  value: unknown,
  templates: Templates,
) {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "string" || issue.origin === "array") {
    if (small && limit === 1) return templates.message("config.problem.empty");
    const unit = issue.origin === "string" ? "characters" : "items";
    const actual = typeof value === "string" || Array.isArray(value) ? value.length : "?";
    const key = small ? "config.problem.tooShort" : "config.problem.tooLong";
    return templates.message(key, { limit, unit, actual });
  }
  const key = small ? "config.problem.tooSmall" : "config.problem.tooLarge";
  return templates.message(key, { limit, got: describeValue(value) });
}

function oneOf(
  allowed: readonly unknown[],
  value: unknown,
  key: PathKey | undefined,
  templates: Templates,
): string {
  if (value === undefined) {
    return templates.message("config.problem.missing", {
      key: code(key),
      expected: `one of ${list(allowed)}`,
    });
  }
  const words = allowed.map(String);
  const suggestion = typeof value === "string" ? didYouMean(value, words) : undefined;
  return templates.message("config.problem.notOneOf", {
    allowed: list(allowed),
    got: describeValue(value),
    suggestion: suggestion && code(suggestion),
  });
}

/** Keys allowed at the root besides the schema's own: they are stripped before validation. */
const LOADER_KEYS = ["_extends", "$schema"] as const;

/**
 * The problems one zod issue stands for (one per unknown key), with their sentence and path;
 * `input` is what was validated, `schema` what it was validated against.
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  schema: z.ZodType,
  templates: Templates,
): { path: PathKey[]; message: string }[] {
  const path = issue.path.filter((key): key is PathKey => typeof key !== "symbol");
  const value = valueAt(input, path);
  const one = (text: string) => [{ path, message: text }];
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(schema, path, input);
      const candidates = path.length === 0 ? [...known, ...LOADER_KEYS] : known;
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, candidates);
        return {
          path: [...path, key],
          message: templates.message("config.problem.unknownKey", {
            key: code(key),
            suggestion: suggestion && code(suggestion),
            known: candidates.length > 0 ? list(candidates) : undefined,
          }),
        };
      });
    }
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (value === undefined) {
        return one(
          templates.message("config.problem.missing", { key: code(path.at(-1)), expected }),
        );
      }
      // `color: 000000` or `label: yes` reach us as a number or boolean: YAML's most common trap.
      const key =
        issue.expected === "string" && (typeof value === "number" || typeof value === "boolean")
          ? "config.problem.needsQuotes"
          : "config.problem.wrongType";
      return one(templates.message(key, { expected, got: describeValue(value) }));
    }
    case "invalid_value":
      return one(oneOf(issue.values, value, path.at(-1), templates));
    case "invalid_union":
      if ("options" in issue && Array.isArray(issue.options)) {
        return one(oneOf(issue.options, value, path.at(-1), templates));
      }
      return one(issue.message);
    case "invalid_format": {
      // Our regex messages describe the value ("a GitHub login"); zod's own start "Invalid".
      const expected = issue.message.startsWith("Invalid")
        ? `text matching ${code(issue.pattern ?? issue.format)}`
        : issue.message;
      return one(
        templates.message("config.problem.wrongType", { expected, got: describeValue(value) }),
      );
    }
    case "too_small":
    case "too_big":
      return one(sizeProblem(issue, value, templates));
    default:
      return one(issue.message);
  }
}
