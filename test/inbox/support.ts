/**
 * The databases the inbox suite runs on, with one interface: PGlite served over its socket (the
 * embedded default) always, and PostgreSQL when TEST_DATABASE_URL is set (CI sets it). Every inbox
 * a test opens gets schemas of its own, dropped after the test.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import { Inbox, type InboxOptions } from "../../src/inbox/inbox.js";
import { type ServedDatabase, servePglite } from "../../src/inbox/pglite-server.js";

export interface InboxBackend {
  name: string;
  skipped: string | undefined;
}

const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export const INBOX_BACKENDS: InboxBackend[] = [
  { name: "PGlite", skipped: undefined },
  { name: "PostgreSQL", skipped: POSTGRES_URL ? undefined : "TEST_DATABASE_URL is not set" },
];

if (!POSTGRES_URL) {
  console.warn(
    "\n*** PostgreSQL inbox tests SKIPPED: TEST_DATABASE_URL is not set (CI sets it). ***\n",
  );
}

export interface InboxHandle {
  /** A new inbox in a fresh schema, or over the same schema (another instance) when given. */
  open(options?: Partial<InboxOptions>, schema?: string): Promise<{ inbox: Inbox; schema: string }>;
  url(): string;
}

export function useInboxBackend(backend: InboxBackend): InboxHandle {
  let served: ServedDatabase | undefined;
  const opened: Inbox[] = [];
  const schemas = new Set<string>();
  beforeAll(async () => {
    if (backend.name === "PGlite") served = await servePglite(":memory:");
  });
  afterEach(async () => {
    for (const inbox of opened.splice(0).reverse()) {
      await inbox.stop(0);
      await inbox.close();
    }
    if (schemas.size === 0) return;
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    for (const schema of schemas) {
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.query(`drop schema if exists ${schema}_worker cascade`);
    }
    await client.end();
    schemas.clear();
  });
  afterAll(async () => {
    await served?.close();
  });
  const url = () =>
    backend.name === "PGlite" ? (served as ServedDatabase).url : (POSTGRES_URL as string);
  return {
    url,
    async open(options = {}, schema = `i_${randomUUID().replaceAll("-", "").slice(0, 12)}`) {
      schemas.add(schema);
      const inbox = await Inbox.open({
        connectionString: url(),
        schema,
        embedded: backend.name === "PGlite",
        ...options,
      });
      opened.push(inbox);
      return { inbox, schema };
    },
  };
}

/** Polls until `check` holds (or fails the test after `ms`). */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not reached within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const delivery = (id: string, issue = 1, repo = "acme/widgets") => ({
  id,
  name: "issues",
  payload: {
    action: "opened",
    installation: { id: 7 },
    repository: { full_name: repo },
    issue: { number: issue },
  },
});
