/** `squad-bot similar` through runCli with a fake io: output, bad lines, usage and file errors. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import { runCli } from "../../src/cli/main.js";

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

function corpusFile(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "similar-")), "issues.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const GOOD = [
  JSON.stringify({
    number: 10,
    title: "Sync now reports success when replication times out",
    body: "The sync status says done although the request timed out.",
    state: "closed",
    labels: ["Type: Bug"],
  }),
  JSON.stringify({
    number: 11,
    title: "Dark mode for the web app",
    body_excerpt: "A darker colour scheme.",
    state: "OPEN",
    labels: [{ name: "Type: Feature" }],
  }),
  JSON.stringify({
    number: 12,
    title: "Replication timeout shown as sync success",
    body_excerpt: "Same as the sync problem, seen on Android.",
    state: "open",
    labels: [],
  }),
];

const run = (argv: string[]) => {
  const io = fakeIo();
  return runCli(argv, io.io).then((code) => ({ code, out: io.stdout(), err: io.stderr() }));
};

describe("squad-bot similar", () => {
  it("prints ranked JSON: number, title, state, score, labels", async () => {
    const corpus = corpusFile(GOOD);
    const { code, out, err } = await run([
      "similar",
      "--corpus",
      corpus,
      "--title",
      "Sync says success but replication timed out",
      "--top",
      "2",
    ]);
    expect(code).toBe(0);
    expect(err).toBe("");
    const results = JSON.parse(out);
    expect(results.map((r: { number: number }) => r.number).sort()).toEqual([10, 12]);
    expect(Object.keys(results[0])).toEqual(["number", "title", "state", "score", "labels", "why"]);
    // Tests run with SQUAD_BOT_SIMILAR_MODEL=off: words only, so no cosine and shared words as why.
    expect(results[0].score).toBeNull();
    expect(results[0].why).toEqual(expect.arrayContaining(["sync"]));
  });

  it("lists only what the bot would list unless --all", async () => {
    const corpus = corpusFile(GOOD);
    const title = "darker colour scheme";
    const { out } = await run(["similar", "--corpus", corpus, "--title", title]);
    expect(JSON.parse(out)).toEqual([]);
  });

  it("reads body_excerpt and label objects", async () => {
    const corpus = corpusFile(GOOD);
    const { out } = await run([
      "similar",
      "--corpus",
      corpus,
      "--title",
      "darker colour scheme",
      "--all",
    ]);
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({ number: 11, state: "open", labels: ["Type: Feature"] }),
    ]);
  });

  it("skips bad lines with a warning naming each line number", async () => {
    const corpus = corpusFile([
      GOOD[0] as string,
      "{not json",
      JSON.stringify({ number: "x", title: "t", state: "open" }),
      JSON.stringify({ number: 5, title: "t", state: "merged" }),
    ]);
    const { code, out, err } = await run([
      "similar",
      "--corpus",
      corpus,
      "--title",
      "sync",
      "--all",
    ]);
    expect(code).toBe(0);
    expect(err).toContain(":2: skipped, not valid JSON");
    expect(err).toMatch(/:3: skipped, number:/);
    expect(err).toMatch(/:4: skipped, state:/);
    expect(JSON.parse(out).map((r: { number: number }) => r.number)).toEqual([10]);
  });

  it.each([
    [["similar", "--title", "x"], "--corpus is required"],
    [["similar", "--corpus", "a.jsonl"], "--title is required"],
    [["similar", "--corpus", "a.jsonl", "--title", "x", "--top", "0"], "--top must be"],
    [["similar", "--corpus", "a.jsonl", "--title", "x", "--min-cosine", "2"], "--min-cosine must"],
    [["similar", "--corpus", "a.jsonl", "--title", "x", "--colour"], "Unknown option"],
  ])("exits 2 with the usage on %j", async (argv, problem) => {
    const { code, err, out } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(problem);
    expect(err).toContain("Usage: squad-bot similar");
    expect(out).toBe("");
  });

  it("exits 1 with a clear message when the corpus file is missing", async () => {
    const { code, err } = await run([
      "similar",
      "--corpus",
      "/nonexistent/i.jsonl",
      "--title",
      "x",
    ]);
    expect(code).toBe(1);
    expect(err).toContain("corpus file not found: /nonexistent/i.jsonl");
  });

  it("is listed in `squad-bot --help`", async () => {
    const { out } = await run(["--help"]);
    expect(out).toContain("similar");
  });
});
