/** Small renderers both digests share: feature links, people, counts, days in the digest's zone. */
import type { Config } from "../../config/schema.js";
import { escapeInline, mention, personLink, safeUrl } from "../../core/markdown.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { RepoRef } from "../../github/types.js";
import type { FeatureRef } from "./collect.js";

const LOGIN = /^[A-Za-z0-9-]+(\[bot\])?$/;

/**
 * A person named without a notification, unless `notify` (a squad lead, when config asks) and
 * they have not opted out. Logins come from card state, so anything odd is shown as inert text.
 */
export function person(login: string, notify = false, neverMention: string[] = []): string {
  if (!LOGIN.test(login)) return escapeInline(login);
  const optedOut = neverMention.some((name) => sameName(name, login));
  return notify && !optedOut && !login.endsWith("[bot]") ? mention(login) : personLink(login);
}

/** `24 Nov` as the digest's time zone sees the instant. */
export function formatDay(at: string | Date, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: timezone, day: "numeric", month: "short" })
    .format(new Date(at))
    .replace(/\.$/, "");
}

/** `23 Nov 2026`, from a `YYYY-MM-DD` calendar date (no zone: it is already local). */
export function formatCalendarDay(day: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(new Date(`${day}T00:00:00Z`));
}

export function repoNames(repos: RepoRef[]): string {
  return repos.map((r) => escapeInline(`${r.owner}/${r.repo}`)).join(", ");
}

/** One digest section as the templates loop over it. */
export interface SectionView {
  heading: string;
  intro?: string;
  chart?: string;
  items: string[];
  more?: string;
  empty?: string;
}

/**
 * The phrases both digests share, worded with `templates`: made once per rendering, so the
 * renderers call them as plain functions.
 */
export function digestPhrases(templates: Templates) {
  /** `<key>.one` or `<key>.other` by count, with `count` in the view. */
  const countMessage = (key: string, count: number, view: object = {}): string =>
    templates.message(`${key}.${count === 1 ? "one" : "other"}`, { ...view, count });

  /** Sections show a title link then `(repo#n)`: the number alone is ambiguous org-wide. */
  function featureLink(feature: FeatureRef, manyRepos: boolean): string {
    const title = escapeInline(feature.title) || templates.message("digest.untitled");
    const url = safeUrl(feature.url);
    const ref = `${manyRepos ? `${feature.repo.owner}/${feature.repo.repo}` : feature.repo.repo}#${feature.number}`;
    return templates.message(url ? "digest.feature" : "digest.feature.inert", { title, url, ref });
  }

  /** The repository's own phases first, then its other journeys'. */
  function phaseName(config: Config, id: string | null): string {
    const phase = [...config.phases, ...config.journeys.flatMap((j) => j.phases)].find(
      (candidate) => candidate.id === id,
    );
    return phase ? escapeInline(phase.name) : templates.message("digest.phase.unknown");
  }

  /** A section from a ranked list: its lines, "…and N more", or the "nothing" phrase. */
  function section<T>(
    heading: string,
    ranked: { items: T[]; more: number },
    line: (item: T) => string,
    extra: Partial<SectionView> = {},
  ): SectionView {
    return {
      heading,
      ...extra,
      items: ranked.items.map(line),
      ...(ranked.more > 0 ? { more: countMessage("digest.more", ranked.more) } : {}),
      ...(ranked.items.length === 0 ? { empty: templates.message("digest.none") } : {}),
    };
  }

  return { countMessage, featureLink, phaseName, section };
}
