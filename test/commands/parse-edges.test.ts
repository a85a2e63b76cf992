/** The command finder at its edges: indentation by tabs and spaces, and edits past the limit. */
import { describe, expect, it } from "vitest";
import { MAX_COMMANDS_PER_COMMENT, newCommands, parseCommands } from "../../src/commands/parse.js";

const lines = (body: string) => parseCommands(body).map((c) => c.line);

describe("indentation of a continuation line", () => {
  it.each([
    ["three spaces still start a command", "Ready.\n   /join", ["/join"]],
    ["four spaces do not", "Ready.\n    /join", []],
    ["a tab reaches four columns", "Ready.\n\t/join", []],
    ["two spaces and a tab reach four", "Ready.\n  \t/join", []],
    ["trailing spaces are not arguments", "/phase building   ", ["/phase building"]],
  ])("%s", (_name, body, expected) => {
    expect(lines(body)).toEqual(expected);
  });
});

describe("an edit that adds more commands than the limit", () => {
  it("adds at most the limit, or all of them when asked", () => {
    const added = Array.from(
      { length: MAX_COMMANDS_PER_COMMENT + 5 },
      (_, i) => `/link scope https://x.example/${i}`,
    );
    const after = ["/join", ...added].join("\n");
    expect(newCommands("/join", after)).toHaveLength(MAX_COMMANDS_PER_COMMENT);
    expect(newCommands("/join", after, Number.POSITIVE_INFINITY)).toHaveLength(added.length);
  });
});
