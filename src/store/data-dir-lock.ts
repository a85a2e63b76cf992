/** One process per PGlite data directory: PGlite has no guard, and a second writer corrupts it. */
import { rmSync } from "node:fs";
import { open, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";

const LOCK_FILE = "squad-bot.lock";

/** Directories this process holds, so a lock file naming our own pid can be told from a stale one. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function holder(path: string): Promise<number | undefined> {
  const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Takes the directory's lock, or says who holds it; the result releases it. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const absolute = resolve(dir);
  const path = join(absolute, LOCK_FILE);
  if (held.has(absolute)) throw inUse(absolute, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      held.add(absolute);
      // A crash leaves the file behind; the pid check above treats it as stale next time.
      const onExit = () => rmSync(path, { force: true });
      process.once("exit", onExit);
      return async () => {
        process.off("exit", onExit);
        held.delete(absolute);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = await holder(path);
      // Our own pid in a file we do not hold is a leftover from a previous container run.
      if (pid !== undefined && pid !== process.pid && isAlive(pid)) throw inUse(absolute, pid);
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${absolute}`);
}

function inUse(dir: string, pid: number): Error {
  return new Error(
    `the data directory ${dir} is in use by process ${pid}: PGlite allows one process at a time. Stop it first, or use PostgreSQL (DATABASE_URL).`,
  );
}
