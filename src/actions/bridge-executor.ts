/**
 * The executor of forum and chat actions: skips what already holds (a topic with the same
 * external id, a reply whose key the bot already posted, an unchanged text), writes nothing in a
 * dry run, and counts every port call. A failure fails its action only; an outage (the system is
 * down or rate-limited) also skips that system's remaining actions, so GitHub's side goes on.
 */
import type { ChatPort, PostedMessage } from "../chat/port.js";
import { isOutage, OutsideError, type OutsideErrorKind } from "../core/outside-error.js";
import type { CreatedPost, ForumPort } from "../forum/port.js";
import type { BridgeAction, ChatAction, ForumAction } from "./bridge-action.js";
import { onceBody, onceKeyOf } from "./executor.js";

export interface BridgeWriters {
  /** Absent when the forum bridge is off (no credentials). */
  forum?: ForumPort | undefined;
  chat?: ChatPort | undefined;
}

type System = keyof BridgeWriters;

type BridgeOutcome =
  /** `post`: what `createTopic` or `reply` made; `message`: what `postMessage` sent. */
  | { status: "written"; post?: CreatedPost; message?: PostedMessage }
  /** A dry run: it would have been written. */
  | { status: "planned" }
  /** `topicId`: the topic a `createTopic` found already made. */
  | { status: "skipped"; why: string; topicId?: number }
  | { status: "failed"; error: string; kind: OutsideErrorKind };

export interface BridgeExecuteResult {
  /** One per action, in order. */
  outcomes: BridgeOutcome[];
  /** What was (or, in a dry run, would have been) written, one line each. */
  writes: string[];
  skipped: string[];
  failures: string[];
  /** Port calls made, i.e. HTTP requests before retries. */
  requests: Record<System, number>;
  /** The first outage seen per system in this run, for one log line per outage. */
  outages: Partial<Record<System, string>>;
}

const systemOf = (action: BridgeAction): System =>
  action.type === "postMessage" || action.type === "updateMessage" ? "chat" : "forum";

/** The text a bot post is written with: its marker kept, so a later run still knows it. */
function markedRaw(action: Extract<ForumAction, { type: "editPost" }>): string {
  const key = onceKeyOf(action.post.raw);
  return key === null ? action.raw : onceBody(key, action.raw);
}

const sameMessage = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why the action needs no write, judged from what it carries; or null. */
function noOp(action: BridgeAction): string | null {
  switch (action.type) {
    case "reply":
      return action.botPosts.some((post) => onceKeyOf(post.raw) === action.key)
        ? `reply "${action.key}" already posted in forum topic #${action.topicId}`
        : null;
    case "editPost":
      return markedRaw(action) === action.post.raw
        ? `forum post #${action.post.id} unchanged`
        : null;
    case "updateMessage":
      return action.current && sameMessage(action.current, action.message)
        ? `Slack message ${action.at.channel}/${action.at.ts} unchanged`
        : null;
    default:
      return null;
  }
}

/** One line for logs and dry runs. */
function describe(action: BridgeAction): string {
  switch (action.type) {
    case "createTopic":
      return `create forum topic "${action.topic.title}" (${action.topic.externalId}) in category ${action.topic.categoryId}`;
    case "reply":
      return `reply "${action.key}" in forum topic #${action.topicId}`;
    case "editPost":
      return `edit forum post #${action.post.id}`;
    case "postMessage":
      return `post a Slack message to ${action.channel}`;
    case "updateMessage":
      return `update Slack message ${action.at.channel}/${action.at.ts}`;
  }
}

async function writeForum(forum: ForumPort, action: ForumAction): Promise<BridgeOutcome> {
  switch (action.type) {
    case "createTopic": {
      const { topic } = action;
      const post = await forum.createTopic({
        ...topic,
        raw: onceBody(topic.externalId, topic.raw),
      });
      return { status: "written", post };
    }
    case "reply": {
      const post = await forum.createReply(action.topicId, onceBody(action.key, action.raw));
      return { status: "written", post };
    }
    case "editPost":
      await forum.editPost(action.post.id, markedRaw(action));
      return { status: "written" };
  }
}

async function writeChat(chat: ChatPort, action: ChatAction): Promise<BridgeOutcome> {
  if (action.type === "postMessage")
    return { status: "written", message: await chat.postMessage(action.channel, action.message) };
  await chat.updateMessage(action.at, action.message);
  return { status: "written" };
}

export async function executeBridge(
  writers: BridgeWriters,
  actions: BridgeAction[],
  options: { dryRun: boolean },
): Promise<BridgeExecuteResult> {
  const result: BridgeExecuteResult = {
    outcomes: [],
    writes: [],
    skipped: [],
    failures: [],
    requests: { forum: 0, chat: 0 },
    outages: {},
  };
  const skip = (index: number, why: string, topicId?: number) => {
    result.outcomes[index] = { status: "skipped", why, ...(topicId ? { topicId } : {}) };
    result.skipped.push(why);
  };
  for (const [index, action] of actions.entries()) {
    const system = systemOf(action);
    const outage = result.outages[system];
    if (outage !== undefined) {
      skip(index, `${describe(action)}: not tried, ${system} is unavailable (${outage})`);
      continue;
    }
    const why = noOp(action);
    if (why !== null) {
      skip(index, why);
      continue;
    }
    const port = writers[system];
    if (!port) {
      skip(index, `${describe(action)}: the ${system} bridge is off`);
      continue;
    }
    try {
      if (action.type === "createTopic") {
        result.requests.forum++;
        const { externalId } = action.topic;
        const existing = await (port as ForumPort).findTopicByExternalId(externalId);
        if (existing !== null) {
          skip(index, `forum topic ${externalId} already exists (#${existing})`, existing);
          continue;
        }
      }
      if (options.dryRun) {
        result.outcomes[index] = { status: "planned" };
        result.writes.push(describe(action));
        continue;
      }
      result.requests[system]++;
      result.outcomes[index] =
        system === "forum"
          ? await writeForum(port as ForumPort, action as ForumAction)
          : await writeChat(port as ChatPort, action as ChatAction);
      result.writes.push(describe(action));
    } catch (error) {
      if (!(error instanceof OutsideError)) throw error;
      const message = `${describe(action)} failed: ${error.message}`;
      result.outcomes[index] = { status: "failed", error: message, kind: error.kind };
      result.failures.push(message);
      if (isOutage(error.kind)) result.outages[system] = error.message;
    }
  }
  return result;
}
