/**
 * A forum post's Markdown made safe to quote on GitHub: no @-mention, no raw HTML, no link or
 * image that loads, no bidi or zero-width tricks, and a bounded size (a 1 MB post stays a link).
 */
import { escapeInline } from "../../core/markdown.js";

/** Well under GitHub's 65,536-character body, leaving room for the template around it. */
const MAX_QUOTED_CHARS = 20_000;
const MAX_QUOTED_LINES = 400;
const MAX_TITLE_CHARS = 200;

/** Bidi overrides and isolates, zero-width characters and the BOM: text that reads differently. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Control characters other than tab and newline. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const clean = (text: string) => text.normalize("NFC").replace(INVISIBLE, "").replace(CONTROL, "");

export interface QuotedText {
  /** Markdown blockquote lines, each one escaped (empty when the post was empty). */
  lines: string[];
  /** True when the post was longer than what is quoted. */
  cut: boolean;
}

/**
 * The post as a blockquote, line by line through `escapeInline`, which drops Markdown syntax,
 * HTML and mentions; `&` is escaped first so an entity cannot spell `@` or `<` back.
 */
export function quoteForumText(raw: string): QuotedText {
  const text = clean(raw);
  const head = text.slice(0, MAX_QUOTED_CHARS);
  const all = head.split(/\r?\n|\r/);
  const kept = all.slice(0, MAX_QUOTED_LINES);
  const lines = kept.map((line) => {
    const safe = escapeInline(line.replace(/&/g, "&amp;"));
    return safe === "" ? ">" : `> ${safe}`;
  });
  while (lines.at(-1) === ">") lines.pop();
  while (lines[0] === ">") lines.shift();
  return { lines, cut: text.length > head.length || all.length > kept.length };
}

/** An issue title from a topic title: one line, bounded, mentions broken. */
export function issueTitleOf(title: string): string {
  const line = clean(title).replace(/\s+/g, " ").trim();
  const short = line.length > MAX_TITLE_CHARS ? `${line.slice(0, MAX_TITLE_CHARS - 1)}…` : line;
  return short.replace(/@/g, "@\u200d") || "Feature request from the forum";
}

/** A forum username as Discourse allows it; anything else is dropped. */
export function forumUsername(username: string): string {
  return clean(username)
    .replace(/[^\p{L}\p{N}_.-]/gu, "")
    .slice(0, 60);
}
