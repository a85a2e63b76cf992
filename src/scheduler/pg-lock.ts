/**
 * A JobLock across instances through PostgreSQL advisory locks. Written against a minimal SQL
 * client so it runs on `pg` (a Pool's `connect()`), on PGlite in tests, or on the store's client.
 */
import { createHash } from "node:crypto";
import type { AcrossInstances } from "../core/keyed-lock.js";
import type { JobLock } from "./lock.js";

interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** One database session. Advisory locks belong to a session, so lock and unlock must share it. */
export interface SqlSession extends SqlClient {
  /** Gives a pooled connection back (with an error: closes it instead); absent for a dedicated client. */
  release?(error?: Error): void;
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

/**
 * One issue's work across instances: waits for the issue's advisory lock (keys of their own,
 * `issue:<owner/repo#n>`, beside the jobs'), runs, unlocks. A crashed holder's lock goes with
 * its session. A session whose unlock failed is closed rather than pooled, so no lock outlives
 * its work.
 */
export function issueAdvisoryLock(session: () => Promise<SqlSession>): AcrossInstances {
  return async (key, work) => {
    const db = await session();
    const id = advisoryKey(`issue:${key}`);
    let broken: Error | undefined;
    const brokenBy = (error: unknown) => {
      broken = error instanceof Error ? error : new Error(String(error));
      throw broken;
    };
    try {
      await db.query("select pg_advisory_lock($1::bigint)", [id]).catch(brokenBy);
      try {
        return await work();
      } finally {
        await db.query("select pg_advisory_unlock($1::bigint)", [id]).catch(brokenBy);
      }
    } finally {
      db.release?.(broken);
    }
  };
}
