/** Property-based checks of the command parser over generated comment texts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newCommands, parseCommands } from "../../src/commands/parse.js";
import { findSpec } from "../../src/commands/specs.js";
import { templates } from "../support/templates.js";

const commandLine = fc
  .tuple(
    fc.constantFrom("phase", "join", "lead", "link", "target", "blocked", "help", "jion", "x"),
    fc.string({ maxLength: 30 }),
  )
  .map(([name, args]) => `/${name} ${args.replace(/[\r\n]/g, " ")}`);
const prose = fc.string({ maxLength: 60 }).map((s) => s.replace(/^\s*\//gm, ""));
const line = fc.oneof(
  commandLine,
  prose,
  fc.constantFrom("", "> quoted", "```", "~~~", "<!--", "-->", "    indented", "`code`"),
);
const comment = fc.array(line, { maxLength: 30 }).map((lines) => lines.join("\n"));

describe("command parser properties", () => {
  it("never throws, and every command it finds is on a line of its own outside code and quotes", () => {
    fc.assert(
      fc.property(comment, (body) => {
        const found = parseCommands(body);
        expect(found.length).toBeLessThanOrEqual(20);
        for (const command of found) {
          expect(command.name).toMatch(/^[a-z][a-z-]*$/);
          const spec = findSpec(command.name);
          if (spec) expect(() => spec.parse(command.args, templates)).not.toThrow();
        }
      }),
      { numRuns: 500 },
    );
  });

  it("finds nothing inside a fenced block or a quote", () => {
    fc.assert(
      fc.property(fc.array(commandLine, { minLength: 1, maxLength: 10 }), (commands) => {
        expect(parseCommands(["```", ...commands, "```"].join("\n"))).toEqual([]);
        expect(parseCommands(commands.map((c) => `> ${c}`).join("\n"))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("runs nothing new when an edit changes nothing, and only what an edit appends", () => {
    fc.assert(
      fc.property(comment, commandLine, (body, added) => {
        expect(newCommands(body, body)).toEqual([]);
        const appended = newCommands(body, `${body}\n\n${added}`);
        expect(appended.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
