/** The one Markdown reading: prose lines, what GitHub hides, and a parse that stays bounded. */
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { describe, expect, it } from "vitest";
import { boundedParse, MarkdownTooSlow } from "../../src/core/markdown-guard.js";
import { proseLines } from "../../src/core/markdown-prose.js";
import { findSection } from "../../src/core/markdown-sections.js";
import { readMarkdown } from "../../src/core/markdown-tree.js";

const prose = (body: string) =>
  proseLines(readMarkdown(body)).map((line) =>
    line.startsInCode ? `code:${line.text}` : line.text,
  );

describe("prose lines", () => {
  it.each<[string, string, string[]]>([
    ["paragraphs, list items and headings", "a\n- b\n  c\n# d", ["a", "- b", "  c", "# d"]],
    ["fenced and indented code", "~~~\nx\n~~~\n\n    y\n\nz", ["z"]],
    ["a quote, and the line right after it", "> q\n> r\ns", ["s"]],
    ["a quote inside a list item", "- a\n  > q\n  b", ["- a", "  b"]],
    ["an HTML block up to the blank line", "<details>\nx\n</details>\n\ny", ["y"]],
    ["the rest of a comment block's last line", "<!-- a\nb --> c\nd", [" c", "d"]],
    ["a comment left open in an HTML block", "<!-- a --> b <!-- c\n\nd\n\n-->e", [" b ", "", ""]],
    ["an inline comment keeps its line breaks", "a <!-- b\nc --> d\ne", ["a ", " d", "e"]],
    ["a code span opened a line earlier", "a `b\nc` d", ["a `b", "code:c` d"]],
    ["table rows", "| a |\n| - |\n| `b` |", ["| a |", "| - |", "| `b` |"]],
  ])("%s", (_name, body, expected) => {
    expect(prose(body)).toEqual(expected);
  });
});

describe("a bounded parse", () => {
  const parse = (text: string, budgetMs: number) =>
    fromMarkdown(text, {
      extensions: [gfmTable(), gfmTaskListItem(), boundedParse(text, budgetMs)],
      mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
    });

  it.each([
    ["comment", "<!-- "],
    ["processing instruction", "<? "],
    ["declaration", "<!X "],
  ])("reads a run of unclosed %s openers in linear time", (_kind, opener) => {
    const body = `x ${opener.repeat(20_000)}\n/join`;
    const started = performance.now();
    const document = readMarkdown(body);
    expect(document.complete).toBe(true);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("reads thousands of comments, headings and HTML blocks in linear time", () => {
    const comments = "a <!-- x --> ".repeat(5_000);
    const blocks = "<div>\n\n".repeat(5_000);
    const started = performance.now();
    expect(prose(comments)).toHaveLength(1);
    expect(findSection(readMarkdown(`${"#\n".repeat(20_000)}# Done`), "done")).toBeDefined();
    expect(prose(`${blocks}<!--\n${blocks}-->/join`)).toEqual(["/join"]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("gives up once its time is spent, on a text built to make it crawl", () => {
    const nested = `${"- ".repeat(4_000)}x`;
    const started = performance.now();
    expect(() => parse(nested, 50)).toThrow(MarkdownTooSlow);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("changes nothing in the tree it builds", () => {
    const pieces = ["`", "``", "```", "~~~", "<!--", "-->", "<?", "?>", "<b>", "[x](y)", "*", "_"];
    const more = ["\\", "- [ ] ", "> ", "    ", "\n", "\n\n", " ", "a", "|", "-", "#", "1. "];
    const all = [...pieces, ...more];
    let state = 7;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    for (let round = 0; round < 300; round++) {
      let text = "";
      for (let i = 0; i < 40; i++) text += all[Math.floor(next() * all.length)];
      const plain = fromMarkdown(text, {
        extensions: [gfmTable(), gfmTaskListItem()],
        mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
      });
      expect(parse(text, 60_000), JSON.stringify(text)).toEqual(plain);
    }
  });

  it("reads a text it could not parse in time as empty, without throwing", () => {
    const document = readMarkdown(`${"- ".repeat(4_000)}x`, 50);
    expect(document.complete).toBe(false);
    expect(proseLines(document)).toEqual([]);
  });
});
