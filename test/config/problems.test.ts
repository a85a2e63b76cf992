import { describe, expect, it } from "vitest";
import { type ConfigProblem, loadConfig, parseConfigText } from "../../src/config/load.js";
import { code, didYouMean, formatPath } from "../../src/config/problems.js";
import { templates } from "../support/templates.js";
import { FakeConfigPort, OWN, REPO } from "./fake-port.js";

async function problemsOf(text: string): Promise<ConfigProblem[]> {
  const result = await loadConfig(new FakeConfigPort({ [OWN]: text }), REPO, templates);
  if (result.ok !== false) throw new Error(`expected problems, got ${JSON.stringify(result)}`);
  return result.problems;
}

const phases = `phases:
  - id: idea
    name: Idea
  - id: build
    name: Build
`;

describe("configuration problems", () => {
  it("an unknown top-level key is named, with a suggestion", async () => {
    expect(await problemsOf("dryrun: true\n")).toEqual([
      { path: "dryrun", message: "unknown key `dryrun` — did you mean `dryRun`?", source: OWN },
    ]);
  });

  it("an unknown key without a close match lists the keys allowed there", async () => {
    const [problem] = await problemsOf("card:\n  colours: true\n");
    expect(problem?.path).toBe("card.colours");
    expect(problem?.message).toBe("unknown key `colours` (allowed here: `mermaid`)");
  });

  it("an unknown nested key gets a did-you-mean from the keys at that path", async () => {
    expect(await problemsOf("labels:\n  colour: 5319e7\n")).toEqual([
      {
        path: "labels.colour",
        message: "unknown key `colour` — did you mean `color`?",
        source: OWN,
      },
    ]);
  });

  it("suggests keys inside a criterion from the criterion's own kind", async () => {
    const text = `${phases}    entry:\n      - type: link\n        knd: scope\n`;
    const found = await problemsOf(text);
    expect(found).toContainEqual({
      path: "phases[1].entry[0].knd",
      message: "unknown key `knd` — did you mean `kind`?",
      source: OWN,
    });
  });

  it("a wrong type says what was expected and what was given", async () => {
    expect(await problemsOf("enabled: yes\n")).toEqual([
      { path: "enabled", message: "expected `true` or `false`, got the text `yes`", source: OWN },
    ]);
    const [list] = await problemsOf("recognize:\n  labels: enhancement\n");
    expect(list).toMatchObject({
      path: "recognize.labels",
      message: "expected a list, got the text `enhancement`",
    });
    const [whole] = await problemsOf("notifications:\n  maxMentions: 2.5\n");
    expect(whole?.message).toBe("expected a whole number, got the number `2.5`");
  });

  it("a number or boolean where text belongs asks for quotes", async () => {
    const [problem] = await problemsOf("labels:\n  color: 000000\n");
    expect(problem?.message).toBe(
      "expected text, got the number `0`: put the value in quotes so that YAML reads it as text",
    );
  });

  it("a missing required key is named", async () => {
    const [problem] = await problemsOf(`${phases}    entry:\n      - type: members\n`);
    expect(problem).toMatchObject({
      path: "phases[1].entry[0].min",
      message: "`min` is missing: expected a number",
    });
  });

  it("a bad enum value lists the allowed values and suggests the closest", async () => {
    expect(await problemsOf("maintainers:\n  permission: wrte\n")).toEqual([
      {
        path: "maintainers.permission",
        message:
          "expected one of `triage`, `write`, `maintain`, `admin`, got the text `wrte` — did you mean `write`?",
        source: OWN,
      },
    ]);
    const [preset] = await problemsOf("preset: chtt\n");
    expect(preset).toMatchObject({
      path: "preset",
      message: expect.stringContaining("did you mean `cht`?"),
    });
  });

  it("an unknown criterion type lists the kinds", async () => {
    const [problem] = await problemsOf(`${phases}    entry:\n      - type: leader\n`);
    expect(problem).toEqual({
      path: "phases[1].entry[0].type",
      message:
        "expected one of `lead`, `link`, `target`, `members`, `checklist`, `reason`, `answer`, got the text `leader` — did you mean `lead`?",
      source: OWN,
    });
  });

  it("a duplicate phase id points at the second one", async () => {
    const text = `phases:\n  - id: build\n    name: Build\n  - id: build\n    name: Build again\n`;
    expect(await problemsOf(text)).toEqual([
      {
        path: "phases[1].id",
        message: "phase id `build` is already used by phases[0]",
        source: OWN,
      },
    ]);
  });

  it("two phases with the same label, even by default, are a problem", async () => {
    const text = `phases:\n  - id: a\n    name: Build\n  - id: b\n    name: BUILD\n`;
    expect(await problemsOf(text)).toEqual([
      {
        path: "phases[1].name",
        message:
          "phase label `phase: build` is already used by phases[0]; give one of them another `label`",
        source: OWN,
      },
    ]);
  });

  it("blocked and protected labels cannot be phase labels", async () => {
    const text = `${phases}labels:\n  blocked: "phase: idea"\n  protected: ["Phase: Build"]\n`;
    const found = await problemsOf(text);
    expect(found.map((problem) => problem.path)).toEqual(["labels.blocked", "labels.protected[0]"]);
  });

  it("a value that does not match a pattern says what was expected", async () => {
    expect(await problemsOf("labels:\n  color: red\n")).toEqual([
      {
        path: "labels.color",
        message: "expected a hex colour without '#', e.g. `5319e7`, got the text `red`",
        source: OWN,
      },
    ]);
    const [id] = await problemsOf("phases:\n  - id: Building\n    name: Building\n");
    expect(id).toMatchObject({
      path: "phases[0].id",
      message:
        "expected lower-case letters, digits and dashes, e.g. `building`, got the text `Building`",
    });
  });

  it("sizes are explained", async () => {
    const [empty] = await problemsOf("phases: []\n");
    expect(empty).toMatchObject({ path: "phases", message: "must not be empty" });
    const [long] = await problemsOf(`phases:\n  - id: a\n    name: ${"x".repeat(61)}\n`);
    expect(long?.message).toBe("must have at most 60 characters, got 61");
    const [big] = await problemsOf("notifications:\n  maxMentions: 500\n");
    expect(big?.message).toBe("must be at most 100, got the number `500`");
  });

  it("reports every problem of a file at once", async () => {
    const found = await problemsOf("colour: red\nenabled: 1\nlabels:\n  blocked: 3\n");
    expect(found.map((problem) => problem.path).sort()).toEqual([
      "colour",
      "enabled",
      "labels.blocked",
    ]);
  });

  it("a YAML syntax error has its line and column", async () => {
    const [problem] = await problemsOf(
      "enabled: true\nlabels:\n  color: 5319e7\n  color: 000000\n",
    );
    expect(problem).toEqual({
      path: "",
      message: "YAML syntax error at line 4, column 3: Map keys must be unique",
      source: OWN,
    });
    const [quote] = await problemsOf('preset: "cht\n');
    expect(quote?.message).toMatch(/^YAML syntax error at line 2, column 1: /);
  });

  it("a file that is not a mapping is a problem", async () => {
    expect(await problemsOf("- preset: cht\n")).toEqual([
      {
        path: "",
        message: "the file must be a mapping of `key: value` lines, but it holds a list",
        source: OWN,
      },
    ]);
    const [text] = await problemsOf("squad-bot\n");
    expect(text?.message).toContain("it holds the text `squad-bot`");
  });

  it("user text cannot mention anyone or break out of its code span", async () => {
    const found = await problemsOf("labels:\n  '@team`x': 1\n");
    expect(found[0]?.message).toContain("unknown key ``@team`x``");
    expect(found[0]?.path).toBe('labels["@team`x"]');
  });
});

