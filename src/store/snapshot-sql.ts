/** The dashboard snapshot's two statements: keep one row per dashboard, read it back. */
import type { Kysely } from "kysely";
import type { StoreDatabase } from "./schema.js";
import type { StoredSnapshot } from "./types.js";

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export async function saveSnapshot(
  db: Kysely<StoreDatabase>,
  key: string,
  takenAt: Date,
  data: Record<string, unknown>,
): Promise<void> {
  const row = { key: key.toLowerCase(), taken_at: takenAt, data: JSON.stringify(data) };
  await db
    .insertInto("dashboard_snapshots")
    .values(row)
    // Two instances refreshing at once: the later snapshot wins, an older one never replaces it.
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet({
          taken_at: (eb) => eb.ref("excluded.taken_at"),
          data: (eb) => eb.ref("excluded.data"),
        })
        .where("dashboard_snapshots.taken_at", "<=", (eb) => eb.ref("excluded.taken_at")),
    )
    .execute();
}

export async function loadSnapshot(
  db: Kysely<StoreDatabase>,
  key?: string,
): Promise<StoredSnapshot | null> {
  let query = db.selectFrom("dashboard_snapshots").selectAll();
  query = key === undefined ? query : query.where("key", "=", key.toLowerCase());
  const row = await query.orderBy("taken_at", "desc").limit(1).executeTakeFirst();
  return row ? { key: row.key, takenAt: asDate(row.taken_at), data: row.data } : null;
}
