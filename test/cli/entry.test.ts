/** The installed `squad-bot` program answers however it is started: directly or through a symlink. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const entry = resolve("src/cli/main.ts");

function run(program: string, args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", program, ...args], {
    encoding: "utf8",
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
}

describe("the squad-bot program", () => {
  it("prints its usage when started directly", () => {
    expect(run(entry, ["--help"])).toContain("Usage: squad-bot <command>");
  });

  it("prints its usage when started through a symlink, as npx, npm link and global installs do", () => {
    // node_modules/.bin/squad-bot is such a symlink, without the file extension.
    const link = join(mkdtempSync(join(tmpdir(), "squad-bot-bin-")), "squad-bot");
    symlinkSync(entry, link);
    expect(run(link, ["--help"])).toContain("Usage: squad-bot <command>");
  });
});
