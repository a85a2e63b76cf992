/** `squad-bot inbox list|retry|drop`: the deliveries waiting, retrying or parked in the inbox. */
import type { InboxAdmin, InboxEntry } from "../../inbox/admin.js";
import { Inbox } from "../../inbox/inbox.js";
import { inboxSettingsFromEnv, openInboxDatabase } from "../../inbox/settings.js";
import { storeOptionsFromEnv } from "../../store/index.js";
import { type CliCommand, type CliIo, UsageError } from "../command.js";

const USAGE = `Usage: squad-bot inbox list [--limit <n>]
       squad-bot inbox retry <delivery id>
       squad-bot inbox drop <delivery id>

The durable inbox holds every verified webhook until its work is done.
  list    the deliveries whose work is not over: queued, running, retrying (failed, runs again
          after its backoff), parked (failed every attempt), newest first (default 100)
  retry   runs a delivery again now, with fresh attempts: a parked one, or one done before
  drop    gives up on a delivery: it is not run again, and is kept as dropped

Environment:
  DATABASE_URL        the PostgreSQL the server uses; otherwise PGlite in SQUAD_BOT_DATA_DIR
                      (default ./data), through the running server's socket when it runs
  SQUAD_BOT_DB_SCHEMA the server's schema, when it sets one`;

/** The inbox of the database the server uses, through its socket when it runs on PGlite. */
async function open(
  env: NodeJS.ProcessEnv,
): Promise<{ inbox: InboxAdmin; close(): Promise<void> }> {
  const options = storeOptionsFromEnv(env);
  const database = await openInboxDatabase(options, "reach");
  try {
    const inbox = await Inbox.open({
      connectionString: database.url,
      embedded: database.embedded,
      maxAttempts: inboxSettingsFromEnv(env).maxAttempts,
      ...(options.schema ? { schema: options.schema } : {}),
    });
    return {
      inbox,
      async close() {
        await inbox.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function table(entries: InboxEntry[]): string {
  if (entries.length === 0) return "The inbox holds no pending delivery.\n";
  const rows = entries.map((e) => [
    e.id,
    e.event,
    e.state,
    String(e.attempts),
    e.receivedAt.toISOString(),
    (e.lastError ?? "").split("\n")[0]?.slice(0, 80) ?? "",
  ]);
  const header = ["delivery", "event", "state", "attempts", "received", "last error"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return `${[header, ...rows].map(line).join("\n")}\n`;
}

function parse(
  args: string[],
): { action: "list"; limit: number } | { action: "retry" | "drop"; id: string } {
  const [action, ...rest] = args;
  if (action === "list") {
    if (rest.length === 0) return { action, limit: 100 };
    const limit = Number(rest[1]);
    if (rest[0] !== "--limit" || rest.length !== 2 || !Number.isInteger(limit) || limit < 1) {
      throw new UsageError("list takes only --limit <n>, a whole number of at least 1");
    }
    return { action, limit };
  }
  if (action === "retry" || action === "drop") {
    if (rest.length !== 1 || !rest[0]) throw new UsageError(`${action} takes one delivery id`);
    return { action, id: rest[0] };
  }
  throw new UsageError(action ? `unknown action "${action}"` : "say list, retry or drop");
}

export const inboxCommand: CliCommand = {
  name: "inbox",
  summary: "List, retry or drop the webhook deliveries held in the durable inbox",
  usage: USAGE,
  async run(args: string[], io: CliIo) {
    const command = parse(args);
    const { inbox, close } = await open(io.env);
    try {
      if (command.action === "list") {
        io.stdout(table(await inbox.list({ limit: command.limit })));
        return 0;
      }
      const done =
        command.action === "retry" ? await inbox.retry(command.id) : await inbox.drop(command.id);
      if (!done) {
        io.stderr(`squad-bot inbox: no delivery ${command.id} in the inbox\n`);
        return 1;
      }
      const what = command.action === "retry" ? "queued to run again" : "dropped: it will not run";
      io.stdout(`Delivery ${command.id} ${what}.\n`);
      return 0;
    } finally {
      await close();
    }
  },
};
