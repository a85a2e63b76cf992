/** What the README's first lines promise holds: the commands exist and the Node version agrees. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync("README.md", "utf8");
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

describe("the README's quick start", () => {
  it("names the Node version package.json requires", () => {
    const [, major, minor] = /(\d+)\.(\d+)/.exec(pkg.engines.node) ?? [];
    expect(readme.replace(/\s+/g, " ")).toContain(`Node ${major}.${minor} or newer`);
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(Number(major));
  });

  it("runs commands that exist", () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const scripts = [...block.matchAll(/npm (?:run (?:--silent )?)?(\w[\w:-]*)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["ci", "start", "test"]);
    for (const name of ["start", "test", "build"]) expect(pkg.scripts[name]).toBeDefined();
    expect(pkg.scripts.test).toBe("vitest run");
  });
});
