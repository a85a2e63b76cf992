/** Headings, sections and task items of the one Markdown reading, as GitHub renders them. */
import { describe, expect, it } from "vitest";
import {
  findSection,
  headings,
  normalizeHeading,
  sectionLines,
  sectionTasks,
} from "../../src/core/markdown-sections.js";
import { readMarkdown } from "../../src/core/markdown-tree.js";

const headingTexts = (body: string, leadIns = false) =>
  headings(readMarkdown(body), { leadIns }).map((h) => [h.depth, h.text]);

/** The ticks of the checklist under `heading`, or null when there is no such heading. */
function ticks(body: string, heading = "Acceptance criteria"): boolean[] | null {
  const document = readMarkdown(body);
  const section = findSection(document, heading);
  return section ? sectionTasks(document, section) : null;
}

describe("headings", () => {
  it.each<[string, string, (string | number)[][]]>([
    [
      "ATX with closing hashes",
      "## Scope ##\n# Done #",
      [
        [2, "Scope"],
        [1, "Done"],
      ],
    ],
    [
      "setext, both levels",
      "Scope\n=====\n\nDone\n---",
      [
        [1, "Scope"],
        [2, "Done"],
      ],
    ],
    ["a setext heading over two lines", "Acceptance\ncriteria\n===", [[1, "Acceptance\ncriteria"]]],
    ["four spaces make code, not a heading", "    ## Scope\n\n\t# Done", []],
    ["up to three spaces are still a heading", "   ## Scope", [[2, "Scope"]]],
    ["no space after the hashes is prose", "#Scope\n#1 priority", []],
    ["emphasis and code marks are not text", "## **Scope** of `work`", [[2, "Scope of work"]]],
    ["comments are not text", "## Scope <!-- e.g. offline -->", [[2, "Scope "]]],
    ["a heading in a fence", "```\n## Scope\n```\n~~~\n## Done\n~~~", []],
    ["a heading in a quote or a list", "> ## Scope\n\n- ## Done", []],
    ["a heading in a multi-line comment", "<!--\n## Scope\n-->\n## Done", [[2, "Done"]]],
    [
      "CRLF line endings",
      "## Scope\r\ntext\r\n\r\nDone\r\n===\r\n",
      [
        [2, "Scope"],
        [1, "Done"],
      ],
    ],
  ])("%s", (_name, body, expected) => {
    expect(headingTexts(body)).toEqual(expected);
  });

  it("reads bold lead-in lines as headings only when asked, below every real heading", () => {
    const body = "### Question\n**Describe it** here\nmore **not a lead-in**\n\n  __Also__";
    expect(headingTexts(body)).toEqual([[3, "Question"]]);
    expect(headingTexts(body, true)).toEqual([
      [3, "Question"],
      [7, "Describe it"],
      [7, "Also"],
    ]);
  });
});

describe("normalizeHeading", () => {
  it.each([
    ["Acceptance Criteria:", "acceptance criteria"],
    ["**Acceptance criteria**", "acceptance criteria"],
    ["__Acceptance criteria:__", "acceptance criteria"],
    ["  Acceptance   criteria ##", "acceptance criteria"],
    ["Why?", "why?"],
  ])("%s", (text, expected) => {
    expect(normalizeHeading(text)).toBe(expected);
  });
});

describe("section tasks", () => {
  it.each<[string, string, boolean[] | null]>([
    ["setext heading", "Acceptance criteria\n---\n- [x] a\n- [ ] b", [true, false]],
    [
      "setext heading as high ends it",
      "## Acceptance criteria\n- [x] a\n\nNext\n---\n- [ ] b",
      [true],
    ],
    [
      "nested items, ordered and bullet",
      "## Acceptance criteria\n1. [x] a\n   - [ ] b\n     1) [X] c\n- [ ] d",
      [true, false, true, false],
    ],
    ["items in a quote are someone else's", "## Acceptance criteria\n> - [ ] q\n- [x] a", [true]],
    [
      "a quoted list inside a list item",
      "## Acceptance criteria\n- [x] a\n  > - [ ] quoted\n  - [ ] b",
      [true, false],
    ],
    [
      "a tilde fence, closed by a longer one",
      "## Acceptance criteria\n~~~\n- [ ] x\n~~~~~\n- [x] a",
      [true],
    ],
    [
      "a shorter tilde fence does not close",
      "## Acceptance criteria\n~~~~\n- [ ] x\n~~~\n- [ ] y\n~~~~\n- [x] a",
      [true],
    ],
    [
      "a backtick line does not close a tilde fence",
      "## Acceptance criteria\n~~~\n```\n- [ ] x",
      [],
    ],
    ["indented four spaces is code", "## Acceptance criteria\n\n    - [ ] code\n\n- [x] a", [true]],
    [
      "HTML comments spanning lines",
      "## Acceptance criteria\n<!-- e.g.\n- [ ] example\n\n- [ ] another\n-->\n- [x] a",
      [true],
    ],
    [
      "a comment an HTML block leaves open hides the rest",
      "## Acceptance criteria\n- [x] a\n\n<p>note <!-- draft\n\n- [ ] hidden",
      [true],
    ],
    ["CRLF", "## Acceptance criteria\r\n- [x] a\r\n  - [ ] b\r\n", [true, false]],
    ["a heading indented four spaces is no heading", "    ## Acceptance criteria\n- [x] a", null],
    [
      "an empty box is no task (GitHub shows it as text)",
      "## Acceptance criteria\n- [ ]\n- [x] a",
      [true],
    ],
  ])("%s", (_name, body, expected) => {
    expect(ticks(body)).toEqual(expected);
  });
});

describe("section lines", () => {
  it("gives what stands under the heading, comments removed, the heading's own line first", () => {
    const document = readMarkdown("**Q** first <!-- hint -->\nsecond\n**Next** x");
    const section = findSection(document, "q", { leadIns: true });
    expect(section && sectionLines(document, section)).toEqual([" first ", "second", ""]);
  });

  it("keeps a lead-in under a real heading inside that heading's section", () => {
    const document = readMarkdown("### Question\n**Reports** are slow\n### Other\nx");
    const section = findSection(document, "question", { leadIns: true });
    expect(section && sectionLines(document, section)).toEqual(["", "**Reports** are slow", ""]);
  });
});
