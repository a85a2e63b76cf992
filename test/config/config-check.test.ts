import { describe, expect, it } from "vitest";
import type { ConfigLoadResult, ConfigProblem } from "../../src/config/load.js";
import { validateLayers } from "../../src/config/load.js";
import {
  CHECK_NAME,
  CONFIG_ISSUE_LABEL,
  configChangedIn,
  planConfigErrorIssue,
  problemsHash,
  renderCheckRun,
} from "../../src/features/config-check/plan.js";
import { reportConfigHealth, runConfigCheck } from "../../src/features/config-check/run.js";
import type { IssueSummary } from "../../src/github/types.js";
import { templates } from "../support/templates.js";
import { FakeConfigPort, OWN, REPO } from "./fake-port.js";

const APP = "squad-bot[bot]";
const valid = validateLayers([{ source: OWN, data: {} }], [OWN], templates);
const problem: ConfigProblem = {
  path: "labels.colour",
  message: "unknown key `colour` — did you mean `color`?",
  source: OWN,
};
const invalid: ConfigLoadResult = { ok: false, problems: [problem], sources: [OWN] };
const absent: ConfigLoadResult = { ok: "absent" };

function issue(overrides: Partial<IssueSummary> = {}): IssueSummary {
  return {
    id: "I_1",
    number: 1,
    title: "The squad-bot configuration is invalid",
    body: "",
    state: "open",
    author: APP,
    ...overrides,
  };
}

/** The body the planner writes for `invalid`, as on GitHub after a create. */
function currentIssue(overrides: Partial<IssueSummary> = {}): IssueSummary {
  const plan = planConfigErrorIssue(invalid, [], APP, templates);
  if (plan.kind !== "create") throw new Error("expected create");
  return issue({ body: plan.issue.body, ...overrides });
}

describe("configChangedIn", () => {
  it.each([
    [[".github/squad-bot.yml"], true],
    [["src/a.ts", ".github/squad-bot.yml"], true],
    [[".github/squad-bot.yaml", "squad-bot.yml", ".github/workflows/squad-bot.yml"], false],
    [[], false],
  ])("%j → %s", (paths, expected) => {
    expect(configChangedIn(paths)).toBe(expected);
  });
});

describe("renderCheckRun", () => {
  it("succeeds for a valid configuration and names its phases", () => {
    const report = renderCheckRun(valid, "abc", templates);
    expect(report).toMatchObject({ headSha: "abc", name: CHECK_NAME, conclusion: "success" });
    expect(report.summary).toContain("`squad-journey` preset");
    expect(report.summary).toContain("Inception → Convergence → Building");
    expect(report.summary).toContain("Sunset (optional)");
  });

  it("fails with every problem, its file and path", () => {
    const second = { ...problem, path: "", message: "YAML syntax error at line 1, column 1: x" };
    const report = renderCheckRun({ ...invalid, problems: [problem, second] }, "abc", templates);
    expect(report.conclusion).toBe("failure");
    expect(report.title).toBe("The squad-bot configuration has 2 problems");
    expect(report.summary).toContain(`- \`${OWN}\` at \`labels.colour\`: unknown key \`colour\``);
    expect(report.summary).toContain(`- \`${OWN}\`: YAML syntax error`);
    expect(renderCheckRun(invalid, "abc", templates).title).toBe(
      "The squad-bot configuration has 1 problem",
    );
  });

  it("lists at most 50 problems and counts the rest", () => {
    const many = Array.from({ length: 53 }, (_, i) => ({ ...problem, path: `p${i}` }));
    const summary = renderCheckRun({ ...invalid, problems: many }, "abc", templates).summary;
    expect(summary).toContain("… and 3 more");
    expect(summary).not.toContain("`p50`");
  });

  it("is neutral without a configuration", () => {
    const report = renderCheckRun(absent, "abc", templates);
    expect(report.conclusion).toBe("neutral");
    expect(report.summary).toContain("`.github/squad-bot.yml`");
  });
});

