/** The scheduler on a fake clock: cron in a time zone, once per period, locks, long sleeps. */
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import type { Config } from "../../src/config/schema.js";
import { digestsConfigSchema } from "../../src/features/digest/config.js";
import { digestJobs } from "../../src/features/digest/job.js";
import { InProcessLock, type JobLock } from "../../src/scheduler/lock.js";
import { advisoryKey, PgAdvisoryLock } from "../../src/scheduler/pg-lock.js";
import { type ScheduledJob, Scheduler } from "../../src/scheduler/scheduler.js";
import { FakeClock } from "./fake-clock.js";

function recorder(overrides: Partial<ScheduledJob> = {}) {
  const runs: string[] = [];
  const job: ScheduledJob = {
    name: "test",
    cron: "0 9 * * 1",
    timezone: "Africa/Nairobi",
    run: async (at) => {
      runs.push(at.toISOString());
    },
    ...overrides,
  };
  return { job, runs };
}

describe("scheduler", () => {
  it("fires at the cron's instants in the job's time zone", async () => {
    const clock = new FakeClock("2026-11-25T00:00:00Z");
    const scheduler = new Scheduler({ clock });
    const { job, runs } = recorder();
    scheduler.add(job);
    scheduler.start();
    expect(scheduler.nextRun("test")?.toISOString()).toBe("2026-11-30T06:00:00.000Z");
    await clock.advanceTo("2026-12-15T00:00:00Z");
    expect(runs).toEqual([
      "2026-11-30T06:00:00.000Z",
      "2026-12-07T06:00:00.000Z",
      "2026-12-14T06:00:00.000Z",
    ]);
    await scheduler.stop();
    expect(clock.pending()).toBe(0);
  });

  it("runs digest jobs once per reported period, however often the cron ticks", async () => {
    const clock = new FakeClock("2026-11-29T00:00:00Z");
    const scheduler = new Scheduler({ clock });
    const digests = digestsConfigSchema.parse({ weekly: { cron: "0 */6 * * *", timezone: "UTC" } });
    const runs: string[] = [];
    // Without a store only the weekly digest is scheduled.
    for (const job of digestJobs({ digests } as Config, {})) {
      scheduler.add({
        name: `${job.name}:medic/cht-core`,
        cron: job.cron,
        timezone: job.timezone,
        ...(job.periodKey ? { periodKey: job.periodKey } : {}),
        run: async (at) => {
          runs.push(`${job.name.split(":")[1]} ${at.toISOString()}`);
        },
      });
    }
    scheduler.start();
    await clock.advanceTo("2026-12-01T23:00:00Z");
    // Sunday's ticks report W47, Monday's first tick reports W48; later ticks are skipped.
    expect(runs).toEqual(["weekly 2026-11-29T06:00:00.000Z", "weekly 2026-11-30T00:00:00.000Z"]);
    expect(await scheduler.runNow("digest:weekly:medic/cht-core")).toBe("already-done");
    await scheduler.stop();
  });

  it("sleeps in bounded steps, so a monthly job more than 24.8 days away still fires on time", async () => {
    const clock = new FakeClock("2026-01-01T10:00:00Z");
    const scheduler = new Scheduler({ clock });
    const { job, runs } = recorder({ cron: "0 9 1 * *", timezone: "UTC" });
    scheduler.add(job);
    scheduler.start();
    await clock.advanceTo("2026-03-01T12:00:00Z");
    expect(runs).toEqual(["2026-02-01T09:00:00.000Z", "2026-03-01T09:00:00.000Z"]);
    await scheduler.stop();
  });

  it("retries a failed run at the next tick and keeps other jobs running", async () => {
    const clock = new FakeClock("2026-11-30T00:00:00Z");
    const errors: string[] = [];
    const scheduler = new Scheduler({
      clock,
      log: { info: () => {}, error: (_, text) => errors.push(text) },
    });
    let calls = 0;
    const failing = recorder({
      name: "flaky",
      cron: "0 * * * *",
      timezone: "UTC",
      periodKey: () => "same",
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error("GitHub is down");
      },
    });
    const steady = recorder({ name: "steady", cron: "30 * * * *", timezone: "UTC" });
    scheduler.add(failing.job);
    scheduler.add(steady.job);
    scheduler.start();
    await clock.advanceTo("2026-11-30T03:00:00Z");
    expect(calls).toBe(2);
    expect(errors).toEqual(["scheduled job failed"]);
    expect(steady.runs).toHaveLength(3);
    await scheduler.stop();
  });

  it("skips a run whose lock another holder has", async () => {
    const held: JobLock = { tryRun: async () => ({ ran: false }) };
    const scheduler = new Scheduler({ lock: held, clock: new FakeClock("2026-11-30T00:00:00Z") });
    const { job, runs } = recorder();
    scheduler.add(job);
    expect(await scheduler.runNow("test")).toBe("locked");
    expect(runs).toEqual([]);
    expect(() => scheduler.add(job)).toThrow("already scheduled");
    expect(() => scheduler.add({ ...job, name: "bad", cron: "every monday" })).toThrow();
  });

  it("lets one of two overlapping runs through the in-process lock", async () => {
    const lock = new InProcessLock();
    let release = () => {};
    const slow = lock.tryRun(
      "k",
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    expect(await lock.tryRun("k", async () => 1)).toEqual({ ran: false });
    expect(await lock.tryRun("other", async () => 2)).toEqual({ ran: true, value: 2 });
    release();
    expect(await slow).toEqual({ ran: true, value: undefined });
    expect(await lock.tryRun("k", async () => 3)).toEqual({ ran: true, value: 3 });
  });

  it("takes a PostgreSQL advisory lock per key and releases it after the run", async () => {
    const db = new PGlite();
    const advisory = async () =>
      (
        await db.query<{ n: number }>(
          "select count(*)::int as n from pg_locks where locktype = 'advisory'",
        )
      ).rows[0]?.n;
    const lock = new PgAdvisoryLock(async () => db);
    let during: number | undefined;
    const result = await lock.tryRun("digest:weekly:2026-W48", async () => {
      during = await advisory();
      return "done";
    });
    expect(result).toEqual({ ran: true, value: "done" });
    expect([during, await advisory()]).toEqual([1, 0]);
    await db.close();
  }, 30_000);

  it("skips when another session holds the advisory lock, and returns the session", async () => {
    const sql: string[] = [];
    let released = 0;
    const busy = new PgAdvisoryLock(async () => ({
      query: async (text: string) => {
        sql.push(text);
        return { rows: [{ locked: false }] };
      },
      release: () => {
        released += 1;
      },
    }));
    expect(await busy.tryRun("k", async () => 1)).toEqual({ ran: false });
    expect(sql).toEqual(["select pg_try_advisory_lock($1::bigint) as locked"]);
    expect(released).toBe(1);
    expect(advisoryKey("a")).not.toBe(advisoryKey("b"));
    expect(BigInt(advisoryKey("a"))).toBeLessThan(2n ** 63n);
  });
});
