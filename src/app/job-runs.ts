/**
 * One run of a scheduled job for one repository, over its installation's ports: the digest and
 * the repair sweep, each reading the repository's config through the webhooks' own cache.
 */
import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import type { CommunityPort } from "../features/community/port.js";
import { StoreCommunityDigest } from "../features/digest/community-collector.js";
import { type DigestKind, digestSettings } from "../features/digest/config.js";
import type { DigestDeliveryPort } from "../features/digest/delivery-port.js";
import { runDigest } from "../features/digest/run.js";
import type { DigestSource } from "../features/digest/source.js";
import { sweepSettings } from "../features/sweep/config.js";
import type { RecentIssuesPort } from "../features/sweep/recent.js";
import { sweepRepository } from "../features/sweep/run.js";
import type { GitHubPort } from "../github/port.js";
import type { RepoRef } from "../github/types.js";
import { reconcileIssue } from "./issue-events.js";
import type { Runtime } from "./runtime.js";

/** The ports one run uses, over its installation's token. */
export interface JobPorts {
  port: GitHubPort;
  source: DigestSource;
  /** The repair sweep's listing of recently updated issues, labelled or not. */
  recent: RecentIssuesPort;
  community?: CommunityPort;
  /** Discussions and pinned comments, for `digests.delivery` other than `issue`. */
  delivery?: DigestDeliveryPort;
}

/** Where installations and their repositories come from; production: `OctokitJobHost`. */
export interface JobHost {
  installations(): Promise<number[]>;
  repositories(installation: number): Promise<RepoRef[]>;
  connect(installation: number): Promise<JobPorts>;
}

export interface JobContext {
  runtime: Runtime;
  log: Context["log"];
}

/** The repository's config when it is valid and enabled; absent or invalid configs run nothing. */
export async function enabledConfig(
  job: JobContext,
  ports: JobPorts,
  repo: RepoRef,
): Promise<Config | null> {
  const loaded = await job.runtime.config(ports.port, repo, job.log);
  return loaded.ok === true && loaded.config.enabled ? loaded.config : null;
}

export async function runDigestJob(
  job: JobContext,
  ports: JobPorts,
  repo: RepoRef,
  kind: DigestKind,
  at: Date,
): Promise<void> {
  const config = await enabledConfig(job, ports, repo);
  if (!config?.digests) return;
  const digests = digestSettings(config);
  const { store, dryRun } = job.runtime.deps;
  const community =
    kind === "monthly" && store
      ? new StoreCommunityDigest({
          store,
          community: config.community,
          ...(ports.community ? { port: ports.community } : {}),
          limit: digests.monthly.listLimit,
        })
      : undefined;
  const result = await runDigest({
    port: ports.port,
    source: ports.source,
    home: repo,
    config,
    digests,
    kind,
    now: at,
    author: await job.runtime.appLogin(),
    dryRun: dryRun || config.dryRun,
    ...(community ? { community } : {}),
    ...(ports.delivery ? { delivery: ports.delivery } : {}),
  });
  job.log.info(
    { repo, kind, period: result.period.key, outcome: result.outcome, issue: result.issue?.number },
    "digest run",
  );
}

export async function runSweepJob(
  job: JobContext,
  ports: JobPorts,
  repo: RepoRef,
  installation: number,
  now: () => Date,
): Promise<void> {
  const config = await enabledConfig(job, ports, repo);
  const settings = config && sweepSettings(config);
  if (!config || !settings) return;
  const actor = await job.runtime.appLogin();
  // The payload carries the installation, as a webhook's does, for the roadmap's board cache.
  const context = { log: job.log, payload: { installation: { id: installation } } };
  await sweepRepository(
    {
      source: ports.source,
      recent: ports.recent,
      now,
      reconcile: (ref) =>
        reconcileIssue(job.runtime, context as never, ports.port, config, ref, {
          kind: "reconcile",
          actor,
        }),
      log: job.log,
    },
    repo,
    config,
    settings,
  );
}
