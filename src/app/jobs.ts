/**
 * The server's own scheduled jobs (GitHub sends Apps no scheduled events): per installed
 * repository, its weekly and monthly digests and a repair sweep, kept in step with the
 * installations and each repository's config.
 */
import type { Probot } from "probot";
import { KeyedLock } from "../core/keyed-lock.js";
import type { Log } from "../core/log.js";
import type { CommunityPort } from "../features/community/port.js";
import type { RepoVisibilityPort } from "../features/dashboard/visibility.js";
import type { DigestSource } from "../features/digest/source.js";
import type { FeatureDefinition, FeatureJob, Scope } from "../features/feature.js";
import { FEATURES } from "../features/index.js";
import type { RecentIssuesPort } from "../features/sweep/recent.js";
import type { DigestDeliveryPort } from "../github/delivery-port.js";
import type { GitHubPort } from "../github/port.js";
import type { RepoRef } from "../github/types.js";
import type { JobLock } from "../scheduler/lock.js";
import {
  type ScheduledJob,
  Scheduler,
  type SchedulerClock,
  systemClock,
} from "../scheduler/scheduler.js";
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
  /** Whether a repository is public, for the dashboard's refresh. */
  visibility?: RepoVisibilityPort;
}

/** Where installations and their repositories come from; production: `OctokitJobHost`. */
export interface JobHost {
  installations(): Promise<number[]>;
  repositories(installation: number): Promise<RepoRef[]>;
  connect(installation: number): Promise<JobPorts>;
}

export interface ServerJobsOptions {
  host: JobHost;
  log: Log;
  lock?: JobLock;
  /** The features whose jobs are scheduled; all registered ones by default. */
  features?: readonly FeatureDefinition[];
  clock?: SchedulerClock;
  /** How often installations, repositories and configs are read again; hourly by default. */
  refreshMs?: number;
  /** The installations' rate limits as last seen: work sharing the budget yields near the limit. */
  budget?: { nearLimit(installation: string): boolean };
}

interface Planned {
  job: ScheduledJob;
  /** What the timer depends on: a changed cron or zone replaces the job. */
  signature: string;
  installation: number;
  repo: string;
}

const repoName = (repo: RepoRef) => `${repo.owner}/${repo.repo}`;

export class ServerJobs {
  readonly scheduler: Scheduler;
  private readonly planned = new Map<string, Planned>();
  /** Sweeps of one installation run one after another: they share its hourly rate budget. */
  private readonly budgets = new KeyedLock();
  private readonly clock: SchedulerClock;
  private refreshing: Promise<void> | null = null;
  private timer: unknown = null;
  private stopped = false;

  constructor(
    private readonly runtime: Runtime,
    private readonly options: ServerJobsOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.scheduler = new Scheduler({
      clock: this.clock,
      log: options.log,
      ...(options.lock ? { lock: options.lock } : {}),
    });
  }

  /** Reads the installations, schedules, and refreshes periodically from then on. */
  async start(): Promise<void> {
    this.scheduler.start();
    await this.refresh();
    this.armRefresh();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    await this.refreshing;
    await this.scheduler.stop();
  }

  /** One refresh at a time; a call during one waits for it rather than starting another. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readAndSchedule().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private armRefresh(): void {
    if (this.stopped) return;
    this.timer = this.clock.setTimeout(() => {
      void this.refresh().finally(() => this.armRefresh());
    }, this.options.refreshMs ?? 3_600_000);
  }

  private async readAndSchedule(): Promise<void> {
    const { host, log } = this.options;
    let installations: number[];
    try {
      installations = await host.installations();
    } catch (error) {
      // Keep every job as it is; the next refresh tries again.
      this.failed("jobs:refresh", error, {}, "could not list the app's installations");
      return;
    }
    const wanted = new Map<string, Planned>();
    // What could not be read keeps its jobs as they are, rather than losing them to a blip.
    const unread = new Set<string>();
    for (const installation of installations) {
      let repos: RepoRef[];
      let ports: JobPorts;
      try {
        repos = await host.repositories(installation);
        ports = await host.connect(installation);
      } catch (error) {
        unread.add(`installation:${installation}`);
        this.failed("jobs:refresh", error, { installation }, "could not read an installation");
        continue;
      }
      for (const repo of repos) {
        try {
          for (const plan of await this.plan(installation, repo, ports)) {
            wanted.set(plan.job.name, plan);
          }
        } catch (error) {
          unread.add(repoName(repo));
          this.failed("jobs:refresh", error, { repo }, "could not read a repository's config");
        }
      }
    }
    for (const [name, old] of this.planned) {
      const next = wanted.get(name);
      if (next?.signature === old.signature) continue;
      if (!next && (unread.has(`installation:${old.installation}`) || unread.has(old.repo))) {
        continue;
      }
      this.scheduler.remove(name);
      this.planned.delete(name);
    }
    for (const [name, plan] of wanted) {
      if (this.planned.has(name)) continue;
      try {
        this.scheduler.add(plan.job);
        this.planned.set(name, plan);
      } catch (error) {
        this.failed("jobs:refresh", error, { job: name }, "could not schedule a job");
      }
    }
    log.info(
      { jobs: this.planned.size, installations: installations.length },
      "scheduled jobs refreshed",
    );
  }

  /** The jobs one repository's config asks for: none when it is absent, invalid or disabled. */
  private async plan(installation: number, repo: RepoRef, ports: JobPorts): Promise<Planned[]> {
    // Past the onboarding gate: a waiting repository needs the onboarding job, and every other
    // job's run asks the gate itself (`scope.config`), so it writes nothing before acceptance.
    const entry = await this.scopeOf(installation, ports).onboarding(repo);
    if (!entry) return [];
    const { config, status } = entry;
    const services = { store: this.runtime.deps.store };
    const jobs: ScheduledJob[] = [];
    for (const feature of this.options.features ?? FEATURES) {
      if (!feature.jobs || feature.available?.(services) === false) continue;
      if (feature.isOn !== null && !feature.isOn(config)) continue;
      for (const job of feature.jobs(config, services, status))
        jobs.push(this.scheduled(installation, repo, job));
    }
    const name = repoName(repo);
    return jobs.map((job) => ({
      job,
      installation,
      repo: name,
      signature: `${job.cron} ${job.timezone}`,
    }));
  }

