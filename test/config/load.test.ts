import { describe, expect, it } from "vitest";
import { type ConfigLoadResult, loadConfig, MAX_EXTENDS } from "../../src/config/load.js";
import type { Config } from "../../src/config/schema.js";
import { templates } from "../support/templates.js";
import { FakeConfigPort, ORG, OWN, REPO } from "./fake-port.js";

function config(result: ConfigLoadResult): Config {
  if (result.ok !== true) throw new Error(`expected a config, got ${JSON.stringify(result)}`);
  return result.config;
}

describe("loadConfig: where the file comes from", () => {
  it("is absent when neither the repository nor the owner's .github has a file", async () => {
    const port = new FakeConfigPort();
    expect(await loadConfig(port, REPO, templates)).toEqual({ ok: "absent" });
    expect(port.reads).toEqual([OWN, ORG]);
  });

  it("reads the repository's own file in one request", async () => {
    const port = new FakeConfigPort({ [OWN]: "dryRun: true\n", [ORG]: "enabled: false\n" });
    const result = await loadConfig(port, REPO, templates);
    expect(config(result).dryRun).toBe(true);
    expect(config(result).enabled).toBe(true);
    expect(result).toMatchObject({ sources: [OWN] });
    expect(port.getFileCalls).toBe(1);
  });

  it("falls back to the owner's .github repository", async () => {
    const port = new FakeConfigPort({ [ORG]: "preset: cht\n" });
    const result = await loadConfig(port, REPO, templates);
    expect(config(result).preset).toBe("cht");
    expect(result).toMatchObject({ sources: [ORG] });
  });

  it("does not read the .github repository twice for itself", async () => {
    const port = new FakeConfigPort();
    expect(await loadConfig(port, { owner: "medic", repo: ".github" }, templates)).toEqual({
      ok: "absent",
    });
    expect(port.getFileCalls).toBe(1);
  });

  it("reads the repository's file at a ref, and the fallback at its default branch", async () => {
    const port = new FakeConfigPort({ [`${OWN}@abc123`]: "dryRun: true\n" });
    expect(config(await loadConfig(port, REPO, templates, { ref: "abc123" })).dryRun).toBe(true);
    const deleted = new FakeConfigPort({ [OWN]: "dryRun: true\n", [ORG]: "enabled: false\n" });
    expect(config(await loadConfig(deleted, REPO, templates, { ref: "abc123" })).enabled).toBe(
      false,
    );
    expect(deleted.reads).toEqual([`${OWN}@abc123`, ORG]);
  });

  it("treats an empty file as opting in with the default preset", async () => {
    const result = await loadConfig(new FakeConfigPort({ [OWN]: "" }), REPO, templates);
    expect(config(result).preset).toBe("squad-journey");
  });
});

