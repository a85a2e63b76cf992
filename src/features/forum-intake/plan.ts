/**
 * Forum intake's pure decisions: whether a new topic is taken in, the feature request it becomes
 * (title, escaped text, the author by forum username, a link to the topic, a hidden marker with
 * the topic), which earlier issue already is that request, and the one reply in the topic.
 */
import type { ForumAction } from "../../actions/bridge-action.js";
import { escapeInline, safeUrl } from "../../core/markdown.js";
import { decodeMarker, encodeMarker } from "../../core/markers.js";
import type { Templates } from "../../core/templates.js";
import { type CategoryAnswer, type CategoryUse, categoryFor } from "../../forum/categories.js";
import type { ForumConfig } from "../../forum/config.js";
import type { ForumCategory, ForumPost, ForumSearchHit } from "../../forum/port.js";
import type { NewIssue, RepoRef } from "../../github/types.js";
import { forumUsername, issueTitleOf, quoteForumText } from "./forum-text.js";

/** The issue body's marker: which forum topic this request came from. */
const INTAKE_MARKER = "forum-topic";

/** The categories whose new topics intake takes. */
const INTAKE_USES: readonly CategoryUse[] = ["squads", "featureRequests"];

export type IntakeDecision =
  | { take: true; use: CategoryUse }
  /** Not an intake category, or intake is `link`: the topic is only watched. */
  | { take: false; why: "link" | "other category" }
  /** A configured intake category the forum lacks: a problem to report, never a retry. */
  | {
      take: false;
      why: "unknown category";
      unknown: NonNullable<Extract<CategoryAnswer, { ok: false }>["unknown"]>[];
    };

export function decideIntake(
  config: ForumConfig,
  categories: readonly ForumCategory[],
  topicCategoryId: number | null,
): IntakeDecision {
  const answers = INTAKE_USES.map((use) => ({ use, answer: categoryFor(config, use, categories) }));
  const hit = answers.find(
    ({ answer }) => answer.ok && topicCategoryId !== null && answer.category.id === topicCategoryId,
  );
  if (hit)
    return config.intake === "issue" ? { take: true, use: hit.use } : { take: false, why: "link" };
  const unknown = answers.flatMap(({ answer }) =>
    !answer.ok && answer.unknown ? [answer.unknown] : [],
  );
  if (unknown.length > 0) return { take: false, why: "unknown category", unknown };
  return { take: false, why: "other category" };
}

export interface TopicRef {
  /** The forum's address, as the config names it, without a trailing slash. */
  forumUrl: string;
  topicId: number;
}

/** `https://forum/t/123`: Discourse redirects it to the topic whatever its slug. */
export const topicUrlOf = ({ forumUrl, topicId }: TopicRef) =>
  `${forumUrl.replace(/\/+$/, "")}/t/${topicId}`;

const markerData = (topic: TopicRef) => ({ topic: topic.topicId, forum: topic.forumUrl });

/** Whether an issue body carries the marker of this topic (its author is checked by the caller). */
export function isIntakeOf(body: string, topic: TopicRef): boolean {
  const data = decodeMarker(body, INTAKE_MARKER) as
    | { topic?: unknown; forum?: unknown }
    | undefined;
  return data?.topic === topic.topicId && data.forum === topic.forumUrl;
}

export interface IntakeIssueInput {
  topic: TopicRef;
  title: string;
  /** The first post's Markdown, as the forum holds it. */
  raw: string;
  author: string;
  use: CategoryUse;
  labels: string[];
  /** Earlier forum topics that may raise the same thing. */
  earlier?: readonly ForumSearchHit[];
  templates: Templates;
}

export function planIntakeIssue(input: IntakeIssueInput): NewIssue {
  const { templates, topic } = input;
  const quoted = quoteForumText(input.raw);
  const url = safeUrl(topicUrlOf(topic)) ?? "";
  const author = forumUsername(input.author);
  const body = templates.render("forum-intake-issue", {
    topicUrl: url,
    author: author ? escapeInline(author) : templates.message("forum.intake.unknownAuthor"),
    authorUrl: author ? safeUrl(`${topic.forumUrl}/u/${encodeURIComponent(author)}`) : null,
    fromSquads: input.use === "squads",
    hasText: quoted.lines.length > 0,
    lines: quoted.lines,
    cut: quoted.cut,
    hasEarlier: (input.earlier ?? []).length > 0,
    earlier: (input.earlier ?? []).map((hit) => ({
      title: escapeInline(hit.title),
      url: safeUrl(topicUrlOf({ forumUrl: topic.forumUrl, topicId: hit.topicId })) ?? "",
    })),
  });
  return {
    title: issueTitleOf(input.title),
    body: `${body.trimEnd()}\n\n${encodeMarker(INTAKE_MARKER, markerData(topic))}\n`,
    labels: input.labels,
  };
}

/** The key of the one reply in the topic that links the request (the executor keeps it once). */
export const intakeReplyKey = (repo: RepoRef) => `intake:${repo.owner}/${repo.repo}`.toLowerCase();

export function planIntakeReply(input: {
  topicId: number;
  repo: RepoRef;
  issueNumber: number;
  botPosts: ForumPost[];
  templates: Templates;
}): ForumAction {
  const { repo, issueNumber } = input;
  return {
    type: "reply",
    topicId: input.topicId,
    key: intakeReplyKey(repo),
    raw: input.templates.message("forum.intake.reply", {
      ref: `${repo.owner}/${repo.repo}#${issueNumber}`,
      url: `https://github.com/${repo.owner}/${repo.repo}/issues/${issueNumber}`,
    }),
    botPosts: input.botPosts,
  };
}
