/**
 * The production ChatPort: Slack's official Web API client, with its own rate-limit handling on
 * (it waits out a 429's Retry-After and retries) and a short retry budget, so a webhook handler
 * is not held for half an hour. Our blocks become Slack's through the client's own types.
 */
import {
  type ChatPostMessageArguments,
  ErrorCode,
  type Logger,
  LogLevel,
  type RetryOptions,
  WebClient,
  WebClientEvent,
} from "@slack/web-api";
import { type Log, SILENT_LOG } from "../core/log.js";
import { kindOfStatus, type OutsideErrorKind } from "../core/outside-error.js";
import {
  type ChatBlock,
  ChatError,
  type ChatMessage,
  type ChatPort,
  type PostedMessage,
} from "./port.js";

type SlackBlocks = Extract<ChatPostMessageArguments, { blocks: unknown }>["blocks"];

/** Two retries a few seconds apart; Slack's default is ten over about thirty minutes. */
const RETRIES: RetryOptions = { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 5000 };
const TIMEOUT_MS = 15_000;

export interface SlackChatOptions {
  token: string;
  /** Called before every HTTP request, retries included, with the Slack method it calls. */
  onRequest?: (method: string) => void;
  /** Told when Slack asks to slow down. */
  onRateLimit?: (why: string) => void;
  /** Tests point this at nock and retry without waiting. */
  slackApiUrl?: string;
  retryConfig?: RetryOptions;
  /** Where the client's own warnings go (its debug chatter is dropped); silent by default. */
  log?: Log;
}

/** Slack's logger interface over ours. */
function slackLogger(log: Log): Logger {
  const say =
    (level: "info" | "warn" | "error") =>
    (...parts: unknown[]) =>
      log[level]({ source: "@slack/web-api" }, parts.map(String).join(" "));
  return {
    debug: () => {},
    info: say("info"),
    warn: say("warn"),
    error: say("error"),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

/** Slack's error codes that mean "no such channel or message" and "not allowed". */
const NOT_FOUND = new Set(["channel_not_found", "message_not_found", "thread_not_found"]);
const FORBIDDEN = new Set([
  "not_in_channel",
  "is_archived",
  "missing_scope",
  "not_authed",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "cant_update_message",
  "restricted_action",
]);

function kindOfPlatformError(code: string): OutsideErrorKind {
  if (NOT_FOUND.has(code)) return "not-found";
  if (FORBIDDEN.has(code)) return "forbidden";
  if (code === "ratelimited") return "rate-limited";
  if (code === "internal_error" || code === "fatal_error" || code === "service_unavailable")
    return "server";
  return "validation";
}

/** Any failure of the client as a ChatError naming the method. */
function toChatError(method: string, error: unknown): ChatError {
  const coded = error as { code?: string; data?: { error?: string }; statusCode?: number };
  switch (coded.code) {
    case ErrorCode.PlatformError: {
      const code = coded.data?.error ?? "unknown_error";
      return new ChatError(`${method}: Slack answered \`${code}\``, kindOfPlatformError(code));
    }
    case ErrorCode.HTTPError: {
      const status = coded.statusCode ?? 0;
      return new ChatError(`${method}: HTTP ${status}`, kindOfStatus(status), status);
    }
    case ErrorCode.RateLimitedError:
      return new ChatError(`${method}: rate-limited`, "rate-limited", 429);
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new ChatError(`${method}: Slack did not answer (${reason})`, "unavailable");
    }
  }
}

type SlackBlock = SlackBlocks[number];

function toSlackBlock(block: ChatBlock): SlackBlock {
  switch (block.type) {
    case "header":
      return { type: "header", text: { type: "plain_text", text: block.text, emoji: true } };
    case "section":
      return { type: "section", text: { type: "mrkdwn", text: block.text } };
    case "context":
      return {
        type: "context",
        elements: block.texts.map((text) => ({ type: "mrkdwn" as const, text })),
      };
    case "divider":
      return { type: "divider" };
  }
}

/** The message fields both methods take; mentions stay off (`link_names: false`). */
function contents(message: ChatMessage) {
  return {
    text: message.text,
    link_names: false,
    ...(message.blocks ? { blocks: message.blocks.map(toSlackBlock) } : {}),
  };
}

export class SlackChat implements ChatPort {
  private readonly client: WebClient;

  constructor(options: SlackChatOptions) {
    const { onRequest, onRateLimit } = options;
    this.client = new WebClient(options.token, {
      retryConfig: options.retryConfig ?? RETRIES,
      timeout: TIMEOUT_MS,
      rejectRateLimitedCalls: false,
      logger: slackLogger(options.log ?? SILENT_LOG),
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      // Each HTTP attempt, retries included, goes through here: that is what we count.
      fetch: (url, init) => {
        onRequest?.(new URL(String(url)).pathname.split("/").pop() ?? "unknown");
        return fetch(url, init);
      },
    });
    this.client.on(WebClientEvent.RATE_LIMITED, (seconds: number) =>
      onRateLimit?.(`Slack asks to wait ${seconds}s; the client waits, then retries`),
    );
  }

  async postMessage(channel: string, message: ChatMessage): Promise<PostedMessage> {
    let answer: { channel?: string; ts?: string };
    try {
      answer = await this.client.chat.postMessage({ channel, ...contents(message) });
    } catch (error) {
      throw toChatError("chat.postMessage", error);
    }
    if (!answer.channel || !answer.ts)
      throw new ChatError("chat.postMessage: Slack answered without the message", "unknown");
    return { channel: answer.channel, ts: answer.ts };
  }

  async updateMessage(at: PostedMessage, message: ChatMessage): Promise<void> {
    try {
      await this.client.chat.update({ channel: at.channel, ts: at.ts, ...contents(message) });
    } catch (error) {
      throw toChatError("chat.update", error);
    }
  }
}
