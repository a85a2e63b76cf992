/** `squad-bot digest`: --dry-run prints and posts nothing; a real run posts once; usage errors. */
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import { createDigestCommand } from "../../src/cli/commands/digest.js";
import { runCli } from "../../src/cli/main.js";
import { templates } from "../support/templates.js";
import { digestWorld, MONDAY, seedRealisticWeek } from "./fixtures.js";

async function cli(args: string[], env: NodeJS.ProcessEnv = { GITHUB_TOKEN: "t" }) {
  const d = await digestWorld();
  seedRealisticWeek(d);
  d.world.github.resetRequests();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env };
  const command = createDigestCommand({
    templates: () => templates,
    connect: () => ({
      port: d.world.github,
      source: d.source,
      whoami: async () => d.world.github.appLogin,
    }),
    now: () => new Date(MONDAY),
  });
  let code: number;
  try {
    code = await command.run(args, io);
  } catch (error) {
    code = -1;
    err.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  return { d, code, out: out.join(""), err: err.join("") };
}

describe("squad-bot digest", () => {
  it("--dry-run prints the Markdown and posts nothing", async () => {
    const { d, code, out } = await cli(["--repo", "medic/cht-core", "--dry-run"]);
    expect(code).toBe(0);
    expect(out).toContain("## Squad digest 2026-W48");
    expect(out).toContain("```mermaid");
    expect(d.world.github.writeCount()).toBe(0);
  });

  it("--dry-run says on stderr what it would post, and posts nothing", async () => {
    const { d, err } = await cli(["--repo", "medic/cht-core", "--dry-run"]);
    expect(err).toMatch(
      /^dry run: would open issue "Squad digest 2026-W48 .*" in medic\/cht-core\n$/,
    );
    expect(d.world.github.requestCount("listIssuesWithLabel")).toBe(1);
    expect(d.world.github.writeCount()).toBe(0);
  });

  it("--dry-run --text prints the plain text of another period", async () => {
    const { code, out } = await cli([
      "--repo",
      "medic/cht-core",
      "--dry-run",
      "--text",
      "--period",
      "2026-W47",
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Squad digest 2026-W47/);
    expect(out).not.toContain("```");
  });

  it("posts the digest once", async () => {
    const { d, code, out } = await cli(["--repo", "medic/cht-core"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^weekly:2026-W48: posted #\d+ \(2 read requests\)\n$/);
    expect(d.world.github.requestCount("createIssue")).toBe(1);
  });

  it.each([
    [[], "exactly one of --repo"],
    [["--repo", "medic/cht-core", "--org", "medic"], "exactly one of --repo"],
    [["--repo", "cht-core"], "owner/name"],
    [["--repo", "medic/cht-core", "--kind", "daily"], "weekly or monthly"],
    [["--repo", "medic/cht-core", "--period", "2026-13"], "not a weekly period"],
    [["--repo", "medic/cht-core", "--bogus"], "Unknown option"],
  ])("rejects %j as a usage error", async (args, text) => {
    const { err } = await cli(args);
    expect(err).toContain("UsageError");
    expect(err).toContain(text);
  });

  it("fails clearly without a token, an org list, or the community store", async () => {
    expect((await cli(["--repo", "medic/cht-core"], {})).err).toContain("GITHUB_TOKEN is not set");
    expect((await cli(["--org", "medic", "--dry-run"])).err).toContain(
      "medic/.github has no squad-bot configuration",
    );
    expect(
      (await cli(["--repo", "medic/cht-core", "--kind", "monthly", "--dry-run"])).err,
    ).toContain("contributor store");
  });

  it("is registered with the CLI", async () => {
    const out: string[] = [];
    const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), env: {} };
    expect(await runCli(["digest", "--help"], io)).toBe(0);
    expect(out.join("")).toContain("Usage: squad-bot digest");
  });
});
