/** Renders the dashboard's pages from the snapshot through the Eta templates (auto-escaping). */
import { Eta } from "eta";
import type { DashboardSection } from "../features/dashboard/config.js";
import { featurePath, PAGES, type Site } from "./site.js";
import type { DashboardSnapshot, SnapshotFeature } from "./snapshot.js";
import { STYLE } from "./style.js";
import { TEMPLATES } from "./templates.js";
import { filterQuery, type OverviewFilters, overviewModel, safeHref } from "./view-models.js";

const eta = new Eta({ autoEscape: true, useWith: false, cache: true });
for (const [name, text] of Object.entries(TEMPLATES)) eta.loadTemplate(`@${name}`, text);

export const renderTemplate = (name: string, data: object): string => eta.render(`@${name}`, data);

/** Cards per column on the board; a filtered phase shows more. Keeps 5,000 features under 300 KB. */
const CARDS_PER_COLUMN = 40;
const CARDS_FILTERED = 400;

function flagsOf(f: SnapshotFeature): string[] {
  return [
    ...(f.blocked !== null ? ["blocked"] : []),
    ...(f.stalled ? ["stalled"] : []),
    ...(f.overdue ? ["overdue"] : []),
    ...(f.seekingMembers ? ["seeking"] : []),
  ];
}

/** A whole page inside the shared layout. */
export function layoutPage(
  site: Site,
  snapshot: DashboardSnapshot,
  current: DashboardSection | null,
  title: string,
  body: string,
): string {
  const nav = snapshot.sections.map((section) => ({
    href: `${site.root}${PAGES[section].path}`,
    title: PAGES[section].title,
    current: section === current,
  }));
  const taken = snapshot.takenAt.replace("T", " ").slice(0, 16);
  return renderTemplate("layout", { site, snapshot, title, nav, taken, body, style: STYLE });
}

export function cardHtml(site: Site, f: SnapshotFeature): string {
  const url = safeHref(f.url) ?? "#";
  return renderTemplate("card", {
    f: { ...f, url },
    page: `${site.root}${featurePath(f.repo, f.number)}`,
    flags: flagsOf(f),
  });
}

export function overviewPage(site: Site, snapshot: DashboardSnapshot, filters: OverviewFilters) {
  const model = overviewModel(snapshot, filters);
  const limit = filters.phase ? CARDS_FILTERED : CARDS_PER_COLUMN;
  const columnsOf = (board: typeof model.columns) =>
    board.map((column) => ({
      id: column.id,
      name: column.name,
      count: column.features.length,
      cards: column.features
        .slice(0, limit)
        .map((f) => cardHtml(site, f))
        .join(""),
      more: Math.max(0, column.features.length - limit),
    }));
  const body = renderTemplate("overview", {
    model,
    columns: columnsOf(model.columns),
    journeys: model.journeys.map((board) => ({
      ...board.journey,
      columns: columnsOf(board.columns),
    })),
    served: site.served,
    query: filterQuery(filters),
  });
  return layoutPage(site, snapshot, "squads", PAGES.squads.title, body);
}
