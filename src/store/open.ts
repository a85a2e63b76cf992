/** Opens the contributor store on PGlite (default) or PostgreSQL, migrated before it is returned. */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type Dialect, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
import { migrate } from "./migrations.js";
import { PGliteDialect, quoteIdentifier } from "./pglite-dialect.js";
import type { StoreDatabase } from "./schema.js";
import { SqlContributorStore } from "./sql-store.js";
import type { ContributorStore } from "./types.js";

export const MEMORY = ":memory:";
const DEFAULT_DATA_DIR = "./data";

export interface StoreOptions {
  /** A `postgres://` URL: use PostgreSQL through `pg` instead of PGlite. */
  databaseUrl?: string;
  /** PGlite's data directory, created if missing, or ":memory:". Default "./data". */
  dataDir?: string;
  /** An open PGlite to use instead of `dataDir`; the store leaves it open on close. */
  pglite?: PGlite;
  /** Schema holding the tables, created if missing; default "public". */
  schema?: string;
  /** PostgreSQL pool size; default 10. */
  maxConnections?: number;
}

/** The store options the environment asks for: DATABASE_URL, SQUAD_BOT_DATA_DIR, SQUAD_BOT_DB_SCHEMA. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv): StoreOptions {
  const options: StoreOptions = {};
  if (env.DATABASE_URL) options.databaseUrl = env.DATABASE_URL;
  if (env.SQUAD_BOT_DATA_DIR) options.dataDir = env.SQUAD_BOT_DATA_DIR;
  if (env.SQUAD_BOT_DB_SCHEMA) options.schema = env.SQUAD_BOT_DB_SCHEMA;
  return options;
}

/** Where the store lives, for log lines; never includes a password. */
export function describeStore(options: StoreOptions): string {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  }
  if (options.pglite) return "PGlite (shared instance)";
  const dir = options.dataDir ?? DEFAULT_DATA_DIR;
  return dir === MEMORY ? "PGlite in memory" : `PGlite in ${resolve(dir)}`;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function postgresDialect(url: string, schema: string, max: number): Dialect {
  // Every pooled connection starts on our schema, so queries need not name it.
  const options = schema === "public" ? undefined : `-c search_path=${schema}`;
  return new PostgresDialect({
    pool: new pg.Pool({ connectionString: url, max, ...(options ? { options } : {}) }),
  });
}

function pgliteDialect(options: StoreOptions, schema: string): Dialect {
  const borrowed = options.pglite;
  if (borrowed) return new PGliteDialect({ open: async () => borrowed, schema });
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (dataDir === MEMORY) {
    return new PGliteDialect({ open: () => PGlite.create(), close: (db) => db.close(), schema });
  }
  let unlock: (() => Promise<void>) | undefined;
  return new PGliteDialect({
    async open() {
      await mkdir(dataDir, { recursive: true });
      unlock = await lockDataDir(dataDir);
      try {
        return await PGlite.create(resolve(dataDir));
      } catch (error) {
        await unlock();
        throw error;
      }
    },
    async close(db) {
      await db.close();
      await unlock?.();
    },
    schema,
  });
}

/** Two processes starting at once may both try; the loser's "already exists" is no failure. */
async function createSchema(db: Kysely<StoreDatabase>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.raw(quoteIdentifier(schema))}`.execute(db);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== "23505" && code !== "42P06") throw error;
  }
}

/** Opens, creates the schema if needed, migrates, and only then hands the store out. */
export async function openStore(options: StoreOptions = {}): Promise<ContributorStore> {
  const schema = options.schema ?? "public";
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`store schema "${schema}" must be lower-case letters, digits and underscores`);
  }
  const dialect = options.databaseUrl
    ? postgresDialect(options.databaseUrl, schema, options.maxConnections ?? 10)
    : pgliteDialect(options, schema);
  const db = new Kysely<StoreDatabase>({ dialect });
  try {
    if (schema !== "public") await createSchema(db, schema);
    await migrate(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlContributorStore(db);
}
