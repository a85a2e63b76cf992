/** The digest feature's scheduled jobs: one per enabled kind, each a run of `runDigest` for its repository. */
import type { Config } from "../../config/schema.js";
import type { RepoRef } from "../../github/types.js";
import type { FeatureJob, Scope, Services } from "../feature.js";
import { StoreCommunityDigest } from "./community-collector.js";
import { type DigestKind, digestSettings } from "./config.js";
import { reportedPeriod } from "./period.js";
import { runDigest } from "./run.js";

async function runDigestJob(scope: Scope, repo: RepoRef, kind: DigestKind, at: Date) {
  const config = await scope.config(repo);
  const features = scope.services.features;
  if (!config?.digests || !features) return;
  const digests = digestSettings(config);
  const { store, community: communityPort, delivery } = scope.services;
  const community =
    kind === "monthly" && store
      ? new StoreCommunityDigest({
          store,
          community: config.community,
          ...(communityPort ? { port: communityPort } : {}),
          limit: digests.monthly.listLimit,
          templates: scope.templates,
        })
      : undefined;
  const result = await runDigest({
    port: scope.port,
    source: await features(),
    home: repo,
    config,
    digests,
    kind,
    now: at,
    author: await scope.appLogin(),
    dryRun: scope.dryRun(config),
    log: scope.log,
    templates: scope.templates,
    ...(community ? { community } : {}),
    ...(delivery ? { delivery } : {}),
  });
  scope.log.info(
    { repo, kind, period: result.period.key, outcome: result.outcome, issue: result.issue?.number },
    "digest run",
  );
}

/** The monthly digest is rendered from the contributor store: without one it is not scheduled. */
export function digestJobs(config: Config, services: Services): FeatureJob[] {
  if (!config.digests) return [];
  const digests = digestSettings(config);
  const kinds: DigestKind[] = services.store ? ["weekly", "monthly"] : ["weekly"];
  return kinds.flatMap((kind): FeatureJob[] => {
    const settings = digests[kind];
    if (!settings.enabled) return [];
    return [
      {
        name: `digest:${kind}`,
        cron: settings.cron,
        timezone: settings.timezone,
        periodKey: (at: Date) => reportedPeriod(kind, at, settings.timezone).key,
        run: (scope, repo, at) => runDigestJob(scope, repo, kind, at),
      },
    ];
  });
}
