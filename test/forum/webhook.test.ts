/**
 * The Discourse webhook route on a real local HTTP server: signed deliveries become hints,
 * forged, unsigned and oversized ones are refused before anything is parsed or handed over.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SILENT_LOG } from "../../src/core/log.js";
import { FORUM_EVENTS } from "../../src/forum/hints.js";
import {
  FORUM_WEBHOOK_PATH,
  type ForumDelivery,
  forumWebhookHandler,
  verifyDiscourseSignature,
} from "../../src/forum/webhook.js";
import { deliveryHeaders, postEvent, postLiked, SECRET, topicCreated } from "./webhook-fixtures.js";

const deliveries: ForumDelivery[] = [];
let failDelivery = false;
let server: Server;
let base = "";

const handler = forumWebhookHandler({
  secret: SECRET,
  botUsername: "squad-bot",
  log: SILENT_LOG,
  maxBodyBytes: 64 * 1024,
  onDelivery: (delivery) => {
    if (failDelivery) throw new Error("the inbox is down");
    deliveries.push(delivery);
  },
});

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (!(await handler(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  deliveries.length = 0;
  failDelivery = false;
});

async function deliver(event: string, payload: unknown, headers?: Record<string, string>) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const response = await fetch(`${base}${FORUM_WEBHOOK_PATH}`, {
    method: "POST",
    headers: headers ?? deliveryHeaders(event, body),
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("signed deliveries", () => {
  it("reads the events the README tells admins to tick", () => {
    expect(FORUM_EVENTS).toEqual(["topic_created", "post_created", "post_edited", "post_liked"]);
  });

  it("turns topic_created into a topic hint", async () => {
    const { status } = await deliver("topic_created", topicCreated());
    expect(status).toBe(200);
    expect(deliveries).toEqual([
      {
        id: "1001",
        event: "topic_created",
        instance: "https://forum.example.org",
        hints: [
          {
            kind: "forumTopic",
            action: "created",
            topicId: 42,
            title: "Offline sync for the CHW app",
            categoryId: 7,
            author: "amara",
          },
        ],
      },
    ]);
  });

  it("turns post_created and post_edited into post hints with the raw text", async () => {
    await deliver(
      "post_created",
      postEvent({ id: 502, post_number: 2, username: "bongani", raw: "+1, we need this" }),
    );
    await deliver("post_edited", postEvent({ raw: "We need offline sync (edited)" }));
    expect(deliveries.flatMap((d) => d.hints)).toEqual([
      {
        kind: "forumPost",
        action: "created",
        postId: 502,
        topicId: 42,
        postNumber: 2,
        author: "bongani",
        byBot: false,
        raw: "+1, we need this",
        topicTitle: "Offline sync for the CHW app",
        categoryId: 7,
        categorySlug: "squads",
      },
      expect.objectContaining({
        action: "edited",
        postNumber: 1,
        raw: "We need offline sync (edited)",
      }),
    ]);
  });

  it("marks the bot's own posts", async () => {
    await deliver("post_created", postEvent({ username: "Squad-Bot", post_number: 3 }));
    expect(deliveries[0]?.hints[0]).toMatchObject({ byBot: true });
  });

  it("turns post_liked into a like hint naming the forum user", async () => {
    await deliver("post_liked", postLiked("bongani"));
    expect(deliveries[0]?.hints).toEqual([
      {
        kind: "forumLike",
        postId: 501,
        topicId: 42,
        postNumber: 1,
        liker: "bongani",
        postAuthor: "amara",
        categoryId: 7,
      },
    ]);
  });

  it.each([
    ["a private message topic", "topic_created", topicCreated({ archetype: "private_message" })],
    ["a private message post", "post_created", postEvent({ topic_archetype: "private_message" })],
    ["a whisper", "post_created", postEvent({ post_type: 4 })],
    ["an event squad-bot does not use", "user_created", { user: { id: 1 } }],
    ["a ping", "ping", { ping: "OK" }],
    ["a malformed payload", "post_created", { post: { id: "x" } }],
  ])("acknowledges %s and hands nothing over", async (_, event, payload) => {
    const { status, json } = await deliver(event, payload);
    expect([status, json.hints]).toEqual([200, 0]);
    expect(deliveries).toEqual([]);
  });

  it("answers 500 when the delivery cannot be recorded, so Discourse retries", async () => {
    failDelivery = true;
    expect((await deliver("topic_created", topicCreated())).status).toBe(500);
  });
});

describe("refused deliveries", () => {
  const body = JSON.stringify(topicCreated());

  it.each([
    ["unsigned", deliveryHeaders("topic_created", body, null)],
    ["signed with another secret", deliveryHeaders("topic_created", body, "guess")],
    [
      "with a malformed signature",
      { ...deliveryHeaders("topic_created", body), "x-discourse-event-signature": "sha256=zz" },
    ],
    [
      "with a GitHub-style signature header only",
      { ...deliveryHeaders("topic_created", body, null), "x-hub-signature-256": "sha256=00" },
    ],
  ])("refuses a delivery %s with 401 and hands nothing over", async (_, headers) => {
    const { status } = await deliver("topic_created", body, headers);
    expect(status).toBe(401);
    expect(deliveries).toEqual([]);
  });

  it("refuses a body signed for other bytes", async () => {
    const headers = deliveryHeaders("topic_created", body);
    const tampered = body.replace("Offline sync", "Free money");
    expect((await deliver("topic_created", tampered, headers)).status).toBe(401);
  });

  it("refuses a body over the limit with 413, before checking anything", async () => {
    const huge = JSON.stringify(postEvent({ raw: "x".repeat(70 * 1024) }));
    expect((await deliver("post_created", huge)).status).toBe(413);
    expect(deliveries).toEqual([]);
  });

  it("stops reading a streamed body (no Content-Length) once it passes the limit", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/forum/webhooks`, { method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      const chunk = "x".repeat(16 * 1024);
      for (let i = 0; i < 8; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
    expect(deliveries).toEqual([]);
  });

  it("refuses a signed body that is not JSON with 400", async () => {
    expect((await deliver("post_created", "post[id]=1")).status).toBe(400);
  });

  it("answers 405 to anything but POST and leaves other paths to the next handler", async () => {
    expect((await fetch(`${base}/forum/webhooks`)).status).toBe(405);
    expect(
      (await fetch(`${base}/api/github/webhooks`, { method: "POST", body: "{}" })).status,
    ).toBe(404);
  });

  it("refuses everything when no secret is configured", async () => {
    const closed = forumWebhookHandler({ secret: null, log: SILENT_LOG, onDelivery: () => {} });
    const res = { writeHead: (status: number) => statuses.push(status), end: () => {} };
    const statuses: number[] = [];
    const req = Object.assign(Readable.from([Buffer.from(body)]), {
      url: "/forum/webhooks",
      method: "POST",
      headers: deliveryHeaders("topic_created", body),
    });
    await closed(req as never, res as never);
    expect(statuses).toEqual([401]);
  });
});

describe("verifyDiscourseSignature", () => {
  const raw = Buffer.from('{"ping":"OK"}');
  const good = deliveryHeaders("ping", raw.toString())["x-discourse-event-signature"];

  it("accepts the HMAC-SHA256 of the raw body, in either case of hex", () => {
    expect(verifyDiscourseSignature(SECRET, raw, good)).toBe(true);
    expect(
      verifyDiscourseSignature(SECRET, raw, good?.toUpperCase().replace("SHA256=", "sha256=")),
    ).toBe(true);
  });

  it.each([undefined, "", "sha256=", "sha1=abc", `${good}00`])("refuses %s", (header) => {
    expect(verifyDiscourseSignature(SECRET, raw, header)).toBe(false);
  });
});
