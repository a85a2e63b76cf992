/** The ContributorStore over SQL through Kysely; the same statements serve PGlite and PostgreSQL. */

import { type Kysely, type Selectable, sql } from "kysely";
import type { VectorCache } from "../features/similar/vector-cache.js";
import { countedByKind, key, recordEvent, toCounts } from "./contribution-sql.js";
import type { ContributorsTable, StoreDatabase } from "./schema.js";
import { loadSnapshot, saveSnapshot } from "./snapshot-sql.js";
import type {
  ContributionCounts,
  ContributionEvent,
  Contributor,
  ContributorActivity,
  ContributorQuery,
  ContributorStore,
  RecordResult,
  SetStageOptions,
  StageChange,
  StoredSnapshot,
  WelcomeKind,
} from "./types.js";
import { SqlVectorCache } from "./vector-cache-sql.js";

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const asDateOrNull = (value: Date | string | null): Date | null =>
  value === null ? null : asDate(value);

function toContributor(row: Selectable<ContributorsTable>): Contributor {
  return {
    org: row.org,
    login: row.display_login,
    firstInteractionAt: asDateOrNull(row.first_interaction_at),
    firstInteractionUrl: row.first_interaction_url,
    firstInteractionRepo: row.first_interaction_repo,
    lastContributionAt: asDateOrNull(row.last_contribution_at),
    counts: toCounts(row),
    stage: row.stage,
    stageChangedAt: asDate(row.stage_changed_at),
    quiet: row.quiet,
    preferences: row.preferences,
  };
}

export class SqlContributorStore implements ContributorStore {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  /** The similar-issue vector cache in the same database. */
  vectorCache(): VectorCache {
    return new SqlVectorCache(this.db);
  }

  recordContribution(event: ContributionEvent): Promise<RecordResult> {
    return recordEvent(this.db, event);
  }

  recordContributions(events: ContributionEvent[]): Promise<RecordResult[]> {
    if (events.length === 0) return Promise.resolve([]);
    // One commit for the lot: on PostgreSQL each commit waits for the disk.
    return this.db.transaction().execute(async (tx) => {
      const results: RecordResult[] = [];
      for (const event of events) results.push(await recordEvent(tx, event));
      return results;
    });
  }

  async claimWelcome(org: string, login: string, kind: WelcomeKind, url: string) {
    const rows = await this.db
      .insertInto("welcomes")
      .values({ org: key(org), login: key(login), kind, url })
      .onConflict((oc) =>
        oc
          .columns(["org", "login", "kind"])
          .doUpdateSet({ url: (eb) => eb.ref("excluded.url") })
          .where("welcomes.url", "=", (eb) => eb.ref("excluded.url")),
      )
      .returning("kind")
      .execute();
    return rows.length === 1;
  }

  async recordMilestone(
    org: string,
    login: string,
    milestone: string,
    at = new Date(),
    url?: string,
  ) {
    const rows = await this.db
      .insertInto("milestones")
      .values({ org: key(org), login: key(login), milestone, at, url: url ?? null })
      .onConflict((oc) =>
        oc
          .columns(["org", "login", "milestone"])
          .doUpdateSet({ url: (eb) => eb.ref("excluded.url") })
          .where("milestones.url", "=", (eb) => eb.ref("excluded.url")),
      )
      .returning("milestone")
      .execute();
    return rows.length === 1;
  }

  /** Makes sure a row exists for someone known so far only from a command or a stage change. */
  private ensureContributor(db: Kysely<StoreDatabase>, org: string, login: string) {
    return db
      .insertInto("contributors")
      .values({
        org: key(org),
        login: key(login),
        display_login: login,
        first_interaction_at: null,
        first_interaction_url: null,
        first_interaction_repo: null,
        last_contribution_at: null,
        preferences: "{}",
      })
      .onConflict((oc) => oc.columns(["org", "login"]).doNothing())
      .execute();
  }

  async setStage(org: string, login: string, stage: string, options: SetStageOptions = {}) {
    const at = options.at ?? new Date();
    return this.db.transaction().execute(async (tx) => {
      await this.ensureContributor(tx, org, login);
      // The row lock makes concurrent setStage calls take turns, so history has no duplicates.
      const current = await tx
        .selectFrom("contributors")
        .select("stage")
        .where("org", "=", key(org))
        .where("login", "=", key(login))
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (current.stage === stage) return false;
      await tx
        .updateTable("contributors")
        .set({ stage, stage_changed_at: at })
        .where("org", "=", key(org))
        .where("login", "=", key(login))
        .execute();
      await tx
        .insertInto("stage_changes")
        .values({
          org: key(org),
          login: key(login),
          from_stage: current.stage,
          to_stage: stage,
          at,
          reason: options.reason ?? null,
        })
        .execute();
      return true;
    });
  }

