/**
 * PGlite served over the PostgreSQL wire protocol (`@electric-sql/pglite-socket`) on a Unix socket
 * in its data directory. The job queue needs a connection string, and PGlite has one session: once
 * the queue reaches it through the socket, the store must too, so that the socket's multiplexer
 * keeps every client's transaction to itself (an in-process query would land inside a socket
 * client's open transaction).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { lockDataDir, MEMORY } from "../store/index.js";
import { wholeBatches } from "./pglite-batches.js";

const run = promisify(execFile);

/** A database the queue and the store reach by URL. */
export interface ServedDatabase {
  url: string;
  close(): Promise<void>;
}

/** The socket file PostgreSQL clients look for in a directory (`host=<dir>`, port 5432). */
const SOCKET_FILE = ".s.PGSQL.5432";
/** The store's pool, the queue's pool, its listener and the CLI, with room to spare. */
const MAX_CONNECTIONS = 64;

/**
 * PostgreSQL's 128 MB of shared buffers, held in PGlite's WASM memory for the process's life,
 * were half of the idle server's memory; the store and the inbox are small, and what is not
 * cached stays in the operating system's page cache.
 */
const SHARED_BUFFERS = "8MB";

function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const startParams = [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`];
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), startParams });
}

/**
 * Creates a new data directory (initdb) in a process of its own: PGlite runs initdb as a second
 * WASM instance whose memory (about 450 MB) it keeps for the process's life, and even a worker
 * thread's is kept by the allocator after the thread ends; a process's goes back when it exits.
 */
async function initialiseApart(dir: string): Promise<void> {
  const code = `import(process.argv[1]).then(({ PGlite }) => PGlite.create({ dataDir: process.argv[2] }))
    .then((db) => db.close())`;
  const pglite = import.meta.resolve("@electric-sql/pglite");
  try {
    await run(process.execPath, ["-e", code, pglite, dir]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`PGlite could not create its data directory ${dir}: ${stderr || error}`);
  }
}

/** The URL of the PGlite served in `dir`, whether or not a server is listening there. */
function socketUrl(dir: string): string {
  return `postgres://postgres@${encodeURIComponent(resolve(dir))}/postgres`;
}

/** Opens PGlite in `dataDir` (":memory:" for tests) for this process alone and serves it. */
export async function servePglite(dataDir: string): Promise<ServedDatabase> {
  const memory = dataDir === MEMORY;
  const dir = memory ? await mkdtemp(join(tmpdir(), "squad-bot-pglite-")) : resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const unlock = memory ? async () => {} : await lockDataDir(dir);
  const socket = join(dir, SOCKET_FILE);
  let db: PGlite | undefined;
  try {
    if (!memory && !existsSync(join(dir, "PG_VERSION"))) await initialiseApart(dir);
    db = await openPglite(memory ? undefined : dir);
    // Holding the directory's lock, a socket file left here is a crashed run's.
    if (existsSync(socket)) await rm(socket);
    const server = new PGLiteSocketServer({
      db: wholeBatches(db),
      path: socket,
      maxConnections: MAX_CONNECTIONS,
    });
    await server.start();
    const opened = db;
    return {
      url: socketUrl(dir),
      async close() {
        await server.stop();
        await opened.close();
        await unlock();
        if (memory) await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db?.close();
    await unlock();
    throw error;
  }
}

/**
 * The database in `dataDir` for a short command (the CLI): the running server's socket when one
 * answers, or the directory opened and served here until the command closes it.
 */
export async function reachPglite(dataDir: string): Promise<ServedDatabase> {
  const url = socketUrl(dataDir);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return { url, close: async () => {} };
  } catch {
    await client.end().catch(() => {});
    return servePglite(dataDir);
  }
}
