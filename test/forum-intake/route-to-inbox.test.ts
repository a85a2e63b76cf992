/**
 * The forum route records a verified delivery for the inbox: a signed `topic_created` reaches
 * `record` as a forum delivery, a redelivery carries the same inbox id, a forged one nothing.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboxDeliveryOf } from "../../src/bridge/forum-work.js";
import { bridgeRoutes } from "../../src/bridge/routes.js";
import { SILENT_LOG } from "../../src/core/log.js";
import type { Delivery } from "../../src/inbox/inbox.js";
import { deliveryHeaders, SECRET, topicCreated } from "../forum/webhook-fixtures.js";

const recorded: Delivery[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  const env = {
    DISCOURSE_URL: "https://forum.example.org",
    DISCOURSE_API_KEY: "key",
    DISCOURSE_API_USERNAME: "squad-bot",
    DISCOURSE_WEBHOOK_SECRET: SECRET,
  };
  const routes = bridgeRoutes(env, SILENT_LOG, async (delivery) => {
    recorded.push(inboxDeliveryOf(delivery));
  });
  server = createServer(async (req, res) => {
    for (const route of routes) if (await route(req, res)) return;
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (body: string, headers: Record<string, string>) =>
  fetch(`${base}/forum/webhooks`, { method: "POST", headers, body }).then((r) => r.status);

describe("the forum route and the inbox", () => {
  it("records a signed topic_created once per event id, and nothing forged", async () => {
    const body = JSON.stringify(topicCreated());
    expect(await send(body, deliveryHeaders("topic_created", body))).toBe(200);
    expect(await send(body, deliveryHeaders("topic_created", body))).toBe(200);
    expect(await send(body, deliveryHeaders("topic_created", body, "wrong-secret"))).toBe(401);
    expect(recorded).toHaveLength(2);
    expect(recorded[0]?.name).toBe("forum:topic_created");
    expect(recorded[0]?.id).toBe(recorded[1]?.id);
    expect(recorded[0]?.payload).toMatchObject({ hints: [{ kind: "forumTopic", topicId: 42 }] });
  });
});
