/**
 * `npx tsx bench/load.ts`: a burst of webhook deliveries over 50 feature requests, concurrent,
 * shuffled and partly repeated, through the real app and the in-memory GitHub. Reports
 * throughput and latency percentiles, and fails if any feature ends inconsistent.
 * It measures the app's own cost; GitHub's latency and throttling come on top in production.
 */
import {
  buildScenario,
  deliverAll,
  invariantViolations,
  percentile,
} from "../test/support/load-scenario.js";

const ISSUES = 50;
const CONCURRENCY = 25;
const { app, refs, deliveries } = await buildScenario(ISSUES, 42);
app.github.resetRequests();
const started = performance.now();
const latencies = await deliverAll(app, deliveries, CONCURRENCY);
const seconds = (performance.now() - started) / 1000;
const sorted = [...latencies].sort((a, b) => a - b);
const problems = invariantViolations(app, refs);

console.log(`deliveries: ${deliveries.length} over ${ISSUES} issues, ${CONCURRENCY} in flight`);
console.log(
  `throughput: ${(deliveries.length / seconds).toFixed(0)} deliveries/s (${seconds.toFixed(2)} s)`,
);
console.log(
  `latency ms: p50 ${percentile(sorted, 50).toFixed(1)}, p95 ${percentile(sorted, 95).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${(sorted.at(-1) ?? 0).toFixed(1)}`,
);
console.log(
  `GitHub requests: ${app.github.requests.length} (${(app.github.requests.length / deliveries.length).toFixed(2)} per delivery)`,
);
console.log(
  `consistency: ${problems.length === 0 ? "every feature has one card and one matching phase label, no duplicate comment" : problems.join("; ")}`,
);
if (problems.length > 0) process.exitCode = 1;