  private scheduled(installation: number, repo: RepoRef, job: FeatureJob): ScheduledJob {
    const run = async (at: Date) => {
      const ports = await this.options.host.connect(installation);
      await job.run(this.scopeOf(installation, ports), repo, at);
    };
    return {
      name: `${job.name}:${repoName(repo)}`,
      cron: job.cron,
      timezone: job.timezone,
      ...(job.periodKey ? { periodKey: job.periodKey } : {}),
      run: (at) =>
        this.timed(job.name, () =>
          // Such runs of one installation go one after another: they share its rate budget.
          job.sharesRateBudget
            ? this.budgets.run(`installation:${installation}`, () =>
                this.options.budget?.nearLimit(String(installation))
                  ? this.yielded(job.name, installation, repo)
                  : run(at),
              )
            : run(at),
        ),
    };
  }

  /** A job run sees what a delivery would, over its installation's ports. */
  private scopeOf(installation: number, ports: JobPorts): Scope {
    const { store } = this.runtime.deps;
    return this.runtime.scope(ports.port, this.options.log, installation, {
      store,
      community: ports.community,
      features: async () => ports.source,
      recent: ports.recent,
      delivery: ports.delivery,
      forum: this.runtime.deps.forumFor?.(),
      visibility: ports.visibility,
    });
  }

  /** A run skipped near the installation's rate limit; the next tick tries again. */
  private async yielded(job: string, installation: number, repo: RepoRef): Promise<void> {
    this.runtime.deps.metrics?.jobsYielded.inc({ job });
    this.options.log.info(
      { job, installation, repo: repoName(repo) },
      "installation near its rate limit: this run yields to webhooks",
    );
  }

  /** Times a run and counts its failure; the scheduler logs it and runs the next tick as usual. */
  private async timed(job: string, work: () => Promise<void>): Promise<void> {
    const stop = this.runtime.deps.metrics?.jobSeconds.startTimer({ job });
    try {
      await work();
    } catch (error) {
      this.runtime.deps.metrics?.errors.inc({ where: job });
      throw error;
    } finally {
      stop?.();
    }
  }

  private failed(where: string, error: unknown, data: object, text: string): void {
    this.runtime.deps.metrics?.errors.inc({ where });
    this.options.log.error({ err: error, ...data }, text);
  }
}

/** `SQUAD_BOT_SCHEDULER=off` runs no jobs: tests, the Actions mode, or a webhook-only instance. */
function schedulerEnabled(env: NodeJS.ProcessEnv): boolean {
  return !["off", "false", "0"].includes((env.SQUAD_BOT_SCHEDULER ?? "").toLowerCase());
}

/**
 * Starts the jobs unless the environment turns them off; a new installation or repository gets
 * its jobs at once rather than at the next hourly refresh. Never throws: errors are logged.
 */
export function startServerJobs(
  runtime: Runtime,
  app: Pick<Probot, "on">,
  options: ServerJobsOptions & { env: NodeJS.ProcessEnv },
): ServerJobs | null {
  if (!schedulerEnabled(options.env)) return null;
  const jobs = new ServerJobs(runtime, options);
  app.on(["installation", "installation_repositories"], () => jobs.refresh());
  jobs.start().catch((error: unknown) => {
    options.log.error({ err: error }, "scheduled jobs did not start");
  });
  return jobs;
}
