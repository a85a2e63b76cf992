/**
 * `npm run bench:inbox` (PGlite), `npm run bench:inbox -- --url postgres://… [--instances 2]`
 * (PostgreSQL; the schemas it makes are dropped after): a burst of 500 signed feature-request
 * deliveries, all sent at once over real HTTP (from a thread of their own, see `inbox-burst.mjs`)
 * to Probot's server with the durable inbox on and the real app behind it, spread over the
 * instances in turn as a load balancer would. GitHub is the in-memory double answering each
 * request after `--github-ms` (50). Reports the acknowledgement latency (send to answer) p50/p99,
 * and the work throughput: how long the inbox took to run all 500 into GitHub. Every delivery is
 * a new issue, so each runs in its own issue queue. `--record-only` starts no worker.
 *
 * Several instances here are several Probot servers, inboxes and worker pools in one process
 * over one database and one GitHub double: they share one event loop (and this machine's cores),
 * so the figure shows the queue spreading work, not the CPU of a second machine.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import pg from "pg";
import type { GitHubPort } from "../src/github/port.js";
import { Inbox } from "../src/inbox/inbox.js";
import { type ServedDatabase, servePglite } from "../src/inbox/pglite-server.js";
import { createWorld, MemorySimilarSearch, manualClock } from "../test/double/index.js";
import { percentile } from "../test/support/load-scenario.js";
import {
  signedWebhook,
  startWebhookServer,
  type WebhookServer,
} from "../test/support/webhook-server.js";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    "record-only": { type: "boolean" },
    instances: { type: "string", default: "1" },
    "github-ms": { type: "string", default: "50" },
    concurrency: { type: "string", default: "4" },
    burst: { type: "string", default: "500" },
  },
});
const BURST = Number(values.burst);
const instances = Number(values.instances);
const githubMs = Number(values["github-ms"]);
const concurrency = Number(values.concurrency);
const work = !values["record-only"];
if (instances > 1 && !values.url) {
  throw new Error(
    "--instances over 1 needs --url: PGlite serves one process (its directory is locked)",
  );
}
const BODY = "### Is your feature request related to a problem?\nYes.";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every call of `port`'s methods answers `ms` later, as GitHub over the network; counted. */
function answeringAfter<T extends object>(port: T, ms: number, counter: { requests: number }): T {
  return new Proxy(port, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        counter.requests++;
        await sleep(ms);
        return value.apply(target, args);
      };
    },
  });
}

const schema = `bench_${randomUUID().replaceAll("-", "").slice(0, 8)}`;
const served: ServedDatabase | null = values.url ? null : await servePglite(":memory:");
const url = values.url ?? (served as ServedDatabase).url;

const clock = manualClock();
const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
const counter = { requests: 0 };
const github = answeringAfter<GitHubPort>(world.github, githubMs, counter);
const search = answeringAfter(new MemorySimilarSearch(world.github), githubMs, counter);
let ran = 0;
const inboxes: Inbox[] = [];
const servers: WebhookServer[] = [];
for (let i = 0; i < instances; i++) {
  const inbox = await Inbox.open({
    connectionString: url,
    schema,
    embedded: !values.url,
    concurrency,
  });
  inboxes.push(inbox);
  servers.push(
    await startWebhookServer(world, clock, { inbox, onRun: () => ran++, work, github, search }),
  );
}

const deliveries = Array.from({ length: BURST }, (_, i) =>
  world.github.as(world.people.user).openIssue(world.repo, { title: `Request ${i}`, body: BODY }),
);
const requests = deliveries.map((d) => {
  const { headers, body } = signedWebhook(d.id, d.name, d.payload);
  return { headers, body: body.toString() };
});
const started = performance.now();
const client = new Worker(new URL("./inbox-burst.mjs", import.meta.url), {
  workerData: { ports: servers.map((s) => s.port), requests },
});
const latencies = await new Promise<number[]>((resolve, reject) => {
  client.once("message", resolve);
  client.once("error", reject);
});
const acknowledged = performance.now() - started;
const first = inboxes[0] as Inbox;
while (work && ran < BURST) await sleep(20);
while (work && (await first.counts()).running) await sleep(20);
const worked = performance.now() - started;

const sorted = [...latencies].sort((a, b) => a - b);
const where = values.url ? "PostgreSQL" : "PGlite (served on its socket, in process)";
const p50 = percentile(sorted, 50).toFixed(0);
const p99 = percentile(sorted, 99).toFixed(0);
console.log(
  `inbox on ${where}, ${instances} instance(s), ${concurrency} deliveries at once each, GitHub answering in ${githubMs} ms: ${BURST} signed deliveries sent at once`,
);
console.log(
  `acknowledgement ms: p50 ${p50}, p99 ${p99}, max ${(sorted.at(-1) ?? 0).toFixed(0)}; all answered in ${(acknowledged / 1000).toFixed(2)} s`,
);
if (work) {
  const perSecond = (BURST / (worked / 1000)).toFixed(1);
  console.log(
    `work: all ${BURST} run from the inbox ${(worked / 1000).toFixed(2)} s after the first was sent (${perSecond} deliveries/s), ${(counter.requests / BURST).toFixed(2)} GitHub requests per delivery`,
  );
} else {
  console.log("work: none (--record-only)");
}

await client.terminate();
for (const server of servers) await server.stop();
for (const inbox of inboxes) await inbox.stop(1_000);
for (const inbox of inboxes) await inbox.close();
await served?.close();
if (values.url) {
  const admin = new pg.Client({ connectionString: values.url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.query(`drop schema if exists ${schema}_worker cascade`);
  await admin.end();
}
