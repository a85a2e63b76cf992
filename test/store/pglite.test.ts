/** PGlite specifics: a data directory that survives restarts, and transactions taking turns. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../../src/store/data-dir-lock.js";
import { describeStore, openStore, storeOptionsFromEnv } from "../../src/store/index.js";
import { PGliteDialect } from "../../src/store/pglite-dialect.js";

describe("the store in a PGlite data directory", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "squad-bot-store-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates the directory, migrates once, and keeps data across a restart", async () => {
    const dataDir = join(dir, "nested", "data");
    const first = await openStore({ dataDir });
    expect(await first.claimWelcome("acme", "alice", "first-issue", "u")).toBe(true);
    await first.close();
    const second = await openStore({ dataDir });
    expect(await second.claimWelcome("acme", "alice", "first-issue", "another-issue")).toBe(false);
    // PGlite has no guard of its own: a second opener would silently fork the data.
    await expect(openStore({ dataDir })).rejects.toThrow(/in use by process \d+/);
    await second.close();
    // Initialising a data directory on disk takes PGlite seconds, more on a loaded CI machine.
  }, 60_000);

  it("takes over a lock left by a process that died", async () => {
    const dataDir = join(dir, "stale");
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, "squad-bot.lock"), "2147483646\n");
    const release = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toThrow(/in use/);
    await release();
    await (await lockDataDir(dataDir))();
  });
});

describe("the PGlite dialect", () => {
  interface Db {
    t: { id: number };
  }
  let pglite: PGlite;
  let db: Kysely<Db>;
  beforeAll(async () => {
    pglite = await PGlite.create();
    db = new Kysely<Db>({ dialect: new PGliteDialect({ open: async () => pglite }) });
    await sql`create table t (id integer primary key)`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    await pglite.close();
  });

  it("makes a query wait for a running transaction instead of joining it", async () => {
    const order: string[] = [];
    let inside!: () => void;
    const started = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const transaction = db.transaction().execute(async (tx) => {
      await tx.insertInto("t").values({ id: 1 }).execute();
      inside();
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push("commit");
    });
    await started;
    const read = db
      .selectFrom("t")
      .selectAll()
      .execute()
      .then((rows) => {
        order.push("read");
        return rows;
      });
    await transaction;
    expect(await read).toEqual([{ id: 1 }]);
    expect(order).toEqual(["commit", "read"]);
  });

  it("rolls a failed transaction back and frees the session", async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto("t").values({ id: 2 }).execute();
        await tx.insertInto("t").values({ id: 2 }).execute();
      }),
    ).rejects.toThrow(/duplicate key/);
    const ids = await db.selectFrom("t").select("id").orderBy("id").execute();
    expect(ids).toEqual([{ id: 1 }]);
  });

  it("reports affected rows as Kysely expects", async () => {
    const result = await db.deleteFrom("t").where("id", "=", 1).executeTakeFirst();
    expect(result.numDeletedRows).toBe(1n);
  });
});

describe("store options", () => {
  it("come from the environment and describe themselves without secrets", () => {
    const env = {
      DATABASE_URL: "postgres://bot:secret@db.example:5433/squad",
      SQUAD_BOT_DB_SCHEMA: "bot",
    };
    const options = storeOptionsFromEnv(env);
    expect(options).toEqual({ databaseUrl: env.DATABASE_URL, schema: "bot" });
    expect(describeStore(options)).toBe("PostgreSQL at db.example:5433/squad");
    expect(describeStore({ dataDir: ":memory:" })).toBe("PGlite in memory");
  });

  it("refuse a schema name that would need quoting", async () => {
    await expect(openStore({ dataDir: ":memory:", schema: "Bad-Name" })).rejects.toThrow(/schema/);
  });
});
