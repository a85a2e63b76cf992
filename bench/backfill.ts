/**
 * `npx tsx bench/backfill.ts [--url postgres://…]`: backfill throughput on a synthetic
 * organization served 100 items per page, as GitHub pages them: items per GitHub request (the
 * figure that matters against the rate limit) and store writes per second.
 */
import { parseArgs } from "node:util";
import { backfill } from "../src/store/backfill.js";
import { openStore } from "../src/store/open.js";
import { comment, FakeHistory, type FakeRepo, review } from "../test/store/fake-history.js";

const { values } = parseArgs({ options: { url: { type: "string" } } });
const REPOS = 5;
const ISSUES = 1_500;
const PULLS = 800;
const day = (d: number) => new Date(Date.UTC(2025, 0, 1 + (d % 700)));
const person = (n: number) => `person-${n % 400}`;

function synthetic(): FakeRepo[] {
  return Array.from({ length: REPOS }, (_, r) => ({
    name: `repo-${r}`,
    issues: Array.from({ length: ISSUES }, (_, i) => ({
      id: `I_${r}_${i}`,
      author: person(i * 7 + r),
      createdAt: day(i),
      comments: Array.from({ length: i % 3 }, (_, c) =>
        comment(`IC_${r}_${i}_${c}`, person(i + c), day(i + c)),
      ),
    })),
    pulls: Array.from({ length: PULLS }, (_, p) => ({
      id: `PR_${r}_${p}`,
      author: person(p * 11 + r),
      createdAt: day(p),
      ...(p % 4 !== 0 ? { mergedAt: day(p + 2) } : {}),
      reviews: Array.from({ length: p % 2 }, (_, v) =>
        review(`PRR_${r}_${p}_${v}`, person(p + v + 1), day(p + 1)),
      ),
      comments: [comment(`PC_${r}_${p}`, person(p + 3), day(p + 1))],
    })),
  }));
}

const history = new FakeHistory(synthetic(), { pageSize: 100, nestedSize: 100 });
const store = await openStore(values.url ? { databaseUrl: values.url } : { dataDir: ":memory:" });
const started = performance.now();
const report = await backfill({ store, history }, { org: "synthetic" });
const seconds = (performance.now() - started) / 1000;
await store.close();

const items = Math.round(report.itemsPerRequest * history.requests.length);
console.log(`store: ${values.url ? "PostgreSQL" : "PGlite (in memory)"}`);
console.log(`items read: ${items} in ${history.requests.length} GitHub requests`);
console.log(`items per request: ${report.itemsPerRequest.toFixed(0)}`);
console.log(
  `wall time: ${seconds.toFixed(1)} s (${(items / seconds).toFixed(0)} items/s into the store)`,
);
