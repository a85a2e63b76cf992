/**
 * Writes to the forum and to chat, planned as data like every other write: a dry run lists them,
 * the executor (`bridge-executor.ts`) skips what already holds. Each action carries what the
 * loader read (the bot's posts, the message as last sent), so no-ops are judged without a read.
 */
import type { ChatMessage, PostedMessage } from "../chat/port.js";
import type { ForumPost, NewTopic } from "../forum/port.js";

export type ForumAction =
  /** A topic the bot owns, made once: the executor looks its external id up before creating it. */
  | { type: "createTopic"; topic: NewTopic }
  /**
   * A reply posted once per `key` (kept in a hidden marker); `botPosts` are the bot's posts in
   * the topic as loaded (`forum/bot-posts.ts`).
   */
  | { type: "reply"; topicId: number; key: string; raw: string; botPosts: ForumPost[] }
  /** Rewrites a post of the bot's in place, keeping its marker; `post` is as loaded. */
  | { type: "editPost"; post: ForumPost; raw: string };

export type ChatAction =
  | { type: "postMessage"; channel: string; message: ChatMessage }
  /** `current`: the message as last sent (from the store), or null when unknown. */
  | { type: "updateMessage"; at: PostedMessage; message: ChatMessage; current: ChatMessage | null };

export type BridgeAction = ForumAction | ChatAction;
