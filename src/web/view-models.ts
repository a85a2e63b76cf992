/**
 * The dashboard's view models: pure functions from the snapshot (and a page's query) to what a
 * page shows. No HTML here: the templates render these.
 */
import type { DashboardSnapshot, SnapshotFeature } from "./snapshot.js";

export interface OverviewFilters {
  repo: string | null;
  phase: string | null;
  label: string | null;
  seeking: boolean;
  sort: "demand" | "time";
}

/** Filters from a URL query, so a view can be shared; unknown values are ignored, never an error. */
export function parseFilters(query: URLSearchParams, snapshot: DashboardSnapshot): OverviewFilters {
  const pick = (name: string, allowed: string[]) => {
    const value = query.get(name);
    return value && allowed.includes(value) ? value : null;
  };
  const labels = [...new Set(snapshot.features.flatMap((f) => f.labels))];
  return {
    repo: pick("repo", snapshot.repos),
    phase: pick(
      "phase",
      snapshot.phases.map((p) => p.id),
    ),
    label: pick("label", labels),
    seeking: query.get("seeking") === "1",
    sort: query.get("sort") === "time" ? "time" : "demand",
  };
}

/** The same filters as a query string, for links and the form's current values. */
export function filterQuery(filters: OverviewFilters): string {
  const query = new URLSearchParams();
  if (filters.repo) query.set("repo", filters.repo);
  if (filters.phase) query.set("phase", filters.phase);
  if (filters.label) query.set("label", filters.label);
  if (filters.seeking) query.set("seeking", "1");
  if (filters.sort !== "demand") query.set("sort", filters.sort);
  const text = query.toString();
  return text ? `?${text}` : "";
}

const byDemand = (a: SnapshotFeature, b: SnapshotFeature) =>
  b.demand - a.demand || a.repo.localeCompare(b.repo) || a.number - b.number;
/** Longest in its phase first; unknown last. */
const byTime = (a: SnapshotFeature, b: SnapshotFeature) =>
  (b.daysInPhase ?? -1) - (a.daysInPhase ?? -1) || byDemand(a, b);

interface PhaseColumn {
  id: string;
  name: string;
  features: SnapshotFeature[];
}

export interface OverviewModel {
  filters: OverviewFilters;
  columns: PhaseColumn[];
  shown: number;
  total: number;
  repos: string[];
  phases: { id: string; name: string }[];
  labels: string[];
}

/** Squads by phase: one column per phase (the filtered one alone), open features only. */
export function overviewModel(
  snapshot: DashboardSnapshot,
  filters: OverviewFilters,
): OverviewModel {
  const open = snapshot.features.filter((f) => f.state === "open" && f.phase !== null);
  const shown = open.filter(
    (f) =>
      (!filters.repo || f.repo === filters.repo) &&
      (!filters.label || f.labels.includes(filters.label)) &&
      (!filters.seeking || f.seekingMembers),
  );
  const sort = filters.sort === "time" ? byTime : byDemand;
  const columns = snapshot.phases
    .filter((p) => !filters.phase || p.id === filters.phase)
    .map((p) => ({
      id: p.id,
      name: p.name,
      features: shown.filter((f) => f.phase === p.id).sort(sort),
    }));
  return {
    filters,
    columns,
    shown: columns.reduce((sum, c) => sum + c.features.length, 0),
    total: open.length,
    repos: snapshot.repos,
    phases: snapshot.phases.map(({ id, name }) => ({ id, name })),
    labels: [...new Set(open.flatMap((f) => f.labels))].sort(),
  };
}

export const phaseName = (snapshot: DashboardSnapshot, id: string | null): string =>
  snapshot.phases.find((p) => p.id === id)?.name ?? id ?? "—";

/** Open requests by demand, most wanted first. */
export function demandRanking(snapshot: DashboardSnapshot, limit = 100): SnapshotFeature[] {
  return snapshot.features
    .filter((f) => f.state === "open")
    .sort(byDemand)
    .slice(0, limit);
}

export interface OpportunitiesModel {
  seeking: SnapshotFeature[];
  goodFirstIssues: { repo: string; number: number; title: string; url: string }[];
}

export function opportunitiesModel(snapshot: DashboardSnapshot): OpportunitiesModel {
  return {
    seeking: snapshot.features.filter((f) => f.seekingMembers).sort(byDemand),
    goodFirstIssues: snapshot.community?.goodFirstIssues ?? [],
  };
}

export interface TimelineStep {
  phase: string;
  name: string;
  from: string;
  /** The next entry's instant, or the snapshot's for the current phase. */
  to: string;
}

/** A feature's stays in each phase, for its timeline chart. */
export function featureTimeline(
  snapshot: DashboardSnapshot,
  feature: SnapshotFeature,
): TimelineStep[] {
  return feature.history.map((entry, index) => ({
    phase: entry.phase,
    name: phaseName(snapshot, entry.phase),
    from: entry.at,
    to: feature.history[index + 1]?.at ?? (feature.state === "open" ? snapshot.takenAt : entry.at),
  }));
}

export function findFeature(
  snapshot: DashboardSnapshot,
  repo: string,
  number: number,
): SnapshotFeature | null {
  const name = repo.toLowerCase();
  return (
    snapshot.features.find((f) => f.repo.toLowerCase() === name && f.number === number) ?? null
  );
}

/** Only web links leave the page: a `javascript:` or `data:` URL in a card becomes no link. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

const CSV_COLUMNS = [
  "rank",
  "repo",
  "number",
  "title",
  "url",
  "phase",
  "demand",
  "thumbsUp",
  "interested",
  "squadSize",
] as const;

/** A spreadsheet would run a cell starting with = + - @ as a formula: such text gets a quote first. */
function csvCell(value: string | number): string {
  const text = typeof value === "number" ? String(value) : value.replace(/^[=+\-@\t\r]/, "'$&");
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The demand ranking as CSV (RFC 4180). */
export function demandCsv(snapshot: DashboardSnapshot): string {
  const rows = demandRanking(snapshot, Number.POSITIVE_INFINITY).map((f, index) => [
    index + 1,
    f.repo,
    f.number,
    f.title,
    f.url,
    f.phase ?? "",
    f.demand,
    f.thumbsUp,
    f.interested,
    f.squadSize,
  ]);
  return `${[[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
