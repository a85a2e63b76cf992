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
      boardsOf(snapshot).flatMap((b) => b.phases.map((p) => p.key)),
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
  /** The phase filter's value: the phase id, `<journey>.<phase>` in another journey. */
  id: string;
  name: string;
  features: SnapshotFeature[];
}

interface Board {
  /** Null for the repository's own journey. */
  journey: { id: string; name: string } | null;
  columns: PhaseColumn[];
}

export interface OverviewModel {
  filters: OverviewFilters;
  /** The repository's own journey's columns. */
  columns: PhaseColumn[];
  /** One board per other journey (`journeys`) that has a column left after the phase filter. */
  journeys: (Board & { journey: { id: string; name: string } })[];
  shown: number;
  total: number;
  repos: string[];
  /** The phase filter's choices; another journey's are named `Journey: Phase`. */
  phases: { id: string; name: string }[];
  labels: string[];
}

/** Every journey's phases with their filter keys, the repository's own first. */
function boardsOf(snapshot: DashboardSnapshot) {
  return [
    {
      journey: null,
      phases: snapshot.phases.map((p) => ({ key: p.id, id: p.id, name: p.name })),
    },
    ...snapshot.journeys.map((j) => ({
      journey: { id: j.id, name: j.name },
      phases: j.phases.map((p) => ({ key: `${j.id}.${p.id}`, id: p.id, name: p.name })),
    })),
  ];
}

/**
 * Squads by phase: one column per phase (the filtered one alone), open features only; the
 * repository's own journey first, then one board per other journey.
 */
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
  const boards = boardsOf(snapshot).map((board) => ({
    journey: board.journey,
    columns: board.phases
      .filter((p) => !filters.phase || p.key === filters.phase)
      .map((p) => ({
        id: p.key,
        name: p.name,
        features: shown
          .filter((f) => f.journey === board.journey?.id && f.phase === p.id)
          .sort(sort),
      })),
  }));
  const [own, ...others] = boards;
  return {
    filters,
    columns: own?.columns ?? [],
    journeys: others.flatMap((b) =>
      b.journey && b.columns.length > 0 ? [{ journey: b.journey, columns: b.columns }] : [],
    ),
    shown: boards.reduce((sum, b) => sum + b.columns.reduce((n, c) => n + c.features.length, 0), 0),
    total: open.length,
    repos: snapshot.repos,
    phases: boardsOf(snapshot).flatMap((b) =>
      b.phases.map((p) => ({
        id: p.key,
        name: b.journey ? `${b.journey.name}: ${p.name}` : p.name,
      })),
    ),
    labels: [...new Set(open.flatMap((f) => f.labels))].sort(),
  };
}

/** A phase's name in the feature's journey: the repository's own unless `journey` names another. */
export function phaseName(
  snapshot: DashboardSnapshot,
  id: string | null,
  journey?: string | undefined,
): string {
  const phases =
    journey === undefined
      ? snapshot.phases
      : (snapshot.journeys.find((j) => j.id === journey)?.phases ?? []);
  return phases.find((p) => p.id === id)?.name ?? id ?? "—";
}

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
    name: phaseName(snapshot, entry.phase, feature.journey),
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
