/** Every file of the dashboard for one snapshot: what the server answers and the static export writes. */

import { communityPage, demandPage, featurePage, historyPage, opportunitiesPage } from "./pages.js";
import { overviewPage } from "./render.js";
import { featurePath, PAGES, type Site } from "./site.js";
import { type DashboardSnapshot, snapshotJsonSchema } from "./snapshot.js";
import { demandCsv, findFeature, parseFilters } from "./view-models.js";

export interface WebFile {
  contentType: string;
  body: string;
}

const HTML = "text/html; charset=utf-8";

/** One page by its path below the root (`""`, `demand/`, `feature/o/r/12/`, `data.json` …); null when none. */
export function renderPath(
  site: Site,
  snapshot: DashboardSnapshot,
  path: string,
  query: URLSearchParams = new URLSearchParams(),
): WebFile | null {
  const shown = new Set(snapshot.sections);
  const html = (body: string): WebFile => ({ contentType: HTML, body });
  if (path === "data.json") {
    return { contentType: "application/json", body: JSON.stringify(snapshot) };
  }
  if (path === "schema.json") {
    return {
      contentType: "application/schema+json",
      body: JSON.stringify(snapshotJsonSchema(), null, 2),
    };
  }
  if (path === "demand.csv")
    return { contentType: "text/csv; charset=utf-8", body: demandCsv(snapshot) };
  if (path === PAGES.squads.path && shown.has("squads")) {
    return html(overviewPage(site, snapshot, parseFilters(query, snapshot)));
  }
  if (path === PAGES.demand.path && shown.has("demand")) return html(demandPage(site, snapshot));
  if (path === PAGES.community.path && shown.has("community"))
    return html(communityPage(site, snapshot));
  if (path === PAGES.opportunities.path && shown.has("opportunities")) {
    return html(opportunitiesPage(site, snapshot));
  }
  if (path === PAGES.history.path && shown.has("history")) return html(historyPage(site, snapshot));
  const match = path.match(/^feature\/([\w.-]+)\/([\w.-]+)\/(\d+)\/$/);
  if (match) {
    const feature = findFeature(snapshot, `${match[1]}/${match[2]}`, Number(match[3]));
    return feature ? html(featurePage(site, snapshot, feature)) : null;
  }
  return null;
}

/** Every path of the static site, each with the relative root its links need. */
export function sitePaths(snapshot: DashboardSnapshot): string[] {
  return [
    ...snapshot.sections.map((s) => PAGES[s].path),
    ...snapshot.features.map((f) => featurePath(f.repo, f.number)),
    "data.json",
    "schema.json",
    "demand.csv",
  ];
}

/** `../` once per folder: exported pages link relatively, so the site works under any base path. */
export const relativeRoot = (path: string) => "../".repeat(path.split("/").length - 1) || "./";
