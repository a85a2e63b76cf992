/**
 * What a maintainer sees and does with the inbox (`squad-bot inbox list|retry|drop`, `/metrics`),
 * and the bookkeeping of a run. A delivery's state is read from its row and its queue job: the
 * queue knows whether it runs, waits for a retry or is parked; the row outlives the job.
 */
import { type Kysely, sql } from "kysely";
import type { InboxDatabase } from "./tables.js";

export interface InboxNames {
  schema: string;
  workerSchema: string;
  /** The queue's task that runs a delivery. */
  task: string;
}

/**
 * `queued`: waits for its first run; `running`; `retrying`: failed, runs again after its backoff;
 * `parked`: failed every attempt, waits for `inbox retry`; `stranded`: pending without a job
 * (never expected; `inbox retry` queues it again); `done`; `dropped` by `inbox drop`.
 */
export type InboxState =
  | "queued"
  | "running"
  | "retrying"
  | "parked"
  | "stranded"
  | "done"
  | "dropped";

export interface InboxEntry {
  id: string;
  event: string;
  state: InboxState;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  /** The issue whose deliveries run one at a time, or null. */
  serialKey: string | null;
}

interface Row {
  id: string;
  event: string;
  state: InboxState;
  serial_key: string | null;
  received_at: Date;
  attempts: number;
  last_error: string | null;
}

/** A delivery's state from its row and its job (see `InboxState`), as one SQL expression. */
const STATE = sql`case
  when d.outcome is not null then d.outcome
  when j.id is null then 'stranded'
  when j.locked_at is not null then 'running'
  when j.attempts >= j.max_attempts then 'parked'
  when j.attempts > 0 then 'retrying'
  else 'queued' end`;

export class InboxAdmin {
  constructor(
    protected readonly db: Kysely<InboxDatabase>,
    protected readonly names: InboxNames,
    protected readonly maxAttempts: number,
  ) {}

  /** The deliveries joined with their jobs. */
  private joined() {
    const { schema, workerSchema, task } = this.names;
    return sql`${sql.id(schema, "inbox_deliveries")} d
      left join ${sql.id(workerSchema, "jobs")} j on j.key = d.id and j.task_identifier = ${task}`;
  }

  /** The deliveries whose work is not over (or one by id), newest first. */
  async list(options: { id?: string; limit?: number } = {}): Promise<InboxEntry[]> {
    const where = options.id ? sql`d.id = ${options.id}` : sql`d.outcome is null`;
    const { rows } = await sql<Row>`
      select d.id, d.event, ${STATE} as state, d.serial_key, d.received_at,
        coalesce(j.attempts, d.attempts) as attempts, coalesce(j.last_error, d.last_error) as last_error
      from ${this.joined()} where ${where}
      order by d.received_at desc limit ${options.limit ?? 100}`.execute(this.db);
    return rows.map((row) => ({
      id: row.id,
      event: row.event,
      state: row.state,
      attempts: row.attempts,
      lastError: row.last_error,
      receivedAt: new Date(row.received_at),
      serialKey: row.serial_key,
    }));
  }

  /** How many deliveries are in each state that is not over: the `/metrics` gauge. */
  async counts(): Promise<Partial<Record<InboxState, number>>> {
    const { rows } = await sql<{ state: InboxState; count: string }>`
      select ${STATE} as state, count(*) as count from ${this.joined()}
      where d.outcome is null group by 1`.execute(this.db);
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
  }

  /** Queues a recorded delivery again, with fresh attempts; false when the id is unknown. */
  async retry(id: string): Promise<boolean> {
    const { schema, workerSchema, task } = this.names;
    return this.db.transaction().execute(async (tx) => {
      // A parked job is removed first, so the new one does not leave it behind.
      await sql`select ${sql.id(workerSchema, "remove_job")}(${id})`.execute(tx);
      const { rows } = await sql`
        with reopened as (
          update ${sql.id(schema, "inbox_deliveries")}
          set outcome = null, finished_at = null, attempts = 0, last_error = null
          where id = ${id} returning id, serial_key
        )
        select (${sql.id(workerSchema, "add_job")}(${task}, json_build_object('id', id),
          queue_name => serial_key, max_attempts => ${this.maxAttempts}, job_key => id)).id
        from reopened`.execute(tx);
      return rows.length > 0;
    });
  }

  /** Gives up on a delivery: its job is removed and it is kept as dropped; false when unknown. */
  async drop(id: string): Promise<boolean> {
    await sql`select ${sql.id(this.names.workerSchema, "remove_job")}(${id})`.execute(this.db);
    return this.finish(id, "dropped", null);
  }

  /** Forgets finished deliveries older than `days`: a redelivery of those runs again. */
  async prune(days: number): Promise<number> {
    const result = await this.db
      .deleteFrom("inbox_deliveries")
      .where("outcome", "is not", null)
      .where("finished_at", "<", sql<Date>`now() - make_interval(days => ${days})`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  protected async noteAttempt(id: string, attempts: number, error: unknown): Promise<void> {
    const text = error instanceof Error ? error.message : String(error);
    await this.db
      .updateTable("inbox_deliveries")
      .set({ attempts, last_error: text.slice(0, 2000) })
      .where("id", "=", id)
      .execute();
  }

  /** Marks the delivery over; a dropped one stays dropped. */
  protected async finish(
    id: string,
    outcome: "done" | "dropped",
    attempts: number | null,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable("inbox_deliveries")
      .set({
        outcome,
        finished_at: sql<Date>`now()`,
        ...(attempts === null ? {} : { attempts }),
      })
      .where("id", "=", id)
      .where((w) => w.or([w("outcome", "is", null), w("outcome", "=", "done")]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
