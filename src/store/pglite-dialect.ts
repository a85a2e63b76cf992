/** A Kysely dialect for embedded PGlite: Postgres SQL in-process, one connection at a time. */
import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

export interface PGliteDialectConfig {
  /** Opens (or hands over) the database; called once, when Kysely first needs it. */
  open: () => Promise<PGlite>;
  /** Closes what `open` returned when the Kysely instance is destroyed; omit for a borrowed one. */
  close?: (db: PGlite) => Promise<void>;
  /** Schema set as the search path whenever a connection is handed out. */
  schema?: string;
}

/** FIFO lock: PGlite has one session, so a transaction must own it from BEGIN to COMMIT. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

/** Shared by every driver over one PGlite, since they share its single session and search path. */
interface Session {
  mutex: Mutex;
  searchPath: string | undefined;
}

const sessions = new WeakMap<PGlite, Session>();

function sessionOf(db: PGlite): Session {
  let session = sessions.get(db);
  if (!session) {
    session = { mutex: new Mutex(), searchPath: undefined };
    sessions.set(db, session);
  }
  return session;
}

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

class PGliteConnection implements DatabaseConnection {
  constructor(readonly db: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.db.query<R>(compiled.sql, [...compiled.parameters]);
    const changed = /^\s*(insert|update|delete|merge)\b/i.test(compiled.sql);
    return {
      rows: result.rows,
      ...(changed ? { numAffectedRows: BigInt(result.affectedRows ?? 0) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors to stream from; this only refuses.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite does not support streaming queries");
  }
}

class PGliteDriver implements Driver {
  private db: PGlite | undefined;
  private connection: PGliteConnection | undefined;
  /** Frees the session for the next caller; set while the one connection is handed out. */
  private release: (() => void) | undefined;

  constructor(private readonly config: PGliteDialectConfig) {}

  async init(): Promise<void> {
    this.db = await this.config.open();
    this.connection = new PGliteConnection(this.db);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const db = this.db;
    if (!db || !this.connection) throw new Error("the PGlite driver is not open");
    const session = sessionOf(db);
    const release = await session.mutex.lock();
    try {
      const { schema } = this.config;
      if (schema && session.searchPath !== schema) {
        await db.query(`set search_path to ${quoteIdentifier(schema)}`);
        session.searchPath = schema;
      }
    } catch (error) {
      release();
      throw error;
    }
    this.release = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const options = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : "",
      settings.accessMode ?? "",
    ].filter(Boolean);
    await connection.executeQuery(CompiledQuery.raw(["start transaction", ...options].join(" ")));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    const { db } = this;
    this.db = undefined;
    this.connection = undefined;
    if (!db) return;
    // Wait for whoever holds the session, so closing never cuts a transaction in half.
    const release = await sessionOf(db).mutex.lock();
    try {
      await this.config.close?.(db);
    } finally {
      release();
    }
  }
}

/** Kysely's own Postgres adapter, introspector and compiler over the PGlite driver above. */
export class PGliteDialect implements Dialect {
  constructor(private readonly config: PGliteDialectConfig) {}

  createDriver(): Driver {
    return new PGliteDriver(this.config);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface types it this way.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
