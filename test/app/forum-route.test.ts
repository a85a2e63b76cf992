/**
 * The forum's webhook route on the app's own server, beside GitHub's and behind the same body
 * limit (which reads the body first): a signed Discourse delivery is taken, a forged one refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bridgeRoutes } from "../../src/bridge/routes.js";
import { SILENT_LOG } from "../../src/core/log.js";
import {
  FORUM_WEBHOOK_PATH,
  type ForumDelivery,
  forumWebhookHandler,
} from "../../src/forum/webhook.js";
import { createWorld, manualClock } from "../double/index.js";
import { deliveryHeaders, SECRET, topicCreated } from "../forum/webhook-fixtures.js";
import { post, startWebhookServer, type WebhookServer } from "../support/webhook-server.js";

const deliveries: ForumDelivery[] = [];
let server: WebhookServer;

beforeAll(async () => {
  const clock = manualClock();
  const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
  const route = forumWebhookHandler({
    secret: SECRET,
    log: SILENT_LOG,
    onDelivery: (delivery) => {
      deliveries.push(delivery);
    },
  });
  server = await startWebhookServer(world, clock, { routes: () => [route] });
});
afterAll(async () => {
  await server?.stop();
});

const send = (headers: Record<string, string>, body: string) =>
  post(server.port, headers, [Buffer.from(body)], false, FORUM_WEBHOOK_PATH);

describe("the forum webhook route on the app's server", () => {
  it("takes a signed delivery and hands over its hints", async () => {
    const body = JSON.stringify(topicCreated());
    const answer = await send(deliveryHeaders("topic_created", body), body);
    expect(answer.status).toBe(200);
    expect(deliveries.map((d) => d.event)).toEqual(["topic_created"]);
    expect(deliveries[0]?.hints.length).toBeGreaterThan(0);
  });

  it("refuses a forged one with 401 and hands over nothing", async () => {
    deliveries.length = 0;
    const body = JSON.stringify(topicCreated());
    const answer = await send(deliveryHeaders("topic_created", body, "not-the-secret"), body);
    expect(answer.status).toBe(401);
    expect(deliveries).toEqual([]);
  });
});

describe("bridgeRoutes", () => {
  it("mounts the forum route only when the forum bridge is configured", () => {
    expect(bridgeRoutes({}, SILENT_LOG)).toEqual([]);
    const env = {
      DISCOURSE_URL: "https://forum.example.org",
      DISCOURSE_API_KEY: "k",
      DISCOURSE_API_USERNAME: "squad-bot",
      DISCOURSE_WEBHOOK_SECRET: SECRET,
    };
    expect(bridgeRoutes(env, SILENT_LOG)).toHaveLength(1);
  });
});
