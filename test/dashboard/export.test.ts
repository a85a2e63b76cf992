/** `squad-bot dashboard --out`: the static site from the kept snapshot or a fresh one. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDashboardCommand } from "../../src/cli/commands/dashboard.js";
import { openStore } from "../../src/store/index.js";
import { feature, snapshot } from "./fixture.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env },
    out,
    err,
  };
}

describe("squad-bot dashboard", () => {
  it("writes the pages with relative links, the data and the CSV", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dash-"));
    dirs.push(dir);
    const command = createDashboardCommand({
      openStore: async () => {
        const store = await openStore({ dataDir: ":memory:" });
        await store.saveSnapshot("acme/widgets", new Date(), snapshot([feature()]));
        return store;
      },
      fresh: () => Promise.reject(new Error("not used")),
    });
    const run = io();
    expect(await command.run(["--out", dir], run.io)).toBe(0);
    expect(run.out.join("")).toMatch(/^Wrote \d+ files/);
    const feat = await readFile(join(dir, "feature/acme/widgets/1/index.html"), "utf8");
    expect(feat).toContain('href="../../../../demand/"');
    const index = await readFile(join(dir, "index.html"), "utf8");
    expect(index).not.toContain("<form");
    expect(JSON.parse(await readFile(join(dir, "data.json"), "utf8")).version).toBe(2);
    expect(await readFile(join(dir, "demand.csv"), "utf8")).toMatch(/^rank,/);
  });

  it("says so when the store has no snapshot yet", async () => {
    const command = createDashboardCommand({
      openStore: () => openStore({ dataDir: ":memory:" }),
      fresh: () => Promise.reject(new Error("not used")),
    });
    const run = io();
    expect(await command.run(["--out", "/nonexistent/never"], run.io)).toBe(1);
    expect(run.err.join("")).toContain("No dashboard snapshot");
  });

  it("takes a fresh snapshot with --repo", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dash-"));
    dirs.push(dir);
    const command = createDashboardCommand({
      openStore: () => Promise.reject(new Error("no store without the environment")),
      fresh: async (repo) => snapshot([feature({ title: `fresh from ${repo}` })]),
    });
    expect(await command.run(["--out", dir, "--repo", "acme/widgets"], io().io)).toBe(0);
    expect(await readFile(join(dir, "index.html"), "utf8")).toContain("fresh from acme/widgets");
  });

  it("needs --out", async () => {
    const command = createDashboardCommand({
      openStore: () => Promise.reject(new Error("unused")),
      fresh: () => Promise.reject(new Error("unused")),
    });
    await expect(command.run([], io().io)).rejects.toThrow("--out");
  });
});
