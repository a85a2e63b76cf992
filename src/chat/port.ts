/**
 * The one port to chat (Slack). Production implements it over `@slack/web-api`
 * (`slack-chat.ts`); tests and the demo use the in-memory double (`test/chat/`). Planners build
 * messages from these types, never from Slack's, so a dry run can show them.
 */
import { OutsideError, type OutsideErrorKind } from "../core/outside-error.js";

/** The Block Kit blocks squad-bot uses; texts are Slack mrkdwn (escape user text with `mrkdwn.ts`). */
export type ChatBlock =
  | { type: "header"; text: string }
  | { type: "section"; text: string }
  | { type: "context"; texts: string[] }
  | { type: "divider" };

export interface ChatMessage {
  /** The fallback and notification text; also what a client without blocks shows. */
  text: string;
  blocks?: ChatBlock[];
}

/** Where a posted message lives, kept in the store so it can be edited later. */
export interface PostedMessage {
  /** The channel id Slack answered with (a configured `#name` comes back as `C…`). */
  channel: string;
  ts: string;
}

export interface ChatPort {
  /** `channel` is an id (`C0123…`) or a name (`#squad-offline-sync`). */
  postMessage(channel: string, message: ChatMessage): Promise<PostedMessage>;
  updateMessage(at: PostedMessage, message: ChatMessage): Promise<void>;
}

export class ChatError extends OutsideError {
  constructor(message: string, kind: OutsideErrorKind, status?: number) {
    super(message, kind, status);
    this.name = "ChatError";
  }
}
