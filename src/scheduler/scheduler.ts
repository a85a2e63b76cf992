/**
 * An in-process scheduler for periodic jobs (digests, the repair sweep): cron expressions read
 * in a time zone (croner computes the next run), timers through an injectable clock so tests
 * run a month in a millisecond, and a JobLock so one instance of many does each run.
 */
import { Cron } from "croner";
import { InProcessLock, type JobLock } from "./lock.js";

export interface SchedulerClock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ScheduledJob {
  /** Unique among the scheduler's jobs, e.g. `digest:weekly:medic/cht-core`. */
  name: string;
  /** Five- or six-field cron, read in `timezone`. */
  cron: string;
  timezone: string;
  /**
   * The period a run at `at` works on, e.g. `weekly:2026-W48`. A run whose period this instance
   * already completed is skipped, and the lock is per period. Defaults to the run's instant.
   */
  periodKey?(at: Date): string;
  run(at: Date): Promise<void>;
}

export type RunOutcome = "ran" | "failed" | "locked" | "already-done";

export interface SchedulerLog {
  info(data: object, text: string): void;
  error(data: object, text: string): void;
}

export interface SchedulerOptions {
  lock?: JobLock;
  clock?: SchedulerClock;
  log?: SchedulerLog;
  /** Longest single timer; Node fires timers over 2^31 ms (24.8 days) at once, so we wake early. */
  maxSleepMs?: number;
}

interface Entry {
  job: ScheduledJob;
  cron: Cron;
  next: Date | null;
  timer: unknown;
  done: string | null;
}

const silent: SchedulerLog = { info: () => {}, error: () => {} };

export class Scheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Set<Promise<RunOutcome>>();
  private readonly lock: JobLock;
  private readonly clock: SchedulerClock;
  private readonly log: SchedulerLog;
  private readonly maxSleepMs: number;
  private started = false;

  constructor(options: SchedulerOptions = {}) {
    this.lock = options.lock ?? new InProcessLock();
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? silent;
    this.maxSleepMs = options.maxSleepMs ?? 3_600_000;
  }

  /** Throws on an invalid cron or time zone, so configuration mistakes surface at start-up. */
  add(job: ScheduledJob): void {
    if (this.entries.has(job.name)) throw new Error(`job ${job.name} is already scheduled`);
    const cron = new Cron(job.cron, { timezone: job.timezone, paused: true });
    const entry: Entry = { job, cron, next: null, timer: null, done: null };
    this.entries.set(job.name, entry);
    if (this.started) this.arm(entry);
  }

  /** Unschedules a job (e.g. its repository left the installation); a run in progress finishes. */
  remove(name: string): boolean {
    const entry = this.entries.get(name);
    if (!entry) return false;
    if (entry.timer !== null) this.clock.clearTimeout(entry.timer);
    return this.entries.delete(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  start(): void {
    this.started = true;
    for (const entry of this.entries.values()) this.arm(entry);
  }

  /** Stops the timers and waits for runs in progress. */
  async stop(): Promise<void> {
    this.started = false;
    for (const entry of this.entries.values()) {
      if (entry.timer !== null) this.clock.clearTimeout(entry.timer);
      entry.timer = null;
    }
    await Promise.all([...this.running]);
  }

  nextRun(name: string): Date | null {
    return this.entries.get(name)?.next ?? null;
  }

  /** Runs a job now (or as of `at`), through the same period check and lock as a timed run. */
  runNow(name: string, at: Date = this.clock.now()): Promise<RunOutcome> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no job ${name}`);
    return this.fire(entry, at);
  }

  private arm(entry: Entry): void {
    // A job removed while it ran is not armed again.
    if (this.entries.get(entry.job.name) !== entry) return;
    const now = this.clock.now();
    entry.next = entry.cron.nextRun(now);
    if (!entry.next) return;
    this.sleep(entry);
  }

  private sleep(entry: Entry): void {
    const due = entry.next;
    if (!due || !this.started) return;
    const wait = Math.min(Math.max(0, due.getTime() - this.clock.now().getTime()), this.maxSleepMs);
    entry.timer = this.clock.setTimeout(() => {
      entry.timer = null;
      if (this.clock.now().getTime() < due.getTime()) return this.sleep(entry);
      void this.fire(entry, due).finally(() => this.arm(entry));
    }, wait);
  }

  private fire(entry: Entry, at: Date): Promise<RunOutcome> {
    const { job } = entry;
    const period = job.periodKey?.(at) ?? at.toISOString();
    const run = (async (): Promise<RunOutcome> => {
      if (entry.done === period) return "already-done";
      try {
        const result = await this.lock.tryRun(`${job.name}:${period}`, () => job.run(at));
        if (!result.ran) {
          this.log.info({ job: job.name, period }, "another instance is running this job");
          return "locked";
        }
        entry.done = period;
        this.log.info({ job: job.name, period }, "scheduled job done");
        return "ran";
      } catch (error) {
        // A failed run is retried at the next tick of its cron; the job's own guard (e.g. the
        // digest marker) keeps a retry from repeating what already succeeded.
        this.log.error({ err: error, job: job.name, period }, "scheduled job failed");
        return "failed";
      }
    })();
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }
}
