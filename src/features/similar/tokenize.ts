/**
 * Issue text → index terms: Markdown, code, links, HTML comments and issue-template boilerplate
 * removed, lower-cased, split on Unicode word boundaries, stop words dropped, stemmed.
 */
import { stem } from "./stemmer.js";
import { isStopWord } from "./stopwords.js";

/**
 * Questions of the issue templates that most requests still carry (GitHub's defaults and
 * medic/cht-core's). Their words say nothing about the request, and they would make every
 * templated issue look like every other.
 */
const TEMPLATE_HEADINGS = [
  "is your feature request related to a problem? please describe.",
  "describe the solution you'd like",
  "describe alternatives you've considered",
  "additional context",
  "what feature do you want to improve?",
  "describe the improvement you'd like",
  "describe the bug",
  "describe the issue",
  "to reproduce",
  "steps to reproduce the behavior:",
  "expected behavior",
  "screenshots",
  "logs",
  "environment",
];

/** Template prompts that fill a line on their own, e.g. "A clear and concise description of …". */
const BOILERPLATE_LINE =
  /^(a clear and concise description of .*|add any other context .*|if applicable, .*|_no response_)$/i;

const normalizeHeading = (line: string): string =>
  line
    .replace(/^\s{0,3}(#{1,6}\s+|\*\*|__)/, "")
    .replace(/(\*\*|__)\s*$/, "")
    .replace(/\*\*|__/g, "")
    .trim()
    .toLowerCase();

function stripBoilerplate(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const heading = normalizeHeading(line);
      if (TEMPLATE_HEADINGS.includes(heading)) return "";
      // A bold template question with the answer on the same line keeps the answer.
      const marked = /^\s{0,3}(#{1,6}\s|\*\*|__)/.test(line);
      const inline = marked && TEMPLATE_HEADINGS.find((h) => heading.startsWith(`${h} `));
      if (inline) return heading.slice(inline.length);
      return BOILERPLATE_LINE.test(line.trim()) ? "" : line;
    })
    .join("\n");
}

/** Removes what is not prose: the words in code and URLs are noise for "is this the same request?". */
export function plainText(markdown: string): string {
  const text = markdown
    .replace(/<!--[\s\S]*?(-->|$)/g, " ")
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|(?![\s\S]))/gm, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>\n]+>/g, " ")
    .replace(/\bhttps?:\/\/\S+/gi, " ")
    .replace(/\bwww\.\S+/gi, " ");
  return stripBoilerplate(text);
}

/** Letters and digits of any script; apostrophes inside words are kept for the stemmer ("user's"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cased words of the prose, before stop words and stemming. */
export function words(markdown: string): string[] {
  const matches = plainText(markdown).toLowerCase().match(WORD) ?? [];
  return matches.map((word) => word.replace(/’/g, "'"));
}

export interface TokenizeOptions {
  /** Off for the plain-TF baseline, which compares surface words. */
  stemming?: boolean;
}

/** Index terms of a text, in order (repeats kept: term frequency counts them). */
export function tokenize(markdown: string, options: TokenizeOptions = {}): string[] {
  const stemming = options.stemming ?? true;
  const terms: string[] = [];
  for (const word of words(markdown)) {
    // Pure numbers (versions, issue numbers) match by accident far more often than by meaning.
    if (isStopWord(word) || /^\d+$/.test(word) || word.length < 2) continue;
    const term = stemming ? stem(word.replace(/'s$/, "")) : word;
    if (term.length > 1) terms.push(term);
  }
  return terms;
}
