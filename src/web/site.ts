/** Where the dashboard's links point, and which pages it has. */
import type { DashboardSection } from "../features/dashboard/config.js";

/** `/dashboard/` when served; a relative `../` prefix in the static export. */
export interface Site {
  root: string;
  sections: readonly DashboardSection[];
  /** Served pages filter on the server; exported ones show everything. */
  served: boolean;
}

export const PAGES: Record<DashboardSection, { path: string; title: string }> = {
  squads: { path: "", title: "Squads by phase" },
  demand: { path: "demand/", title: "Demand" },
  community: { path: "community/", title: "Community journey" },
  opportunities: { path: "opportunities/", title: "Opportunities" },
  history: { path: "history/", title: "Releases and history" },
};

/** A feature's page, below the root. */
export const featurePath = (repo: string, number: number) => `feature/${repo}/${number}/`;
