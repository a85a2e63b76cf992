/**
 * App instances as separate OS processes (`test/reliability/fixtures/instance.ts`) on one
 * PostgreSQL schema of their own, over one fake GitHub served on loopback; and what a test does
 * with them: send signed deliveries to every instance, wait until the inbox is idle, move the
 * queue's clock faster, stop them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Agent } from "node:http";
import pg from "pg";
import { Inbox } from "../../src/inbox/inbox.js";
import type { Delivery } from "./app.js";
import { random } from "./load-scenario.js";
import { freePort, post, signedWebhook } from "./webhook-server.js";

export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export interface Instances {
  ports: number[];
  schema: string;
  /** The inbox's own view (what `squad-bot inbox` reads), over the instances' schema. */
  inbox: Inbox;
  /**
   * Posts each delivery to every instance (each in its own order), `inFlight` at a time, in the
   * order given: shuffle them first (`shuffle`).
   */
  send(deliveries: Delivery[], inFlight?: number, seed?: number): Promise<void>;
  /** Waits until every recorded delivery's work is over (or parked), or fails after `ms`. */
  idle(ms?: number): Promise<void>;
  /**
   * Runs the queue's clock `factor` times faster: every waiting retry comes due sooner, as if
   * its backoff (graphile-worker's, e^attempts seconds, not configurable) were shorter.
   */
  warp(factor: number): () => void;
  stop(): Promise<void>;
}

export function shuffle<T>(items: T[], seed: number): T[] {
  const next = random(seed);
  const all = [...items];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j] as T, all[i] as T];
  }
  return all;
}

async function startOne(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/reliability/fixtures/instance.ts"],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let errors = "";
  child.stderr?.on("data", (text: Buffer) => {
    errors = (errors + text.toString()).slice(-4000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no instance within 60 s: ${errors}`)), 60_000);
    child.stdout?.on("data", (text: Buffer) => {
      if (text.toString().includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`an instance exited early (${code}): ${errors}`));
    });
  });
  return child;
}

export async function startInstances(
  count: number,
  options: { githubUrl: string; now: Date; env?: Record<string, string> },
): Promise<Instances> {
  const url = POSTGRES_URL as string;
  const schema = `mi_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  // One after another: each brings the tables up to date before it serves.
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: url,
      SQUAD_BOT_DB_SCHEMA: schema,
      FAKE_GITHUB_URL: options.githubUrl,
      NOW: options.now.toISOString(),
      PORT: String(port),
      SQUAD_BOT_STOP_GRACE_SECONDS: "2",
      // Retries that came due are found by polling: often, as the tests run the queue's clock fast.
      SQUAD_BOT_INBOX_POLL_MS: "100",
      ...options.env,
    };
    children.push(await startOne(env));
    ports.push(port);
  }
  const inbox = await Inbox.open({ connectionString: url, schema });
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const timers = new Set<NodeJS.Timeout>();

  return {
    ports,
    schema,
    inbox,
    async send(deliveries, inFlight = 20, seed = 1) {
      const queue = [...deliveries];
      const worker = async () => {
        for (let d = queue.shift(); d; d = queue.shift()) {
          const { headers, body } = signedWebhook(d.id, d.name, d.payload);
          // Every instance gets it at once, as a load balancer retrying elsewhere would do.
          const answers = await Promise.all(
            shuffle(ports, seed + queue.length).map((port) => post(port, headers, [body], agent)),
          );
          const refused = answers.find((a) => a.status !== 200);
          if (refused) throw new Error(`a delivery answered ${refused.status}: ${refused.body}`);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    },
    async idle(ms = 45_000) {
      const until = Date.now() + ms;
      for (;;) {
        const counts = await inbox.counts();
        const busy = (counts.queued ?? 0) + (counts.running ?? 0) + (counts.retrying ?? 0);
        if (busy === 0) return;
        if (Date.now() > until)
          throw new Error(`inbox not idle in ${ms} ms: ${JSON.stringify(counts)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    warp(factor) {
      const client = new pg.Client({ connectionString: url });
      const tickMs = 100;
      const connected = client.connect();
      const timer = setInterval(() => {
        void connected.then(() =>
          client
            .query(
              `update ${schema}_worker._private_jobs
               set run_at = run_at - make_interval(secs => $1::float8 / 1000)
               where locked_at is null and attempts > 0 and run_at > now()`,
              [tickMs * (factor - 1)],
            )
            .catch(() => {}),
        );
      }, tickMs);
      timers.add(timer);
      return () => {
        clearInterval(timer);
        timers.delete(timer);
        void connected.then(() => client.end());
      };
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
              setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
            }),
        ),
      );
      agent.destroy();
      await inbox.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.query(`drop schema if exists ${schema}_worker cascade`);
      await client.end();
    },
  };
}
