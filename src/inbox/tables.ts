/**
 * The inbox's own tables, beside graphile-worker's: every verified delivery once (its id is the
 * key, so GitHub's redelivery of the same id is recognised), and the heartbeat of each worker
 * that may hold a job, so a crashed instance's jobs can be handed to the living.
 */
import { type Generated, type Kysely, type Migration, Migrator, sql } from "kysely";

export interface InboxDatabase {
  inbox_deliveries: {
    id: string;
    event: string;
    payload: unknown;
    serial_key: string | null;
    received_at: Generated<Date>;
    /** null while its work is pending; `done` or `dropped` once it is over. */
    outcome: "done" | "dropped" | null;
    finished_at: Date | null;
    attempts: Generated<number>;
    last_error: string | null;
  };
  inbox_workers: { worker_id: string; seen_at: Generated<Date> };
}

// Frozen once released, as the store's: add the next migration, never edit one.
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema as it was then.
type AnyDb = Kysely<any>;

const deliveries: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("inbox_deliveries")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("event", "text", (c) => c.notNull())
      .addColumn("payload", "jsonb", (c) => c.notNull())
      .addColumn("serial_key", "text")
      .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("outcome", "text", (c) => c.check(sql`outcome in ('done', 'dropped')`))
      .addColumn("finished_at", "timestamptz")
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_error", "text")
      .execute();
    // The pending ones are listed and counted often; the finished ones only pruned.
    await db.schema
      .createIndex("inbox_deliveries_pending")
      .on("inbox_deliveries")
      .column("received_at")
      .where(sql.ref("outcome"), "is", null)
      .execute();
    await db.schema
      .createIndex("inbox_deliveries_finished")
      .on("inbox_deliveries")
      .column("finished_at")
      .where(sql.ref("outcome"), "is not", null)
      .execute();
    await db.schema
      .createTable("inbox_workers")
      .addColumn("worker_id", "text", (c) => c.primaryKey())
      .addColumn("seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
};

const MIGRATIONS: Record<string, Migration> = { "0001_inbox": deliveries };

/** Brings the inbox's tables up to date in `schema`; safe for two instances starting at once. */
export async function migrateInbox(db: AnyDb, schema: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: "inbox_migration",
    migrationLockTableName: "inbox_migration_lock",
    migrationTableSchema: schema,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error(`inbox migration failed: ${String(error)}`);
}
