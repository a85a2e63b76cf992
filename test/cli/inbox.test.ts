/** `squad-bot inbox list|retry|drop` over a PGlite data directory the server left behind. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { Inbox } from "../../src/inbox/inbox.js";
import { servePglite } from "../../src/inbox/pglite-server.js";
import { delivery } from "../inbox/support.js";

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
    env,
  };
  const code = await runCli(["inbox", ...args], io);
  return { code, stdout, stderr };
}

it("lists the pending deliveries, queues one again, drops one, and names an unknown id", async () => {
  dir = await mkdtemp(join(tmpdir(), "squad-bot-inbox-cli-"));
  const dataDir = join(dir, "data");
  // What a stopped server leaves: two deliveries recorded, never run.
  const database = await servePglite(dataDir);
  const inbox = await Inbox.open({ connectionString: database.url, embedded: true });
  await inbox.record(delivery("cli-1"));
  await inbox.record(delivery("cli-2", 2));
  await inbox.close();
  await database.close();

  const env = { SQUAD_BOT_DATA_DIR: dataDir };
  const listed = await cli(["list"], env);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toMatch(/cli-2\s+issues\s+queued\s+0/);
  expect(listed.stdout).toMatch(/cli-1\s+issues\s+queued\s+0/);
  expect((await cli(["drop", "cli-1"], env)).stdout).toContain("Delivery cli-1 dropped");
  expect((await cli(["retry", "cli-2"], env)).stdout).toContain("queued to run again");
  const after = await cli(["list"], env);
  expect(after.stdout).not.toContain("cli-1");
  expect(after.stdout).toContain("cli-2");
  expect(await cli(["retry", "nope"], env)).toMatchObject({
    code: 1,
    stderr: expect.stringContaining("no delivery nope"),
  });
  expect((await cli(["list", "--limit", "0"], env)).code).toBe(2);
}, 60_000);
