/** The tables as Kysely sees them; migrations.ts creates exactly these. */
import type { ColumnType, Generated } from "kysely";

/** Written as a Date, read back as a Date (both pg and PGlite parse timestamptz). */
type Timestamp = ColumnType<Date, Date | undefined, Date>;

/** jsonb: written as JSON text, read back parsed. */
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export interface ContributorsTable {
  /** Lower-cased organization login. */
  org: string;
  /** Lower-cased login: GitHub logins ignore case. */
  login: string;
  /** The login as GitHub last spelled it, for display and mentions. */
  display_login: string;
  first_interaction_at: Date | null;
  first_interaction_url: string | null;
  first_interaction_repo: string | null;
  last_contribution_at: Date | null;
  issues_opened: Generated<number>;
  prs_opened: Generated<number>;
  prs_merged: Generated<number>;
  reviews: Generated<number>;
  comments: Generated<number>;
  stage: Generated<string>;
  stage_changed_at: Timestamp;
  quiet: Generated<boolean>;
  preferences: Json;
  created_at: Generated<Date>;
}

interface ContributionEventsTable {
  github_id: string;
  kind: string;
  org: string;
  repo: string;
  login: string;
  at: Date;
  url: string | null;
  recorded_at: Generated<Date>;
}

interface WelcomesTable {
  org: string;
  login: string;
  kind: string;
  at: Generated<Date>;
  url: string;
}

interface MilestonesTable {
  org: string;
  login: string;
  milestone: string;
  at: Timestamp;
  /** Null for milestones recorded before 0005. */
  url: string | null;
}

interface StageChangesTable {
  id: Generated<number>;
  org: string;
  login: string;
  from_stage: string | null;
  to_stage: string;
  at: Date;
  reason: string | null;
}

interface BackfillCursorsTable {
  org: string;
  source: string;
  cursor: string | null;
  updated_at: Generated<Date>;
}

interface SimilarVectorsTable {
  /** Lower-cased `owner/repo`. */
  repo: string;
  number: number;
  /** The issue's `updatedAt` when embedded, compared as text. */
  updated_at: string;
  vector: ColumnType<number[], string, string>;
}

interface DashboardSnapshotsTable {
  /** Which dashboard: the home repository as `owner/name`, lower-cased. */
  key: string;
  taken_at: Date;
  data: Json;
}

export interface StoreDatabase {
  contributors: ContributorsTable;
  contribution_events: ContributionEventsTable;
  welcomes: WelcomesTable;
  milestones: MilestonesTable;
  stage_changes: StageChangesTable;
  backfill_cursors: BackfillCursorsTable;
  similar_vectors: SimilarVectorsTable;
  dashboard_snapshots: DashboardSnapshotsTable;
}
