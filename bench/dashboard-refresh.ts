/**
 * The dashboard refresh's cost in GitHub requests against the in-memory GitHub: 1,000, 10,000
 * and 50,000 feature issues, one eighth of them closed this year. The snapshot reads through the
 * digest's pager, so the cost is a request per 100 open issues plus one per 100 recently closed.
 * Run: `npx tsx bench/dashboard-refresh.ts [sizes]`.
 */
import { dashboardConfigSchema } from "../src/features/dashboard/config.js";
import { takeSnapshot } from "../src/features/dashboard/refresh.js";
import { digestWorld, MONDAY } from "../test/digest/fixtures.js";
import { templates } from "../test/support/templates.js";

const SIZES = (process.argv[2] ?? "1000,10000,50000").split(",").map(Number);
const PHASES = ["inception", "convergence", "building", "testing", "release"];

async function measure(size: number) {
  const d = await digestWorld();
  for (let i = 0; i < size; i += 1) {
    const phase = PHASES[i % PHASES.length] ?? "inception";
    d.seed({
      title: `Feature ${i}`,
      history: [
        ["inception", "2026-02-01T10:00:00Z", "squad-bot[bot]"],
        [phase, `2026-${String(3 + (i % 9)).padStart(2, "0")}-01T10:00:00Z`, "mia-maintainer"],
      ],
      lead: i % 4 === 0 ? `lead-${i % 30}` : null,
      ...(i % 8 === 0 ? { closedAt: "2026-11-01T10:00:00Z" } : {}),
    });
  }
  d.world.github.resetRequests();
  const started = performance.now();
  const snapshot = await takeSnapshot({
    config: d.config,
    settings: dashboardConfigSchema.parse({}),
    source: d.source,
    repos: [d.world.repo],
    now: new Date(MONDAY),
    templates,
  });
  const ms = Math.round(performance.now() - started);
  const kb = (JSON.stringify(snapshot).length / 1024).toFixed(0);
  return `| ${size} | ${snapshot.reads.requests} | ${snapshot.features.length} | ${kb} KB | ${ms} ms |`;
}

console.log("| issues | GitHub requests | features kept | snapshot (JSON) | wall time |");
console.log("| ---: | ---: | ---: | ---: | ---: |");
for (const size of SIZES) console.log(await measure(size));
