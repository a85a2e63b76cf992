/**
 * The production HTTP path in a test or a benchmark: Probot's own server with the real app over
 * the in-memory GitHub, and signed webhooks posted to it over real HTTP.
 */
import { createHmac } from "node:crypto";
import { type Agent, request } from "node:http";
import { createServer } from "node:net";
import { pino } from "pino";
import { Probot, ProbotOctokit, Server } from "probot";
import { createApp, type RunDelivery } from "../../src/app/create-app.js";
import type { AppDeps } from "../../src/app/runtime.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import type { SimilarSearchPort } from "../../src/features/similar/port.js";
import type { GitHubPort } from "../../src/github/port.js";
import type { Inbox } from "../../src/inbox/inbox.js";
import type { Metrics } from "../../src/observability/metrics.js";
import { MemorySimilarSearch, type manualClock, type World } from "../double/index.js";
import { templates } from "./templates.js";

export const SECRET = "webhook-secret";
export const sign = (body: string) =>
  `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface WebhookServer {
  port: number;
  stop(): Promise<void>;
}

/** Serves the app on a free local port; with `inbox`, webhooks are recorded and run from it. */
export async function startWebhookServer(
  world: World,
  clock: ReturnType<typeof manualClock>,
  options: {
    inbox?: Inbox;
    metrics?: Metrics;
    onRun?: () => void;
    work?: boolean;
    routes?: AppDeps["routes"];
    /** What the app sees as GitHub (default `world.github`), e.g. one that answers slowly. */
    github?: GitHubPort;
    search?: SimilarSearchPort;
  },
): Promise<WebhookServer> {
  const port = await freePort();
  const log = pino({ level: "silent" });
  const server = new Server({
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
  const { inbox, metrics, onRun } = options;
  const start = (_runtime: unknown, _app: unknown, run: RunDelivery) => {
    if (options.work === false) return;
    void inbox?.start(async (delivery) => {
      onRun?.();
      await run(delivery);
    });
  };
  await server.load(
    createApp(
      {
        githubFor: () => options.github ?? world.github,
        searchFor: () => options.search ?? new MemorySimilarSearch(world.github),
        appLogin: async () => world.github.appLogin,
        now: clock.now,
        dryRun: false,
        templates,
        onboardingSeed: acceptedOnboarding,
        ...(metrics ? { metrics } : {}),
        ...(inbox ? { inbox } : {}),
        ...(options.routes ? { routes: options.routes } : {}),
      },
      start,
    ),
  );
  await server.start();
  return { port, stop: () => server.stop() };
}

export const signedWebhook = (id: string, name: string, payload: unknown) => {
  const body = JSON.stringify(payload);
  const headers = {
    "content-type": "application/json",
    "x-github-event": name,
    "x-github-delivery": id,
    "x-hub-signature-256": sign(body),
  };
  return { headers, body: Buffer.from(body) };
};

export interface Answer {
  status: number;
  body: string;
}

/** One POST to the webhook route; `chunks` are written one by one (chunked when no length). */
export function post(
  port: number,
  headers: Record<string, string>,
  chunks: Buffer[],
  agent: Agent | false = false,
  path = "/api/github/webhooks",
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: "POST", path, headers, agent },
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
