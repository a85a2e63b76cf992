/**
 * Discourse's webhooks, as a Node request handler that Probot's server can mount beside the
 * GitHub webhook path. Order matters: size first (413), then the signature over the raw bytes
 * (401, before anything is parsed), then JSON and the payload schemas. A delivery that passes is
 * handed over as hints; the handler changes nothing itself.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Log } from "../core/log.js";
import { type ForumHint, forumHintsOf } from "./hints.js";

export const FORUM_WEBHOOK_PATH = "/forum/webhooks";

/** Discourse's longest posts (its max_post_length, raised) with their HTML fit well below this. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface ForumDelivery {
  /** `X-Discourse-Event-Id`: the same on a redelivery, so a queue can drop duplicates. */
  id: string | null;
  /** `X-Discourse-Event`, e.g. `post_created`. */
  event: string;
  /** `X-Discourse-Instance`: the forum that sent it. */
  instance: string | null;
  hints: ForumHint[];
}

export interface ForumWebhookOptions {
  /** DISCOURSE_WEBHOOK_SECRET; null refuses every delivery (the bridge is off). */
  secret: string | null;
  /** Records (or runs) a delivery with hints; when it throws, Discourse is told to retry. */
  onDelivery: (delivery: ForumDelivery) => Promise<void> | void;
  log: Log;
  /** The bot's forum username, so its own posts are marked in the hints. */
  botUsername?: string | null;
  path?: string;
  maxBodyBytes?: number;
}

/** `sha256=<hex>` of the raw body under `secret`, compared in constant time. */
export function verifyDiscourseSignature(
  secret: string,
  body: Buffer,
  header: string | undefined,
): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!match?.[1]) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], "hex"));
}

function answer(res: ServerResponse, status: number, body: object, close = false): true {
  res.writeHead(status, {
    "content-type": "application/json",
    ...(close ? { connection: "close" } : {}),
  });
  res.end(JSON.stringify(body));
  return true;
}

/** The body, or null as soon as it grows past `limit`; the rest is drained, not kept. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

/** The body the app's limit read for an earlier route, or undefined; null when over `limit`. */
function readAlready(req: IncomingMessage, limit: number): Buffer | null | undefined {
  const { rawBody } = req as IncomingMessage & { rawBody?: unknown };
  if (!Buffer.isBuffer(rawBody)) return undefined;
  return rawBody.length > limit ? null : rawBody;
}

const headerOf = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Returns true when it answered, so Probot's server passes other paths on. */
export function forumWebhookHandler(options: ForumWebhookOptions) {
  const path = options.path ?? FORUM_WEBHOOK_PATH;
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const { log } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? "").split("?")[0] !== path) return false;
    if (req.method !== "POST") return answer(res, 405, { error: "POST only" });
    const declared = Number(headerOf(req, "content-length") ?? 0);
    if (declared > limit) return answer(res, 413, { error: `over ${limit} bytes` }, true);
    // The server's body limit in front of GitHub's route may have read the stream already.
    const body = readAlready(req, limit) ?? (await readBody(req, limit));
    if (body === null) return answer(res, 413, { error: `over ${limit} bytes` }, true);
    const signature = headerOf(req, "x-discourse-event-signature");
    if (options.secret === null || !verifyDiscourseSignature(options.secret, body, signature)) {
      log.warn(
        { signed: signature !== undefined },
        "refused a Discourse webhook without a valid signature",
      );
      return answer(res, 401, { error: "bad signature" });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString("utf8"));
    } catch {
      return answer(res, 400, { error: "the body is not JSON: set the webhook's content type" });
    }
    const event =
      headerOf(req, "x-discourse-event") ?? headerOf(req, "x-discourse-event-type") ?? "";
    const delivery: ForumDelivery = {
      id: headerOf(req, "x-discourse-event-id") ?? null,
      event,
      instance: headerOf(req, "x-discourse-instance") ?? null,
      hints: forumHintsOf(event, payload, log, options.botUsername ?? null),
    };
    // A ping, an event squad-bot does not use, a private message: acknowledged, nothing to do.
    if (delivery.hints.length === 0) return answer(res, 200, { ok: true, hints: 0 });
    try {
      await options.onDelivery(delivery);
    } catch (error) {
      log.error({ err: error, delivery: delivery.id, event }, "a Discourse webhook failed");
      return answer(res, 500, { error: "not recorded; Discourse will retry" });
    }
    return answer(res, 200, { ok: true, hints: delivery.hints.length });
  };
}