describe("parseConfigText", () => {
  it("reads an empty file as an empty mapping", () => {
    expect(parseConfigText("# nothing yet\n", "x", templates)).toEqual({ ok: true, data: {} });
  });

  it("separates `_extends` and drops `$schema`", () => {
    expect(
      parseConfigText("_extends: .github\n$schema: ./s.json\ndryRun: true\n", "x", templates),
    ).toEqual({
      ok: true,
      data: { dryRun: true },
      extends: ".github",
    });
  });

  it("rejects a malformed `_extends`", () => {
    const parsed = parseConfigText("_extends: [a, b]\n", "x", templates);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          path: "_extends",
          message:
            "`_extends` must be `repo`, `owner/repo` or `owner/repo:path/to/file.yml`, got a list",
          source: "x",
        },
      ],
    });
  });

  it("reports an unresolved alias as unreadable YAML", () => {
    const parsed = parseConfigText("a: *nothing\n", "x", templates);
    expect(parsed.ok).toBe(false);
  });
});

describe("problem helpers", () => {
  it("formats paths", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath(["phases", 2, "entry", 0, "kind"])).toBe("phases[2].entry[0].kind");
    expect(formatPath(["labels", "a b"])).toBe('labels["a b"]');
  });

  it("suggests only close words", () => {
    expect(didYouMean("colour", ["color", "blocked"])).toBe("color");
    expect(didYouMean("zzz", ["color", "blocked"])).toBeUndefined();
  });

  it("fences code spans around backticks and shortens long values", () => {
    expect(code("a`b")).toBe("``a`b``");
    expect(code("`x`")).toBe("`` `x` ``");
    expect(code("y".repeat(100))).toBe(`\`${"y".repeat(60)}…\``);
  });
});
