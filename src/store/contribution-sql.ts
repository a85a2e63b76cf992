/** The SQL of contribution counting: the dedup-and-count statement and counts per kind. */
import { type Kysely, sql } from "kysely";
import type { ContributorsTable, StoreDatabase } from "./schema.js";
import type {
  ContributionCounts,
  ContributionEvent,
  ContributionKind,
  RecordResult,
} from "./types.js";

/** GitHub treats logins and organization names without regard to case; so do our keys. */
export const key = (name: string): string => name.toLowerCase();

/** The count column each kind of contribution adds one to. */
const COUNT_COLUMNS = {
  "issue-opened": "issues_opened",
  "pr-opened": "prs_opened",
  "pr-merged": "prs_merged",
  review: "reviews",
  comment: "comments",
} as const satisfies Record<ContributionKind, keyof ContributorsTable>;

type CountColumn = (typeof COUNT_COLUMNS)[ContributionKind];
type CountRow = Record<CountColumn, number>;
const COUNT_NAMES = Object.values(COUNT_COLUMNS);

export const toCounts = (row: CountRow): ContributionCounts => ({
  issuesOpened: row.issues_opened,
  prsOpened: row.prs_opened,
  prsMerged: row.prs_merged,
  reviews: row.reviews,
  comments: row.comments,
});

const ZERO: ContributionCounts = toCounts({
  issues_opened: 0,
  prs_opened: 0,
  prs_merged: 0,
  reviews: 0,
  comments: 0,
});

/** The select list that counts events per kind, named like the contributors' count columns. */
export const countedByKind = () =>
  (Object.entries(COUNT_COLUMNS) as [ContributionKind, CountColumn][]).map(([kind, column]) =>
    sql<number>`(count(*) filter (where e.kind = ${kind}))::int`.as(column),
  );

/** When the stored first interaction is missing or later than the new one, the new one wins. */
const EARLIER = sql`(c.first_interaction_at is null or excluded.first_interaction_at < c.first_interaction_at)`;
const earliest = (column: string) =>
  sql`${sql.ref(column)} = case when ${EARLIER} then ${sql.ref(`excluded.${column}`)} else ${sql.ref(`c.${column}`)} end`;

/** Stores the event unless already there, and if it was new adds it to the person's counts. */
export async function recordEvent(
  db: Kysely<StoreDatabase>,
  event: ContributionEvent,
): Promise<RecordResult> {
  const org = key(event.org);
  const login = key(event.login);
  const adds = COUNT_NAMES.map((name) => (name === COUNT_COLUMNS[event.kind] ? 1 : 0));
  // One statement: the event insert and the count update succeed or fail together, and a
  // duplicate event (redelivery, backfill rerun) inserts nothing, so nothing is counted twice.
  const { rows } = await sql<CountRow>`
    with ev as (
      insert into contribution_events (github_id, kind, org, repo, login, at, url)
      values (${event.githubId}, ${event.kind}, ${org}, ${event.repo}, ${login}, ${event.at},
        ${event.url ?? null})
      on conflict (github_id, kind) do nothing
      returning org, login, repo, at, url
    )
    insert into contributors as c (org, login, display_login, first_interaction_at,
      first_interaction_url, first_interaction_repo, last_contribution_at, stage_changed_at,
      ${sql.join(COUNT_NAMES.map((name) => sql.ref(name)))})
    select org, login, ${event.login}, at, url, repo, at, at,
      ${sql.join(adds.map((add) => sql`${sql.lit(add)}::int`))}
    from ev
    on conflict (org, login) do update set
      display_login = excluded.display_login,
      ${sql.join(COUNT_NAMES.map((name) => sql`${sql.ref(name)} = ${sql.ref(`c.${name}`)} + ${sql.ref(`excluded.${name}`)}`))},
      ${sql.join(["first_interaction_url", "first_interaction_repo", "first_interaction_at"].map(earliest))},
      last_contribution_at = greatest(c.last_contribution_at, excluded.last_contribution_at)
    returning ${sql.join(COUNT_NAMES.map((name) => sql.ref(name)))}`.execute(db);
  const [row] = rows;
  if (row) return { inserted: true, counts: toCounts(row) };
  const existing = await db
    .selectFrom("contributors")
    .select(COUNT_NAMES)
    .where("org", "=", org)
    .where("login", "=", login)
    .executeTakeFirst();
  return { inserted: false, counts: existing ? toCounts(existing) : ZERO };
}
