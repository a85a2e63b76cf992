/** The one short comment that tells a squad its feature changed phase, mentioning who follows it. */
import type { Phase } from "../../config/schema.js";
import { escapeInline, mention, personLink, safeUrl } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";

export interface TransitionNoticeInput {
  /** The issue title, as the author wrote it. */
  title: string;
  /** Null when the feature was just recognised. */
  from: Phase | null;
  to: Phase;
  /** Login of whoever made the move: told nothing they already know. */
  by: string;
  /** Lead, members and interested people, in the order they should be mentioned. */
  recipients: string[];
  maxMentions: number;
  neverMention: string[];
  /** The release that made the move: the notice says where it ships. */
  release?: { name: string; url: string };
  templates: Templates;
}

/** A person's login; `name[bot]` does not match, so apps are never mentioned. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * Who to mention, in order: once each (logins compare case-insensitively, as on GitHub), never
 * the mover, people who opted out, or bots, and nothing that is not a login.
 */
export function noticeRecipients(
  recipients: string[],
  exclude: { by: string; neverMention: string[] },
): string[] {
  const skip = new Set([exclude.by, ...exclude.neverMention].map((login) => login.toLowerCase()));
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of recipients) {
    const login = raw.trim().replace(/^@/, "");
    const key = login.toLowerCase();
    if (!LOGIN.test(login) || skip.has(key) || seen.has(key)) continue;
    seen.add(key);
    kept.push(login);
  }
  return kept;
}

/** The notice, or null when nobody is left to mention (a comment nobody is told of is noise). */
export function renderTransitionNotice(input: TransitionNoticeInput): string | null {
  const { templates } = input;
  const people = noticeRecipients(input.recipients, input);
  const mentioned = people.slice(0, Math.max(0, input.maxMentions));
  if (mentioned.length === 0) return null;
  const others = people.length - mentioned.length;
  const view = {
    title: escapeInline(input.title),
    from: input.from ? escapeInline(input.from.name) : "",
    to: escapeInline(input.to.name),
    by: personLink(input.by),
  };
  const url = input.release ? safeUrl(input.release.url) : null;
  const summary =
    input.release && url
      ? templates.message("card.notice.released", {
          ...view,
          release: escapeInline(input.release.name),
          url,
        })
      : templates.message(input.from ? "card.notice.moved" : "card.notice.entered", view);
  return templates.render("notification", {
    summary,
    mentions: mentioned.map(mention).join(" "),
    others:
      others > 0
        ? templates.message(`card.notice.others.${others === 1 ? "one" : "other"}`, {
            count: others,
          })
        : null,
  });
}
