/**
 * The digest on the forum and in chat, beside its GitHub post: one forum topic per period (its
 * `external_id` is `squad-bot:<org>:<kind>:<period>`, looked up before creating, its first post
 * edited in place on a re-run) and one Slack message per period (edited in place when its `ts`
 * is remembered). Planned as bridge actions; a forum or Slack outage degrades only that part.
 */
import type { BridgeAction, ForumAction } from "../../actions/bridge-action.js";
import { type BridgeExecuteResult, executeBridge } from "../../actions/bridge-executor.js";
import { escapeMrkdwn, mrkdwnLink } from "../../chat/mrkdwn.js";
import type { ChatMessage, ChatPort, PostedMessage } from "../../chat/port.js";
import { sameName } from "../../core/names.js";
import { isOutage, OutsideError } from "../../core/outside-error.js";
import type { ForumPort, ForumPost } from "../../forum/port.js";
import type { Period } from "./period.js";
import { toPlainText } from "./plain-text.js";
import type { RenderedDigest } from "./weekly.js";

/** Slack allows 3,000 characters in a section and 150 in a header. */
const SLACK_SECTION_CHARS = 2_900;
const SLACK_HEADER_CHARS = 150;

const digestExternalId = (org: string, period: Period) =>
  `squad-bot:${org.toLowerCase()}:${period.key}`;

/**
 * Discourse does not render Mermaid, and a GitHub login typed as `@login` would notify the
 * forum user of that name: charts become a link to the GitHub post, mentions are broken.
 */
export function forumDigestText(markdown: string, githubUrl: string | null): string {
  const chart = githubUrl ? `*(Chart: see [the digest on GitHub](${githubUrl}).)*` : "";
  return markdown
    .replace(/```mermaid\n[\s\S]*?```/g, chart)
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200d")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The period's topic as the forum holds it: its id and the bot's first post, when there is one. */
interface ForumDigestState {
  topicId: number;
  firstPost: ForumPost | null;
}

/** Up to three requests: the external id, the topic, its first post. */
async function loadForumDigest(
  forum: ForumPort,
  externalId: string,
  botUsername: string,
): Promise<ForumDigestState | null> {
  const topicId = await forum.findTopicByExternalId(externalId);
  if (topicId === null) return null;
  const topic = await forum.getTopic(topicId);
  const first = topic?.posts.find((post) => post.number === 1);
  if (!first || !sameName(first.username, botUsername)) return { topicId, firstPost: null };
  return { topicId, firstPost: await forum.getPost(first.id) };
}

function planForumDigest(input: {
  existing: ForumDigestState | null;
  categoryId: number;
  externalId: string;
  title: string;
  raw: string;
}): ForumAction[] {
  const { existing } = input;
  if (existing === null) {
    const topic = {
      title: input.title,
      raw: input.raw,
      categoryId: input.categoryId,
      externalId: input.externalId,
    };
    return [{ type: "createTopic", topic }];
  }
  return existing.firstPost ? [{ type: "editPost", post: existing.firstPost, raw: input.raw }] : [];
}

/** The digest as one Slack message: a header, the plain text cut to fit, links to read it all. */
export function slackDigestMessage(
  rendered: RenderedDigest,
  links: { label: string; url: string }[],
): ChatMessage {
  const plain = escapeMrkdwn(toPlainText(rendered.markdown));
  const body =
    plain.length > SLACK_SECTION_CHARS ? `${plain.slice(0, SLACK_SECTION_CHARS - 1)}…` : plain;
  const title = rendered.title.slice(0, SLACK_HEADER_CHARS);
  return {
    text: title,
    blocks: [
      { type: "header", text: title },
      { type: "section", text: body },
      ...(links.length > 0
        ? [
            {
              type: "context" as const,
              texts: links.map((link) => mrkdwnLink(link.url, link.label)),
            },
          ]
        : []),
    ],
  };
}

/**
 * Where each period's Slack message was posted, with what it said. Slack cannot look a message
 * up by our key (only scan a channel's history), so the `ts` is remembered when posted.
 */
export interface ChatMessageMemory {
  get(key: string): Promise<{ at: PostedMessage; message: ChatMessage } | null>;
  set(key: string, at: PostedMessage, message: ChatMessage): Promise<void>;
}

function planChatDigest(input: {
  channel: string;
  message: ChatMessage;
  previous: { at: PostedMessage; message: ChatMessage } | null;
}): BridgeAction[] {
  const { previous, message } = input;
  return previous
    ? [{ type: "updateMessage", at: previous.at, message, current: previous.message }]
    : [{ type: "postMessage", channel: input.channel, message }];
}

export interface BridgeDigestInput {
  org: string;
  period: Period;
  rendered: RenderedDigest;
  /** The digest's GitHub post, linked from the forum and Slack. */
  githubUrl: string | null;
  forum?: { port: ForumPort; categoryId: number; botUsername: string; baseUrl: string };
  chat?: { port: ChatPort; channel: string; memory: ChatMessageMemory };
  dryRun: boolean;
}

export interface BridgeDigestResult {
  forum: BridgeExecuteResult | null;
  chat: BridgeExecuteResult | null;
  /** The period's forum topic, made now or found. */
  topicId: number | null;
}

/** Forum first (its topic is linked from Slack), then Slack; each one's failure stays its own. */
export async function deliverDigestToBridge(input: BridgeDigestInput): Promise<BridgeDigestResult> {
  const result: BridgeDigestResult = { forum: null, chat: null, topicId: null };
  const externalId = digestExternalId(input.org, input.period);
  if (input.forum) {
    const { port, categoryId, botUsername } = input.forum;
    try {
      const existing = await loadForumDigest(port, externalId, botUsername);
      const raw = forumDigestText(input.rendered.markdown, input.githubUrl);
      const actions = planForumDigest({
        existing,
        categoryId,
        externalId,
        title: input.rendered.title,
        raw,
      });
      result.forum = await executeBridge({ forum: port }, actions, { dryRun: input.dryRun });
      const made = result.forum.outcomes[0];
      result.topicId =
        existing?.topicId ??
        (made?.status === "written" ? (made.post?.topicId ?? null) : null) ??
        (made?.status === "skipped" ? (made.topicId ?? null) : null);
    } catch (error) {
      if (!(error instanceof OutsideError)) throw error;
      result.forum = failedLoad(error);
    }
  }
  if (input.chat) {
    const { port, channel, memory } = input.chat;
    const links = [
      ...(input.githubUrl ? [{ label: "Read it on GitHub", url: input.githubUrl }] : []),
      ...(input.forum && result.topicId
        ? [{ label: "Discuss it on the forum", url: `${input.forum.baseUrl}/t/${result.topicId}` }]
        : []),
    ];
    const message = slackDigestMessage(input.rendered, links);
    const previous = await memory.get(externalId);
    const actions = planChatDigest({ channel, message, previous });
    result.chat = await executeBridge({ chat: port }, actions, { dryRun: input.dryRun });
    const posted = result.chat.outcomes[0];
    if (posted?.status === "written")
      await memory.set(externalId, posted.message ?? (previous?.at as PostedMessage), message);
  }
  return result;
}

/** A read that failed before anything was planned, as the executor reports a failed write. */
function failedLoad(error: OutsideError): BridgeExecuteResult {
  const { message } = error;
  return {
    outcomes: [],
    writes: [],
    skipped: [],
    failures: [`loading the forum digest failed: ${message}`],
    requests: { forum: 0, chat: 0 },
    outages: isOutage(error.kind) ? { forum: message } : {},
  };
}
