/**
 * `npm run bench:inbox` (add `-- --url postgres://…` for PostgreSQL): a burst of 500 signed
 * webhook deliveries, all sent at once over real HTTP (from a thread of their own, see
 * `inbox-burst.mjs`) to Probot's server with the durable inbox
 * on, the real app behind it and the in-memory GitHub (answering at once). Reports the
 * acknowledgement latency (send to answer) p50/p99, and how long the inbox then took to run them
 * all. Every delivery is a new issue, so each runs in its own issue queue.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { Inbox } from "../src/inbox/inbox.js";
import { type ServedDatabase, servePglite } from "../src/inbox/pglite-server.js";
import { createWorld, manualClock } from "../test/double/index.js";
import { percentile } from "../test/support/load-scenario.js";
import { signedWebhook, startWebhookServer } from "../test/support/webhook-server.js";

const BURST = 500;
const { values } = parseArgs({
  options: { url: { type: "string" }, "record-only": { type: "boolean" } },
});
const work = !values["record-only"];
const schema = `bench_${randomUUID().replaceAll("-", "").slice(0, 8)}`;
const served: ServedDatabase | null = values.url ? null : await servePglite(":memory:");
const url = values.url ?? (served as ServedDatabase).url;

const clock = manualClock();
const world = createWorld({ config: "preset: squad-journey\n", now: clock.now });
const inbox = await Inbox.open({ connectionString: url, schema, embedded: !values.url });
let ran = 0;
const server = await startWebhookServer(world, clock, { inbox, onRun: () => ran++, work });

const deliveries = Array.from({ length: BURST }, (_, i) =>
  world.github.as(world.people.user).openIssue(world.repo, { title: `Request ${i}`, body: "" }),
);
const requests = deliveries.map((d) => {
  const { headers, body } = signedWebhook(d.id, d.name, d.payload);
  return { headers, body: body.toString() };
});
const started = performance.now();
const client = new Worker(new URL("./inbox-burst.mjs", import.meta.url), {
  workerData: { port: server.port, requests },
});
const latencies = await new Promise<number[]>((resolve, reject) => {
  client.once("message", resolve);
  client.once("error", reject);
});
const acknowledged = performance.now() - started;
while (work && ran < BURST) await new Promise((resolve) => setTimeout(resolve, 20));
while ((await inbox.counts()).running) await new Promise((resolve) => setTimeout(resolve, 20));
const worked = performance.now() - started;

const sorted = [...latencies].sort((a, b) => a - b);
const where = values.url ? "PostgreSQL" : "PGlite (served on its socket, in process)";
console.log(`inbox on ${where}: ${BURST} signed deliveries sent at once`);
console.log(
  `acknowledgement ms: p50 ${percentile(sorted, 50).toFixed(0)}, p99 ${percentile(sorted, 99).toFixed(0)}, max ${(sorted.at(-1) ?? 0).toFixed(0)}; all answered in ${(acknowledged / 1000).toFixed(2)} s`,
);
console.log(
  `work: all ${BURST} run from the inbox ${(worked / 1000).toFixed(2)} s after the first was sent (${(BURST / (worked / 1000)).toFixed(0)} deliveries/s)`,
);

await client.terminate();
await server.stop();
await inbox.stop(1_000);
await inbox.close();
await served?.close();
if (values.url) {
  const client = new pg.Client({ connectionString: values.url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.query(`drop schema if exists ${schema}_worker cascade`);
  await client.end();
}
