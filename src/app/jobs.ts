/**
 * The server's own scheduled jobs (GitHub sends Apps no scheduled events): per installed
 * repository, its weekly and monthly digests and a repair sweep, kept in step with the
 * installations and each repository's config.
 */
import type { Context, Probot } from "probot";
import { KeyedLock } from "../core/keyed-lock.js";
import { type DigestKind, digestSettings } from "../features/digest/config.js";
import { digestJobs } from "../features/digest/jobs.js";
import { sweepSettings } from "../features/sweep/config.js";
import type { RepoRef } from "../github/types.js";
import type { JobLock } from "../scheduler/lock.js";
import {
  type ScheduledJob,
  Scheduler,
  type SchedulerClock,
  systemClock,
} from "../scheduler/scheduler.js";
import {
  enabledConfig,
  type JobHost,
  type JobPorts,
  runDigestJob,
  runSweepJob,
} from "./job-runs.js";
import type { Runtime } from "./runtime.js";

export type { JobHost, JobPorts } from "./job-runs.js";

export interface ServerJobsOptions {
  host: JobHost;
  log: Context["log"];
  lock?: JobLock;
  clock?: SchedulerClock;
  /** How often installations, repositories and configs are read again; hourly by default. */
  refreshMs?: number;
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
    const config = await enabledConfig(
      { runtime: this.runtime, log: this.options.log },
      ports,
      repo,
    );
    if (!config) return [];
    const jobs: ScheduledJob[] = [];
    const sweep = sweepSettings(config);
    if (sweep) {
      jobs.push({
        name: `sweep:${repoName(repo)}`,
        cron: sweep.cron,
        timezone: sweep.timezone,
        run: () => this.timed("sweep", () => this.sweep(installation, repo)),
      });
    }
    if (config.digests) {
      const digests = digestSettings(config);
      // The monthly digest is rendered from the contributor store: without one it is not scheduled.
      const kinds: DigestKind[] = this.runtime.deps.store ? ["weekly", "monthly"] : ["weekly"];
      const run = (kind: DigestKind, at: Date) =>
        this.timed(`digest:${kind}`, () => this.digest(installation, repo, kind, at));
      jobs.push(...digestJobs(repo, digests, run, kinds));
    }
    const name = repoName(repo);
    return jobs.map((job) => ({
      job,
      installation,
      repo: name,
      signature: `${job.cron} ${job.timezone}`,
    }));
  }

  /** The repository's config as the webhooks see it (same cache); null when it asks for nothing. */
  private async digest(installation: number, repo: RepoRef, kind: DigestKind, at: Date) {
    const ports = await this.options.host.connect(installation);
    await runDigestJob({ runtime: this.runtime, log: this.options.log }, ports, repo, kind, at);
  }

  private async sweep(installation: number, repo: RepoRef) {
    // Sweeps of one installation run one after another: they share its rate budget.
    await this.budgets.run(`installation:${installation}`, async () => {
      const ports = await this.options.host.connect(installation);
      const job = { runtime: this.runtime, log: this.options.log };
      await runSweepJob(job, ports, repo, installation, () => this.clock.now());
    });
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
export function schedulerEnabled(env: NodeJS.ProcessEnv): boolean {
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
