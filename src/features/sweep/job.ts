/** The repair sweep as a scheduled job: each repair is the feature's own reconcile, as a webhook runs it. */
import type { Config } from "../../config/schema.js";
import type { RepoRef } from "../../github/types.js";
import type { FeatureJob, Scope } from "../feature.js";
import { reconcileFeature } from "../squad/reconcile.js";
import { syncLinkedTopic } from "../squad-forum/sync.js";
import { sweepSettings } from "./config.js";
import { sweepRepository } from "./run.js";

async function runSweepJob(scope: Scope, repo: RepoRef, at: Date): Promise<void> {
  const config = await scope.config(repo);
  const settings = config && sweepSettings(config);
  const { features, recent } = scope.services;
  if (!config || !settings || !features || !recent) return;
  const actor = await scope.appLogin();
  // Issues opened before squad-bot was turned on are backlog: only an adoption cards them.
  const activatedAt = (await scope.onboarding(repo))?.status.activatedAt;
  await sweepRepository(
    {
      source: await features(),
      recent,
      now: () => at,
      reconcile: (ref) =>
        reconcileFeature(scope, config, ref, { kind: "reconcile", actor }, { repairForum: true }),
      log: scope.log,
      ...(scope.services.forum
        ? {
            repairTopic: async (issue) => {
              await syncLinkedTopic(scope, config, {
                ref: { ...repo, number: issue.number },
                issue: { url: issue.url, title: issue.title },
                state: issue.card,
                transitions: [],
                repair: true,
              });
            },
          }
        : {}),
    },
    repo,
    config,
    activatedAt ? { ...settings, openedAfter: new Date(activatedAt) } : settings,
  );
}

export function sweepJobs(config: Config): FeatureJob[] {
  const settings = sweepSettings(config);
  if (!settings) return [];
  return [
    {
      name: "sweep",
      cron: settings.cron,
      timezone: settings.timezone,
      sharesRateBudget: true,
      run: (scope, repo, at) => runSweepJob(scope, repo, at),
    },
  ];
}
