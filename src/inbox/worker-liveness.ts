/**
 * Hands a crashed instance's jobs to the living. graphile-worker frees a job whose worker died
 * only after four hours; here every worker says it is alive every few seconds, and a job locked
 * by a worker that went quiet is unlocked (the queue's own `force_unlock_workers`), so after a
 * `kill -9` the next start, or another instance, runs it within about a minute.
 */
import { type Kysely, sql } from "kysely";
import type { Log } from "../core/log.js";
import type { InboxNames } from "./admin.js";
import type { InboxDatabase } from "./tables.js";

const HEARTBEAT_MS = 10_000;
/** Silent this long, a worker is taken for dead; a live one speaks six times meanwhile. */
const DEAD_AFTER_SECONDS = 60;
const SWEEP_MS = 15_000;

export class WorkerLiveness {
  private readonly ids = new Set<string>();
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly db: Kysely<InboxDatabase>,
    private readonly names: InboxNames,
    private readonly log: Log,
  ) {}

  /** `sole`: no other instance can exist (PGlite), so every lock found now is a crash's. */
  async start(sole: boolean): Promise<void> {
    await this.unlock(sole ? sql`true` : this.silent());
    const every = (ms: number, task: () => Promise<unknown>) => {
      const timer = setInterval(() => {
        task().catch((error: unknown) => this.log.warn({ err: error }, "inbox heartbeat failed"));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(HEARTBEAT_MS, () => this.beat());
    every(SWEEP_MS, async () => {
      await this.unlock(this.silent());
      await this.db
        .deleteFrom("inbox_workers")
        .where("seen_at", "<", sql<Date>`now() - interval '1 day'`)
        .execute();
    });
  }

  add(workerId: string): void {
    this.ids.add(workerId);
    this.beat().catch((error: unknown) => this.log.warn({ err: error }, "inbox heartbeat failed"));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    const ids = [...this.ids];
    this.ids.clear();
    if (ids.length > 0)
      await this.db.deleteFrom("inbox_workers").where("worker_id", "in", ids).execute();
  }

  private async beat(): Promise<void> {
    if (this.ids.size === 0) return;
    const rows = [...this.ids].map((worker_id) => ({ worker_id }));
    await this.db
      .insertInto("inbox_workers")
      .values(rows)
      .onConflict((c) => c.column("worker_id").doUpdateSet({ seen_at: sql<Date>`now()` }))
      .execute();
  }

  /** Locks held a while by a worker not heard from lately (or never: it died before a beat). */
  private silent() {
    const seconds = sql.lit(DEAD_AFTER_SECONDS);
    return sql`j.locked_at < now() - make_interval(secs => ${seconds})
      and not exists (select 1 from ${sql.id(this.names.schema, "inbox_workers")} w
        where w.worker_id = j.locked_by and w.seen_at > now() - make_interval(secs => ${seconds}))`;
  }

  private async unlock(which: ReturnType<typeof sql>): Promise<void> {
    const { workerSchema, schema } = this.names;
    const { rows } = await sql<{ locked_by: string }>`
      select distinct j.locked_by from ${sql.id(workerSchema, "jobs")} j
      where j.locked_by is not null and ${which}`.execute(this.db);
    const dead = rows.map((row) => row.locked_by).filter((id) => !this.ids.has(id));
    if (dead.length === 0) return;
    await this.handBack(dead);
    await sql`delete from ${sql.id(schema, "inbox_workers")} where worker_id = any(${dead}::text[])`.execute(
      this.db,
    );
    this.log.warn({ workers: dead }, "inbox: handed the work of stopped workers back to the queue");
  }

  /** Unlocks the jobs (and issue queues) `workers` hold, so any instance can run them now. */
  async handBack(workers: string[]): Promise<void> {
    const unlock = sql.id(this.names.workerSchema, "force_unlock_workers");
    await sql`select ${unlock}(${workers}::text[])`.execute(this.db);
  }
}
