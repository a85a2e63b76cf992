/**
 * A stateful in-memory Slack behind ChatPort: tests assert which messages each channel ends up
 * holding. Channels are known by id and `#name`, as Slack resolves them; an unknown channel
 * answers `channel_not_found` as Slack does.
 */
import {
  ChatError,
  type ChatMessage,
  type ChatPort,
  type PostedMessage,
} from "../../src/chat/port.js";

type Method = keyof ChatPort;

interface StoredMessage extends ChatMessage {
  ts: string;
  edits: number;
}

export class MemoryChat implements ChatPort {
  readonly requests: { method: Method; detail: string }[] = [];
  private readonly channels = new Map<
    string,
    { id: string; name: string; messages: StoredMessage[] }
  >();
  private readonly failures = new Map<Method, ChatError[]>();
  private clock = 1_710_000_000;

  /** A channel the bot is in; returns its id. */
  addChannel(name: string): string {
    const id = `C${String(this.channels.size + 1).padStart(8, "0")}`;
    this.channels.set(id, { id, name: name.replace(/^#/, ""), messages: [] });
    return id;
  }

  /** The next call of `method` throws `error` (queue several for several calls). */
  failNext(method: Method, error: ChatError): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** A channel's messages as they now read, by id or `#name`. */
  messagesIn(channel: string): readonly StoredMessage[] {
    return this.find(channel)?.messages ?? [];
  }

  async postMessage(channel: string, message: ChatMessage): Promise<PostedMessage> {
    this.record("postMessage", channel);
    const found = this.channelOrFail(channel);
    const ts = `${this.clock++}.000100`;
    found.messages.push({ ...structuredClone(message), ts, edits: 0 });
    return { channel: found.id, ts };
  }

  async updateMessage(at: PostedMessage, message: ChatMessage): Promise<void> {
    this.record("updateMessage", `${at.channel} ${at.ts}`);
    const stored = this.channelOrFail(at.channel).messages.find((m) => m.ts === at.ts);
    if (!stored)
      throw new ChatError("chat.update: Slack answered `message_not_found`", "not-found");
    Object.assign(stored, structuredClone(message), { edits: stored.edits + 1 });
    if (message.blocks === undefined) delete stored.blocks;
  }

  private record(method: Method, detail: string): void {
    this.requests.push({ method, detail });
    const failure = this.failures.get(method)?.shift();
    if (failure) throw failure;
  }

  private find(channel: string) {
    const name = channel.replace(/^#/, "");
    return this.channels.get(channel) ?? [...this.channels.values()].find((c) => c.name === name);
  }

  private channelOrFail(channel: string) {
    const found = this.find(channel);
    if (!found)
      throw new ChatError("chat.postMessage: Slack answered `channel_not_found`", "not-found");
    return found;
  }
}