  async setQuiet(org: string, login: string, quiet: boolean): Promise<void> {
    await this.ensureContributor(this.db, org, login);
    await this.db
      .updateTable("contributors")
      .set({ quiet })
      .where("org", "=", key(org))
      .where("login", "=", key(login))
      .execute();
  }

  async setPreferences(org: string, login: string, patch: Record<string, unknown>) {
    const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null));
    const remove = Object.keys(patch).filter((name) => patch[name] === null);
    await this.ensureContributor(this.db, org, login);
    const row = await this.db
      .updateTable("contributors")
      .set({
        preferences: sql`(preferences || ${JSON.stringify(set)}::jsonb) - ${remove}::text[]`,
      })
      .where("org", "=", key(org))
      .where("login", "=", key(login))
      .returning("preferences")
      .executeTakeFirstOrThrow();
    return row.preferences;
  }

  async getContributor(org: string, login: string): Promise<Contributor | null> {
    const row = await this.db
      .selectFrom("contributors")
      .selectAll()
      .where("org", "=", key(org))
      .where("login", "=", key(login))
      .executeTakeFirst();
    return row ? toContributor(row) : null;
  }

  async listContributors(query: ContributorQuery): Promise<Contributor[]> {
    let select = this.db.selectFrom("contributors").selectAll().where("org", "=", key(query.org));
    if (query.stage !== undefined) select = select.where("stage", "=", query.stage);
    if (query.since) select = select.where("first_interaction_at", ">=", query.since);
    const rows = await select
      .orderBy(sql`first_interaction_at asc nulls last`)
      .orderBy("login")
      .execute();
    return rows.map(toContributor);
  }

  async stageHistory(org: string, login: string): Promise<StageChange[]> {
    const rows = await this.db
      .selectFrom("stage_changes")
      .select(["from_stage", "to_stage", "at", "reason"])
      .where("org", "=", key(org))
      .where("login", "=", key(login))
      .orderBy("at")
      .orderBy("id")
      .execute();
    return rows.map((row) => ({
      from: row.from_stage,
      to: row.to_stage,
      at: asDate(row.at),
      reason: row.reason,
    }));
  }

  async countsSince(org: string, login: string, since: Date): Promise<ContributionCounts> {
    const row = await this.db
      .selectFrom("contribution_events as e")
      .select(countedByKind())
      .where("e.org", "=", key(org))
      .where("e.login", "=", key(login))
      .where("e.at", ">=", since)
      .executeTakeFirstOrThrow();
    return toCounts(row);
  }

  async contributorsWithCountsSince(org: string, since: Date): Promise<ContributorActivity[]> {
    const counted = countedByKind();
    const rows = await this.db
      .selectFrom("contribution_events as e")
      .innerJoin("contributors as c", (join) =>
        join.onRef("c.org", "=", "e.org").onRef("c.login", "=", "e.login"),
      )
      .select(["c.display_login", "c.stage", "c.quiet", "c.first_interaction_at", ...counted])
      .where("e.org", "=", key(org))
      .where("e.at", ">=", since)
      .groupBy(["c.login", "c.display_login", "c.stage", "c.quiet", "c.first_interaction_at"])
      .orderBy(sql`count(*)`, "desc")
      .orderBy("c.login")
      .execute();
    return rows.map((row) => {
      const firstInteractionAt = asDateOrNull(row.first_interaction_at);
      return {
        login: row.display_login,
        counts: toCounts(row),
        stage: row.stage,
        quiet: row.quiet,
        firstInteractionAt,
        isNew: firstInteractionAt !== null && firstInteractionAt >= since,
      };
    });
  }

  async getCursor(org: string, source: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("backfill_cursors")
      .select("cursor")
      .where("org", "=", key(org))
      .where("source", "=", source)
      .executeTakeFirst();
    return row?.cursor ?? null;
  }

  async setCursor(org: string, source: string, cursor: string | null): Promise<void> {
    await this.db
      .insertInto("backfill_cursors")
      .values({ org: key(org), source, cursor })
      .onConflict((oc) =>
        oc.columns(["org", "source"]).doUpdateSet({ cursor, updated_at: sql`now()` }),
      )
      .execute();
  }

  async clearCursors(org: string): Promise<number> {
    const result = await this.db
      .deleteFrom("backfill_cursors")
      .where("org", "=", key(org))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  saveSnapshot(key: string, takenAt: Date, data: Record<string, unknown>): Promise<void> {
    return saveSnapshot(this.db, key, takenAt, data);
  }

  loadSnapshot(key?: string): Promise<StoredSnapshot | null> {
    return loadSnapshot(this.db, key);
  }

  async healthCheck(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
