/** The dashboard's scheduled refresh: take the snapshot of a repository's dashboard and keep it in the store. */
import type { Config } from "../../config/schema.js";
import type { RepoRef } from "../../github/types.js";
import { parseRepo } from "../digest/run.js";
import type { FeatureJob, Scope, Services } from "../feature.js";
import { dashboardSettings } from "./feature-config.js";
import { takeSnapshot } from "./refresh.js";
import { shownRepos } from "./visibility.js";

/** The store key of a repository's dashboard. */
const dashboardKey = (home: RepoRef) => `${home.owner}/${home.repo}`.toLowerCase();

async function refreshDashboard(scope: Scope, home: RepoRef, at: Date): Promise<void> {
  const config = await scope.config(home);
  const { store, features, visibility, community } = scope.services;
  const settings = config && dashboardSettings(config);
  if (!config || !settings || !store || !features) return;
  const wanted = settings.repos.length > 0 ? settings.repos.map(parseRepo) : [home];
  const { shown, hidden } = await shownRepos(wanted, settings.includePrivate, visibility);
  if (hidden.length > 0) {
    scope.log.info(
      { repo: home, hidden: hidden.map((r) => `${r.owner}/${r.repo}`) },
      "dashboard leaves out repositories that are not public (dashboard.includePrivate: true shows them)",
    );
  }
  const snapshot = await takeSnapshot({
    config,
    settings,
    source: await features(),
    repos: shown,
    now: at,
    templates: scope.templates,
    store,
    community,
  });
  await store.saveSnapshot(dashboardKey(home), at, snapshot);
  scope.log.info(
    { repo: home, features: snapshot.features.length, requests: snapshot.reads.requests },
    "dashboard snapshot taken",
  );
}

/** Only with a store: the snapshot lives there. */
export function dashboardJobs(config: Config, services: Services): FeatureJob[] {
  const settings = dashboardSettings(config);
  if (!settings || !services.store) return [];
  return [
    {
      name: "dashboard:refresh",
      cron: settings.cron,
      timezone: "UTC",
      sharesRateBudget: true,
      run: refreshDashboard,
    },
  ];
}
