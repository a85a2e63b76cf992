/** The static export: every page of one snapshot as files, linking relatively so any base path works. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { relativeRoot, renderPath, sitePaths } from "./site-pages.js";
import type { DashboardSnapshot } from "./snapshot.js";

/** Writes the site under `dir`; returns how many files. */
export async function exportSite(snapshot: DashboardSnapshot, dir: string): Promise<number> {
  let written = 0;
  for (const path of sitePaths(snapshot)) {
    const site = { root: relativeRoot(path), sections: snapshot.sections, served: false };
    const file = renderPath(site, snapshot, path);
    if (!file) continue;
    const target = join(dir, path.endsWith("/") || path === "" ? `${path}index.html` : path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.body);
    written += 1;
  }
  return written;
}