describe("loadConfig: _extends", () => {
  it("follows `repo` in the same owner, overlay over base", async () => {
    const port = new FakeConfigPort({
      [OWN]: '_extends: shared\nlabels:\n  color: "000000"\n',
      "medic/shared:.github/squad-bot.yml":
        "preset: cht\ndryRun: true\nlabels:\n  blocked: Stuck\n",
    });
    const result = await loadConfig(port, REPO, templates);
    const { preset, dryRun, labels } = config(result);
    expect({ preset, dryRun, color: labels.color, blocked: labels.blocked }).toEqual({
      preset: "cht",
      dryRun: true,
      color: "000000",
      blocked: "Stuck",
    });
    expect(labels.protected).toEqual(["Waiting for contributor", "Ready for review"]);
    expect(result).toMatchObject({ sources: ["medic/shared:.github/squad-bot.yml", OWN] });
  });

  it("follows `owner/repo` and `owner/repo:path` recursively", async () => {
    const port = new FakeConfigPort({
      [OWN]: "_extends: other/base\ndryRun: true\n",
      "other/base:.github/squad-bot.yml":
        "_extends: other/configs:squad/base.yaml\nenabled: false\n",
      "other/configs:squad/base.yaml": "preset: cht\n",
    });
    const result = await loadConfig(port, REPO, templates);
    expect(config(result)).toMatchObject({ preset: "cht", enabled: false, dryRun: true });
    expect(result).toMatchObject({
      sources: ["other/configs:squad/base.yaml", "other/base:.github/squad-bot.yml", OWN],
    });
    expect(port.getFileCalls).toBe(3);
  });

  it("reads a same-repository base at the same ref", async () => {
    const port = new FakeConfigPort({
      [`${OWN}@pr`]: "_extends: cht-core:.github/squad-base.yml\n",
      "medic/cht-core:.github/squad-base.yml@pr": "dryRun: true\n",
    });
    expect(config(await loadConfig(port, REPO, templates, { ref: "pr" })).dryRun).toBe(true);
  });

  it("follows _extends from the org fallback too", async () => {
    const port = new FakeConfigPort({
      [ORG]: "_extends: medic/squad-config:cht.yml\n",
      "medic/squad-config:cht.yml": "preset: cht\n",
    });
    expect(config(await loadConfig(port, REPO, templates)).preset).toBe("cht");
  });

  it("reports a missing extended file on the file that names it", async () => {
    const port = new FakeConfigPort({ [OWN]: "_extends: medic/nowhere\n" });
    expect(await loadConfig(port, REPO, templates)).toEqual({
      ok: false,
      sources: [OWN],
      problems: [
        {
          path: "_extends",
          message:
            "`_extends` points to `medic/nowhere:.github/squad-bot.yml`, which does not exist (or squad-bot cannot see it)",
          source: OWN,
        },
      ],
    });
  });

  it("reports an extended file squad-bot may not read", async () => {
    const port = new FakeConfigPort({ [OWN]: "_extends: secret/base\n" });
    port.forbidden.add("secret/base:.github/squad-bot.yml");
    const result = await loadConfig(port, REPO, templates);
    expect(result.ok === false && result.problems[0]?.message).toContain("cannot read");
  });

  it("stops at a cycle and shows it", async () => {
    const port = new FakeConfigPort({
      [OWN]: "_extends: a\n",
      "medic/a:.github/squad-bot.yml": "_extends: medic/CHT-CORE\n",
    });
    const result = await loadConfig(port, REPO, templates);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          path: "_extends",
          source: "medic/a:.github/squad-bot.yml",
          message:
            "`_extends` goes round in a circle: `medic/cht-core:.github/squad-bot.yml` → `medic/a:.github/squad-bot.yml` → `medic/CHT-CORE:.github/squad-bot.yml`",
        },
      ],
    });
    expect(port.getFileCalls).toBe(2);
  });

  it(`follows at most ${MAX_EXTENDS} steps`, async () => {
    const chain = (length: number) => {
      const files: Record<string, string> = { [OWN]: "_extends: r1\n" };
      for (let i = 1; i <= length; i++) {
        files[`medic/r${i}:.github/squad-bot.yml`] = i < length ? `_extends: r${i + 1}\n` : "";
      }
      return new FakeConfigPort(files);
    };
    expect((await loadConfig(chain(MAX_EXTENDS), REPO, templates)).ok).toBe(true);
    const tooDeep = await loadConfig(chain(MAX_EXTENDS + 1), REPO, templates);
    expect(tooDeep).toMatchObject({
      ok: false,
      problems: [{ path: "_extends", source: `medic/r${MAX_EXTENDS}:.github/squad-bot.yml` }],
    });
  });

  it("reports a problem in a base file against that file", async () => {
    const port = new FakeConfigPort({
      [OWN]: "_extends: .github\ndryRun: true\n",
      [ORG]: "labels:\n  colour: 000000\n",
    });
    expect(await loadConfig(port, REPO, templates)).toMatchObject({
      ok: false,
      problems: [{ path: "labels.colour", source: ORG }],
      sources: [ORG, OWN],
    });
  });

  it("reports a YAML error in a base file against that file", async () => {
    const port = new FakeConfigPort({ [OWN]: "_extends: .github\n", [ORG]: "a: [\n" });
    const result = await loadConfig(port, REPO, templates);
    expect(result).toMatchObject({ ok: false, problems: [{ path: "", source: ORG }] });
  });
});

describe("loadConfig: merging", () => {
  it("replaces lists instead of appending to them", async () => {
    const port = new FakeConfigPort({
      [OWN]: "_extends: .github\nrecognize:\n  labels: [idea]\n",
      [ORG]: "recognize:\n  labels: [enhancement, feature]\n  templateHeadings: [Why?]\n",
    });
    expect(config(await loadConfig(port, REPO, templates)).recognize).toEqual({
      labels: ["idea"],
      labelsWithTemplate: [],
      templateHeadings: ["Why?"],
      excludeLabels: [],
    });
  });

  it("giving phases replaces the preset's phases wholesale", async () => {
    const port = new FakeConfigPort({
      [OWN]: "preset: cht\nphases:\n  - id: idea\n    name: Idea\n  - id: done\n    name: Done\n",
    });
    const { phases } = config(await loadConfig(port, REPO, templates));
    expect(phases.map((phase) => [phase.id, phase.label, phase.index])).toEqual([
      ["idea", "phase: idea", 0],
      ["done", "phase: done", 1],
    ]);
  });

  it("the preset comes from the merged files, the overlay winning", async () => {
    const port = new FakeConfigPort({
      [OWN]: "_extends: .github\npreset: cht\n",
      [ORG]: "preset: squad-journey\n",
    });
    expect(config(await loadConfig(port, REPO, templates)).phases[0]?.id).toBe("emerging");
  });

  it("`null` replaces a value from below", async () => {
    const port = new FakeConfigPort({ [OWN]: "labels:\n  blocked: null\n" });
    expect(config(await loadConfig(port, REPO, templates)).labels.blocked).toBeNull();
  });

  it("a problem in a value from the preset is reported against the user's file", async () => {
    const port = new FakeConfigPort({
      [OWN]: "_extends: .github\n",
      [ORG]: "phases:\n  - id: blocked\n    name: Blocked\n    label: blocked\n",
    });
    expect(await loadConfig(port, REPO, templates)).toMatchObject({
      ok: false,
      problems: [{ path: "labels.blocked", source: OWN }],
    });
  });
});
