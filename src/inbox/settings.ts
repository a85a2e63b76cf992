/**
 * The inbox as the environment asks for it, and the database it lives in: the store's
 * PostgreSQL (DATABASE_URL), or the store's PGlite directory served over its socket.
 */
import { describeStore, MEMORY, type StoreOptions } from "../store/index.js";
import { reachPglite, type ServedDatabase, servePglite } from "./pglite-server.js";

export interface InboxSettings {
  /** `SQUAD_BOT_INBOX=off` handles webhooks inside the request, as before the inbox. */
  enabled: boolean;
  /** SQUAD_BOT_INBOX_CONCURRENCY: deliveries run at once per instance (default 4). */
  concurrency: number;
  /** SQUAD_BOT_INBOX_MAX_ATTEMPTS: runs before a failing delivery is parked (default 8). */
  maxAttempts: number;
  /** SQUAD_BOT_INBOX_KEEP_DAYS: how long finished deliveries are remembered (default 7). */
  keepDays: number;
  /** SQUAD_BOT_STOP_GRACE_SECONDS: how long a stop waits for running work (default 8). */
  graceMs: number;
  /**
   * SQUAD_BOT_INBOX_POLL_MS: how often the queue is polled for retries that came due (new work is
   * announced at once on PostgreSQL); unset: 2 s on PostgreSQL, 0.5 s on PGlite.
   */
  pollMs?: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number of at least 0, not "${raw}"`);
  }
  return value;
}

export function inboxSettingsFromEnv(env: NodeJS.ProcessEnv): InboxSettings {
  return {
    enabled: !["off", "false", "0"].includes((env.SQUAD_BOT_INBOX ?? "").toLowerCase()),
    concurrency: Math.max(1, Math.floor(positive(env, "SQUAD_BOT_INBOX_CONCURRENCY", 4))),
    maxAttempts: Math.max(1, Math.floor(positive(env, "SQUAD_BOT_INBOX_MAX_ATTEMPTS", 8))),
    keepDays: positive(env, "SQUAD_BOT_INBOX_KEEP_DAYS", 7),
    graceMs: positive(env, "SQUAD_BOT_STOP_GRACE_SECONDS", 8) * 1000,
    ...(env.SQUAD_BOT_INBOX_POLL_MS
      ? { pollMs: Math.max(10, positive(env, "SQUAD_BOT_INBOX_POLL_MS", 2000)) }
      : {}),
  };
}

export interface SharedDatabase extends ServedDatabase {
  /** PGlite behind its socket: see `InboxOptions.embedded`. */
  embedded: boolean;
  /** For the start-up line. */
  where: string;
}

/**
 * The database for the store and the inbox. On PGlite the server opens the directory and serves
 * it; a command (`reach`) uses the running server's socket when there is one.
 */
export async function openInboxDatabase(
  options: StoreOptions,
  mode: "serve" | "reach" = "serve",
): Promise<SharedDatabase> {
  const where = describeStore(options);
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, where, close: async () => {} };
  }
  const dir = options.dataDir ?? "./data";
  const served =
    mode === "serve" || dir === MEMORY ? await servePglite(dir) : await reachPglite(dir);
  return { ...served, embedded: true, where: `${where}, served on its socket` };
}
