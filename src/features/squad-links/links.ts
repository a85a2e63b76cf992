/** Links between features (duplicates, squad issues and their requests): keys, addresses, adoption. Pure. */

import { sameName } from "../../core/names.js";
import type { IssueRef } from "../../github/types.js";
import type { FeatureState, IssueLink } from "../squad/state.js";

/** A squad issue lists at most this many requests; beyond it, older ones stop following its phase. */
export const REQUESTS_LIMIT = 20;
/** How many adopted issue keys a card remembers; each is one `/duplicate` or proposal. */
const ADOPTED_LIMIT = 100;

/** What a command needs to know about another issue, found before planning (see resolve.ts). */
export type LinkCheck =
  | { ok: true; issue: IssueLink; nodeId?: string }
  | { ok: false; reason: string };

export interface CommandLinks {
  /** Per `/duplicate` command line: whether its target can take this request in. */
  duplicates?: Record<string, LinkCheck>;
  /** The squad issue `/squad propose` found or opened, or why it could not. */
  squad?: LinkCheck;
}

export const linkOf = (ref: IssueRef): IssueLink => ({
  repo: `${ref.owner}/${ref.repo}`,
  number: ref.number,
});

export function refOf(link: IssueLink): IssueRef {
  const [owner = "", repo = ""] = link.repo.split("/", 2);
  return { owner, repo, number: link.number };
}

/** Case-insensitive, as GitHub treats owner and repository names. */
export const linkKey = (link: IssueLink): string => `${link.repo}#${link.number}`.toLowerCase();

export const sameLink = (a: IssueLink | undefined, b: IssueLink): boolean =>
  a !== undefined && linkKey(a) === linkKey(b);

const linkUrl = (link: IssueLink): string =>
  `https://github.com/${link.repo}/issues/${link.number}`;

/** `[medic/cht-core#12](https://…)`, the repository left out when it is `home`'s. */
export function linkMarkdown(link: IssueLink, home?: string): string {
  const sameRepo = home !== undefined && home.toLowerCase() === link.repo.toLowerCase();
  // Plain `owner/repo#N` (never escaped), so GitHub also reads it as a cross-reference.
  const repo = link.repo.replace(/[^A-Za-z0-9._/-]/g, "");
  const text = sameRepo ? `#${link.number}` : `${repo}#${link.number}`;
  return `[${text}](${linkUrl({ repo, number: link.number })})`;
}

/** Everyone a feature's people list holds: whom a duplicate or a squad issue takes in. */
export function followersOf(state: FeatureState, author: string): string[] {
  const all = [...(state.lead ? [state.lead] : []), ...state.members, ...state.interested, author];
  // Bots (squad-bot itself authors squad issues) follow nothing.
  return all.filter(
    (login, i) =>
      !login.endsWith("[bot]") && all.findIndex((other) => sameName(other, login)) === i,
  );
}

/**
 * Takes in the people of `from` as interested, once: the key of `from` is remembered, so a
 * redelivered command or a repeated follow-up adds nobody twice, even after someone left.
 */
export function adoptPeople(
  state: FeatureState,
  from: IssueLink,
  people: string[],
  exclude: string[] = [],
): FeatureState {
  const key = linkKey(from);
  if ((state.adopted ?? []).includes(key)) return state;
  const known = [...(state.lead ? [state.lead] : []), ...state.members, ...state.interested];
  const fresh = people.filter(
    (login, i) =>
      ![...known, ...exclude].some((k) => sameName(k, login)) &&
      people.findIndex((other) => sameName(other, login)) === i,
  );
  return {
    ...state,
    interested: [...state.interested, ...fresh],
    adopted: [...(state.adopted ?? []), key].slice(-ADOPTED_LIMIT),
  };
}

/** Adds a request to a squad issue's list (newest last, bounded); a known one is kept in place. */
export function withRequest(state: FeatureState, request: IssueLink): FeatureState {
  const requests = state.requests ?? [];
  if (requests.some((r) => sameLink(r, request))) return state;
  return { ...state, requests: [...requests, request].slice(-REQUESTS_LIMIT) };
}
