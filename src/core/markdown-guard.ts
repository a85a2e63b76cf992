/**
 * Keeps one micromark parse bounded, whatever a stranger types: micromark, like most Markdown
 * parsers before their fixes, re-scans to the end of a paragraph for every unclosed `<!--`, and a
 * few other shapes (link titles, deep nesting) grow faster than the text does.
 */
import { codeText, htmlText } from "micromark-core-commonmark";
import type { Code, Construct, Extension, State, TokenizeContext } from "micromark-util-types";

/** Thrown from inside the parser when a parse outlives its time budget. */
export class MarkdownTooSlow extends Error {
  constructor(budgetMs: number) {
    super(`Markdown parse took longer than ${budgetMs} ms`);
  }
}

/** Inline HTML that ends only on a fixed sequence, by how it opens. */
function scanKind(source: string, offset: number): string | null {
  if (source.startsWith("<!--", offset)) return "comment";
  if (source.startsWith("<![CDATA[", offset)) return "cdata";
  if (source.startsWith("<?", offset)) return "instruction";
  if (/^<![A-Za-z]/.test(source.slice(offset, offset + 3))) return "declaration";
  return null;
}

/**
 * Inline HTML as micromark reads it, except that once an opener of some kind found no end before
 * its paragraph ended, later openers of that kind in the same paragraph fail at once: they would
 * scan the same rest of it for the same missing end (the quadratic case of cmark-gfm's
 * CVE-2023-22484).
 */
function htmlTextOnce(source: string): Construct {
  const exhaustedUntil = new WeakMap<TokenizeContext, Map<string, number>>();
  return {
    name: "htmlTextOnce",
    add: "after",
    tokenize(effects, ok, nok) {
      const start = this.now().offset;
      const kind = scanKind(source, start);
      const seen = exhaustedUntil.get(this) ?? new Map<string, number>();
      exhaustedUntil.set(this, seen);
      if (kind !== null && start < (seen.get(kind) ?? -1)) return (code: Code) => nok(code);
      const failed = (code: Code): State | undefined => {
        if (code === null && kind !== null) seen.set(kind, this.now().offset);
        return nok(code);
      };
      return htmlText.tokenize.call(this, effects, ok, failed);
    },
  };
}

/** A construct that never matches, only looks at the clock when the parser tries something. */
function clock(deadline: number, budgetMs: number, previous?: Construct["previous"]): Construct {
  return {
    name: "markdownClock",
    ...(previous ? { previous } : {}),
    tokenize(_effects, _ok, nok) {
      return (code: Code) => {
        if (performance.now() > deadline) throw new MarkdownTooSlow(budgetMs);
        return nok(code);
      };
    },
  };
}

/**
 * Only characters that already start a construct, so the clock adds no break point to text: a
 * backtick inside a run is no break for code spans, and not for the clock either.
 */
const DOCUMENT_CODES = [42, 43, 45, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 62];
const FLOW_CODES = [35, 42, 45, 60, 61, 95, 96, 126];
const TEXT_CODES = [-5, -4, -3, 33, 38, 42, 91, 92, 93, 95];
const BACKTICK = 96;
const LESS_THAN = 60;

function record(codes: number[], construct: Construct): Record<string, Construct> {
  return Object.fromEntries(codes.map((code) => [String(code), construct]));
}

/** The extension for one parse of `source`, which must end within `budgetMs` from now. */
export function boundedParse(source: string, budgetMs: number): Extension {
  const deadline = performance.now() + budgetMs;
  const tick = clock(deadline, budgetMs);
  return {
    disable: { null: ["htmlText"] },
    document: record(DOCUMENT_CODES, tick),
    flow: record(FLOW_CODES, tick),
    text: {
      ...record(TEXT_CODES, tick),
      [BACKTICK]: clock(deadline, budgetMs, codeText.previous),
      [LESS_THAN]: [tick, htmlTextOnce(source)],
    },
  };
}
