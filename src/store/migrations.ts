/** Schema migrations, defined in code and applied in name order at start-up. */
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from "kysely";
import { CONTRIBUTION_KINDS, FIRST_STAGE, WELCOME_KINDS } from "./types.js";

// Migrations are frozen once released: never edit one, add the next. They take Kysely<any>
// because they describe the schema as it was then, not the current StoreDatabase type.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type AnyDb = Kysely<any>;

const oneOf = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

const contributors: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("contributors")
      .addColumn("org", "text", (c) => c.notNull())
      .addColumn("login", "text", (c) => c.notNull())
      .addColumn("display_login", "text", (c) => c.notNull())
      .addColumn("first_interaction_at", "timestamptz")
      .addColumn("first_interaction_url", "text")
      .addColumn("first_interaction_repo", "text")
      .addColumn("last_contribution_at", "timestamptz")
      .addColumn("issues_opened", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("prs_opened", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("prs_merged", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("reviews", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("comments", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("stage", "text", (c) => c.notNull().defaultTo(FIRST_STAGE))
      .addColumn("stage_changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("quiet", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("preferences", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint("contributors_pk", ["org", "login"])
      .execute();
    await db.schema
      .createIndex("contributors_org_stage")
      .on("contributors")
      .columns(["org", "stage"])
      .execute();
  },
};

const events: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("contribution_events")
      .addColumn("github_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) =>
        c.notNull().check(sql`kind in (${oneOf(CONTRIBUTION_KINDS)})`),
      )
      .addColumn("org", "text", (c) => c.notNull())
      .addColumn("repo", "text", (c) => c.notNull())
      .addColumn("login", "text", (c) => c.notNull())
      .addColumn("at", "timestamptz", (c) => c.notNull())
      .addColumn("url", "text")
      .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      // The dedup key: a redelivered webhook and a backfill of the same item meet here.
      .addPrimaryKeyConstraint("contribution_events_pk", ["github_id", "kind"])
      .execute();
    await db.schema
      .createIndex("contribution_events_org_at")
      .on("contribution_events")
      .columns(["org", "at"])
      .execute();
    await db.schema
      .createIndex("contribution_events_org_login")
      .on("contribution_events")
      .columns(["org", "login", "at"])
      .execute();
  },
};

const recognition: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("welcomes")
      .addColumn("org", "text", (c) => c.notNull())
      .addColumn("login", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in (${oneOf(WELCOME_KINDS)})`))
      .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("url", "text", (c) => c.notNull())
      // Once per person is the database's promise, so two racing deliveries cannot both welcome.
      .addPrimaryKeyConstraint("welcomes_pk", ["org", "login", "kind"])
      .execute();
    await db.schema
      .createTable("milestones")
      .addColumn("org", "text", (c) => c.notNull())
      .addColumn("login", "text", (c) => c.notNull())
      .addColumn("milestone", "text", (c) => c.notNull())
      .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint("milestones_pk", ["org", "login", "milestone"])
      .execute();
    await db.schema
      .createTable("stage_changes")
      .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn("org", "text", (c) => c.notNull())
      .addColumn("login", "text", (c) => c.notNull())
      .addColumn("from_stage", "text")
      .addColumn("to_stage", "text", (c) => c.notNull())
      .addColumn("at", "timestamptz", (c) => c.notNull())
      .addColumn("reason", "text")
      .execute();
    await db.schema
      .createIndex("stage_changes_person")
      .on("stage_changes")
      .columns(["org", "login", "at"])
      .execute();
  },
};

const cursors: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("backfill_cursors")
      .addColumn("org", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("cursor", "text")
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint("backfill_cursors_pk", ["org", "source"])
      .execute();
  },
};

/** The contribution that reached a milestone, so a redelivery can post a failed congratulation. */
const milestoneUrls: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable("milestones").addColumn("url", "text").execute();
  },
};

/** Sentence-embedding vectors of candidate issues, reused while the updatedAt is unchanged. */
const similarVectors: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("similar_vectors")
      .addColumn("repo", "text", (c) => c.notNull())
      .addColumn("number", "integer", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("vector", "jsonb", (c) => c.notNull())
      .addPrimaryKeyConstraint("similar_vectors_pk", ["repo", "number"])
      .execute();
  },
};

/** The dashboard's latest snapshot per dashboard, so a page view reads the store, never GitHub. */
const dashboardSnapshot: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("dashboard_snapshots")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("taken_at", "timestamptz", (c) => c.notNull())
      .addColumn("data", "jsonb", (c) => c.notNull())
      .execute();
  },
};

/** In order; the Migrator also sorts by name, hence the numeric prefixes. */
const MIGRATIONS: Record<string, Migration> = {
  "0001_contributors": contributors,
  "0002_contribution_events": events,
  "0003_welcomes_milestones_stages": recognition,
  "0004_backfill_cursors": cursors,
  "0005_milestone_urls": milestoneUrls,
  "0006_dashboard_snapshot": dashboardSnapshot,
  "0007_similar_vectors": similarVectors,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; safe to run on every start, and by two processes at once. */
export async function migrate(db: AnyDb, schema: string): Promise<MigrationResultSet> {
  // Naming the schema keeps Kysely from mistaking another schema's migration table for ours.
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`store migration ${failed ?? ""} failed: ${reason}`);
  }
  return result;
}
