/**
 * The production path over real HTTP: Probot's server verifies the signature, the app records the
 * delivery in the inbox and answers; a worker runs it into the in-memory GitHub. And the body
 * limit in front of it all.
 */
import { createHmac } from "node:crypto";
import { request } from "node:http";
import { createServer } from "node:net";
import { pino } from "pino";
import { Probot, ProbotOctokit, Server } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type RunDelivery } from "../../src/app/create-app.js";
import { MAX_WEBHOOK_BYTES } from "../../src/app/http.js";
import { Inbox } from "../../src/inbox/inbox.js";
import { type ServedDatabase, servePglite } from "../../src/inbox/pglite-server.js";
import { Metrics } from "../../src/observability/metrics.js";
import { createWorld, MemorySimilarSearch, manualClock } from "../double/index.js";
import { eventually } from "../inbox/support.js";
import { cards } from "../support/cards.js";

const SECRET = "inbox-secret";
const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Answer {
  status: number;
  body: string;
}

/** One POST to the webhook route; `chunks` are written one by one (chunked when no length). */
function post(port: number, headers: Record<string, string>, chunks: Buffer[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/github/webhooks",
        headers,
        agent: false,
      },
      (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may close the connection while a refused body is still being sent.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    (async () => {
      for (const chunk of chunks) {
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
        if (req.destroyed) return;
      }
      req.end();
    })().catch(reject);
  });
}

const webhook = (id: string, name: string, payload: unknown) => {
  const body = JSON.stringify(payload);
  const headers = {
    "content-type": "application/json",
    "x-github-event": name,
    "x-github-delivery": id,
    "x-hub-signature-256": sign(body),
  };
  return { headers, body: Buffer.from(body) };
};

describe("the webhook route with the inbox on", () => {
  const clock = manualClock();
  const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
  const metrics = new Metrics();
  let database: ServedDatabase;
  let inbox: Inbox;
  let server: Server;
  let port: number;
  let runs = 0;

  beforeAll(async () => {
    database = await servePglite(":memory:");
    inbox = await Inbox.open({ connectionString: database.url, embedded: true, metrics });
    port = await freePort();
    const log = pino({ level: "silent" });
    server = new Server({
      host: "127.0.0.1",
      port,
      log,
      Probot: Probot.defaults({
        githubToken: "test-token",
        secret: SECRET,
        log,
        Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false } })),
      }),
    });
    const start = (_runtime: unknown, _app: unknown, run: RunDelivery) => {
      void inbox.start(async (delivery) => {
        runs++;
        await run(delivery);
      });
    };
    await server.load(
      createApp(
        {
          githubFor: () => world.github,
          searchFor: () => new MemorySimilarSearch(world.github),
          appLogin: async () => world.github.appLogin,
          now: clock.now,
          dryRun: false,
          metrics,
          inbox,
        },
        start,
      ),
    );
    await server.start();
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
