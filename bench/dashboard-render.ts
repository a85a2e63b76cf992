/**
 * The dashboard overview's render time and weight for 5,000 features, from the snapshot (no
 * store, no GitHub): the targets are under 100 ms and under 300 KB of HTML.
 * Run: `npx tsx bench/dashboard-render.ts [features]`.
 */
import { renderPath } from "../src/web/site-pages.js";
import { bigSnapshot } from "../test/dashboard/fixture.js";

const size = Number(process.argv[2] ?? 5000);
const snapshot = bigSnapshot(size);
const site = { root: "/dashboard/", sections: snapshot.sections, served: true };
const render = (query: string) =>
  renderPath(site, snapshot, "", new URLSearchParams(query))?.body ?? "";

for (let i = 0; i < 5; i += 1) render(""); // warm up: Eta compiles its templates once.
console.log("| view | median render | HTML |");
console.log("| --- | ---: | ---: |");
for (const query of ["", "sort=time", "phase=building", "seeking=1"]) {
  const times: number[] = [];
  let html = "";
  for (let i = 0; i < 21; i += 1) {
    const started = performance.now();
    html = render(query);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const kb = (Buffer.byteLength(html) / 1024).toFixed(0);
  console.log(
    `| overview ${query || "(all)"}, ${size} features | ${median.toFixed(1)} ms | ${kb} KB |`,
  );
}
