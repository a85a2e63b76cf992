/** Random comments: the parser never throws and never finds a command inside a fenced block. */
import { describe, expect, it } from "vitest";
import { newCommands, parseCommands } from "../../src/commands/parse.js";

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "/join",
  "/phase x --force",
  "/lead @a",
  "/",
  "/a/b",
  "a",
  " ",
  "   ",
  "    ",
  "\t",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "`",
  "``",
  "```",
  "````",
  "~~~",
  ">",
  "> ",
  "<!--",
  "-->",
  "<!-->",
  "\\",
  "-",
  "#",
  "é",
  "\u2028",
  "\u0000",
  "*",
  "[x](y)",
  "<b>",
];

function randomText(next: () => number, pieces: readonly string[], count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += pieces[Math.floor(next() * pieces.length)];
  return text;
}

/** Lines that could end a fence or an HTML comment opened around them are left out. */
function fencedBody(next: () => number, id: number): string {
  const lines = randomText(next, PIECES, 12)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => !/^ {0,3}(```|~~~)/.test(line) && !line.includes("-->"));
  return ["```", ...lines, `/join FENCED-${id}`, `   /blocked FENCED-${id}`, "```"].join("\n");
}

/**
 * Text between the fenced blocks may hold anything but a fence of its own: one left open there
 * would be closed by the next block's opening line, rightly exposing that block's content. Nor may
 * a line start with an HTML tag: that opens an HTML block, which swallows the next fence's opening
 * line and ends at a blank line inside the block, rightly exposing the rest of it too.
 */
function aroundFences(text: string): string {
  return text
    .replace(/`{3,}/g, "``")
    .replace(/~{3,}/g, "~~")
    .replace(/^([ ]{0,3})<(?=[A-Za-z/])/gm, "$1\\<");
}

describe("parser properties", () => {
  it("never throws on random text, and every command looks like one", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = prng(seed);
      const body = randomText(next, PIECES, 1 + Math.floor(next() * 60));
      const commands = parseCommands(body);
      expect(commands.length).toBeLessThanOrEqual(20);
      commands.forEach((command, index) => {
        expect(command.index).toBe(index);
        expect(command.name).toMatch(/^[a-z][a-z-]*$/);
        expect(command.line.startsWith(`/${command.name}`)).toBe(true);
        expect(command.line).not.toMatch(/\n/);
      });
      expect(() => newCommands(body, `${body}\n/join`)).not.toThrow();
    }
  });

  it("finds nothing inside a fenced block, whatever surrounds it", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = prng(seed * 7919);
      const parts: string[] = [];
      for (let part = 0; part < 4; part++) {
        parts.push(
          aroundFences(randomText(next, PIECES, Math.floor(next() * 20))),
          fencedBody(next, part),
        );
      }
      const fenced = parseCommands(parts.join("\n")).filter((c) => c.args.includes("FENCED"));
      expect(fenced, `seed ${seed}`).toEqual([]);
    }
  });

  it("does find a command placed after a closed fence on its own paragraph", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const next = prng(seed);
      const body = `${fencedBody(next, 0)}\n\n/join AFTER`;
      expect(
        parseCommands(body).map((c) => c.line),
        `seed ${seed}`,
      ).toEqual(["/join AFTER"]);
    }
  });
});
