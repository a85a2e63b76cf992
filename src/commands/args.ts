/** Readers for command arguments: the pieces a spec's `parse` is built from. Pure. */
import { safeUrl } from "../core/markdown.js";

/** Longest reason kept (`/blocked`, `/phase`): it is shown on the card, which must stay short. */
export const MAX_REASON_LENGTH = 300;

/** GitHub's rule: letters, digits and single dashes, at most 39; legacy logins may end in a dash. */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function words(args: string): string[] {
  return args.split(/\s+/).filter((word) => word !== "");
}

/** Drops the quotes or backticks people put around a value, and trailing sentence punctuation. */
export function unwrap(word: string): string {
  const quoted = /^(["'`])(.*)\1$/.exec(word);
  return (quoted ? (quoted[2] ?? "") : word).replace(/[.,;:!?]+$/, "");
}

/** A login as typed (`@octocat`, `octocat`), or null when it cannot be one. */
export function readLogin(word: string): string | null {
  const login = unwrap(word).replace(/^@/, "");
  return LOGIN.test(login) ? login : null;
}

/** `YYYY-MM-DD` naming a day that exists (no 2026-02-30), or null. */
export function readDate(word: string): string | null {
  const match = DATE.exec(word);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? word : null;
}

/** An http(s) address, also when pasted as `<https://…>`; null otherwise. */
export function readUrl(word: string): string | null {
  const bare = /^<(.*)>$/.exec(word)?.[1] ?? word;
  return safeUrl(bare);
}

/**
 * The first value of a phrase and what follows it; a value may be quoted to hold spaces
 * (`"in review" ready for eyes`).
 */
export function splitFirst(text: string): { first: string; rest: string } {
  const trimmed = text.trim();
  const quoted = /^(["'`])((?:(?!\1).)+)\1(?:\s+([\s\S]*))?$/.exec(trimmed);
  if (quoted) return { first: (quoted[2] ?? "").trim(), rest: (quoted[3] ?? "").trim() };
  const first = trimmed.split(/\s/, 1)[0] ?? "";
  return { first: unwrap(first), rest: trimmed.slice(first.length).trim() };
}

const ISSUE_REF = /^(?:([A-Za-z0-9-]+\/[A-Za-z0-9._-]+))?#(\d{1,9})$/;
const ISSUE_URL = /^https:\/\/github\.com\/([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)\/issues\/(\d{1,9})\/?$/;

/** `#12`, `owner/repo#12` or the issue's address; `repo` is null for "this repository". */
export function readIssueRef(word: string): { repo: string | null; number: number } | null {
  const match = ISSUE_REF.exec(word) ?? ISSUE_URL.exec(word.replace(/^<(.*)>$/, "$1"));
  const number = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(number) || number < 1) return null;
  return { repo: match[1] ?? null, number };
}
