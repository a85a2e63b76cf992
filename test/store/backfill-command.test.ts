/** `squad-bot backfill`: usage errors, the progress it shows, and the throughput it reports. */
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import {
  type BackfillCommandDeps,
  createBackfillCommand,
} from "../../src/cli/commands/backfill.js";
import { runCli } from "../../src/cli/main.js";
import { GitHubError } from "../../src/github/port.js";
import { acmeRepos, countsOf, FULL } from "./acme-history.js";
import { BACKENDS, useBackend } from "./backends.js";
import { FakeHistory } from "./fake-history.js";

function capture(env: NodeJS.ProcessEnv = { GITHUB_TOKEN: "t" }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

describe("squad-bot backfill usage", () => {
  it.each([
    [[], /--org is required/],
    [["--org"], /argument missing/],
    [["--org", "acme", "--since", "last week"], /--since "last week" is not a date/],
    [["--org", "acme", "--since", "2026-13-45"], /is not a date/],
    [["--org", "acme", "--bogus"], /Unknown option '--bogus'/],
    [["--org", "acme", "extra"], /positional argument/],
  ])("rejects %j with exit code 2 and the usage", async (args, message) => {
    const { io, stderr } = capture();
    expect(await runCli(["backfill", ...args], io)).toBe(2);
    expect(stderr()).toMatch(message);
    expect(stderr()).toContain("Usage: squad-bot backfill --org <org>");
  });

  it("needs a token before it touches the store", async () => {
    const { io, stderr } = capture({});
    expect(await runCli(["backfill", "--org", "acme"], io)).toBe(2);
    expect(stderr()).toMatch(/GITHUB_TOKEN is not set/);
  });

  it("is listed in squad-bot --help and has its own --help", async () => {
    const all = capture();
    expect(await runCli(["--help"], all.io)).toBe(0);
    expect(all.stdout()).toMatch(/backfill\s+Rebuild the contributor store/);
    const one = capture();
    expect(await runCli(["backfill", "--help"], one.io)).toBe(0);
    expect(one.stdout()).toContain("--restart");
  });
});

describe("squad-bot backfill", () => {
  const db = useBackend(BACKENDS[0] ?? { name: "PGlite", skipped: undefined });

  async function command(overrides: Partial<BackfillCommandDeps> = {}) {
    const { store, schema } = await db.open();
    const history = new FakeHistory(acmeRepos(), { pageSize: 2, nestedSize: 2 });
    const tokens: string[] = [];
    const run = createBackfillCommand({
      // Another store on the same schema: the command closes what it opens, and ours stays open.
      openStore: async () => (await db.open(schema)).store,
      createHistory: (token) => {
        tokens.push(token);
        return history;
      },
      isTty: () => false,
      ...overrides,
    });
    return { run, store, history, tokens };
  }

  it("fills the store and reports throughput, with plain progress lines off a terminal", async () => {
    const { run, store, tokens } = await command();
    const { io, stdout, stderr } = capture({ GITHUB_TOKEN: "secret" });
    expect(await run.run(["--org", "acme"], io)).toBe(0);
    expect(tokens).toEqual(["secret"]);
    expect(await countsOf(store)).toEqual(FULL);
    expect(stdout()).toContain("Backfill of acme done: 2 repositories, 4 issues, 3 pull requests");
    expect(stdout()).toContain("GitHub: 10 requests, 10 points, 1.7 items per request");
    const lines = stderr().trim().split("\n");
    expect(lines.at(-1)).toBe(
      "acme 2/2 gadgets: pull requests · 17 items · 10 requests · 14 new events",
    );
    expect(stderr()).not.toContain("\r");
  });

  it("redraws one line on a terminal", async () => {
    const { run } = await command({ isTty: () => true });
    const { io, stderr } = capture();
    expect(await run.run(["--org", "acme", "--repo", "widgets"], io)).toBe(0);
    expect(stderr()).toContain("\r\x1b[2Kacme 1/1 widgets: issues");
    expect(stderr().endsWith("new events\n")).toBe(true);
  });

  it("exits 1 with the reason when the quota stops it", async () => {
    const history = new FakeHistory(acmeRepos(), { pageSize: 2, remaining: 150 });
    const { run } = await command({ createHistory: () => history });
    const { io, stdout, stderr } = capture();
    expect(await run.run(["--org", "acme", "--no-wait"], io)).toBe(1);
    expect(stdout()).toContain("Backfill of acme stopped");
    expect(stderr()).toMatch(/stopped: 149 points left.*run the same command again/);
  });

  it("says a rerun continues when GitHub fails midway", async () => {
    const { run, history } = await command();
    history.failOn = { request: 3, error: new GitHubError("listComments failed", "server", 502) };
    await expect(run.run(["--org", "acme"], capture().io)).rejects.toThrow(
      /listComments failed\nPages read before the failure are saved; run again to continue/,
    );
  });
});
