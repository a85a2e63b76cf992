/** Invalid roles and cycles get a problem that names the key and what would fix it. */
import { describe, expect, it } from "vitest";
import { type ConfigProblem, loadConfig } from "../../src/config/load.js";
import { FakeConfigPort, OWN, REPO } from "../config/fake-port.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";

async function problemsOf(text: string): Promise<Omit<ConfigProblem, "source">[]> {
  const result = await loadConfig(new FakeConfigPort({ [OWN]: text }), REPO, templates);
  if (result.ok !== false) throw new Error(`expected problems, got ${JSON.stringify(result)}`);
  return result.problems.map(({ path, message }) => ({ path, message }));
}

const preset = "preset: cht-implementation\n";

describe("roles and cycles in the config", () => {
  it("the cht-implementation preset has the eight stages, Closeout optional, six personas and one cycle", () => {
    const config = presetConfig({ preset: "cht-implementation" });
    expect(config.phases.map((p) => [p.id, p.optional])).toEqual([
      ["initiation", false],
      ["planning", false],
      ["design", false],
      ["building", false],
      ["hosting", false],
      ["implementation", false],
      ["support", false],
      ["evaluation", false],
      ["closeout", true],
    ]);
    expect(config.roles.map((r) => r.id)).toEqual([
      "project-manager",
      "designer",
      "developer",
      "sysadmin",
      "tech-support",
      "researcher",
    ]);
    expect(config.cycle).toEqual({ ends: ["evaluation"], restartAt: "planning" });
    for (const phase of config.phases) expect(phase.activities.length).toBeGreaterThan(0);
  });

  it("names a role's phase that does not exist, with the likely one", async () => {
    const text = `${preset}roles:\n  - id: designer\n    name: Designers\n    phases: [desing]\n`;
    expect(await problemsOf(text)).toEqual([
      {
        path: "roles[0].phases[0]",
        message: expect.stringContaining("`desing` is not a phase id (did you mean `design`?)"),
      },
    ]);
  });

  it("refuses two roles with one id, and an id people could not type", async () => {
    const text = `${preset}roles:\n  - id: dev\n    name: Developers\n  - id: dev\n    name: Devs\n  - id: Sys Admin\n    name: Admins\n`;
    const problems = await problemsOf(text);
    expect(problems).toContainEqual({
      path: "roles[1].id",
      message: "role id `dev` is already used by roles[0]",
    });
    expect(problems.map((p) => p.path)).toContain("roles[2].id");
  });

  it("names a cycle that restarts on an unknown phase, or ends before it restarts", async () => {
    expect(
      await problemsOf(`${preset}cycle:\n  ends: [evaluation]\n  restartAt: plannig\n`),
    ).toEqual([
      {
        path: "cycle.restartAt",
        message: expect.stringContaining("`plannig` is not a phase id (did you mean `planning`?)"),
      },
    ]);
    expect(
      await problemsOf(`${preset}cycle:\n  ends: [initiation]\n  restartAt: design\n`),
    ).toEqual([
      {
        path: "cycle.ends[0]",
        message:
          "a cycle ends after it restarts: `initiation` must come after `design` in `phases`",
      },
    ]);
    expect(await problemsOf(`${preset}cycle:\n  ends: []\n  restartAt: planning\n`)).toEqual([
      { path: "cycle.ends", message: "must not be empty" },
    ]);
  });

  it("a repository may turn the preset's cycle off", () => {
    expect(presetConfig({ preset: "cht-implementation", cycle: null }).cycle).toBeNull();
  });
});