describe("planConfigErrorIssue", () => {
  it("creates one labelled issue, with the problems and a hash marker, when invalid", () => {
    const plan = planConfigErrorIssue(invalid, [], APP, templates);
    expect(plan).toMatchObject({
      kind: "create",
      issue: { title: "The squad-bot configuration is invalid", labels: [CONFIG_ISSUE_LABEL] },
    });
    const body = plan.kind === "create" ? plan.issue.body : "";
    expect(body).toContain("unknown key `colour` — did you mean `color`?");
    expect(body).toContain("### How to fix it");
    expect(body).toMatch(/<!-- squad-bot:config-error \{"hash":"\w+","running":\[\]\} -->/);
  });

  it("keeps the issue open for problems found while running, with a valid config", () => {
    const board = "The roadmap board medic#112 was not found.";
    const plan = planConfigErrorIssue(valid, [], APP, templates, [board]);
    expect(plan).toMatchObject({
      kind: "create",
      issue: { title: "squad-bot cannot use something its configuration names" },
    });
    const body = plan.kind === "create" ? plan.issue.body : "";
    expect(body).toContain(`### Found while running\n\nThe configuration is valid`);
    expect(body).not.toContain("How to fix it");
    const open = issue({ body });
    // A config push knows nothing of the board: the report stands.
    expect(planConfigErrorIssue(valid, [open], APP, templates).kind).toBe("none");
    // The board is fixed: the report closes.
    expect(planConfigErrorIssue(valid, [open], APP, templates, [])).toEqual({
      kind: "close",
      issueId: open.id,
    });
    // An invalid config on top: one issue says both.
    const both = planConfigErrorIssue(invalid, [open], APP, templates);
    expect(both.kind === "update" && both.body).toMatch(
      /colour[\s\S]*Found while running[\s\S]*medic#112/,
    );
  });

  it.each<[string, ConfigLoadResult, IssueSummary[], string]>([
    ["same problems again: nothing", invalid, [currentIssue()], "none"],
    [
      "other problems: update",
      invalid,
      [issue({ body: '<!-- squad-bot:config-error {"hash":"old"} -->' })],
      "update",
    ],
    ["a body without marker: update", invalid, [issue({ body: "edited by someone" })], "update"],
    ["valid again: close", valid, [currentIssue()], "close"],
    ["config removed: close", absent, [currentIssue()], "close"],
    ["valid, no issue: nothing", valid, [], "none"],
    [
      "a user's issue with the label is ignored",
      valid,
      [currentIssue({ author: "mrjones" })],
      "none",
    ],
    [
      "a user's issue does not stand in for ours",
      invalid,
      [currentIssue({ author: "mrjones" })],
      "create",
    ],
    [
      "the GraphQL login without [bot] counts",
      valid,
      [currentIssue({ author: "squad-bot" })],
      "close",
    ],
    ["closed issues do not count", invalid, [currentIssue({ state: "closed" })], "create"],
  ])("%s", (_, result, existing, kind) => {
    expect(planConfigErrorIssue(result, existing, APP, templates).kind).toBe(kind);
  });

  it("keeps the oldest of two of its own issues and closes the other", () => {
    const older = currentIssue({ id: "I_old", number: 3 });
    const newer = currentIssue({ id: "I_new", number: 9 });
    expect(planConfigErrorIssue(invalid, [newer, older], APP, templates)).toEqual({
      kind: "close",
      issueId: "I_new",
    });
  });

  it("changes the hash only when the problems change", () => {
    expect(problemsHash([problem])).toBe(problemsHash([{ ...problem }]));
    expect(problemsHash([problem])).not.toBe(problemsHash([{ ...problem, path: "labels" }]));
  });
});

describe("runners", () => {
  it("runConfigCheck reads the config at the commit and reports a check run", async () => {
    const port = new FakeConfigPort({ [`${OWN}@abc`]: "labels:\n  colour: red\n" });
    const result = await runConfigCheck(port, REPO, { sha: "abc" }, APP, { templates });
    expect(result.ok).toBe(false);
    expect(port.checkRuns).toHaveLength(1);
    expect(port.checkRuns[0]?.report).toMatchObject({ headSha: "abc", conclusion: "failure" });
  });

  it("reportConfigHealth opens, leaves alone on redelivery, updates, then closes", async () => {
    const port = new FakeConfigPort({}, [issue({ id: "I_user", number: 5, author: "mrjones" })]);
    await reportConfigHealth(port, REPO, invalid, APP, { templates });
    expect(port.created).toHaveLength(1);

    const redelivered = await reportConfigHealth(port, REPO, invalid, APP, { templates });
    expect(redelivered).toEqual([]);
    expect(port.mutations).toEqual([]);

    const other = { ...invalid, problems: [{ ...problem, path: "labels.colr" }] };
    expect(
      (await reportConfigHealth(port, REPO, other, APP, { templates })).map((s) => s.kind),
    ).toEqual(["update"]);

    expect(
      (await reportConfigHealth(port, REPO, valid, APP, { templates })).map((s) => s.kind),
    ).toEqual(["close"]);
    expect(port.issues.filter((i) => i.state === "open").map((i) => i.id)).toEqual(["I_user"]);
    expect(port.mutations).toHaveLength(2);
  });

  it("reportConfigHealth closes duplicates in one batched mutation", async () => {
    const port = new FakeConfigPort({}, [
      currentIssue({ id: "I_a", number: 1 }),
      currentIssue({ id: "I_b", number: 2 }),
      currentIssue({ id: "I_c", number: 3 }),
    ]);
    const steps = await reportConfigHealth(port, REPO, valid, APP, { templates });
    expect(steps.map((s) => s.kind)).toEqual(["close", "close", "close"]);
    expect(port.mutations).toHaveLength(1);
    expect(port.listCalls).toBe(1);
  });
});
