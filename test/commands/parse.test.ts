/** The comment parser: which lines are commands, and what an edit adds. */
import { describe, expect, it } from "vitest";
import { MAX_COMMANDS_PER_COMMENT, newCommands, parseCommands } from "../../src/commands/parse.js";

const lines = (body: string) => parseCommands(body).map((command) => command.line);

describe("parseCommands", () => {
  it.each([
    ["a bare command", "/join", ["/join"]],
    [
      "args and surrounding text",
      "Sounds good!\n/phase building --force ready\nthanks",
      ["/phase building --force ready"],
    ],
    ["up to 3 leading spaces", "   /join", ["/join"]],
    ["4 leading spaces are not a command", "text\n    /join", []],
    ["a tab is 4 columns", "text\n\t/join", []],
    ["unknown names", "/lgtm\n/frobnicate now", ["/lgtm", "/frobnicate now"]],
    ["dashes in names", "/not-a-thing", ["/not-a-thing"]],
    ["trailing whitespace", "/join   \t", ["/join"]],
    [
      "whitespace collapsed in line",
      "/blocked   waiting \t for  review ",
      ["/blocked waiting for review"],
    ],
    ["a tab after the name", "/lead\t@octocat", ["/lead @octocat"]],
    [
      "several commands in order",
      "/join\nsome text\n/interested\n\n/target 2026-05-01",
      ["/join", "/interested", "/target 2026-05-01"],
    ],
    ["mid-line slash is prose", "please /join us", []],
    ["list items are prose", "- /join\n1. /leave", []],
    ["paths", "/path/to/file\n/usr/bin", []],
    ["punctuation right after the name", "/join.\n/etc:\n/x,y", []],
    ["urls", "https://example.com/join\n//join", []],
    ["upper case", "/Join\n/JOIN", []],
    ["no name", "/\n/ join\n/1up", []],
    ["a backslash-escaped slash", "\\/join", []],
  ])("%s", (_, body, expected) => {
    expect(lines(body)).toEqual(expected);
  });

  it("returns name, raw args, normalised line and index", () => {
    expect(parseCommands("hi\n/phase  `in review`   soon\n/join")).toEqual([
      { name: "phase", args: "`in review`   soon", line: "/phase `in review` soon", index: 0 },
      { name: "join", args: "", line: "/join", index: 1 },
    ]);
  });

  describe("fenced code blocks", () => {
    it.each([
      ["backticks", "```\n/join\n```\n/leave", ["/leave"]],
      ["tildes", "~~~\n/join\n~~~\n/leave", ["/leave"]],
      ["an info string", "```ts title=x\n/join\n```\n/leave", ["/leave"]],
      ["a tilde fence with backticks in its info", "~~~ `x`\n/join\n~~~\n/leave", ["/leave"]],
      ["indented fence", "   ```\n/join\n   ```\n/leave", ["/leave"]],
      ["a longer closing fence", "```\n/join\n`````\n/leave", ["/leave"]],
      ["a shorter fence does not close", "````\n/join\n```\n/help\n````\n/leave", ["/leave"]],
      ["the other fence char does not close", "```\n~~~\n/join\n```\n/leave", ["/leave"]],
      ["text after a closing fence does not close", "```\n``` x\n/join\n```\n/leave", ["/leave"]],
      ["unclosed to end of text", "/interested\n```\n/join\n\n/leave", ["/interested"]],
      ["a fence interrupts a paragraph", "text\n```\n/join\n```", []],
      ["backticks in a backtick info string are not a fence", "```a`b\n/join", ["/join"]],
      ["a fence inside an indented code block", "\n    ```\n/join", ["/join"]],
      ["comment markers inside a fence", "```\n<!--\n```\n/join", ["/join"]],
    ])("%s", (_, body, expected) => {
      expect(lines(body)).toEqual(expected);
    });
  });

  describe("indented code blocks", () => {
    it.each([
      ["at the start", "    /join\n/leave", ["/leave"]],
      ["after a blank line", "text\n\n    /join\n\t/help\n/leave", ["/leave"]],
      ["a comment opener inside one", "\n    <!--\n/join", ["/join"]],
      ["a fence opener inside one", "\n    ~~~\n/join", ["/join"]],
    ])("%s", (_, body, expected) => {
      expect(lines(body)).toEqual(expected);
    });
  });

  describe("inline code", () => {
    it.each([
      ["a command in backticks", "`/join`", []],
      ["a line starting with a backtick", "`x` /join", []],
      ["a code span in the middle", "use `/join` to join", []],
      ["a code span open across lines", "run `this\n/join` now", []],
      ["a double-backtick span across lines", "a `` x ` \n/join `` b", []],
      ["an unmatched backtick is literal", "it`s\n/join", ["/join"]],
      ["a backtick run of another length does not close", "a `` b\n/join ` c", ["/join ` c"]],
      ["an escaped backtick opens nothing", "a \\`b\n/join `c", ["/join `c"]],
      ["a span does not cross a blank line", "a `b\n\n/join `c", ["/join `c"]],
      ["code in args is kept", "/blocked on `api` review", ["/blocked on `api` review"]],
    ])("%s", (_, body, expected) => {
      expect(lines(body)).toEqual(expected);
    });
  });

  describe("block quotes", () => {
    it.each([
      ["a quoted command", "> /join\n/leave", ["/leave"]],
      ["nested", "> > /join", []],
      ["after up to 3 spaces", "   > /join", []],
      ["no space after >", ">/join", []],
      ["a quoted fence does not hide later lines", "> ```\n/join", ["/join"]],
      ["a line right after a quote is the commenter's", "> can you lead?\n/lead me", ["/lead me"]],
    ])("%s", (_, body, expected) => {
      expect(lines(body)).toEqual(expected);
    });
  });

  describe("HTML comments", () => {
    it.each([
      ["one line", "<!-- /join -->\n/leave", ["/leave"]],
      ["multi-line", "<!--\n/join\n\n/help\n-->\n/leave", ["/leave"]],
      ["unclosed to end of text", "/interested\n<!-- draft\n/join", ["/interested"]],
      ["inline across lines", "text <!-- hide\n/join -->\n/leave", ["/leave"]],
      ["text after the end is read", "<!--\nx\n-->/join", ["/join"]],
      ["text after a one-line comment is read", "<!-- note --> /join", ["/join"]],
      [
        "comment removed from args",
        "/blocked api <!-- private --> review",
        ["/blocked api review"],
      ],
      ["an inline unclosed opener is literal", "a <!-- b\n/join", ["/join"]],
      ["inside a code span it is literal", "`<!--`\n/join", ["/join"]],
      ["the shortest comment", "<!-->\n/join", ["/join"]],
      ["an escaped opener is literal", "\\<!-- x\n/join -->", ["/join -->"]],
    ])("%s", (_, body, expected) => {
      expect(lines(body)).toEqual(expected);
    });
  });

  describe("what GitHub shows as a block of its own", () => {
    it.each([
      ["a longer closing tilde fence", "~~~\n/join\n~~~~~\n/leave", ["/leave"]],
      ["a shorter tilde fence does not close", "~~~~\n/join\n~~~\n/help\n~~~~\n/leave", ["/leave"]],
      ["backticks do not close a tilde fence", "~~~\n/join\n```\n/leave", []],
      ["a fence in a list item", "- a\n\n  ~~~\n  /join\n  ~~~\n/leave", ["/leave"]],
      ["an HTML block, up to a blank line", "<details>\n/join\n</details>\n\n/leave", ["/leave"]],
      ["a comment an HTML block leaves open", "<p>note <!-- draft\n\n/join\n\n/leave", []],
      ["a comment across lines, CRLF", "a\r\n<!--\r\n/join\r\n-->\r\n/leave", ["/leave"]],
      ["a setext heading is the commenter's text", "/join\n---\n/leave\n===", ["/join", "/leave"]],
      ["a line right after a quote in a list", "- > can you lead?\n/lead me", ["/lead me"]],
    ])("%s", (_, body, expected) => {
      expect(lines(body)).toEqual(expected);
    });
  });

  it.each([
    ["a tilde fence", (c: string) => `~~~\n${c}\n~~~`],
    ["an indented code block", (c: string) => `text\n\n    ${c}`],
    ["a quote in a list item", (c: string) => `- item\n  > ${c}`],
    ["a nested quote", (c: string) => `> a\n> > ${c}`],
    ["a multi-line comment", (c: string) => `<!--\n\n${c}\n\n-->`],
    ["a comment in a list item", (c: string) => `- <!--\n  ${c}\n  -->`],
    ["a code span across lines", (c: string) => `see \`x\n${c}\``],
  ])("never runs a command inside %s", (_, wrap) => {
    for (const command of ["/join", "/phase building --force", "/lead me"]) {
      expect(lines(wrap(command)), wrap(command)).toEqual([]);
    }
  });

  it.each([
    ["CRLF", "hi\r\n/join\r\n```\r\n/leave\r\n```\r\n/help\r\n"],
    ["lone CR", "hi\r/join\r```\r/leave\r```\r/help"],
  ])("handles %s line ends", (_, body) => {
    expect(parseCommands(body)).toEqual([
      { name: "join", args: "", line: "/join", index: 0 },
      { name: "help", args: "", line: "/help", index: 1 },
    ]);
  });

  it(`returns at most ${MAX_COMMANDS_PER_COMMENT} commands`, () => {
    const body = Array.from({ length: 30 }, (_, i) => `/blocked ${i}`).join("\n");
    const commands = parseCommands(body);
    expect(MAX_COMMANDS_PER_COMMENT).toBe(20);
    expect(commands).toHaveLength(20);
    expect(commands.at(-1)).toEqual({
      name: "blocked",
      args: "19",
      line: "/blocked 19",
      index: 19,
    });
  });

  // micromark needs about a second for these 65,000 characters on a busy machine (the old scanner
  // needed less); re-scanning for every unclosed `<!--` would take far longer (see test/core).
  it("stays fast on pathological backticks and comment openers", () => {
    const body = `${"` ".repeat(20_001)}\nx ${"<!-- ".repeat(5_000)}\n/join`;
    const started = performance.now();
    expect(lines(body)).toEqual(["/join"]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("newCommands", () => {
  const added = (before: string, after: string) => newCommands(before, after).map((c) => c.line);

  it.each([
    ["nothing changed", "/join", "/join", []],
    ["a command added", "/join", "/join\n/lead me", ["/lead me"]],
    ["a typo fixed elsewhere", "/join\nthx fro the work", "/join\nthanks for the work", []],
    ["one more of the same", "/join", "/join\n/join", ["/join"]],
    ["whitespace-only change", "/blocked  on api", "/blocked on   api", []],
    ["a command removed", "/join\n/leave", "/join", []],
    ["args changed", "/target 2026-01-01", "/target 2026-02-01", ["/target 2026-02-01"]],
    ["a command moved out of a code block", "```\n/join\n```", "/join", ["/join"]],
    ["a command put into a quote", "/join", "> /join", []],
  ])("%s", (_, before, after, expected) => {
    expect(added(before, after)).toEqual(expected);
  });

  it("keeps the index the command has in the edited text", () => {
    expect(newCommands("/join\n/help", "/help\n/join\n/help\n/leave")).toEqual([
      { name: "help", args: "", line: "/help", index: 2 },
      { name: "leave", args: "", line: "/leave", index: 3 },
    ]);
  });

  it("compares against every old command, not only the first 20", () => {
    const old = Array.from({ length: 25 }, (_, i) => `/blocked ${i}`).join("\n");
    expect(added(old, `${old}\n/join`)).toEqual(["/join"]);
  });
});
