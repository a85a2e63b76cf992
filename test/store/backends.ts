/**
 * The databases the store suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * Every store a test opens gets a schema of its own, so tests and files never see each other.
 */
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import { openStore, type StoreOptions } from "../../src/store/index.js";
import type { ContributorStore } from "../../src/store/types.js";

export interface Backend {
  name: string;
  /** Why this backend does not run, or undefined when it does. */
  skipped: string | undefined;
}

const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export const BACKENDS: Backend[] = [
  { name: "PGlite", skipped: undefined },
  {
    name: "PostgreSQL",
    skipped: POSTGRES_URL ? undefined : "TEST_DATABASE_URL is not set",
  },
];

if (!POSTGRES_URL) {
  console.warn(
    "\n*** PostgreSQL store tests SKIPPED: TEST_DATABASE_URL is not set (CI sets it). ***\n",
  );
}

export interface BackendHandle {
  /** A fresh store in a new schema, or the same schema again when `schema` is passed. */
  open(schema?: string): Promise<{ store: ContributorStore; schema: string }>;
}

/** Registers the hooks that give each test its own schema on `backend`, closed and dropped after. */
export function useBackend(backend: Backend): BackendHandle {
  const opened: ContributorStore[] = [];
  const schemas = new Set<string>();
  // One PGlite per file: starting one takes seconds, a schema in it milliseconds.
  let pglite: PGlite | undefined;
  beforeAll(async () => {
    if (backend.name === "PGlite") pglite = await PGlite.create();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    if (POSTGRES_URL && backend.name === "PostgreSQL" && schemas.size > 0) {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
    schemas.clear();
  });
  afterAll(async () => {
    await pglite?.close();
  });
  return {
    async open(schema = `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`) {
      const options: StoreOptions =
        backend.name === "PGlite"
          ? { pglite: pglite as PGlite, schema }
          : { databaseUrl: POSTGRES_URL as string, schema };
      const store = await openStore(options);
      opened.push(store);
      schemas.add(schema);
      return { store, schema };
    },
  };
}
