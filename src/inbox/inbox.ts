/**
 * The durable inbox: a verified delivery is recorded (one statement: its row and its job) and
 * acknowledged; graphile-worker runs the work from the queue, at least once, one issue at a time
 * across instances (a named queue per issue), retrying with its exponential backoff up to
 * `maxAttempts` and then leaving the job parked for `squad-bot inbox retry`.
 */
import { EventEmitter } from "node:events";
import DataLoader from "dataloader";
import {
  type JobHelpers,
  Logger,
  makeWorkerUtils,
  type Runner,
  run,
  runMigrations,
  type WorkerEvents,
  type WorkerPool,
} from "graphile-worker";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { type Log, SILENT_LOG } from "../core/log.js";
import type { Metrics } from "../observability/metrics.js";
import { InboxAdmin, type InboxNames } from "./admin.js";
import { serialKeyOf } from "./serial-key.js";
import { type InboxDatabase, migrateInbox } from "./tables.js";
import { WorkerLiveness } from "./worker-liveness.js";

/** One webhook as GitHub sent it, after its signature was verified. */
/** How long `close` waits for a late stop to let go of the pool. */
const CLOSE_WAIT_MS = 2_000;

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

/** What runs a delivery from the inbox: the same dispatch the in-request path uses. */
export type Work = (delivery: Delivery) => Promise<void>;

export interface InboxOptions {
  /** PostgreSQL, or PGlite served over its socket (`servePglite`). */
  connectionString: string;
  /** Schema of the inbox's tables (the store's); the queue's tables go to `<schema>_worker`. */
  schema?: string;
  /** Deliveries run at once by this instance; default 4. */
  concurrency?: number;
  /** Runs of one delivery before it is parked; default 8 (about half an hour of backoff). */
  maxAttempts?: number;
  /**
   * PGlite behind its socket: one session for every connection, so no prepared statements, no
   * LISTEN (new work is noticed by polling and by this process's own nudge), and no other
   * instance can exist (its data directory is locked), so jobs locked at start are a crash's.
   */
  embedded?: boolean;
  /** Finished deliveries are forgotten after this many days (a redelivery then runs again). */
  keepDays?: number;
  /** How often retries that came due are looked for; 2 s, or 0.5 s when embedded. */
  pollMs?: number;
  log?: Log;
  metrics?: Metrics;
}

const PRUNE_MS = 6 * 3_600_000;

const TASK = "delivery";

/** graphile-worker's schema beside the store's: `graphile_worker`, or `<schema>_worker`. */
function workerSchemaOf(schema: string): string {
  return schema === "public" ? "graphile_worker" : `${schema}_worker`;
}

function queueLogger(log: Log): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const data = { ...scope, ...meta };
    if (level === "error") log.error(data, message);
    else if (level === "warning") log.warn(data, message);
    else if (level === "info") log.info(data, message);
    else log.debug(data, message);
  });
}

export class Inbox extends InboxAdmin {
  private runner: Runner | null = null;
  /** Settles when the queue's last stop has finished, whatever `stop` answered. */
  private stopping: Promise<void> | null = null;
  /** The runner's pool of workers: it locks the jobs (by its id), is nudged and is stopped. */
  private workers: WorkerPool | null = null;
  private liveness: WorkerLiveness | null = null;
  private pruning: NodeJS.Timeout | undefined;

  private constructor(
    db: Kysely<InboxDatabase>,
    names: InboxNames,
    private readonly pool: pg.Pool,
    private readonly options: InboxOptions,
  ) {
    super(db, names, options.maxAttempts ?? 8);
    options.metrics?.observeInbox(() => this.counts());
  }

