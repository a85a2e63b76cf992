/** kill -9 with deliveries in the inbox, some mid-work: the next start runs every one, once. */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Inbox } from "../../src/inbox/inbox.js";
import { servePglite } from "../../src/inbox/pglite-server.js";
import { eventually } from "./support.js";

const COUNT = 50;
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a process killed mid-work", () => {
  it("loses no delivery: after kill -9 the next start runs all 50, each once", async () => {
    dir = await mkdtemp(join(tmpdir(), "squad-bot-kill-"));
    const dataDir = join(dir, "data");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/inbox/fixtures/hanging-worker.ts", dataDir, String(COUNT)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (text: Buffer) => {
        if (text.toString().includes("ready")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`the worker exited early (${code})`)));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    // The next start on the same data directory: its stale lock and socket are a crash's.
    const database = await servePglite(dataDir);
    const inbox = await Inbox.open({ connectionString: database.url, embedded: true });
    const runs = new Map<string, number>();
    await inbox.start(async (d) => {
      runs.set(d.id, (runs.get(d.id) ?? 0) + 1);
    });
    try {
      await eventually(() => runs.size === COUNT, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      expect(await inbox.list()).toEqual([]);
    } finally {
      await inbox.stop(0);
      await inbox.close();
      await database.close();
    }
  }, 90_000);
});
