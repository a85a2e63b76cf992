/**
 * A JobLock across instances through PostgreSQL advisory locks. Written against a minimal SQL
 * client so it runs on `pg` (a Pool's `connect()`), on PGlite in tests, or on the store's client.
 */
import { createHash } from "node:crypto";
import type { JobLock } from "./lock.js";

interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** One database session. Advisory locks belong to a session, so lock and unlock must share it. */
export interface SqlSession extends SqlClient {
  /** Gives a pooled connection back; absent for a dedicated client. */
  release?(): void;
}

/** A signed 64-bit key from the job key: advisory locks take a bigint, names do not fit. */
export function advisoryKey(key: string): string {
  return createHash("sha256").update(`squad-bot:${key}`).digest().readBigInt64BE(0).toString();
}

export class PgAdvisoryLock implements JobLock {
  /** `session`: e.g. `() => pool.connect()` for a `pg` Pool, `async () => client` otherwise. */
  constructor(private readonly session: () => Promise<SqlSession>) {}

  async tryRun<T>(
    key: string,
    work: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const db = await this.session();
    const id = advisoryKey(key);
    try {
      const { rows } = await db.query("select pg_try_advisory_lock($1::bigint) as locked", [id]);
      if (rows[0]?.locked !== true) return { ran: false };
      try {
        return { ran: true, value: await work() };
      } finally {
        await db.query("select pg_advisory_unlock($1::bigint)", [id]);
      }
    } finally {
      db.release?.();
    }
  }
}
