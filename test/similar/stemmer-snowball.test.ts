/**
 * The hand-written Porter2 stemmer against the reference Snowball English stemmer
 * (`snowball-stemmers`, a dev dependency) on every word of the benchmark corpora: the same stems.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseCorpus } from "../../src/features/similar/corpus.js";
import { stem } from "../../src/features/similar/stemmer.js";
import { words } from "../../src/features/similar/tokenize.js";

const require = createRequire(import.meta.url);
const snowball = require("snowball-stemmers") as {
  newStemmer(language: string): { stem(word: string): string };
};

function vocabulary(): string[] {
  const all = new Set<string>();
  for (const file of [
    "bench/similar/corpus.jsonl",
    "bench/similar/microsoft-vscode/corpus.jsonl",
  ]) {
    for (const issue of parseCorpus(readFileSync(file, "utf8")).issues) {
      for (const word of words(`${issue.title}\n${issue.body}`)) {
        if (/^[a-z]+$/.test(word)) all.add(word);
      }
    }
  }
  return [...all].sort();
}

describe("Porter2 stemmer", () => {
  it("stems every benchmark word as Snowball's English stemmer does", () => {
    const reference = snowball.newStemmer("english");
    const list = vocabulary();
    expect(list.length).toBeGreaterThan(2000);
    const different = list.filter((word) => stem(word) !== reference.stem(word));
    expect(different.map((w) => `${w}: ${stem(w)} ≠ ${reference.stem(w)}`)).toEqual([]);
  });
});
