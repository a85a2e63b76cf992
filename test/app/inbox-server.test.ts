/**
 * The production path over real HTTP: Probot's server verifies the signature, the app records the
 * delivery in the inbox and answers; a worker runs it into the in-memory GitHub. And the body
 * limit in front of it all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_WEBHOOK_BYTES } from "../../src/app/http.js";
import { Inbox } from "../../src/inbox/inbox.js";
import { type ServedDatabase, servePglite } from "../../src/inbox/pglite-server.js";
import { Metrics } from "../../src/observability/metrics.js";
import { createWorld, manualClock } from "../double/index.js";
import { eventually } from "../inbox/support.js";
import { cards } from "../support/cards.js";
import {
  post,
  sign,
  startWebhookServer,
  type WebhookServer,
  signedWebhook as webhook,
} from "../support/webhook-server.js";

describe("the webhook route with the inbox on", () => {
  const clock = manualClock();
  const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
  const metrics = new Metrics();
  let database: ServedDatabase;
  let inbox: Inbox;
  let server: WebhookServer;
  let port: number;
  let runs = 0;

  beforeAll(async () => {
    database = await servePglite(":memory:");
    inbox = await Inbox.open({ connectionString: database.url, embedded: true, metrics });
    server = await startWebhookServer(world, clock, { inbox, metrics, onRun: () => runs++ });
    port = server.port;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await inbox?.stop(0);
    await inbox?.close();
    await database?.close();
  });

  it("records and acknowledges a signed delivery, then runs it from the inbox, once", async () => {
    const opened = world.github.as(world.people.user).openIssue(world.repo, {
      title: "Show sync status",
      body: "### Is your feature request related to a problem?\nYes.",
    });
    const { headers, body } = webhook(opened.id, opened.name, opened.payload);
    expect(await post(port, headers, [body])).toEqual({ status: 200, body: "ok\n" });
    await eventually(() => cards(world.github, opened.ref).length === 1);
    // GitHub's manual redelivery reuses the id: acknowledged, not run again.
    expect((await post(port, headers, [body])).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(runs).toBe(1);
    expect(cards(world.github, opened.ref)).toHaveLength(1);
    const scraped = (await metrics.render()).body;
    expect(scraped).toContain('squad_bot_inbox_received_total{result="seen"} 1');
  });

  it("records nothing that is not signed by the app's secret", async () => {
    const { headers, body } = webhook("forged-1", "issues", { action: "opened" });
    const answer = await post(port, { ...headers, "x-hub-signature-256": sign("other") }, [body]);
    expect(answer.status).toBe(400);
    expect(await inbox.list({ id: "forged-1" })).toEqual([]);
  });

  it("leaves to Probot what it is not sure of: broken JSON, another event, a missing header", async () => {
    const good = webhook("short-1", "issues", { action: "opened" });
    const broken = Buffer.from("{not json");
    const brokenHeaders = { ...good.headers, "x-hub-signature-256": sign("{not json") };
    expect((await post(port, brokenHeaders, [broken])).status).toBe(400);
    // An event no feature handles is acknowledged and not kept.
    const other = webhook("short-2", "star", { action: "created" });
    expect(await post(port, other.headers, [other.body])).toEqual({ status: 200, body: "ok\n" });
    const { "x-github-delivery": _, ...withoutId } = good.headers;
    expect((await post(port, withoutId, [good.body])).status).toBe(400);
    for (const id of ["short-1", "short-2"]) expect(await inbox.list({ id })).toEqual([]);
  });

  it("refuses a body declared over 25 MB before reading it", async () => {
    const { headers } = webhook("big-1", "issues", {});
    const size = MAX_WEBHOOK_BYTES + 5 * 1024 * 1024;
    const answer = await post(port, { ...headers, "content-length": String(size) }, [
      Buffer.alloc(64 * 1024, 32),
    ]);
    expect(answer.status).toBe(413);
    expect(await inbox.list({ id: "big-1" })).toEqual([]);
  });

  it("refuses a chunked body once it streams past 25 MB", async () => {
    const { headers } = webhook("big-2", "issues", {});
    const chunk = Buffer.alloc(1024 * 1024, 32);
    const chunks = Array.from({ length: 30 }, () => chunk);
    const answer = await post(port, headers, chunks);
    expect(answer.status).toBe(413);
    expect(await inbox.list({ id: "big-2" })).toEqual([]);
  });
});

describe("the webhook route when the inbox cannot record", () => {
  it("does not acknowledge the delivery, so GitHub shows it as failed", async () => {
    const clock = manualClock();
    const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
    const down = { record: () => Promise.reject(new Error("connection refused")) };
    const server = await startWebhookServer(world, clock, { inbox: down as never, work: false });
    try {
      const { headers, body } = webhook("down-1", "issues", { action: "opened" });
      expect(await post(server.port, headers, [body])).toEqual({
        status: 500,
        body: JSON.stringify({ error: "The delivery could not be recorded" }),
      });
    } finally {
      await server.stop();
    }
  });
});
