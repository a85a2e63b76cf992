/**
 * The README's local path, through the real `npm start` entry point: registration offers a
 * manifest whose webhook URL is the proxy channel, and a running app hears a webhook that only
 * reaches it through the proxy (a local stand-in for smee.io).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { example } from "../double/examples.js";

const SECRET = "local-path-secret";
const running: { stop(): void }[] = [];
afterEach(() => {
  for (const thing of running.splice(0)) thing.stop();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  running.push({ stop: () => server.close() });
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A channel that streams webhooks to whoever listens, as smee.io does. */
async function fakeChannel() {
  const listeners: ServerResponse[] = [];
  let connected: () => void = () => {};
  const firstListener = new Promise<void>((resolve) => {
    connected = resolve;
  });
  const server = createServer((request, response) => {
    if (request.url !== "/channel") return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    response.write(": ready\n\n");
    listeners.push(response);
    connected();
  });
  const port = await listen(server);
  running.push({ stop: () => server.closeAllConnections() });
  return {
    url: `http://127.0.0.1:${port}/channel`,
    firstListener,
    send(message: object) {
      for (const listener of listeners) listener.write(`data: ${JSON.stringify(message)}\n\n`);
    },
  };
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_NO_WARNINGS: "1",
      LOG_FORMAT: "json",
      SQUAD_BOT_DATA_DIR: mkdtempSync(join(tmpdir(), "squad-bot-local-")),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk) => {
    text += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    text += chunk;
  });
  running.push({ stop: () => child.kill() });
  return { child, output: () => text };
}

/** Starting a process with tsx takes seconds, many more on a loaded machine. */
const STARTUP_MS = 45_000;

async function poll<T>(what: string, read: () => Promise<T | null>, output: () => string) {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    const value = await read().catch(() => null);
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not happen; the app printed:\n${output()}`);
}

describe("the local path of the README", { timeout: STARTUP_MS + 15_000 }, () => {
  it("registration offers a manifest whose webhook URL is the proxy channel", async () => {
    const channel = await fakeChannel();
    const port = await freePort();
    const app = start({ PORT: String(port), HOST: "127.0.0.1", WEBHOOK_PROXY_URL: channel.url });
    const page = await poll(
      "the registration page",
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/probot`);
        return response.ok ? await response.text() : null;
      },
      app.output,
    );
    const manifest = JSON.parse(/value='([^']*)'/.exec(page)?.[1] ?? "{}");
    expect(manifest.hook_attributes).toEqual({ url: channel.url });
    expect(manifest.name).toBe("squad-bot");
    expect(manifest.public).toBe(false);
    expect(manifest.default_events).toContain("issue_comment");
  });

  it("an unreachable proxy stops the app with a message that names it", async () => {
    const port = await freePort();
    const app = start({
      PORT: String(port),
      HOST: "127.0.0.1",
      WEBHOOK_PROXY_URL: "http://127.0.0.1:1/gone",
    });
    const code = await new Promise((resolve) => app.child.on("exit", resolve));
    expect(code).toBe(1);
    expect(app.output()).toContain("WEBHOOK_PROXY_URL http://127.0.0.1:1/gone");
    expect(app.output()).not.toContain("triggerUncaughtException");
  });

  it("a running app hears a webhook that reaches it only through the proxy", async () => {
    const channel = await fakeChannel();
    const port = await freePort();
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const app = start({
      APP_ID: "1",
      PRIVATE_KEY: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_PROXY_URL: channel.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      SQUAD_BOT_LOGIN: "squad-bot[bot]",
    });
    await channel.firstListener;
    // A deleted branch: every feature ignores it, so the delivery needs no GitHub at all.
    const body = { ...example("push"), deleted: true };
    const signature = createHmac("sha256", SECRET).update(JSON.stringify(body)).digest("hex");
    // Sent until it arrives: the client forwards only once it has seen the stream open.
    await poll(
      "the delivery through the proxy",
      async () => {
        channel.send({
          "x-github-event": "push",
          "x-github-delivery": `proxy-${Date.now()}`,
          "x-hub-signature-256": `sha256=${signature}`,
          body,
        });
        const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        return metrics.includes('squad_bot_deliveries_total{event="push",outcome="ignored"}')
          ? metrics
          : null;
      },
      app.output,
    ).then((metrics) => expect(metrics).toMatch(/outcome="ignored"} [1-9]/));
  });
});
