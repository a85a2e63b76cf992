/**
 * What a feature's linked forum topic should hold, planned purely: the one bot post that links
 * back to the GitHub issue (edited in place), and one reply per phase move, keyed by the move.
 */
import type { ForumAction } from "../../actions/bridge-action.js";
import { onceKeyOf } from "../../actions/executor.js";
import type { Phase } from "../../config/schema.js";
import type { Templates } from "../../core/templates.js";
import type { ForumPost } from "../../forum/port.js";
import type { FeatureState } from "../squad/state.js";
import type { Transition } from "../squad/transitions.js";

export interface TopicPlanInput {
  /** `owner/repo`, the issue's number, its address and title (GitHub text, escaped here). */
  issue: { repo: string; number: number; url: string; title: string };
  phases: readonly Phase[];
  /** The feature as its card now holds it. */
  state: FeatureState;
  /** The moves this reconcile made, the last ones of `state.history`. */
  transitions: readonly Transition[];
  topicId: number;
  /** The bot's own posts in the topic, as loaded (`forum/bot-posts.ts`). */
  botPosts: readonly ForumPost[];
  codeOfConduct?: string | undefined;
  templates: Templates;
}

/** The hidden key of the one post that links the topic back to its issue. */
const linkPostKey = (repo: string, number: number): string =>
  `squad-bot:topic-link:${repo.toLowerCase()}#${number}`;

/**
 * A move's key: its place in the feature's history and the phase entered, so a redelivery or a
 * second instance planning the same move finds the reply already posted, while a later return to
 * the same phase is a new move.
 */
const phasePostKey = (repo: string, number: number, index: number, phase: string): string =>
  `squad-bot:phase:${repo.toLowerCase()}#${number}:${index}:${phase}`;

/**
 * Text from GitHub made inert in a Discourse post: no HTML, no Markdown, no @mention, no
 * direction override; cut to one line of reasonable length.
 */
function forumInline(text: string, max = 200): string {
  const flat = text
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  // Entities for HTML's characters (a backslash does not stop Discourse's HTML), backslashes for
  // Markdown's, so `@name` is never a mention and `#tag` never a link.
  return cut
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#+\-.!|~:@]/g, (char) => `\\${char}`);
}

/** A GitHub login as forum text: never a forum @mention (a login is not a forum username). */
const login = (name: string): string => forumInline(name, 60);

function phaseName(phases: readonly Phase[], id: string): string {
  return forumInline(phases.find((phase) => phase.id === id)?.name ?? id, 80);
}

/** The second main-path phase: entering it starts the squad, so it gets the kick-off message. */
function kickOffPhase(phases: readonly Phase[]): string | undefined {
  return phases.filter((phase) => !phase.optional)[1]?.id;
}

function moveText(input: TopicPlanInput, transition: Transition): string {
  const { templates, issue, state } = input;
  const view = {
    issue: issue.url,
    title: forumInline(issue.title),
    phase: phaseName(input.phases, transition.to),
    by: login(transition.by),
  };
  if (transition.to !== kickOffPhase(input.phases))
    return templates.message("forum.post.phase", view);
  return templates.message("forum.post.kickoff", {
    ...view,
    lead: state.lead ? login(state.lead) : null,
    members: state.members.length,
    codeOfConduct: input.codeOfConduct ?? null,
  });
}

function bySameKey(posts: readonly ForumPost[], key: string): ForumPost | undefined {
  return posts.find((post) => onceKeyOf(post.raw) === key);
}

export function planTopicPosts(input: TopicPlanInput): ForumAction[] {
  const { issue, templates, topicId, state } = input;
  const botPosts = [...input.botPosts];
  const actions: ForumAction[] = [];
  const linkKey = linkPostKey(issue.repo, issue.number);
  const linkRaw = templates.message("forum.post.link", {
    issue: issue.url,
    title: forumInline(issue.title),
    // Plain `owner/repo#N`: GitHub names hold nothing Markdown reads.
    repo: `${issue.repo.replace(/[^A-Za-z0-9._/-]/g, "")}#${issue.number}`,
  });
  const existing = bySameKey(botPosts, linkKey);
  actions.push(
    existing
      ? { type: "editPost", post: existing, raw: linkRaw }
      : { type: "reply", topicId, key: linkKey, raw: linkRaw, botPosts },
  );
  const first = state.history.length - input.transitions.length;
  for (const [offset, transition] of input.transitions.entries()) {
    const key = phasePostKey(issue.repo, issue.number, first + offset, transition.to);
    actions.push({ type: "reply", topicId, key, raw: moveText(input, transition), botPosts });
  }
  return actions;
}
