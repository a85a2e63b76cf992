/** Scheduler jobs for a repository's digests: one per enabled kind, keyed by the period it reports. */
import type { RepoRef } from "../../github/types.js";
import type { ScheduledJob } from "../../scheduler/scheduler.js";
import type { DigestKind, DigestsConfig } from "./config.js";
import { reportedPeriod } from "./period.js";

/**
 * `runKind` does the whole run for one kind (usually `runDigest` with an installation's port);
 * the monthly job is left out when `monthly` is false (no community data yet).
 */
export function digestJobs(
  repo: RepoRef,
  digests: DigestsConfig,
  runKind: (kind: DigestKind, at: Date) => Promise<void>,
  kinds: DigestKind[] = ["weekly", "monthly"],
): ScheduledJob[] {
  return kinds.flatMap((kind) => {
    const settings = digests[kind];
    if (!settings.enabled) return [];
    return [
      {
        name: `digest:${kind}:${repo.owner}/${repo.repo}`,
        cron: settings.cron,
        timezone: settings.timezone,
        periodKey: (at: Date) => reportedPeriod(kind, at, settings.timezone).key,
        run: (at: Date) => runKind(kind, at),
      },
    ];
  });
}