  /** Connects and brings the inbox's and the queue's tables up to date. */
  static async open(options: InboxOptions): Promise<Inbox> {
    const schema = options.schema ?? "public";
    const names = { schema, workerSchema: workerSchemaOf(schema), task: TASK };
    const pool = new pg.Pool({ connectionString: options.connectionString, max: 10 });
    // An idle connection the server drops emits "error"; unhandled, it would end the process.
    const log = options.log ?? SILENT_LOG;
    pool.on("error", (error) => log.error({ err: error }, "inbox connection failed"));
    pool.on("connect", (client) => {
      client.on("error", (error) => log.error({ err: error }, "inbox connection failed"));
    });
    const db = new Kysely<InboxDatabase>({
      dialect: new PostgresDialect({ pool }),
    }).withSchema(schema) as unknown as Kysely<InboxDatabase>;
    try {
      if (schema !== "public") await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
      await migrateInbox(db, schema);
      await runMigrations({ ...sharedOptions(options, names.workerSchema), pgPool: pool });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new Inbox(db, names, pool, options);
  }

  /**
   * Records a delivery and queues its work; a delivery id seen before (GitHub's redelivery reuses
   * it) is recognised and queues nothing: `inbox retry` does that on purpose. Deliveries that
   * arrive together are written together, in one statement (a burst costs a few round trips).
   */
  async record(delivery: Delivery): Promise<"queued" | "seen"> {
    const result = await this.recorder.load(delivery);
    this.options.metrics?.inboxReceived.inc({ result });
    // Over PGlite's socket LISTEN cannot reach the worker: wake this process's own at once.
    if (result === "queued") this.workers?.nudge(1);
    return result;
  }

  /**
   * Group commit: a batch is written at once only while few others are being written (see
   * `whenFree`), and the deliveries that arrive meanwhile join the next. Each request of a burst comes in a tick of
   * its own, so batching per tick (DataLoader's default) wrote 500 statements of one delivery.
   */
  private readonly recorder = new DataLoader<Delivery, "queued" | "seen">(
    (batch) => this.recordAll(batch),
    { cache: false, maxBatchSize: 250, batchScheduleFn: (write) => this.whenFree(write) },
  );
  private writing = 0;
  private readonly pendingWrites: (() => void)[] = [];

  private whenFree(write: () => void): void {
    // PGlite runs one statement at a time; PostgreSQL overlaps one write with the next's travel.
    const limit = this.options.embedded ? 1 : 2;
    if (this.writing >= limit) return void this.pendingWrites.push(write);
    this.writing++;
    process.nextTick(write);
  }

  private written(): void {
    const next = this.pendingWrites.shift();
    if (next) process.nextTick(next);
    else this.writing--;
  }

  private async recordAll(batch: readonly Delivery[]): Promise<("queued" | "seen" | Error)[]> {
    try {
      return await this.writeBatch(batch);
    } catch (error) {
      if (batch.length === 1) throw error;
      // One delivery the database refuses (a \u0000 in its JSON) must not fail the others.
      return Promise.all(
        batch.map((d) =>
          this.writeBatch([d]).then(
            ([result]) => result ?? "seen",
            (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
          ),
        ),
      );
    } finally {
      this.written();
    }
  }

  /**
   * One statement for the batch: rows for ids not seen before, and their jobs through the queue's
   * `add_jobs` (what its `add_job` calls with one job; one call for 500 jobs costs a third of 500
   * calls). A job's key is its delivery id, as `add_job`'s was.
   */
  private async writeBatch(batch: readonly Delivery[]): Promise<("queued" | "seen")[]> {
    const { schema, workerSchema } = this.names;
    const rows = batch.map((d) => ({
      id: d.id,
      event: d.name,
      payload: d.payload,
      serial_key: serialKeyOf(d.payload),
    }));
    const { rows: queued } = await sql<{ id: string }>`
      with recorded as (
        insert into ${sql.id(schema, "inbox_deliveries")} (id, event, payload, serial_key)
        select id, event, payload, serial_key from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as t(id text, event text, payload jsonb, serial_key text)
        on conflict (id) do nothing
        returning id, serial_key
      )
      select key as id from ${sql.id(workerSchema, "add_jobs")}((
        select coalesce(array_agg(row(${TASK}, json_build_object('id', id), serial_key, null,
          ${this.maxAttempts}, id, null, null)::${sql.id(workerSchema, "job_spec")}), '{}')
        from recorded))`.execute(this.db);
    // The same id twice in one batch is queued once: for its first caller.
    const fresh = new Set(queued.map((row) => row.id));
    return batch.map((d) => (fresh.delete(d.id) ? "queued" : "seen"));
  }

  /** Starts taking work from the queue; `work` is called once per run of a delivery. */
  async start(work: Work): Promise<void> {
    const { options, names } = this;
    const log = options.log ?? SILENT_LOG;
    this.liveness = new WorkerLiveness(this.db, names, log);
    await this.liveness.start(options.embedded === true);
    // Workers are made while `run` starts: listen before.
    const events: WorkerEvents = new EventEmitter();
    events.on("worker:create", ({ worker }) => {
      this.workers = worker.workerPool;
      this.liveness?.add(worker.workerPool.id);
    });
    const runner = await run(
      {
        ...sharedOptions(options, names.workerSchema),
        events,
        pgPool: this.pool,
        concurrency: options.concurrency ?? 4,
        noHandleSignals: true,
        // With LISTEN, new work arrives at once; polling finds retries that came due.
        pollInterval: options.pollMs ?? (options.embedded ? 500 : 2000),
        taskList: { [TASK]: (payload, helpers) => this.runOne(work, payload, helpers) },
      },
      undefined,
      [],
    );
    this.runner = runner;
    const prune = () =>
      this.tidy().catch((error: unknown) => log.warn({ err: error }, "inbox: pruning failed"));
    void prune();
    this.pruning = setInterval(prune, PRUNE_MS);
    this.pruning.unref();
  }

  /** Forgets old finished deliveries and the queue's empty per-issue queues. */
  private async tidy(): Promise<void> {
    await this.prune(this.options.keepDays ?? 7);
    const utils = await makeWorkerUtils({
      ...sharedOptions(this.options, this.names.workerSchema),
      pgPool: this.pool,
    });
    try {
      await utils.cleanup({ tasks: ["GC_JOB_QUEUES"] });
    } finally {
      await utils.release();
    }
  }

  private async runOne(work: Work, payload: unknown, helpers: JobHelpers): Promise<void> {
    const id = String((payload as { id?: unknown }).id);
    const row = await this.db
      .selectFrom("inbox_deliveries")
      .select(["event", "payload", "outcome"])
      .where("id", "=", id)
      .executeTakeFirst();
    // Dropped by `inbox drop`, or pruned: nothing left to do.
    if (!row || row.outcome === "dropped") return;
    const { attempts, max_attempts } = helpers.job;
    const metrics = this.options.metrics;
    try {
      await work({ id, name: row.event, payload: row.payload });
    } catch (error) {
      const parked = attempts >= max_attempts;
      metrics?.inboxRuns.inc({ outcome: parked ? "parked" : "failed" });
      await this.noteAttempt(id, attempts, error);
      throw error;
    }
    metrics?.inboxRuns.inc({ outcome: "done" });
    await this.finish(id, "done", attempts);
  }

  /**
   * Stops taking work and waits up to `graceMs` for what is running; what is still running then
   * is handed back to the queue (failed with the reason, so it runs again after its backoff, here
   * after a restart or on another instance).
   */
  async stop(graceMs: number): Promise<"finished" | "handed back"> {
    const runner = this.runner;
    const workers = this.workers;
    clearInterval(this.pruning);
    this.runner = null;
    this.workers = null;
    if (!runner) return "finished";
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), graceMs);
    });
    const stopping = runner.stop();
    // The queue may still release or fail jobs after a late stop: `close` waits for that.
    this.stopping = stopping.then(
      () => undefined,
      () => undefined,
    );
    const outcome = await Promise.race([stopping.then(() => "finished" as const), late]);
    clearTimeout(timer);
    // graphile-worker's forceful shutdown finds no workers once a graceful one began: unlock
    // this pool's jobs instead. A run still going here can no longer complete them.
    if (outcome === "late" && workers) await this.liveness?.handBack([workers.id]);
    await this.liveness?.stop();
    return outcome === "late" ? "handed back" : "finished";
  }

  /**
   * Closes the connections; call `stop` first when work was started. A stop that ran past its
   * grace period leaves the queue shutting down, and ending the pool under it would fail its
   * last writes (an unhandled rejection): wait for it, a bounded time.
   */
  async close(): Promise<void> {
    if (this.stopping) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_WAIT_MS);
      });
      await Promise.race([this.stopping, bound]);
      clearTimeout(timer);
    }
    await this.db.destroy();
  }
}

function sharedOptions(options: InboxOptions, schema: string) {
  return {
    schema,
    noPreparedStatements: options.embedded === true,
    logger: queueLogger(options.log ?? SILENT_LOG),
  };
}
