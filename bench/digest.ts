/**
 * Weekly digest cost against the in-memory source: requests, wall time and heap for 1,000,
 * 10,000 and 50,000 feature issues, of which about 2% changed in the period.
 * Run: `npx tsx bench/digest.ts [sizes] [memory|generated]`; with `node --expose-gc --import tsx bench/digest.ts` the
 * baseline is taken after a full GC, which makes the heap figures steadier.
 * The peak includes the in-memory GitHub's own copies: `issues(repo)` clones every issue of the
 * repository once per state before the source pages through them; the aggregate column is what
 * the digest itself keeps.
 */
import { loadTemplates } from "../src/core/load-templates.js";
import { collectWeekly } from "../src/features/digest/collect.js";
import { reportedPeriod } from "../src/features/digest/period.js";
import { type DigestSource, PAGE_SIZE } from "../src/features/digest/source.js";
import { renderWeeklyDigest } from "../src/features/digest/weekly.js";
import { cardState, digestWorld, type FeatureSeed, MONDAY } from "../test/digest/fixtures.js";

/** Read once: rendering is measured, not reading the template files. */
const templates = loadTemplates();

const SIZES = (process.argv[2] ?? "1000,10000,50000").split(",").map(Number);
const PHASES = ["inception", "convergence", "building", "testing", "release"];
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Samples the heap after every page: the peak while the digest folds the stream. */
function sampled(source: DigestSource): { source: DigestSource; peak: () => number } {
  let peak = 0;
  return {
    peak: () => peak,
    source: {
      stats: () => source.stats(),
      async *issues(repo, query) {
        for await (const page of source.issues(repo, query)) {
          peak = Math.max(peak, process.memoryUsage().heapUsed);
          yield page;
        }
      },
    },
  };
}

/**
 * The same issues generated page by page, without the in-memory GitHub: what the digest's own
 * fold costs when, as with GraphQL, only one page exists at a time.
 */
function generatedSource(size: number): DigestSource {
  let requests = 0;
  const repo = { owner: "medic", repo: "cht-core" };
  return {
    stats: () => ({ requests, cost: requests, remaining: null }),
    async *issues() {
      for (let from = 0; from === 0 || from < size; from += PAGE_SIZE) {
        requests += 1;
        yield Array.from({ length: Math.min(PAGE_SIZE, size - from) }, (_, k) => {
          const i = from + k;
          const changed = i % 50 === 0;
          const phase =
            (changed ? PHASES[1 + ((i / 50) % 4)] : PHASES[i % PHASES.length]) ?? "inception";
          const seed: FeatureSeed = {
            title: `Feature request ${i}`,
            history: changed
              ? [
                  ["inception", "2026-03-01T10:00:00Z", "squad-bot[bot]"],
                  [phase, "2026-11-25T10:00:00Z", "mia-maintainer"],
                ]
              : [[phase, "2026-03-01T10:00:00Z", "squad-bot[bot]"]],
            lead: i % 3 === 0 ? `lead-${i % 40}` : null,
          };
          return {
            repo,
            number: i + 1,
            title: seed.title,
            url: `https://github.com/medic/cht-core/issues/${i + 1}`,
            state: "open" as const,
            createdAt: "2026-03-01T10:00:00Z",
            updatedAt: seed.history.at(-1)?.[1] ?? "2026-03-01T10:00:00Z",
            closedAt: null,
            labels: [`phase: ${phase}`],
            thumbsUp: i % 11,
            card: cardState(seed),
          };
        });
      }
    },
  };
}

async function measure(size: number) {
  const d = await digestWorld();
  for (let i = 0; i < size; i += 1) {
    const changed = i % 50 === 0;
    // A changed issue moved out of Inception this week; the rest sit where they were in March.
    const phase = (changed ? PHASES[1 + ((i / 50) % 4)] : PHASES[i % PHASES.length]) ?? "inception";
    d.seed({
      title: `Feature request ${i}`,
      history: changed
        ? [
            ["inception", "2026-03-01T10:00:00Z", "squad-bot[bot]"],
            [phase, "2026-11-25T10:00:00Z", "mia-maintainer"],
          ]
        : [[phase, "2026-03-01T10:00:00Z", "squad-bot[bot]"]],
      lead: i % 3 === 0 ? `lead-${i % 40}` : null,
      ...(i % 7 === 0 ? { closedAt: "2026-04-01T10:00:00Z" } : {}),
    });
  }
  const settings = d.digests.weekly;
  const period = reportedPeriod("weekly", new Date(MONDAY), "UTC");
  const before = heap();
  const { source, peak } = sampled(d.source);
  const started = performance.now();
  const data = await collectWeekly(source, [d.world.repo], {
    config: d.config,
    settings,
    period,
    now: new Date(MONDAY),
  });
  const markdown = renderWeeklyDigest({ data, config: d.config, settings, templates }).markdown;
  const ms = performance.now() - started;
  // What the fold keeps: counts and bounded rankings, the same size for any number of issues.
  const stateKb = (JSON.stringify(data).length / 1024).toFixed(1);
  return {
    issues: size,
    requests: data.reads.requests,
    ms: Math.round(ms),
    peakMb: mb(peak() - before),
    stateKb,
    moves: data.transitions.total,
    markdownKb: (markdown.length / 1024).toFixed(1),
  };
}

async function measureGenerated(size: number) {
  const d = await digestWorld();
  const settings = d.digests.weekly;
  const period = reportedPeriod("weekly", new Date(MONDAY), "UTC");
  const before = heap();
  const { source, peak } = sampled(generatedSource(size));
  const started = performance.now();
  const data = await collectWeekly(source, [d.world.repo], {
    config: d.config,
    settings,
    period,
    now: new Date(MONDAY),
  });
  renderWeeklyDigest({ data, config: d.config, settings, templates });
  return `| ${size} | ${data.reads.requests} | ${Math.round(performance.now() - started)} ms | ${mb(peak() - before)} MB |`;
}

const mode = process.argv[3] ?? "both";
if (mode !== "generated") {
  console.log("In-memory GitHub (MemoryDigestSource):\n");
  console.log(
    "| issues | requests | wall time | peak heap above baseline | aggregate (JSON) | moves | digest size |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const size of SIZES) {
    const r = await measure(size);
    console.log(
      `| ${r.issues} | ${r.requests} | ${r.ms} ms | ${r.peakMb} MB | ${r.stateKb} KB | ${r.moves} | ${r.markdownKb} KB |`,
    );
  }
}
if (mode !== "memory") {
  console.log("\nGenerated pages, one at a time (the fold alone, as with GraphQL):\n");
  console.log("| issues | requests | wall time | peak heap above baseline |");
  console.log("| ---: | ---: | ---: | ---: |");
  for (const size of SIZES) console.log(await measureGenerated(size));
}
